using Vigil.Screening.Hits;
using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

public class RuleJsonTests
{
    private const string Example = """
        {
          "id": "NL-ROUTE-007",
          "title": "Young one-way traveler paying cash, through a listed country",
          "description": "Case 2026/17 pattern.",
          "category": "routing",
          "severity": "high",
          "owner": "NL-PIU",
          "effectiveFrom": "2026-01-01",
          "enabled": true,
          "condition": {
            "all": [
              { "field": "traveler.age", "op": "between", "values": [18, 40] },
              { "field": "booking.oneWay", "op": "equals", "value": true },
              { "any": [
                { "field": "booking.cash", "op": "equals", "value": true },
                { "field": "booking.daysBeforeDeparture", "op": "lessThan", "value": 3 }
              ] },
              { "field": "flight.countries", "op": "memberOf", "list": "countries-of-concern" },
              { "not": { "field": "traveler.nationality", "op": "in", "values": ["LBN"] } },
              { "field": "history.countries", "op": "memberOf", "list": "countries-of-concern", "days": 365 },
              { "link": "phone", "with": "watchListed" }
            ]
          }
        }
        """;

    [Fact]
    public void The_documented_example_reads_into_the_model()
    {
        var rule = RuleJson.Parse(Example);
        Assert.Equal(("NL-ROUTE-007", FindingSeverity.High, "NL-PIU", new DateOnly(2026, 1, 1)), (rule.Id, rule.Severity, rule.Owner, rule.EffectiveFrom!.Value));
        var all = Assert.IsType<AllOf>(rule.Condition);
        Assert.Equal(7, all.Conditions.Count);
        var age = Assert.IsType<RuleTerm>(all.Conditions[0]);
        Assert.Equal(("traveler.age", "between"), (age.Field, age.Operator));
        Assert.Equal(["18", "40"], age.Values);
        Assert.Equal(["true"], ((RuleTerm)all.Conditions[1]).Values);
        Assert.IsType<AnyOf>(all.Conditions[2]);
        Assert.Equal("countries-of-concern", ((RuleTerm)all.Conditions[3]).List);
        Assert.IsType<NoneOf>(all.Conditions[4]);
        Assert.Equal(365, ((RuleTerm)all.Conditions[5]).Days);
        Assert.Equal(new LinkTerm("phone", "watchListed"), all.Conditions[6]);
        Assert.Empty(RuleValidator.Validate(rule, Lists().Snapshot()));
    }

    [Fact]
    public void Writing_and_reading_again_gives_the_same_rule_and_the_same_text()
    {
        var rule = RuleJson.Parse(Example) with { Version = 4 };
        var written = RuleJson.Write(rule);
        var again = RuleJson.Parse(written);
        Assert.Equal(written, RuleJson.Write(again));
        Assert.Equal(4, again.Version);
        var compact = string.Concat(written.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("\"values\":[18,40]", compact);
        Assert.Contains("\"value\":true", compact);
    }

    [Fact]
    public void ParseMany_reads_one_rule_or_an_array()
    {
        Assert.Single(RuleJson.ParseMany(Example));
        var two = RuleJson.ParseMany($"[{Example}, {Example.Replace("NL-ROUTE-007", "NL-ROUTE-008", StringComparison.Ordinal)}]");
        Assert.Equal(["NL-ROUTE-007", "NL-ROUTE-008"], two.Select(r => r.Id));
    }

    [Theory]
    [InlineData("""{"id":"a","title":"t","owner":"o"}""", "condition", "needs a condition")]
    [InlineData("""{"id":"a","title":"t","owner":"o","condition":{"all":[{"field":"traveler.age"}]}}""", "condition.all[0].op", "'op' is required")]
    [InlineData("""{"id":"a","title":"t","owner":"o","condition":{"all":[{"any":[{"field":"x","op":"in","values":[{}]}]}]}}""", "condition.all[0].any[0].values[0]", "string, a number or true/false")]
    [InlineData("""{"id":"a","title":"t","owner":"o","condition":{"all":[], "any":[]}}""", "condition", "has all and any")]
    [InlineData("""{"id":"a","title":"t","owner":"o","severity":"urgent","condition":{"all":[]}}""", "severity", "not one of")]
    [InlineData("""{"id":"a","title":"t","owner":"o","effectiveTo":"31.12.2026","condition":{"all":[]}}""", "effectiveTo", "yyyy-MM-dd")]
    [InlineData("""[{"id":"a","title":"t","owner":"o","condition":{"not":{"field":"x","op":"in","days":"7"}}}]""", "[0].condition.not.days", "whole number")]
    [InlineData("""{"id":"a","title":"t","owner":"o","enabled":"no","condition":{"all":[]}}""", "enabled", "true or false")]
    [InlineData("""{"id":"a", "title": """, "line", "not valid JSON")]
    public void A_malformed_document_is_refused_at_its_path(string json, string path, string expected)
    {
        var error = Assert.Throws<RuleFormatException>(() => RuleJson.ParseMany(json));
        Assert.StartsWith(path, error.Problem.Path, StringComparison.Ordinal);
        Assert.Contains(expected, error.Problem.Message);
        var (rule, problems) = RuleValidator.ValidateJson(json.TrimStart('['), Lists().Snapshot());
        Assert.Null(rule);
        Assert.Single(problems);
    }
}
