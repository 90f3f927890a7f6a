using System.Text.RegularExpressions;

namespace Vigil.Screening.Rules;

/// <summary>
/// Walks a rule's condition tree and compares values as it goes: field looked up by name, operator by name,
/// literals converted on every visit. Screening never uses it — it is the benchmark's baseline and the tests'
/// independent second opinion on what the compiler built.
/// </summary>
internal static class RuleInterpreter
{
    public static bool Matches(RuleCondition condition, SubjectFacts facts, IReadOnlyDictionary<string, ValueList> lists) => condition switch
    {
        AllOf all => all.Conditions.All(c => Matches(c, facts, lists)),
        AnyOf any => any.Conditions.Any(c => Matches(c, facts, lists)),
        NoneOf not => !Matches(not.Condition, facts, lists),
        LinkTerm link => facts.Links(link).Count > 0,
        RuleTerm term => Term(term, facts, lists),
        _ => false,
    };

    private static bool Term(RuleTerm term, SubjectFacts facts, IReadOnlyDictionary<string, ValueList> lists)
    {
        var field = RuleFields.ByName[term.Field];
        var op = TermOperators.ByName[term.Operator];
        switch (field.Type)
        {
            case FieldType.Text:
                return Texts(op, term, facts.Texts[field.Slot] is { } text ? [text] : [], lists);
            case FieldType.TextSet:
                return Texts(op, term, field.Windowed ? facts.HistoryCountries(term.Days ?? 0) : facts.Sets[field.Slot], lists);
        }

        var value = field.Windowed ? facts.HistoryTrips(term.Days ?? 0) : facts.Numbers[field.Slot];
        if (op == TermOperator.IsEmpty)
        {
            return double.IsNaN(value);
        }

        if (double.IsNaN(value))
        {
            return false;
        }

        var literals = term.Values.Select(v => RuleValidator.TryNumeric(field.Type, v, out var n) ? n : double.NaN).ToList();
        return op switch
        {
            TermOperator.Equals => value == literals[0],
            TermOperator.NotEquals => value != literals[0],
            TermOperator.In => literals.Contains(value),
            TermOperator.NotIn => !literals.Contains(value),
            TermOperator.LessThan or TermOperator.Before => value < literals[0],
            TermOperator.GreaterThan or TermOperator.After => value > literals[0],
            TermOperator.Between => value >= literals[0] && value <= literals[1],
            TermOperator.WithinDays => Math.Abs(value - facts.ReferenceDay) <= term.Days,
            _ => false,
        };
    }

    /// <summary>A text field is a set of at most one value; a positive test needs one value that passes, a negative one a value and none failing.</summary>
    private static bool Texts(TermOperator op, RuleTerm term, string[] values, IReadOnlyDictionary<string, ValueList> lists)
    {
        if (op == TermOperator.IsEmpty)
        {
            return values.Length == 0;
        }

        var literals = term.List is { } name ? lists[name].Values : term.Values;
        var folded = literals.Select(l => l.Trim().ToUpperInvariant()).ToList();
        bool Passes(string value) => op switch
        {
            TermOperator.Equals or TermOperator.NotEquals => value == folded[0],
            TermOperator.In or TermOperator.NotIn or TermOperator.MemberOf or TermOperator.NotMemberOf => folded.Contains(value),
            TermOperator.StartsWith => value.StartsWith(folded[0], StringComparison.Ordinal),
            TermOperator.EndsWith => value.EndsWith(folded[0], StringComparison.Ordinal),
            TermOperator.Contains => value.Contains(folded[0], StringComparison.Ordinal),
            TermOperator.Matches => Regex.IsMatch(value, term.Values[0], TermOperators.PatternOptions),
            _ => false,
        };
        return TermOperators.IsNegative(op)
            ? values.Length > 0 && !values.Any(Passes)
            : values.Any(Passes);
    }
}
