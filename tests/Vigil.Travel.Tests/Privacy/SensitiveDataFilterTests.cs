using Vigil.Travel.Privacy;

namespace Vigil.Travel.Tests.Privacy;

public class SensitiveDataFilterTests
{
    private static readonly SensitiveDataFilter Filter = SensitiveDataFilter.Default;

    [Theory]
    [InlineData("MOML", "religion")]
    [InlineData("KSML", "religion")]
    [InlineData("HNML", "religion")]
    [InlineData("VJML", "religion")]
    [InlineData("AVML", "religion")]
    [InlineData("moml", "religion")]
    [InlineData("DBML", "health")]
    [InlineData("GFML", "health")]
    [InlineData("LSML", "health")]
    [InlineData("LFML", "health")]
    [InlineData("NLML", "health")]
    [InlineData("BLML", "health")]
    [InlineData("PRML", "health")]
    [InlineData("WCHR", "health")]
    [InlineData("WCHS", "health")]
    [InlineData("WCHC", "health")]
    [InlineData("WCBD", "health")]
    [InlineData("WCBW", "health")]
    [InlineData("WCMP", "health")]
    [InlineData("WCOB", "health")]
    [InlineData("MEDA", "health")]
    [InlineData("BLND", "health")]
    [InlineData("DEAF", "health")]
    [InlineData("DPNA", "health")]
    [InlineData("STCR", "health")]
    [InlineData("OXYG", "health")]
    [InlineData("SVAN", "health")]
    public void Sensitive_ssr_codes_have_their_category(string code, string category)
    {
        Assert.Equal(category, Filter.CategoryOfSsr(code));
    }

    [Theory]
    [InlineData("VGML")]
    [InlineData("VLML")]
    [InlineData("CHML")]
    [InlineData("BBML")]
    [InlineData("SFML")]
    [InlineData("MAAS")]
    [InlineData("UMNR")]
    [InlineData("DOCS")]
    [InlineData("SEAT")]
    [InlineData("")]
    public void Other_ssr_codes_are_not_sensitive(string code)
    {
        Assert.Null(Filter.CategoryOfSsr(code));
    }

    [Theory]
    [InlineData("PAX REQUESTS MUSLIM MEAL", "religion")]
    [InlineData("HALAL ONLY", "religion")]
    [InlineData("kosher please", "religion")]
    [InlineData("NO PORK", "religion")]
    [InlineData("NEEDS WHEELCHAIR AT ARRIVAL", "health")]
    [InlineData("PAX PREGNANT 30 WEEKS", "health")]
    [InlineData("DIABETIC/INSULIN IN CABIN", "health")]
    [InlineData("REQ WCHR", "health")]
    [InlineData("SSR MOML HK1", "religion")]
    [InlineData("MEMBER OF TRADE UNION DELEGATION", "trade-union")]
    [InlineData("POLITICAL PARTY DELEGATION", "political-opinion")]
    [InlineData("SAME SEX PARTNER", "sex-life")]
    [InlineData("ETHNICITY RECORDED", "ethnic-origin")]
    public void Sensitive_text_has_its_category(string text, string category)
    {
        Assert.Equal(category, Filter.CategoryOfText(text));
    }

    [Theory]
    [InlineData("MR MOSLEY")]
    [InlineData("THIS PASSENGER IS A VIP")]
    [InlineData("GN FROM NONE TO ACME TEAM PARTY")]
    [InlineData("CTCE AARON..EMMOTT//GMAIL.COM")]
    [InlineData("BLINDSIDE TOURS")]
    [InlineData("HALALI")]
    [InlineData("CHRISTIAN JAIN")]
    [InlineData("EUROPEAN UNION")]
    [InlineData("TRADE")]
    [InlineData("")]
    public void Other_text_is_not_sensitive(string text)
    {
        Assert.Null(Filter.CategoryOfText(text));
    }

    [Fact]
    public void No_osi_text_in_the_shared_samples_is_flagged()
    {
        var texts = Vigil.Tests.SharedData.Files(Path.Combine("data", "messages", "pnrgov"))
            .SelectMany(path => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(path), @"IFT\+4:28[^+']*\+([^']*)"))
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Null(Filter.CategoryOfText(t)));
    }

    [Fact]
    public void Every_default_category_is_a_directive_category()
    {
        Assert.NotEmpty(Filter.SsrCodes);
        Assert.All(Filter.SsrCodes.Values, c => Assert.Contains(c, SensitiveDataFilter.Categories));
    }

    [Fact]
    public void An_operator_list_replaces_the_defaults()
    {
        var path = WriteTemp("""
            // our own list
            {
              "ssrCodes": { "religion": ["VGML"] },
              "terms": { "health": ["SEASICK", "SEA SICKNESS"] },
            }
            """);
        var filter = SensitiveDataFilter.Load(path);

        Assert.Equal("religion", filter.CategoryOfSsr("VGML"));
        Assert.Null(filter.CategoryOfSsr("MOML"));
        Assert.Equal("health", filter.CategoryOfText("PAX IS SEASICK"));
        Assert.Equal("health", filter.CategoryOfText("sea  sickness"));
        Assert.Equal("religion", filter.CategoryOfText("REQ VGML"));
        Assert.Null(filter.CategoryOfText("HALAL"));
    }

    [Fact]
    public void An_operator_list_can_extend_the_defaults()
    {
        var path = WriteTemp("""{ "includeDefaults": true, "ssrCodes": { "health": ["MAAS"] } }""");
        var filter = SensitiveDataFilter.Load(path);

        Assert.Equal("health", filter.CategoryOfSsr("MAAS"));
        Assert.Equal("religion", filter.CategoryOfSsr("MOML"));
        Assert.Equal("religion", filter.CategoryOfText("HALAL"));
        Assert.Equal("health", filter.CategoryOfText("DEAF"));
    }

    [Theory]
    [InlineData("""{ "ssrCodes": { "diet": ["VGML"] } }""")]
    [InlineData("""{ "ssrCodes": { "health": "WCHR" } }""")]
    [InlineData("""{ "terms": { "health": [" - "] } }""")]
    [InlineData("""{ "ssrCodes": { "health": ["WC HR"] } }""")]
    [InlineData("[]")]
    [InlineData("{ not json")]
    public void A_bad_operator_list_is_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => SensitiveDataFilter.Load(WriteTemp(json)));
    }

    [Fact]
    public void A_missing_operator_list_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => SensitiveDataFilter.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json")));
    }

    [Fact]
    public void The_documented_default_list_matches_the_embedded_one()
    {
        var doc = File.ReadAllText(Path.Combine(Vigil.Tests.SharedData.RepositoryRoot, "docs", "privacy.md"));
        foreach (var (code, category) in Filter.SsrCodes)
        {
            Assert.Contains($"| {code} | {category} |", doc);
        }
    }

    private static string WriteTemp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "vigil-sensitive-" + Guid.NewGuid() + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
