using System.Text.RegularExpressions;
using Vigil.Tests;

namespace Vigil.Travel.Tests.Ssr;

/// <summary>SSR free texts as the shared PNRGOV samples carry them, read with a plain pattern.</summary>
internal static partial class PnrgovSamples
{
    public static IEnumerable<string> SsrTexts(string code) =>
        SharedData.Files(Path.Combine("data", "messages", "pnrgov"))
            .SelectMany(path => SsrSegment().Matches(File.ReadAllText(path)))
            .Where(m => m.Groups["code"].Value == code)
            .Select(m => m.Groups["text"].Value)
            .Distinct(StringComparer.Ordinal);

    // SSR+CODE:status:qty:carrier:::board:off:TEXT — the free text is the ninth component of the first element.
    [GeneratedRegex(@"SSR\+(?<code>[A-Z]{4})(?::[^:+']*){7}:(?<text>[^+']*)")]
    private static partial Regex SsrSegment();
}
