using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Screening.Rules;

/// <summary>
/// Checks a rule before it is saved or compiled: known fields and operators, operators that fit the field's type,
/// values of the right type and number, value lists that exist, patterns that are short and safe, links that make
/// sense. Every problem names the term's path, field and operator.
/// </summary>
public static class RuleValidator
{
    /// <summary>Deeper trees are refused: nobody reviews them, and they are a sign of generated rules.</summary>
    public const int MaximumDepth = 16;

    /// <summary>History windows longer than this read data the retention rules have deleted anyway (five years).</summary>
    public const int MaximumDays = 5 * 366;

    private static readonly string[] LinkKinds = ["phone", "email", "address", "card", "frequentFlyer", "agency", "booking"];
    private static readonly string[] LinkWiths = ["watchListed", "confirmedHit", "bookingHit"];

    /// <summary>Problems of the rule against the current value lists; empty when it can be saved.</summary>
    public static IReadOnlyList<RuleProblem> Validate(RiskRule rule, IReadOnlyDictionary<string, ValueList> lists)
    {
        var problems = new List<RuleProblem>();
        void Rule(string path, string message) => problems.Add(new RuleProblem(path, null, null, message));
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            Rule("id", "A rule needs an id.");
        }

        if (string.IsNullOrWhiteSpace(rule.Title))
        {
            Rule("title", "A rule needs a title an analyst recognises.");
        }

        if (string.IsNullOrWhiteSpace(rule.Owner))
        {
            Rule("owner", "A rule needs an owner agency to answer for it.");
        }

        if (rule.EffectiveFrom is { } from && rule.EffectiveTo is { } to && to < from)
        {
            Rule("effectiveTo", $"The rule ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        Check(rule.Condition, "condition", 1, lists, problems);
        return problems;
    }

    /// <summary>Reads and validates a JSON rule: a shape problem is returned as the one problem.</summary>
    public static (RiskRule? Rule, IReadOnlyList<RuleProblem> Problems) ValidateJson(string json, IReadOnlyDictionary<string, ValueList> lists)
    {
        try
        {
            var rule = RuleJson.Parse(json);
            return (rule, Validate(rule, lists));
        }
        catch (RuleFormatException e)
        {
            return (null, [e.Problem]);
        }
    }

    /// <summary>A numeric literal as compiled rules compare it: the number, a date's day number, or 1/0 for a flag.</summary>
    internal static bool TryNumeric(FieldType type, string literal, out double value)
    {
        value = double.NaN;
        switch (type)
        {
            case FieldType.Number:
                return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
            case FieldType.Date when DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                value = day.DayNumber;
                return true;
            case FieldType.Flag when bool.TryParse(literal, out var flag):
                value = flag ? 1 : 0;
                return true;
            default:
                return false;
        }
    }

    private static void Check(RuleCondition condition, string path, int depth, IReadOnlyDictionary<string, ValueList> lists, List<RuleProblem> problems)
    {
        if (depth > MaximumDepth)
        {
            problems.Add(new RuleProblem(path, null, null, $"Conditions nest deeper than {MaximumDepth} levels; split the rule."));
            return;
        }

        switch (condition)
        {
            case AllOf { Conditions: var children }:
                CheckChildren(children, path + ".all", depth, lists, problems);
                break;
            case AnyOf { Conditions: var children }:
                CheckChildren(children, path + ".any", depth, lists, problems);
                break;
            case NoneOf not:
                Check(not.Condition, path + ".not", depth + 1, lists, problems);
                break;
            case LinkTerm link:
                CheckLink(link, path, problems);
                break;
            case RuleTerm term:
                CheckTerm(term, path, lists, problems);
                break;
        }
    }

    private static void CheckChildren(IReadOnlyList<RuleCondition> children, string path, int depth, IReadOnlyDictionary<string, ValueList> lists, List<RuleProblem> problems)
    {
        if (children.Count == 0)
        {
            problems.Add(new RuleProblem(path, null, null, "An empty group decides nothing; give it at least one condition."));
        }

        for (var i = 0; i < children.Count; i++)
        {
            Check(children[i], $"{path}[{i}]", depth + 1, lists, problems);
        }
    }

    private static void CheckLink(LinkTerm link, string path, List<RuleProblem> problems)
    {
        void Problem(string message) => problems.Add(new RuleProblem(path, "link." + link.Link, link.With, message));
        if (!LinkKinds.Contains(link.Link, StringComparer.Ordinal))
        {
            Problem($"Unknown link '{link.Link}'; links are {string.Join(", ", LinkKinds)}.");
        }

        if (!LinkWiths.Contains(link.With, StringComparer.Ordinal))
        {
            Problem($"Unknown link target '{link.With}'; a link is with {string.Join(", ", LinkWiths)}.");
        }

        if (link is { Link: "agency", With: "bookingHit" })
        {
            Problem("Every traveler of a booking shares its agency; use the link 'booking' for co-travelers of a hit.");
        }
    }

    private static void CheckTerm(RuleTerm term, string path, IReadOnlyDictionary<string, ValueList> lists, List<RuleProblem> problems)
    {
        void Problem(string message) => problems.Add(new RuleProblem(path, term.Field, term.Operator, message));
        if (!RuleFields.ByName.TryGetValue(term.Field, out var field))
        {
            var near = RuleFields.All.Where(f => f.Name.EndsWith("." + term.Field.Split('.')[^1], StringComparison.OrdinalIgnoreCase)).Select(f => f.Name).ToList();
            Problem($"Unknown field '{term.Field}'." + (near.Count > 0 ? $" Did you mean {string.Join(" or ", near)}?" : " The fields are listed in docs/rules.md."));
            return;
        }

        if (!TermOperators.ByName.TryGetValue(term.Operator, out var op))
        {
            Problem($"Unknown operator '{term.Operator}'.");
            return;
        }

        if (!TermOperators.AppliesTo(op, field.Type))
        {
            Problem($"Operator '{term.Operator}' does not apply to {Describe(field.Type)} field '{field.Name}'; it takes {string.Join(", ", Enum.GetValues<TermOperator>().Where(o => TermOperators.AppliesTo(o, field.Type)).Select(TermOperators.NameOf))}.");
            return;
        }

        var (min, max) = TermOperators.ValueCount(op);
        if (term.Values.Count < min || (max is { } most && term.Values.Count > most))
        {
            Problem(op switch
            {
                TermOperator.In or TermOperator.NotIn => $"'{term.Operator}' needs a non-empty values list.",
                TermOperator.Between => "'between' takes exactly two values, the low and the high end.",
                _ when min == 0 => $"'{term.Operator}' takes no value" + (op is TermOperator.MemberOf or TermOperator.NotMemberOf ? "; name a list instead." : op == TermOperator.WithinDays ? "; give days instead." : "."),
                _ => $"'{term.Operator}' takes exactly one value.",
            });
        }

        foreach (var value in term.Values)
        {
            if (field.Type is FieldType.Number or FieldType.Date or FieldType.Flag && !TryNumeric(field.Type, value, out _))
            {
                Problem($"'{value}' is not {Describe(field.Type) switch { "a date" => "a date in the form yyyy-MM-dd", "a flag" => "true or false", var d => d }}, which '{field.Name}' holds.");
            }
            else if (field.Type is FieldType.Text or FieldType.TextSet && string.IsNullOrWhiteSpace(value) && op != TermOperator.Matches)
            {
                Problem("An empty value matches nothing; use 'isEmpty' to test for a missing value.");
            }
        }

        if (op == TermOperator.Between && term.Values.Count == 2 && TryNumeric(field.Type, term.Values[0], out var low)
            && TryNumeric(field.Type, term.Values[1], out var high) && low > high)
        {
            Problem($"'between' runs from low to high, but {term.Values[0]} is above {term.Values[1]}.");
        }

        if (op is TermOperator.MemberOf or TermOperator.NotMemberOf)
        {
            if (string.IsNullOrWhiteSpace(term.List))
            {
                Problem($"'{term.Operator}' needs the name of a value list.");
            }
            else if (!lists.ContainsKey(term.List))
            {
                Problem($"Value list '{term.List}' does not exist.");
            }
        }
        else if (term.List is not null)
        {
            Problem($"'list' is read only by memberOf and notMemberOf, not by '{term.Operator}'.");
        }

        if (op == TermOperator.Matches && term.Values.Count == 1)
        {
            CheckPattern(term.Values[0], Problem);
        }

        var needsDays = op == TermOperator.WithinDays || field.Windowed;
        if (needsDays && term.Days is not (> 0 and <= MaximumDays))
        {
            Problem(term.Days is null
                ? (field.Windowed ? $"'{field.Name}' reads history over a window: give days (1 to {MaximumDays})." : "'withinDays' needs days.")
                : $"days must be between 1 and {MaximumDays}.");
        }
        else if (!needsDays && term.Days is not null)
        {
            Problem("'days' is read only by withinDays and history fields.");
        }
    }

    private static void CheckPattern(string pattern, Action<string> problem)
    {
        if (pattern.Length > TermOperators.MaximumPatternLength)
        {
            problem($"The pattern is {pattern.Length} characters long; at most {TermOperators.MaximumPatternLength} are allowed.");
            return;
        }

        try
        {
            _ = TermOperators.Pattern(pattern);
        }
        catch (ArgumentException e)
        {
            problem($"The pattern is not a valid regular expression: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            // Backreferences, lookarounds and atomic groups need backtracking, which could make screening hang.
            problem($"The pattern uses a construct that needs backtracking, which rules may not use: {e.Message}");
        }
    }

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Number => "a number",
        FieldType.Date => "a date",
        FieldType.Flag => "a flag",
        FieldType.Text => "a text",
        _ => "a set-of-texts",
    };
}
