using System.Text.Json;
using Vigil.Tests;

namespace Vigil.Cli.Tests;

/// <summary>The command-line contract of <c>vigil rules test</c>, exercised through the real executable.</summary>
public class RulesCommandTests
{
    private const string AdultsWithBags = """
        { "id": "T-BAGS", "title": "Adults with checked bags", "owner": "NL-PIU",
          "condition": { "all": [
            { "field": "traveler.age", "op": "greaterThan", "value": 30 },
            { "field": "booking.bags", "op": "greaterThan", "value": 0 } ] } }
        """;

    private static readonly string BagsSample = SharedData.PathOf("data", "messages", "pnrgov", "gtas-pnrWithBags.txt");

    private static string WriteTemporary(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-rules-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Json_lists_every_match_with_the_terms_and_actual_values()
    {
        var (exit, stdout, stderr) = ParseCommandTests.RunVigil("rules", "test", WriteTemporary(AdultsWithBags), "--messages", BagsSample, "--json");

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal(["T-BAGS"], root.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.True(root.GetProperty("travelers").GetInt32() > 100);
        var matches = root.GetProperty("matches").EnumerateArray().ToList();
        Assert.NotEmpty(matches);
        Assert.True(matches.Count < root.GetProperty("travelers").GetInt32());
        foreach (var match in matches)
        {
            var terms = match.GetProperty("explanation").GetProperty("terms");
            Assert.Equal(2, terms.GetArrayLength());
            Assert.True(terms[0].GetProperty("actual").GetDouble() > 30);
            Assert.True(terms[1].GetProperty("actual").GetDouble() > 0);
            Assert.Equal("UA988", match.GetProperty("flight").GetString());
        }

        // The text form tells the same story.
        var (_, text, _) = ParseCommandTests.RunVigil("rules", "test", WriteTemporary(AdultsWithBags), "--messages", BagsSample);
        Assert.Contains($"{matches.Count} match(es)", text);
        Assert.Contains("traveler.age greaterThan 30 — actual", text);
    }

    [Fact]
    public void A_rule_reading_a_value_list_takes_the_lists_file()
    {
        var rule = """
            [{ "id": "T-LIST", "title": "Listed record locator", "owner": "NL-PIU",
               "condition": { "field": "booking.recordLocator", "op": "memberOf", "list": "locators" } },
             { "id": "T-NONE", "title": "Nobody", "owner": "NL-PIU",
               "condition": { "field": "traveler.age", "op": "greaterThan", "value": 200 } }]
            """;
        var (_, all, _) = ParseCommandTests.RunVigil("rules", "test", WriteTemporary(AdultsWithBags), "--messages", BagsSample, "--json");
        using var first = JsonDocument.Parse(all);
        var locator = first.RootElement.GetProperty("matches")[0].GetProperty("recordLocator").GetString()!;
        var lists = WriteTemporary($$"""{ "locators": ["{{locator.ToLowerInvariant()}}"] }""");

        var (exit, stdout, stderr) = ParseCommandTests.RunVigil("rules", "test", WriteTemporary(rule), "--messages", BagsSample, "--lists", lists, "--json");

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var matches = document.RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal((locator, "T-LIST"), (m.GetProperty("recordLocator").GetString(), m.GetProperty("rule").GetString())));
        Assert.Equal("locators", matches[0].GetProperty("explanation").GetProperty("lists")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void An_invalid_rule_is_refused_with_the_terms_path_and_exit_code_2()
    {
        var rule = """
            { "id": "T-BAD", "title": "Bad", "owner": "NL-PIU",
              "condition": { "all": [ { "field": "traveler.age", "op": "greaterThan", "value": 30 },
                                      { "any": [ { "field": "traveler.nationalty", "op": "equals", "value": "NLD" } ] } ] } }
            """;
        var (exit, stdout, stderr) = ParseCommandTests.RunVigil("rules", "test", WriteTemporary(rule), "--messages", BagsSample);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("condition.all[1].any[0] (traveler.nationalty equals): Unknown field", stderr);
    }

    [Fact]
    public void A_missing_message_file_is_named_and_the_others_still_run()
    {
        var (exit, stdout, stderr) = ParseCommandTests.RunVigil("rules", "test", WriteTemporary(AdultsWithBags), "--messages", "/nonexistent/push.edi", BagsSample);

        Assert.Equal(1, exit);
        Assert.Contains("/nonexistent/push.edi: no such file", stderr);
        Assert.Contains("match(es)", stdout);
    }
}
