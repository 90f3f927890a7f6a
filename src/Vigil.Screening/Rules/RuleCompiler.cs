using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Vigil.Screening.Rules;

/// <summary>A rule ready to screen: one delegate for the whole condition, and the compiled tree its explanation walks.</summary>
internal sealed record CompiledRule(RiskRule Rule, Func<SubjectFacts, bool> Matches, CompiledNode Root, IReadOnlyList<ValueList> Lists);

/// <summary>A node of a compiled condition, with its path in the rule document.</summary>
internal abstract record CompiledNode(string Path)
{
    public abstract bool Test(SubjectFacts facts);
}

internal sealed record CompiledGroup(string Path, bool All, IReadOnlyList<CompiledNode> Children) : CompiledNode(Path)
{
    public override bool Test(SubjectFacts facts) => All ? Children.All(c => c.Test(facts)) : Children.Any(c => c.Test(facts));
}

internal sealed record CompiledNegation(string Path, CompiledNode Child) : CompiledNode(Path)
{
    public override bool Test(SubjectFacts facts) => !Child.Test(facts);
}

/// <summary>
/// A term or link term with its own delegate, so an explanation can ask each one without re-reading text. The
/// delegate is compiled on the first explanation: most rules never fire, and compiling every term up front would
/// multiply the cost of saving a rule by its number of terms.
/// </summary>
internal sealed record CompiledTerm(string Path, RuleCondition Source, RuleField? Field, Lazy<Func<SubjectFacts, bool>> Predicate) : CompiledNode(Path)
{
    public override bool Test(SubjectFacts facts) => Predicate.Value(facts);
}

/// <summary>
/// Turns a validated rule into expression trees over the fact view and compiles them: field names become array
/// slots, literals become constants of the field's type, lists become frozen sets, patterns become compiled
/// linear-time regexes. Nothing is read from text when a traveler is screened.
/// </summary>
internal static class RuleCompiler
{
    private static readonly FieldInfo NumbersField = typeof(SubjectFacts).GetField(nameof(SubjectFacts.Numbers))!;
    private static readonly FieldInfo TextsField = typeof(SubjectFacts).GetField(nameof(SubjectFacts.Texts))!;
    private static readonly FieldInfo SetsField = typeof(SubjectFacts).GetField(nameof(SubjectFacts.Sets))!;
    private static readonly PropertyInfo ReferenceDay = typeof(SubjectFacts).GetProperty(nameof(SubjectFacts.ReferenceDay))!;

    /// <summary>Compiles a rule the validator accepted; throws when it did not.</summary>
    public static CompiledRule Compile(RiskRule rule, IReadOnlyDictionary<string, ValueList> lists)
    {
        var problems = RuleValidator.Validate(rule, lists);
        if (problems.Count > 0)
        {
            throw new RuleValidationException(rule.Id, problems);
        }

        var facts = Expression.Parameter(typeof(SubjectFacts), "facts");
        var used = new List<ValueList>();
        var (body, root) = Build(rule.Condition, "condition", facts, lists, used);
        var matches = Expression.Lambda<Func<SubjectFacts, bool>>(body, facts).Compile();
        return new CompiledRule(rule, matches, root, [.. used.Distinct()]);
    }

    private static (Expression Body, CompiledNode Node) Build(RuleCondition condition, string path, ParameterExpression facts, IReadOnlyDictionary<string, ValueList> lists, List<ValueList> used)
    {
        switch (condition)
        {
            case AllOf or AnyOf:
                var all = condition is AllOf;
                var children = (condition as AllOf)?.Conditions ?? ((AnyOf)condition).Conditions;
                var built = children.Select((c, i) => Build(c, $"{path}.{(all ? "all" : "any")}[{i}]", facts, lists, used)).ToList();
                var body = built.Select(b => b.Body).Aggregate((l, r) => all ? Expression.AndAlso(l, r) : Expression.OrElse(l, r));
                return (body, new CompiledGroup(path, all, [.. built.Select(b => b.Node)]));
            case NoneOf not:
                var (inner, node) = Build(not.Condition, path + ".not", facts, lists, used);
                return (Expression.Not(inner), new CompiledNegation(path, node));
            case LinkTerm link:
                var linkBody = LinkBody(link, facts);
                return (linkBody, new CompiledTerm(path, link, null, Later(linkBody, facts)));
            default:
                var term = (RuleTerm)condition;
                var field = RuleFields.ByName[term.Field];
                var termBody = TermBody(term, field, TermOperators.ByName[term.Operator], facts, lists, used);
                return (termBody, new CompiledTerm(path, term, field, Later(termBody, facts)));
        }
    }

    private static Lazy<Func<SubjectFacts, bool>> Later(Expression body, ParameterExpression facts) =>
        new(() => Expression.Lambda<Func<SubjectFacts, bool>>(body, facts).Compile());

    private static Expression LinkBody(LinkTerm link, ParameterExpression facts)
    {
        var (kind, with) = SubjectFacts.Target(link);
        var found = Expression.Call(facts, nameof(SubjectFacts.Links), null, Expression.Constant(kind, typeof(LinkKind?)), Expression.Constant(with));
        return Expression.GreaterThan(Expression.Property(found, typeof(IReadOnlyCollection<LinkEvidence>), nameof(IReadOnlyCollection<LinkEvidence>.Count)), Expression.Constant(0));
    }

    private static Expression TermBody(RuleTerm term, RuleField field, TermOperator op, ParameterExpression facts, IReadOnlyDictionary<string, ValueList> lists, List<ValueList> used)
    {
        FrozenSet<string> Set()
        {
            if (term.List is { } name)
            {
                used.Add(lists[name]);
                return lists[name].Folded;
            }

            return term.Values.Select(v => SubjectFacts.Fold(v)!).ToFrozenSet(StringComparer.Ordinal);
        }

        return field.Type switch
        {
            FieldType.Number or FieldType.Date or FieldType.Flag => NumericBody(term, field, op, facts),
            FieldType.Text => TextBody(op, term, Expression.ArrayIndex(Expression.Field(facts, TextsField), Expression.Constant(field.Slot)), Set),
            _ => SetBody(op, term, field.Windowed
                ? Expression.Call(facts, nameof(SubjectFacts.HistoryCountries), null, Expression.Constant(term.Days!.Value))
                : Expression.ArrayIndex(Expression.Field(facts, SetsField), Expression.Constant(field.Slot)), Set),
        };
    }

    private static Expression NumericBody(RuleTerm term, RuleField field, TermOperator op, ParameterExpression facts)
    {
        Expression read = field.Windowed
            ? Expression.Call(facts, nameof(SubjectFacts.HistoryTrips), null, Expression.Constant(term.Days!.Value))
            : Expression.ArrayIndex(Expression.Field(facts, NumbersField), Expression.Constant(field.Slot));
        var value = Expression.Variable(typeof(double), "value");
        var literals = term.Values.Select(v => RuleValidator.TryNumeric(field.Type, v, out var n) ? n : double.NaN).Select(n => Expression.Constant(n)).ToList();
        // Every comparison with NaN is false, so a missing value satisfies none of these — "notEquals" included, which
        // is written as "below or above" for that reason.
        Expression Differs(Expression literal) => Expression.OrElse(Expression.LessThan(value, literal), Expression.GreaterThan(value, literal));
        Expression test = op switch
        {
            TermOperator.Equals => Expression.Equal(value, literals[0]),
            TermOperator.NotEquals => Differs(literals[0]),
            TermOperator.In => literals.Select(l => (Expression)Expression.Equal(value, l)).Aggregate(Expression.OrElse),
            TermOperator.NotIn => literals.Select(Differs).Aggregate(Expression.AndAlso),
            TermOperator.LessThan or TermOperator.Before => Expression.LessThan(value, literals[0]),
            TermOperator.GreaterThan or TermOperator.After => Expression.GreaterThan(value, literals[0]),
            TermOperator.Between => Expression.AndAlso(Expression.GreaterThanOrEqual(value, literals[0]), Expression.LessThanOrEqual(value, literals[1])),
            TermOperator.WithinDays => Expression.LessThanOrEqual(
                Expression.Call(typeof(Math), nameof(Math.Abs), null, Expression.Subtract(value, Expression.Property(facts, ReferenceDay))),
                Expression.Constant((double)term.Days!.Value)),
            TermOperator.IsEmpty => Expression.Call(typeof(double), nameof(double.IsNaN), null, value),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
        return Expression.Block(typeof(bool), [value], Expression.Assign(value, read), test);
    }

    private static Expression TextBody(TermOperator op, RuleTerm term, Expression read, Func<FrozenSet<string>> set)
    {
        var value = Expression.Variable(typeof(string), "value");
        var present = Expression.NotEqual(value, Expression.Constant(null, typeof(string)));
        Expression Ordinal(string method) => Expression.AndAlso(present,
            Expression.Call(value, method, null, Expression.Constant(SubjectFacts.Fold(term.Values[0])), Expression.Constant(StringComparison.Ordinal)));
        Expression test = op switch
        {
            TermOperator.Equals => Expression.AndAlso(present, Expression.Equal(value, Expression.Constant(SubjectFacts.Fold(term.Values[0])))),
            TermOperator.NotEquals => Expression.AndAlso(present, Expression.NotEqual(value, Expression.Constant(SubjectFacts.Fold(term.Values[0])))),
            TermOperator.In or TermOperator.MemberOf => Call(nameof(TermOperators.InSet), value, set()),
            TermOperator.NotIn or TermOperator.NotMemberOf => Call(nameof(TermOperators.NotInSet), value, set()),
            TermOperator.StartsWith => Ordinal(nameof(string.StartsWith)),
            TermOperator.EndsWith => Ordinal(nameof(string.EndsWith)),
            TermOperator.Contains => Ordinal(nameof(string.Contains)),
            TermOperator.Matches => Call(nameof(TermOperators.Matches), value, TermOperators.Pattern(term.Values[0])),
            TermOperator.IsEmpty => Expression.Not(present),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
        return Expression.Block(typeof(bool), [value], Expression.Assign(value, read), test);
    }

    private static Expression SetBody(TermOperator op, RuleTerm term, Expression read, Func<FrozenSet<string>> set) => op switch
    {
        TermOperator.Equals or TermOperator.StartsWith or TermOperator.EndsWith or TermOperator.Contains =>
            Call(nameof(TermOperators.AnyText), read, op, SubjectFacts.Fold(term.Values[0])!),
        TermOperator.NotEquals => Call(nameof(TermOperators.NoneEqual), read, SubjectFacts.Fold(term.Values[0])!),
        TermOperator.In or TermOperator.MemberOf => Call(nameof(TermOperators.AnyInSet), read, set()),
        TermOperator.NotIn or TermOperator.NotMemberOf => Call(nameof(TermOperators.NoneInSet), read, set()),
        TermOperator.Matches => Call(nameof(TermOperators.AnyMatches), read, TermOperators.Pattern(term.Values[0])),
        TermOperator.IsEmpty => Expression.Equal(Expression.ArrayLength(read), Expression.Constant(0)),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private static MethodCallExpression Call(string method, Expression value, params object[] constants) =>
        Expression.Call(typeof(TermOperators), method, null, [value, .. constants.Select(c => Expression.Constant(c))]);
}

/// <summary>A rule that cannot be compiled because validation found problems; the problems say where.</summary>
public sealed class RuleValidationException(string ruleId, IReadOnlyList<RuleProblem> problems)
    : InvalidOperationException($"Rule '{ruleId}' is not valid: {string.Join("; ", problems)}")
{
    public string RuleId { get; } = ruleId;

    public IReadOnlyList<RuleProblem> Problems { get; } = problems;
}
