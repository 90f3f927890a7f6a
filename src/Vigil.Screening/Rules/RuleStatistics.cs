namespace Vigil.Screening.Rules;

/// <summary>How a rule version has screened so far: evaluations, hits, time per evaluation, last hit, and whether it was flagged.</summary>
/// <param name="MeanNanoseconds">Mean time of one evaluation in nanoseconds, from the timed sample (a compiled rule takes a few, below TimeSpan's resolution).</param>
public sealed record RuleStatistics(string RuleId, int Version, string Owner, long Evaluations, long Hits, double MeanNanoseconds, DateTimeOffset? LastHit, bool Flagged)
{
    public double HitRate => Evaluations == 0 ? 0 : (double)Hits / Evaluations;

    /// <summary>Evaluation time over all evaluations, estimated from the timed sample.</summary>
    public TimeSpan EstimatedTotalTime => TimeSpan.FromSeconds(MeanNanoseconds * Evaluations / 1e9);
}

/// <summary>A rule hitting unusually often, reported to its owner. The rule keeps screening: only a human edit changes it.</summary>
public sealed record RuleFlag(string RuleId, int Version, string Owner, long Evaluations, long Hits, double HitRate, DateTimeOffset At);

/// <summary>When a rule counts as hitting unusually often, and how often evaluations are timed.</summary>
public sealed record RuleCheckOptions
{
    /// <summary>A rule hitting more travelers than this share is flagged to its owner.</summary>
    public double MaximumHitRate { get; init; } = 0.01;

    /// <summary>No flag before this many evaluations: a rate from a handful of travelers says nothing.</summary>
    public long MinimumEvaluations { get; init; } = 1_000;

    /// <summary>
    /// One subject in this many has each rule timed on its own; timing every evaluation would cost more than the
    /// evaluation itself.
    /// </summary>
    public int TimingSampleEvery { get; init; } = 64;
}

/// <summary>The running counts of one rule version. Evaluations are counted per active set, not per rule, to keep them off the hot path.</summary>
internal sealed class RuleCounters(RiskRule rule)
{
    private readonly List<ActiveRules> _sets = [];
    private long _hits;
    private long _sampledTicks;
    private long _sampledEvaluations;
    private long _lastHit = -1;
    private int _flagged;

    public RiskRule Rule => rule;

    public long Hits => Interlocked.Read(ref _hits);

    public long Evaluations
    {
        get
        {
            lock (_sets)
            {
                return _sets.Sum(s => Interlocked.Read(ref s.Subjects));
            }
        }
    }

    public void JoinedSet(ActiveRules set)
    {
        lock (_sets)
        {
            _sets.Add(set);
        }
    }

    public void Timed(long ticks)
    {
        Interlocked.Add(ref _sampledTicks, ticks);
        Interlocked.Increment(ref _sampledEvaluations);
    }

    /// <summary>Counts a hit; true the one time the rule crosses the flagging threshold.</summary>
    public bool Hit(DateTimeOffset at, RuleCheckOptions options)
    {
        var hits = Interlocked.Increment(ref _hits);
        Interlocked.Exchange(ref _lastHit, at.UtcTicks);
        if (Volatile.Read(ref _flagged) != 0)
        {
            return false;
        }

        var evaluations = Evaluations;
        return evaluations >= options.MinimumEvaluations && (double)hits / evaluations > options.MaximumHitRate
            && Interlocked.Exchange(ref _flagged, 1) == 0;
    }

    public RuleStatistics Snapshot()
    {
        var sampled = Interlocked.Read(ref _sampledEvaluations);
        var mean = sampled == 0 ? 0 : Interlocked.Read(ref _sampledTicks) * 1e9 / System.Diagnostics.Stopwatch.Frequency / sampled;
        var last = Interlocked.Read(ref _lastHit);
        return new RuleStatistics(rule.Id, rule.Version, rule.Owner, Evaluations, Hits, mean,
            last < 0 ? null : new DateTimeOffset(last, TimeSpan.Zero), Volatile.Read(ref _flagged) != 0);
    }
}

/// <summary>The rules in force on one day from one compiled set, with how many subjects they have screened together.</summary>
internal sealed class ActiveRules(DateOnly day, CompiledRule[] rules, RuleCounters[] counters, RuleEnvironment environment)
{
    public long Subjects;

    public DateOnly Day => day;

    public CompiledRule[] Rules => rules;

    public RuleCounters[] Counters => counters;

    public RuleEnvironment Environment => environment;
}
