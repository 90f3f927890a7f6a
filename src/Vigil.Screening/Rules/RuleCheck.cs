using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Screening.Hits;

namespace Vigil.Screening.Rules;

/// <summary>What changed in the rules the check screens with; the service re-screens the travelers it concerns.</summary>
public sealed record RuleSetChange(IReadOnlyList<string> RuleIds, string Reason);

/// <summary>
/// The analysts' risk rules as a screening check (kind <c>rule</c>): the current version of every rule in the
/// repository, compiled, screening each traveler with the rules in force that day. Each finding's explanation holds
/// the terms that fired with the traveler's actual values. Saving a rule or a value list recompiles what it touches
/// and raises <see cref="RulesChanged"/> for the service's re-screen path. Keeps per-rule statistics and flags a rule
/// that hits unusually often to its owner through <see cref="UnusualHitRate"/> — it never drops or mutes a rule.
/// </summary>
public sealed class RuleCheck : ITravelerCheck, IDisposable
{
    private readonly RuleRepository _repository;
    private readonly RuleCheckOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<(string Id, int Version), RuleCounters> _counters = new();
    private readonly Lock _gate = new();
    private RuleSet _set = RuleSet.Empty;
    private RuleEnvironment _environment;
    private ActiveRules? _active;

    public RuleCheck(RuleRepository repository, RuleEnvironment environment, RuleCheckOptions? options = null, TimeProvider? clock = null)
    {
        _repository = repository;
        _environment = environment;
        _options = options ?? new RuleCheckOptions();
        _clock = clock ?? TimeProvider.System;
        Rebuild(_ => true);
        _repository.Changed += OnRuleSaved;
        _repository.Lists.Changed += OnListSaved;
    }

    public string Kind => "rule";

    /// <summary>Raised after the compiled rules changed, naming the rules; the service re-screens through it.</summary>
    public event Action<RuleSetChange>? RulesChanged;

    /// <summary>Raised once per rule version when its hit rate passes <see cref="RuleCheckOptions.MaximumHitRate"/>.</summary>
    public event Action<RuleFlag>? UnusualHitRate;

    /// <summary>The compiled current versions of every rule, whether in force today or not.</summary>
    public RuleSet Rules => Volatile.Read(ref _set);

    /// <summary>Link identifiers and airport countries; replace it whole when the service has fresher ones.</summary>
    public RuleEnvironment Environment
    {
        get => Volatile.Read(ref _environment);
        set
        {
            lock (_gate)
            {
                Volatile.Write(ref _environment, value);
                Volatile.Write(ref _active, null);
            }
        }
    }

    public IReadOnlyList<ScreeningFinding> Check(ScreeningSubject subject)
    {
        var active = Active();
        var number = Interlocked.Increment(ref active.Subjects);
        var timed = number % _options.TimingSampleEvery == 0;
        var facts = new SubjectFacts(subject, active.Environment);
        List<ScreeningFinding>? findings = null;
        var rules = active.Rules;
        for (var i = 0; i < rules.Length; i++)
        {
            bool hit;
            if (timed)
            {
                var start = Stopwatch.GetTimestamp();
                hit = rules[i].Matches(facts);
                active.Counters[i].Timed(Stopwatch.GetTimestamp() - start);
            }
            else
            {
                hit = rules[i].Matches(facts);
            }

            if (hit)
            {
                var match = RuleExplanation.Explain(rules[i], facts);
                var rule = rules[i].Rule;
                (findings ??= []).Add(new ScreeningFinding(Kind, rule.Id, rule.Title, 1.0, rule.Severity, match.ExplanationJson));
                var now = _clock.GetUtcNow();
                if (active.Counters[i].Hit(now, _options))
                {
                    var stats = active.Counters[i].Snapshot();
                    UnusualHitRate?.Invoke(new RuleFlag(rule.Id, rule.Version, rule.Owner, stats.Evaluations, stats.Hits, stats.HitRate, now));
                }
            }
        }

        return findings ?? [];
    }

    /// <summary>Statistics of every rule version that has been in force, current ones first.</summary>
    public IReadOnlyList<RuleStatistics> Statistics() =>
        [.. _counters.Values.Select(c => c.Snapshot()).OrderBy(s => s.RuleId, StringComparer.Ordinal).ThenByDescending(s => s.Version)];

    public void Dispose()
    {
        _repository.Changed -= OnRuleSaved;
        _repository.Lists.Changed -= OnListSaved;
    }

    private void OnRuleSaved(RuleEdit edit)
    {
        Rebuild(rule => rule.Id == edit.RuleId);
        RulesChanged?.Invoke(new RuleSetChange([edit.RuleId], $"rule {edit.RuleId} saved as version {edit.Version} by {edit.Author}: {edit.Reason}"));
    }

    private void OnListSaved(string list)
    {
        var touched = Rebuild(rule => Lists(rule.Condition).Contains(list));
        if (touched.Count > 0)
        {
            RulesChanged?.Invoke(new RuleSetChange(touched, $"value list {list} saved"));
        }
    }

    /// <summary>Compiles the current rules, reusing the compiled form of those <paramref name="stale"/> does not name; returns the recompiled ids.</summary>
    private List<string> Rebuild(Func<RiskRule, bool> stale)
    {
        lock (_gate)
        {
            var lists = _repository.Lists.Snapshot();
            var previous = _set.Compiled.ToDictionary(c => (c.Rule.Id, c.Rule.Version));
            var recompiled = new List<string>();
            var compiled = new List<CompiledRule>();
            foreach (var rule in _repository.CurrentRules())
            {
                if (!stale(rule) && previous.TryGetValue((rule.Id, rule.Version), out var kept))
                {
                    compiled.Add(kept);
                    continue;
                }

                compiled.Add(RuleCompiler.Compile(rule, lists));
                recompiled.Add(rule.Id);
            }

            Volatile.Write(ref _set, RuleSet.Of(compiled));
            Volatile.Write(ref _active, null);
            return recompiled;
        }
    }

    /// <summary>The rules in force today, rebuilt when the day, the rules or the environment change.</summary>
    private ActiveRules Active()
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var active = Volatile.Read(ref _active);
        if (active is not null && active.Day == today)
        {
            return active;
        }

        lock (_gate)
        {
            active = _active;
            if (active is not null && active.Day == today)
            {
                return active;
            }

            var rules = _set.Compiled.Where(c => c.Rule.InForceOn(today)).ToArray();
            var counters = rules.Select(c => _counters.GetOrAdd((c.Rule.Id, c.Rule.Version), _ => new RuleCounters(c.Rule))).ToArray();
            active = new ActiveRules(today, rules, counters, _environment with { Today = today });
            foreach (var counter in counters)
            {
                counter.JoinedSet(active);
            }

            Volatile.Write(ref _active, active);
            return active;
        }
    }

    private static IEnumerable<string> Lists(RuleCondition condition) => condition switch
    {
        AllOf all => all.Conditions.SelectMany(Lists),
        AnyOf any => any.Conditions.SelectMany(Lists),
        NoneOf not => Lists(not.Condition),
        RuleTerm { List: { } list } => [list],
        _ => [],
    };
}
