using System.Text.Json;
using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>What a match says: the terms that made the rule true, with the traveler's actual values.</summary>
public class ExplanationTests
{
    private static RuleMatch Match(RuleCondition condition, RuleEnvironment? environment = null)
    {
        var set = RuleSet.Compile([Rule(condition) with { Version = 3 }], Lists().Snapshot());
        return Assert.Single(set.Evaluate(Subject, environment ?? Environment()));
    }

    [Fact]
    public void And_names_every_term_or_only_the_true_ones_and_not_the_false_ones_inside()
    {
        var match = Match(new AllOf([
            Term("traveler.age", "between", "18", "40"),
            new AnyOf([Term("booking.cash", "equals", "true"), Term("booking.daysBeforeDeparture", "lessThan", "3")]),
            new NoneOf(Term("traveler.nationality", "in", "LBN", "SYR")),
        ]));

        Assert.Equal(["condition.all[0]", "condition.all[1].any[0]", "condition.all[2].not"], match.Terms.Select(t => t.Path));
        Assert.Equal([35.0, true, "NLD"], match.Terms.Select(t => t.Actual));
        Assert.Equal([false, false, true], match.Terms.Select(t => t.Negated));
        Assert.Equal("not traveler.nationality in LBN, SYR", match.Terms[2].Describe());
    }

    [Fact]
    public void The_stored_json_names_the_rule_version_terms_actual_values_and_list_versions()
    {
        var match = Match(new AllOf([
            new RuleTerm("flight.countries", "memberOf", []) { List = "countries-of-concern" },
            new RuleTerm("history.countries", "memberOf", []) { List = "countries-of-concern", Days = 90 },
            Term("document.expiry", "before", "2026-04-01"),
        ]));

        using var json = JsonDocument.Parse(match.ExplanationJson);
        var root = json.RootElement;
        Assert.Equal("T-1", root.GetProperty("rule").GetString());
        Assert.Equal(3, root.GetProperty("version").GetInt32());
        Assert.Equal("2026-03-10", root.GetProperty("departureDay").GetString());
        var terms = root.GetProperty("terms");
        Assert.Equal(["NLD", "TUR", "LBN"], terms[0].GetProperty("actual").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("countries-of-concern", terms[0].GetProperty("list").GetString());
        Assert.Contains("YEM", terms[1].GetProperty("actual").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(90, terms[1].GetProperty("days").GetInt32());
        Assert.Equal("2026-03-30", terms[2].GetProperty("actual").GetString());
        Assert.Equal("2026-04-01", terms[2].GetProperty("value").GetString());
        var list = Assert.Single(root.GetProperty("lists").EnumerateArray());
        Assert.Equal(("countries-of-concern", 1), (list.GetProperty("name").GetString(), list.GetProperty("version").GetInt32()));
    }

    [Fact]
    public void A_link_explains_itself_with_the_shared_identifier_and_whose_it_is()
    {
        var links = new LinkDirectory().Add(LinkKind.Card, "XXXX XXXX XXXX 4242", new LinkSource(LinkSourceKind.WatchListed, "OFAC:12345"));
        var match = Match(new LinkTerm("card", "watchListed"), Environment(links));
        using var json = JsonDocument.Parse(match.ExplanationJson);
        var actual = Assert.Single(json.RootElement.GetProperty("terms")[0].GetProperty("actual").EnumerateArray());
        Assert.Equal("XXXXXXXXXXXX4242", actual.GetProperty("identifier").GetString());
        Assert.Equal("OFAC:12345", actual.GetProperty("source").GetString());
    }

    [Fact]
    public void A_not_over_an_or_explains_through_every_false_term()
    {
        var match = Match(new NoneOf(new AnyOf([Term("traveler.gender", "equals", "F"), Term("booking.group", "equals", "true")])));
        Assert.Equal(["condition.not.any[0]", "condition.not.any[1]"], match.Terms.Select(t => t.Path));
        Assert.All(match.Terms, t => Assert.True(t.Negated));
        Assert.Equal(["M", false], match.Terms.Select(t => t.Actual));
    }

    [Fact]
    public void No_match_no_explanation()
    {
        var set = RuleSet.Compile([Rule(Term("traveler.gender", "equals", "F"))], Lists().Snapshot());
        Assert.Empty(set.Evaluate(Subject, Environment()));
    }
}
