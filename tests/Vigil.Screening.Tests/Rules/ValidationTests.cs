using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>Rules refused on save, each problem pointing at its term.</summary>
public class ValidationTests
{
    private static RuleProblem Single(RuleCondition condition)
    {
        var problems = RuleValidator.Validate(Rule(condition), Lists().Snapshot());
        return Assert.Single(problems);
    }

    [Fact]
    public void An_unknown_field_is_named_with_its_path_and_a_suggestion()
    {
        var condition = new AllOf([Term("traveler.age", "greaterThan", "18"), Term("traveler.age", "lessThan", "60"),
            new AnyOf([Term("traveler.nationalty", "equals", "NLD")])]);
        var problem = Single(condition);
        Assert.Equal("condition.all[2].any[0]", problem.Path);
        Assert.Equal("traveler.nationalty", problem.Field);
        Assert.Equal("equals", problem.Operator);
        Assert.Contains("Unknown field", problem.Message);
        Assert.Contains("condition.all[2].any[0] (traveler.nationalty equals)", problem.ToString());
    }

    [Fact]
    public void A_field_named_by_its_last_word_gets_the_full_name_suggested()
    {
        Assert.Contains("traveler.nationality", Single(Term("nationality", "equals", "NLD")).Message);
    }

    [Theory]
    [InlineData("traveler.age", "startsWith", "3", "does not apply to a number field")]
    [InlineData("traveler.nationality", "lessThan", "3", "does not apply to a text field")]
    [InlineData("traveler.verified", "in", "true", "does not apply to a flag field")]
    [InlineData("traveler.age", "equals", "thirty", "'thirty' is not a number")]
    [InlineData("document.expiry", "before", "30/03/2026", "a date in the form yyyy-MM-dd")]
    [InlineData("booking.cash", "equals", "yes", "true or false")]
    [InlineData("traveler.age", "frobnicate", "1", "Unknown operator")]
    [InlineData("traveler.age", "between", "60|18", "from low to high")]
    [InlineData("traveler.age", "between", "18", "exactly two values")]
    [InlineData("traveler.age", "equals", "1|2", "exactly one value")]
    [InlineData("traveler.age", "isEmpty", "1", "takes no value")]
    [InlineData("traveler.nationality", "equals", " ", "use 'isEmpty'")]
    public void A_type_or_arity_mismatch_is_refused(string field, string op, string values, string expected)
    {
        var problem = Single(Term(field, op, values.Split('|')));
        Assert.Equal("condition", problem.Path);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void An_empty_in_list_is_refused()
    {
        Assert.Contains("non-empty values list", Single(Term("traveler.nationality", "in")).Message);
        Assert.Contains("non-empty values list", Single(Term("traveler.nationality", "notIn")).Message);
    }

    [Fact]
    public void MemberOf_needs_a_list_that_exists()
    {
        Assert.Contains("needs the name of a value list", Single(Term("traveler.nationality", "memberOf")).Message);
        Assert.Contains("'nowhere' does not exist", Single(new RuleTerm("traveler.nationality", "memberOf", []) { List = "nowhere" }).Message);
        Assert.Contains("read only by memberOf", Single(new RuleTerm("traveler.nationality", "equals", ["NLD"]) { List = "agencies" }).Message);
    }

    [Theory]
    [InlineData("([A-Z]", "not a valid regular expression")]
    [InlineData(@"(\w+)\1", "needs backtracking")]
    [InlineData("(?<=X)Y", "needs backtracking")]
    public void A_bad_or_unsafe_pattern_is_refused(string pattern, string expected)
    {
        var problem = Single(new AnyOf([Term("traveler.birthPlace", "equals", "X"), Term("traveler.birthPlace", "matches", pattern)]));
        Assert.Equal("condition.any[1]", problem.Path);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void A_pattern_longer_than_the_limit_is_refused()
    {
        Assert.Contains("at most 200", Single(Term("traveler.birthPlace", "matches", new string('A', 201))).Message);
    }

    [Fact]
    public void Days_are_required_where_read_and_refused_elsewhere()
    {
        Assert.Contains("give days", Single(Term("history.countries", "equals", "YEM")).Message);
        Assert.Contains("'withinDays' needs days", Single(Term("document.expiry", "withinDays")).Message);
        Assert.Contains("between 1 and", Single(new RuleTerm("history.trips", "greaterThan", ["1"]) { Days = 0 }).Message);
        Assert.Contains("read only by withinDays", Single(new RuleTerm("traveler.age", "equals", ["1"]) { Days = 3 }).Message);
    }

    [Fact]
    public void Empty_groups_bad_links_and_rule_fields_are_refused_with_their_paths()
    {
        Assert.Equal("condition.not.all", Single(new NoneOf(new AllOf([]))).Path);
        Assert.Contains("Unknown link 'fax'", Single(new LinkTerm("fax", "watchListed")).Message);
        Assert.Contains("Unknown link target", Single(new LinkTerm("phone", "friends")).Message);
        Assert.Contains("shares its agency", Single(new LinkTerm("agency", "bookingHit")).Message);
        var rule = Rule(Term("traveler.age", "equals", "1")) with { Owner = "", EffectiveFrom = new DateOnly(2026, 2, 1), EffectiveTo = new DateOnly(2026, 1, 1) };
        var problems = RuleValidator.Validate(rule, Lists().Snapshot());
        Assert.Equal(["owner", "effectiveTo"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var condition = new AllOf([Term("nope.x", "equals", "1"), new NoneOf(Term("traveler.age", "equals", "old")), Term("traveler.nationality", "in")]);
        var problems = RuleValidator.Validate(Rule(condition), Lists().Snapshot());
        Assert.Equal(["condition.all[0]", "condition.all[1].not", "condition.all[2]"], problems.Select(p => p.Path));
    }

    [Fact]
    public void A_rule_that_does_not_validate_cannot_be_compiled()
    {
        var error = Assert.Throws<RuleValidationException>(() => RuleSet.Compile([Rule(Term("traveler.age", "equals", "x"))], Lists().Snapshot()));
        Assert.Equal("T-1", error.RuleId);
        Assert.Single(error.Problems);
    }
}
