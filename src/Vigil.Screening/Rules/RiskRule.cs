using Vigil.Screening.Hits;

namespace Vigil.Screening.Rules;

/// <summary>
/// An analyst-written risk criterion: what it is about, who owns it, when it is in force, and the condition a
/// traveler in context must meet. Its JSON form (<see cref="RuleJson"/>) is how it is stored and exchanged; it is
/// validated and compiled before it screens anyone, and it changes only by a recorded human edit.
/// </summary>
public sealed record RiskRule
{
    /// <summary>Stable identifier chosen by the owner, e.g. <c>NL-ROUTE-007</c>; hits name the rule by it.</summary>
    public required string Id { get; init; }

    /// <summary>Version the repository gave the rule when it was saved; 0 for a rule never saved.</summary>
    public int Version { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Free grouping word for reports, e.g. <c>routing</c>, <c>document</c>, <c>payment</c>.</summary>
    public string? Category { get; init; }

    public FindingSeverity Severity { get; init; } = FindingSeverity.Medium;

    /// <summary>The agency whose analysts answer for the rule; unusual hit rates are flagged to it.</summary>
    public required string Owner { get; init; }

    /// <summary>First day the rule screens (inclusive); open when null.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>Last day the rule screens (inclusive); open when null.</summary>
    public DateOnly? EffectiveTo { get; init; }

    public bool Enabled { get; init; } = true;

    public required RuleCondition Condition { get; init; }

    /// <summary>Whether the rule screens on <paramref name="day"/>: enabled and within its effective dates.</summary>
    public bool InForceOn(DateOnly day) =>
        Enabled && (EffectiveFrom is not { } from || from <= day) && (EffectiveTo is not { } to || day <= to);
}

/// <summary>A node of a rule's condition tree: <see cref="AllOf"/>, <see cref="AnyOf"/>, <see cref="NoneOf"/>, a <see cref="RuleTerm"/> or a <see cref="LinkTerm"/>.</summary>
public abstract record RuleCondition;

/// <summary>True when every condition is (AND).</summary>
public sealed record AllOf(IReadOnlyList<RuleCondition> Conditions) : RuleCondition;

/// <summary>True when at least one condition is (OR).</summary>
public sealed record AnyOf(IReadOnlyList<RuleCondition> Conditions) : RuleCondition;

/// <summary>True when the condition is not (NOT).</summary>
public sealed record NoneOf(RuleCondition Condition) : RuleCondition;

/// <summary>
/// Compares one field of the traveler in context with literal values, a named value list or a number of days.
/// Field and operator stay text until validation so that a wrong one is reported at its path instead of failing
/// the whole document.
/// </summary>
/// <param name="Field">A field name from the catalog, e.g. <c>traveler.nationality</c>.</param>
/// <param name="Operator">An operator name, e.g. <c>in</c>, <c>between</c>, <c>memberOf</c>.</param>
/// <param name="Values">Literal values as written (numbers in invariant form, dates as <c>yyyy-MM-dd</c>).</param>
public sealed record RuleTerm(string Field, string Operator, IReadOnlyList<string> Values) : RuleCondition
{
    /// <summary>Value list the operator <c>memberOf</c>/<c>notMemberOf</c> reads, by name.</summary>
    public string? List { get; init; }

    /// <summary>N for <c>withinDays</c>; for history fields, how many days back the history is read.</summary>
    public int? Days { get; init; }
}

/// <summary>
/// True when the traveler shares an identifier of kind <paramref name="Link"/> (<c>phone</c>, <c>email</c>,
/// <c>address</c>, <c>card</c>, <c>frequentFlyer</c>, <c>agency</c>, or <c>booking</c> for a co-traveler) with someone
/// of kind <paramref name="With"/>: <c>watchListed</c>, <c>confirmedHit</c> or <c>bookingHit</c>.
/// </summary>
public sealed record LinkTerm(string Link, string With) : RuleCondition;
