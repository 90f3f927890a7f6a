using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>AND, OR and NOT over terms known to be true (T) or false (F) for the hand-written subject.</summary>
public class CombinationTests
{
    private static readonly RuleTerm T = Term("traveler.nationality", "equals", "NLD");
    private static readonly RuleTerm T2 = Term("booking.cash", "equals", "true");
    private static readonly RuleTerm F = Term("traveler.gender", "equals", "F");
    private static readonly RuleTerm F2 = Term("booking.group", "equals", "true");

    public static TheoryData<string, RuleCondition, bool> Cases => new()
    {
        { "T", T, true },
        { "not T", new NoneOf(T), false },
        { "not F", new NoneOf(F), true },
        { "not not T", new NoneOf(new NoneOf(T)), true },
        { "T and T2", new AllOf([T, T2]), true },
        { "T and F", new AllOf([T, F]), false },
        { "F or T", new AnyOf([F, T]), true },
        { "F or F2", new AnyOf([F, F2]), false },
        { "not (F or F2)", new NoneOf(new AnyOf([F, F2])), true },
        { "not (T and F)", new NoneOf(new AllOf([T, F])), true },
        { "T and not T2", new AllOf([T, new NoneOf(T2)]), false },
        { "(F or T) and (F2 or T2)", new AllOf([new AnyOf([F, T]), new AnyOf([F2, T2])]), true },
        { "(F and T) or (F2 and T2)", new AnyOf([new AllOf([F, T]), new AllOf([F2, T2])]), false },
        { "(F and T) or not (F2 and T2)", new AnyOf([new AllOf([F, T]), new NoneOf(new AllOf([F2, T2]))]), true },
        { "single-child all and any", new AllOf([new AnyOf([T])]), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Combination_evaluates_as_logic_says(string reading, RuleCondition condition, bool expected)
    {
        Assert.True(expected == Fires(condition), reading);
    }
}
