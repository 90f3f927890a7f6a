namespace Vigil.Screening.Rules;

/// <summary>
/// One saved version of a rule: who changed it, why, when, and the rule's JSON as saved. Rules change only by such
/// an edit (CJEU C-817/19: criteria are set and reviewed by people, never learnt by the machine).
/// </summary>
public sealed record RuleEdit(string RuleId, int Version, string Author, string Reason, DateTimeOffset At, string Json);

/// <summary>The outcome of saving: the saved version, or the problems that kept it from being saved.</summary>
public sealed record RuleSaveResult(RiskRule? Saved, IReadOnlyList<RuleProblem> Problems)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>
/// Every version of every rule, in memory, with the edit that made each: the store the service persists (the JSON
/// of each edit is all it needs) and screens from. Saving validates against the current value lists; an invalid rule
/// is never saved. Thread-safe.
/// </summary>
public sealed class RuleRepository(ValueListRepository lists, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, List<(RiskRule Rule, RuleEdit Edit)>> _versions = new(StringComparer.Ordinal);
    private readonly List<RuleEdit> _trail = [];
    private readonly Lock _gate = new();

    public ValueListRepository Lists => lists;

    /// <summary>Raised after a new version is saved; the rule check recompiles and asks for re-screening.</summary>
    public event Action<RuleEdit>? Changed;

    /// <summary>
    /// Saves a new version of the rule (its <see cref="RiskRule.Version"/> is ignored and assigned). Needs a named author
    /// and a reason, which the audit trail keeps. Saving what is already the current version makes no new one.
    /// </summary>
    public RuleSaveResult Save(RiskRule rule, string author, string reason)
    {
        if (string.IsNullOrWhiteSpace(author) || string.IsNullOrWhiteSpace(reason))
        {
            return new RuleSaveResult(null, [new RuleProblem(string.IsNullOrWhiteSpace(author) ? "author" : "reason", null, null,
                "Every rule edit records who made it and why.")]);
        }

        var problems = RuleValidator.Validate(rule, lists.Snapshot());
        if (problems.Count > 0)
        {
            return new RuleSaveResult(null, problems);
        }

        RuleEdit edit;
        RiskRule saved;
        lock (_gate)
        {
            if (!_versions.TryGetValue(rule.Id, out var versions))
            {
                _versions[rule.Id] = versions = [];
            }

            if (versions.Count > 0 && RuleJson.Write(versions[^1].Rule with { Version = 0 }) == RuleJson.Write(rule with { Version = 0 }))
            {
                return new RuleSaveResult(versions[^1].Rule, []);
            }

            saved = rule with { Version = versions.Count + 1 };
            edit = new RuleEdit(rule.Id, saved.Version, author, reason, _clock.GetUtcNow(), RuleJson.Write(saved));
            versions.Add((saved, edit));
            _trail.Add(edit);
        }

        Changed?.Invoke(edit);
        return new RuleSaveResult(saved, []);
    }

    /// <summary>Reads, validates and saves a rule in its JSON form.</summary>
    public RuleSaveResult SaveJson(string json, string author, string reason)
    {
        try
        {
            return Save(RuleJson.Parse(json), author, reason);
        }
        catch (RuleFormatException e)
        {
            return new RuleSaveResult(null, [e.Problem]);
        }
    }

    /// <summary>
    /// Adds a version saved earlier — read back from the service's store, or written there just now — exactly as it
    /// was saved: it was validated then, so it is not validated again, and it keeps its author, reason and time. Its
    /// version must follow the rule's last one. Raises <see cref="Changed"/> like a save.
    /// </summary>
    public RiskRule Load(RuleEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var rule = RuleJson.Parse(edit.Json) with { Version = edit.Version };
        if (rule.Id != edit.RuleId)
        {
            throw new ArgumentException($"Version {edit.Version} of rule '{edit.RuleId}' holds the rule '{rule.Id}'.", nameof(edit));
        }

        lock (_gate)
        {
            if (!_versions.TryGetValue(rule.Id, out var versions))
            {
                _versions[rule.Id] = versions = [];
            }

            if (edit.Version != versions.Count + 1)
            {
                throw new ArgumentException($"Rule '{rule.Id}' has {versions.Count} versions, so the next is {versions.Count + 1}, not {edit.Version}.", nameof(edit));
            }

            versions.Add((rule, edit));
            _trail.Add(edit);
        }

        Changed?.Invoke(edit);
        return rule;
    }

    public RiskRule? Current(string id)
    {
        lock (_gate)
        {
            return _versions.TryGetValue(id, out var versions) ? versions[^1].Rule : null;
        }
    }

    /// <summary>The current version of every rule, disabled ones included.</summary>
    public IReadOnlyList<RiskRule> CurrentRules()
    {
        lock (_gate)
        {
            return [.. _versions.Values.Select(v => v[^1].Rule)];
        }
    }

    public RiskRule? Version(string id, int version)
    {
        lock (_gate)
        {
            return _versions.TryGetValue(id, out var versions) && version >= 1 && version <= versions.Count ? versions[version - 1].Rule : null;
        }
    }

    /// <summary>The rule's edits, oldest first.</summary>
    public IReadOnlyList<RuleEdit> History(string id)
    {
        lock (_gate)
        {
            return _versions.TryGetValue(id, out var versions) ? [.. versions.Select(v => v.Edit)] : [];
        }
    }

    /// <summary>Every edit of every rule in the order made.</summary>
    public IReadOnlyList<RuleEdit> AuditTrail()
    {
        lock (_gate)
        {
            return [.. _trail];
        }
    }
}
