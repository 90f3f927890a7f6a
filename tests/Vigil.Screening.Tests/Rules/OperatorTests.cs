using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>Every operator on every type of field, fired and not fired, over the hand-written subject.</summary>
public class OperatorTests
{
    [Theory]
    // Numbers: traveler.age is 35 (born 1990-03-11, departs 2026-03-10 — one day short of 36).
    [InlineData("traveler.age", "equals", "35", true)]
    [InlineData("traveler.age", "equals", "36", false)]
    [InlineData("traveler.age", "notEquals", "36", true)]
    [InlineData("traveler.age", "notEquals", "35", false)]
    [InlineData("traveler.age", "in", "18|35|60", true)]
    [InlineData("traveler.age", "in", "18|60", false)]
    [InlineData("traveler.age", "notIn", "18|60", true)]
    [InlineData("traveler.age", "notIn", "35", false)]
    [InlineData("traveler.age", "lessThan", "36", true)]
    [InlineData("traveler.age", "lessThan", "35", false)]
    [InlineData("traveler.age", "greaterThan", "34.5", true)]
    [InlineData("traveler.age", "greaterThan", "35", false)]
    [InlineData("traveler.age", "between", "18|35", true)]
    [InlineData("traveler.age", "between", "36|60", false)]
    // Dates: the passport expires 2026-03-30.
    [InlineData("document.expiry", "equals", "2026-03-30", true)]
    [InlineData("document.expiry", "notEquals", "2026-03-30", false)]
    [InlineData("document.expiry", "before", "2026-04-01", true)]
    [InlineData("document.expiry", "before", "2026-03-30", false)]
    [InlineData("document.expiry", "after", "2026-03-29", true)]
    [InlineData("document.expiry", "after", "2026-03-30", false)]
    [InlineData("document.expiry", "between", "2026-03-01|2026-03-31", true)]
    [InlineData("document.expiry", "between", "2026-04-01|2026-12-31", false)]
    // Flags: the data was verified; the booking is one-way.
    [InlineData("traveler.verified", "equals", "true", true)]
    [InlineData("traveler.verified", "equals", "false", false)]
    [InlineData("booking.oneWay", "equals", "true", true)]
    // Texts: nationality NLD, birth place "DAMASCUS SYR" (folded to upper case, compared without regard to case).
    [InlineData("traveler.nationality", "equals", "nld", true)]
    [InlineData("traveler.nationality", "equals", "DEU", false)]
    [InlineData("traveler.nationality", "notEquals", "DEU", true)]
    [InlineData("traveler.nationality", "notEquals", "NLD", false)]
    [InlineData("traveler.nationality", "in", "BEL|NLD", true)]
    [InlineData("traveler.nationality", "in", "BEL|LUX", false)]
    [InlineData("traveler.nationality", "notIn", "BEL|LUX", true)]
    [InlineData("traveler.nationality", "notIn", "NLD", false)]
    [InlineData("traveler.birthPlace", "startsWith", "Damas", true)]
    [InlineData("traveler.birthPlace", "startsWith", "SYR", false)]
    [InlineData("traveler.birthPlace", "endsWith", "syr", true)]
    [InlineData("traveler.birthPlace", "endsWith", "DAMASCUS", false)]
    [InlineData("traveler.birthPlace", "contains", "CUS S", true)]
    [InlineData("traveler.birthPlace", "contains", "ALEPPO", false)]
    [InlineData("traveler.birthPlace", "matches", "^DAM.*SY[RA]$", true)]
    [InlineData("traveler.birthPlace", "matches", "^ALEP", false)]
    // Sets: the flight touches AMS, IST, BEY; positive tests need one element, negative ones none.
    [InlineData("flight.airports", "equals", "IST", true)]
    [InlineData("flight.airports", "equals", "CDG", false)]
    [InlineData("flight.airports", "notEquals", "CDG", true)]
    [InlineData("flight.airports", "notEquals", "IST", false)]
    [InlineData("flight.airports", "in", "CDG|BEY", true)]
    [InlineData("flight.airports", "notIn", "CDG|BEY", false)]
    [InlineData("flight.airports", "notIn", "CDG|ORY", true)]
    [InlineData("flight.airports", "startsWith", "BE", true)]
    [InlineData("flight.airports", "endsWith", "ST", true)]
    [InlineData("flight.airports", "contains", "M", true)]
    [InlineData("flight.airports", "contains", "Q", false)]
    [InlineData("flight.airports", "matches", "^B..$", true)]
    [InlineData("flight.airports", "matches", "^Z", false)]
    public void Operator_compares_the_field_with_its_values(string field, string op, string values, bool expected)
    {
        Assert.Equal(expected, Fires(Term(field, op, values.Split('|'))));
    }

    [Fact]
    public void IsEmpty_is_true_only_for_a_missing_value_of_each_type()
    {
        Assert.False(Fires(Term("traveler.age", "isEmpty")));
        Assert.False(Fires(Term("traveler.nationality", "isEmpty")));
        Assert.False(Fires(Term("flight.airports", "isEmpty")));
        Assert.False(Fires(Term("traveler.verified", "isEmpty")));
        var bare = Subject with { Traveler = new Travel.Model.Traveler(), Flight = null };
        Assert.True(Fires(Term("traveler.age", "isEmpty"), bare));
        Assert.True(Fires(Term("traveler.nationality", "isEmpty"), bare));
        Assert.True(Fires(Term("flight.airports", "isEmpty"), bare));
        Assert.True(Fires(Term("traveler.verified", "isEmpty"), bare));
        Assert.True(Fires(Term("document.expiry", "isEmpty"), bare));
    }

    [Fact]
    public void A_missing_value_satisfies_no_comparison_not_even_a_negative_one()
    {
        var bare = Subject with { Traveler = new Travel.Model.Traveler(), Flight = null };
        Assert.False(Fires(Term("traveler.nationality", "notEquals", "NLD"), bare));
        Assert.False(Fires(Term("traveler.nationality", "notIn", "NLD"), bare));
        Assert.False(Fires(Term("traveler.age", "notEquals", "35"), bare));
        Assert.False(Fires(Term("traveler.age", "notIn", "35"), bare));
        Assert.False(Fires(Term("flight.airports", "notEquals", "IST"), bare));
        Assert.False(Fires(new RuleTerm("traveler.nationality", "notMemberOf", []) { List = "countries-of-concern" }, bare));
        // What NOT says is what an analyst wants when a missing value should count.
        Assert.True(Fires(new NoneOf(Term("traveler.nationality", "equals", "NLD")), bare));
    }

    [Fact]
    public void MemberOf_reads_the_named_list_in_its_current_version()
    {
        var lists = Lists();
        var term = new RuleTerm("booking.agency", "memberOf", []) { List = "agencies" };
        Assert.True(Fires(term, lists: lists));
        Assert.False(Fires(term with { Operator = "notMemberOf" }, lists: lists));
        lists.Save("agencies", ["LHRBA0001"], "analyst.b", "agency cleared");
        Assert.False(Fires(term, lists: lists));
        Assert.True(Fires(term with { Operator = "notMemberOf" }, lists: lists));
        // A set field is a member when any of its values is: the flight lands in Lebanon.
        Assert.True(Fires(new RuleTerm("flight.countries", "memberOf", []) { List = "countries-of-concern" }, lists: lists));
    }

    [Theory]
    // The passport expires 20 days after departure, the visa 83 days after; the date of birth is 36 years back.
    [InlineData("document.expiry", 20, true)]
    [InlineData("document.expiry", 19, false)]
    [InlineData("traveler.dateOfBirth", 30, false)]
    [InlineData("flight.departure", 1, true)]
    public void WithinDays_counts_from_the_departure_day_either_way(string field, int days, bool expected)
    {
        Assert.Equal(expected, Fires(new RuleTerm(field, "withinDays", []) { Days = days }));
    }

    [Fact]
    public void A_pattern_is_matched_in_linear_time_on_an_input_that_makes_backtracking_explode()
    {
        var subject = Subject with { Traveler = Traveler with { BirthPlace = new string('A', 5_000) + "!" } };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(Fires(Term("traveler.birthPlace", "matches", "^(A+)+$"), subject));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
