using Vigil.Travel.Ssr;

namespace Vigil.Travel.Tests.Ssr;

/// <summary>Garbage in any parser yields findings, never an exception.</summary>
public class SsrFuzzTests
{
    private const string Alphabet = "/ -.?+:'PMFIHVDR0123456789ABCJUNOCTXYZ/////\t\u00e9\u0416";

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(20250314);
        var reference = new DateOnly(2025, 3, 14);
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomText(random, i % 3 == 0 ? "12JUN85/" : "");
            var findings = new List<SsrFinding>();
            SsrParsers.ParseDocs(text, reference, findings);
            SsrParsers.ParseDoco(text, reference, findings);
            SsrParsers.ParseDoca(text, findings);
            SsrParsers.ParseEmail(text, findings);
            SsrParsers.ParsePhone(text, findings);
            SsrParsers.ParseFrequentFlyer(text, i % 2 == 0 ? "XY" : null, findings);
            SsrParsers.ParseInfant(text, reference, findings);
            SsrParsers.ParseTicket(text, findings);
            SsrParsers.NormaliseSeat(text);
            PersonTitles.Split(text);
            PersonTitles.SplitAirimp(text);
            Vigil.Travel.Privacy.SensitiveDataFilter.Default.CategoryOfText(text);
        }
    }

    [Fact]
    public void Null_text_never_throws()
    {
        var findings = new List<SsrFinding>();
        var reference = new DateOnly(2025, 3, 14);
        SsrParsers.ParseDocs(null!, reference, findings);
        SsrParsers.ParseDoco(null!, reference, findings);
        SsrParsers.ParseDoca(null!, findings);
        Assert.Null(SsrParsers.ParseEmail(null!, findings));
        Assert.Null(SsrParsers.ParsePhone(null!, findings));
        Assert.Null(SsrParsers.ParseFrequentFlyer(null!, null, findings));
        SsrParsers.ParseInfant(null!, reference, findings);
        Assert.Null(SsrParsers.ParseTicket(null!, findings));
        Assert.Equal("", SsrParsers.NormaliseSeat(null!));
        Assert.NotEmpty(findings);
    }

    private static string RandomText(Random random, string seed)
    {
        var length = random.Next(0, 80);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        var text = new string(chars);
        return seed.Length > 0 ? text.Insert(random.Next(text.Length + 1), seed) : text;
    }
}
