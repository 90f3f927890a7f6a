using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Screening.Rules;

namespace Vigil.Server.Operations;

/// <summary>
/// The analysts' risk rules and value lists in the running service: every version read from the store at start, each
/// edit written to the store (with its audit entry) before screening sees it, and the rule check the pipeline screens
/// with. A change that recompiles rules asks the rule worker for a re-screen; a rule flagged for an unusual hit rate is
/// logged, counted and kept with its statistics, and it keeps screening.
/// </summary>
internal sealed partial class RiskCriteria : IDisposable
{
    private readonly VigilStore store;
    private readonly TimeProvider clock;
    private readonly ILogger log;
    private readonly Counter<long> flaggedCounter;
    private readonly SemaphoreSlim edits = new(1, 1);
    private readonly ConcurrentDictionary<(string RuleId, int Version), RuleFlag> flags = new();
    private readonly Channel<RuleSetChange> changes = Channel.CreateUnbounded<RuleSetChange>();

    private RiskCriteria(VigilStore store, ValueListRepository lists, RuleRepository rules, TimeProvider clock, IMeterFactory meters, ILogger log, RuleCheckOptions? options)
    {
        this.store = store;
        this.clock = clock;
        this.log = log;
        Lists = lists;
        Rules = rules;
        Check = new RuleCheck(rules, RuleEnvironment.Default, options, clock);
        Check.RulesChanged += change => changes.Writer.TryWrite(change);
        Check.UnusualHitRate += Flag;
        flaggedCounter = meters.Create(VigilMetrics.MeterName).CreateCounter<long>("vigil.rules.flagged", "{rule}",
            "Rule versions flagged for an unusual hit rate, by rule; a flagged rule keeps screening until a person edits it.");
    }

    public ValueListRepository Lists { get; }

    public RuleRepository Rules { get; }

    /// <summary>The check of kind <c>rule</c> the pipeline screens every traveler with.</summary>
    public RuleCheck Check { get; }

    /// <summary>Changes of the compiled rules waiting for the rule worker's re-screen.</summary>
    public ChannelReader<RuleSetChange> Changes => changes.Reader;

    /// <summary>
    /// Takes every stored version of every value list and rule (<see cref="VigilStore.ReadRiskCriteriaAsync"/>) and
    /// compiles the current rules; <paramref name="options"/> say when a hit rate is unusual (1 % after 1,000 evaluations by default).
    /// </summary>
    public static RiskCriteria Load(
        (List<ValueList> Lists, List<RuleEdit> Rules) stored, VigilStore store, TimeProvider clock, IMeterFactory meters, ILogger<RiskCriteria> log, RuleCheckOptions? options = null)
    {
        var lists = new ValueListRepository(clock);
        foreach (var list in stored.Lists)
        {
            lists.Load(list);
        }

        var rules = new RuleRepository(lists, clock);
        foreach (var edit in stored.Rules)
        {
            rules.Load(edit);
        }

        return new RiskCriteria(store, lists, rules, clock, meters, log, options);
    }

    /// <summary>The flag of a rule version, when it was flagged.</summary>
    public RuleFlag? FlagOf(string ruleId, int version) => flags.GetValueOrDefault((ruleId, version));

    /// <summary>
    /// Validates the rule against the current value lists and, when it differs from the current version, stores it as
    /// the next version and puts it into screening. Nothing is stored when there are problems, or when
    /// <paramref name="create"/> says the rule is new but it exists (or the other way round) — checked under the
    /// edit lock, so two callers creating the same rule cannot both succeed.
    /// </summary>
    public async Task<RuleEditOutcome> SaveRuleAsync(RiskRule rule, string author, string reason, CancellationToken cancellationToken, bool create = false)
    {
        await edits.WaitAsync(cancellationToken);
        try
        {
            var current = Rules.Current(rule.Id);
            if (create != (current is null))
            {
                return new RuleEditOutcome(current, false, []) { Existence = create ? RuleExistence.Exists : RuleExistence.Unknown };
            }

            var problems = RuleValidator.Validate(rule, Lists.Snapshot());
            if (problems.Count > 0)
            {
                return new RuleEditOutcome(null, false, problems);
            }

            if (current is not null && RuleJson.Write(current) == RuleJson.Write(rule with { Version = current.Version }))
            {
                return new RuleEditOutcome(current, false, []);
            }

            var saved = rule with { Version = (current?.Version ?? 0) + 1 };
            var edit = new RuleEdit(saved.Id, saved.Version, author, reason, clock.GetUtcNow(), RuleJson.Write(saved));
            // Stored first: a version screening uses must survive a restart.
            await store.SaveRuleEditAsync(edit, cancellationToken);
            return new RuleEditOutcome(Rules.Load(edit), true, []);
        }
        finally
        {
            edits.Release();
        }
    }

    /// <summary>
    /// Stores the next version of a value list and recompiles the rules that read it. Returns null, storing nothing,
    /// when <paramref name="create"/> says the list is new but it exists, or the other way round.
    /// </summary>
    public async Task<ValueList?> SaveListAsync(
        string name, IReadOnlyList<string> values, string? description, string author, string reason, bool create, CancellationToken cancellationToken)
    {
        await edits.WaitAsync(cancellationToken);
        try
        {
            var versions = Lists.History(name).Count;
            if (create != (versions == 0))
            {
                return null;
            }

            var list = new ValueList(name, versions + 1, values, author, reason, clock.GetUtcNow()) { Description = description };
            await store.SaveValueListAsync(list, cancellationToken);
            Lists.Load(list);
            return list;
        }
        finally
        {
            edits.Release();
        }
    }

    public void Dispose()
    {
        Check.Dispose();
        edits.Dispose();
    }

    private void Flag(RuleFlag flag)
    {
        flags[(flag.RuleId, flag.Version)] = flag;
        flaggedCounter.Add(1, new KeyValuePair<string, object?>("rule", flag.RuleId));
        LogFlagged(flag.RuleId, flag.Version, flag.Owner, flag.Hits, flag.Evaluations, flag.HitRate);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Rule {RuleId} version {Version} hits unusually often: {Hits} of {Evaluations} travelers ({HitRate:P2}); reported to its owner {Owner}. It keeps screening until a person edits it")]
    private partial void LogFlagged(string ruleId, int version, string owner, long hits, long evaluations, double hitRate);
}

/// <summary>What a rule edit did: the rule's current version, whether this edit made it, or why nothing was saved.</summary>
internal sealed record RuleEditOutcome(RiskRule? Rule, bool Created, IReadOnlyList<RuleProblem> Problems)
{
    /// <summary>Set when nothing was saved because the rule exists (for a create) or does not (for a change).</summary>
    public RuleExistence? Existence { get; init; }
}

internal enum RuleExistence
{
    Exists,
    Unknown,
}
