using System.Diagnostics;
using Vigil.Screening.Hits;

namespace Vigil.Screening.Rules;

/// <summary>
/// Rules compiled together against one version of the value lists. Evaluating it over a traveler builds the
/// traveler's facts once and runs every rule's delegate over them; only rules that fire are explained. It evaluates
/// every rule it holds, enabled or not — <see cref="RuleCheck"/> is what keeps to the rules in force.
/// </summary>
public sealed class RuleSet
{
    private RuleSet(IReadOnlyList<CompiledRule> compiled, TimeSpan compileTime)
    {
        Compiled = compiled;
        CompileTime = compileTime;
    }

    public static RuleSet Empty { get; } = new([], TimeSpan.Zero);

    public IReadOnlyList<RiskRule> Rules => [.. Compiled.Select(c => c.Rule)];

    /// <summary>Wall time the compilation took, for all rules together.</summary>
    public TimeSpan CompileTime { get; }

    internal IReadOnlyList<CompiledRule> Compiled { get; }

    /// <summary>Validates and compiles the rules; throws <see cref="RuleValidationException"/> for the first invalid one.</summary>
    public static RuleSet Compile(IEnumerable<RiskRule> rules, IReadOnlyDictionary<string, ValueList> lists)
    {
        var clock = Stopwatch.StartNew();
        var compiled = rules.Select(r => RuleCompiler.Compile(r, lists)).ToList();
        return new RuleSet(compiled, clock.Elapsed);
    }

    internal static RuleSet Of(IReadOnlyList<CompiledRule> compiled) => new(compiled, TimeSpan.Zero);

    /// <summary>The rules that fire on the traveler in context, each with its explanation.</summary>
    public IReadOnlyList<RuleMatch> Evaluate(ScreeningSubject subject, RuleEnvironment environment)
    {
        var facts = new SubjectFacts(subject, environment);
        List<RuleMatch>? matches = null;
        foreach (var rule in Compiled)
        {
            if (rule.Matches(facts))
            {
                (matches ??= []).Add(RuleExplanation.Explain(rule, facts));
            }
        }

        return matches ?? [];
    }
}

/// <summary>What a backtest found for one rule: how many subjects it matched, and the first few matches explained.</summary>
public sealed record BacktestRuleResult(string RuleId, int Version, int Matches, double HitRate, IReadOnlyList<BacktestMatch> Examples);

/// <summary>One traveler a backtested rule matched, with the explanation a hit would have stored.</summary>
public sealed record BacktestMatch(ScreeningSubject Subject, RuleMatch Match);

/// <summary>A backtest's outcome: how many subjects were evaluated, each rule's matches, and how long it took.</summary>
public sealed record BacktestReport(int Subjects, IReadOnlyList<BacktestRuleResult> Rules, TimeSpan Elapsed);

/// <summary>
/// Runs rules over a given set of subjects — typically stored travelers of past weeks — to show an analyst what a
/// rule would hit before it is enabled. Touches no statistics and records no hits; ignores enabled flags and dates.
/// </summary>
public static class RuleBacktest
{
    public static BacktestReport Run(RuleSet rules, IEnumerable<ScreeningSubject> subjects, RuleEnvironment environment, int examplesPerRule = 20)
    {
        var clock = Stopwatch.StartNew();
        var counts = rules.Compiled.ToDictionary(c => c.Rule, _ => 0);
        var examples = rules.Compiled.ToDictionary(c => c.Rule, _ => new List<BacktestMatch>());
        var total = 0;
        foreach (var subject in subjects)
        {
            total++;
            foreach (var match in rules.Evaluate(subject, environment))
            {
                counts[match.Rule]++;
                if (examples[match.Rule].Count < examplesPerRule)
                {
                    examples[match.Rule].Add(new BacktestMatch(subject, match));
                }
            }
        }

        return new BacktestReport(total,
            [.. rules.Compiled.Select(c => new BacktestRuleResult(c.Rule.Id, c.Rule.Version, counts[c.Rule], total == 0 ? 0 : (double)counts[c.Rule] / total, examples[c.Rule]))],
            clock.Elapsed);
    }
}
