using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Vigil.Screening.Rules;

/// <summary>How a term compares its field; JSON names are the camel-case names (<c>notIn</c>, <c>withinDays</c> …).</summary>
internal enum TermOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    MemberOf,
    NotMemberOf,
    LessThan,
    GreaterThan,
    Between,
    Before,
    After,
    WithinDays,
    StartsWith,
    EndsWith,
    Contains,
    Matches,
    IsEmpty,
}

/// <summary>What each operator needs and accepts, and the comparisons compiled rules and the interpreter share.</summary>
internal static class TermOperators
{
    /// <summary>Longer patterns are refused: a rule's pattern is a code or a shape, not a program.</summary>
    public const int MaximumPatternLength = 200;

    /// <summary>
    /// Linear-time matching, so no pattern can make screening hang. No match timeout on top: on a loaded machine a
    /// timeout would fail screening for a traveler, while the inputs are field values of a few dozen characters.
    /// </summary>
    public const RegexOptions PatternOptions = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public static FrozenDictionary<string, TermOperator> ByName { get; } =
        Enum.GetValues<TermOperator>().ToFrozenDictionary(NameOf, StringComparer.Ordinal);

    public static string NameOf(TermOperator op) => char.ToLowerInvariant(op.ToString()[0]) + op.ToString()[1..];

    public static bool AppliesTo(TermOperator op, FieldType type) => type switch
    {
        FieldType.Number => op is TermOperator.Equals or TermOperator.NotEquals or TermOperator.In or TermOperator.NotIn
            or TermOperator.LessThan or TermOperator.GreaterThan or TermOperator.Between or TermOperator.IsEmpty,
        FieldType.Date => op is TermOperator.Equals or TermOperator.NotEquals or TermOperator.Before or TermOperator.After
            or TermOperator.Between or TermOperator.WithinDays or TermOperator.IsEmpty,
        FieldType.Flag => op is TermOperator.Equals or TermOperator.IsEmpty,
        _ => op is TermOperator.Equals or TermOperator.NotEquals or TermOperator.In or TermOperator.NotIn or TermOperator.MemberOf
            or TermOperator.NotMemberOf or TermOperator.StartsWith or TermOperator.EndsWith or TermOperator.Contains
            or TermOperator.Matches or TermOperator.IsEmpty,
    };

    /// <summary>How many literal values the operator takes: exactly <c>Min</c> when <c>Max</c> equals it; <c>Max</c> null for no bound.</summary>
    public static (int Min, int? Max) ValueCount(TermOperator op) => op switch
    {
        TermOperator.IsEmpty or TermOperator.MemberOf or TermOperator.NotMemberOf or TermOperator.WithinDays => (0, 0),
        TermOperator.In or TermOperator.NotIn => (1, null),
        TermOperator.Between => (2, 2),
        _ => (1, 1),
    };

    public static bool IsNegative(TermOperator op) => op is TermOperator.NotEquals or TermOperator.NotIn or TermOperator.NotMemberOf;

    public static Regex Pattern(string pattern) => new(pattern, PatternOptions);

    /// <summary>One text compared with one literal (already folded to upper case).</summary>
    public static bool Text(TermOperator op, string? value, string literal) => value is not null && op switch
    {
        TermOperator.Equals => value == literal,
        TermOperator.NotEquals => value != literal,
        TermOperator.StartsWith => value.StartsWith(literal, StringComparison.Ordinal),
        TermOperator.EndsWith => value.EndsWith(literal, StringComparison.Ordinal),
        TermOperator.Contains => value.Contains(literal, StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool InSet(string? value, FrozenSet<string> set) => value is not null && set.Contains(value);

    public static bool NotInSet(string? value, FrozenSet<string> set) => value is not null && !set.Contains(value);

    public static bool Matches(string? value, Regex pattern) => value is not null && pattern.IsMatch(value);

    public static bool AnyText(string[] values, TermOperator op, string literal)
    {
        foreach (var value in values)
        {
            if (Text(op, value, literal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool AnyInSet(string[] values, FrozenSet<string> set)
    {
        foreach (var value in values)
        {
            if (set.Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A negative test on a set: none of its values, and a missing (empty) set satisfies no comparison.</summary>
    public static bool NoneInSet(string[] values, FrozenSet<string> set) => values.Length > 0 && !AnyInSet(values, set);

    public static bool NoneEqual(string[] values, string literal) => values.Length > 0 && Array.IndexOf(values, literal) < 0;

    public static bool AnyMatches(string[] values, Regex pattern)
    {
        foreach (var value in values)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
