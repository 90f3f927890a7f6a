using System.Text.RegularExpressions;
using Vigil.Tests;
using Vigil.Travel.Ssr;
using Vigil.Travel.Synthetic;

namespace Vigil.Travel.Tests.Ssr;

/// <summary>The quick reading of well-formed DOCS must give exactly what the general reading gives.</summary>
public partial class DocsFastPathTests
{
    private static readonly DateOnly Reference = new(2025, 3, 14);

    public static IEnumerable<string> DocsTexts()
    {
        var shared = SharedData.Files(Path.Combine("data", "messages", "pnrgov"))
            .SelectMany(path => DocsPattern().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value));
        var generated = new PnrgovGenerator(7).Generate(6)
            .SelectMany(file => DocsPattern().Matches(System.Text.Encoding.UTF8.GetString(file.Content)).Select(m => m.Groups[1].Value));
        string[] variants =
        [
            "/P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF",
            "/P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF MR/ALI",
            "/P/MAR/AB1234567/MAR/12JUN85/FI/01JAN30/EL AMRANI/SARA",
            "/P/MAR/AB1234567/MAR/12JUN85/M//EL AMRANI/YOUSSEF",
            "/P/MA/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF",
            "/P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF/H",
            "/P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF-1EL AMRANI/SARA",
            "/p/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF",
            "/P/MAR/AB1234567/MAR/31FEB85/M/01JAN30/EL AMRANI/YOUSSEF",
            "/P//AB1234567//12JUN85/M/01JAN30/DREW/WILLIAMS",
            "/P/MAR/ AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF",
        ];
        return shared.Concat(generated).Concat(variants).Distinct();
    }

    [Fact]
    public void The_quick_reading_equals_the_general_one_for_every_docs_seen()
    {
        var texts = DocsTexts().ToList();
        Assert.True(texts.Count > 200, $"only {texts.Count} DOCS texts to compare");
        foreach (var text in texts)
        {
            var quickFindings = new List<SsrFinding>();
            var generalFindings = new List<SsrFinding>();

            var quick = DocsReader.Read(text, Reference, quickFindings);
            var general = DocsReader.Read(text, Reference, generalFindings, fastPath: false);

            Assert.True(quick == general, $"'{text}': {quick} != {general}");
            Assert.Equal(generalFindings, quickFindings);
        }
    }

    [GeneratedRegex(@"SSR\+DOCS:[^']*?:::::([^'+]*)")]
    private static partial Regex DocsPattern();
}
