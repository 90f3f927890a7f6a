using System.Collections.Frozen;

namespace Vigil.Screening.Rules;

/// <summary>
/// A named list of values rules test membership of — airports, countries, agencies of concern — in one version. The
/// list is maintained apart from the rules that use it; a hit's explanation names the version it was tested against.
/// </summary>
public sealed record ValueList(string Name, int Version, IReadOnlyList<string> Values, string Author, string Reason, DateTimeOffset SavedAt)
{
    public string? Description { get; init; }

    /// <summary>The values as rules compare them: trimmed and upper-cased.</summary>
    internal FrozenSet<string> Folded { get; } = Values.Select(SubjectFacts.Fold).OfType<string>().ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>
/// Every version of every value list, newest last; saving makes a new version and never changes an old one.
/// Thread-safe; <see cref="Changed"/> tells the rule check to recompile the rules that read the list.
/// </summary>
public sealed class ValueListRepository(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, List<ValueList>> _versions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Raised after a list is saved, with the list's name.</summary>
    public event Action<string>? Changed;

    /// <summary>Saves a new version of the list. An empty list is refused: a rule testing it could never fire.</summary>
    public ValueList Save(string name, IEnumerable<string> values, string author, string reason, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        IReadOnlyList<string> kept = [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
        if (kept.Count == 0)
        {
            throw new ArgumentException($"Value list '{name}' needs at least one value.", nameof(values));
        }

        ValueList saved;
        lock (_gate)
        {
            if (!_versions.TryGetValue(name, out var versions))
            {
                _versions[name] = versions = [];
            }

            saved = new ValueList(name, versions.Count + 1, kept, author, reason, _clock.GetUtcNow()) { Description = description };
            versions.Add(saved);
        }

        Changed?.Invoke(name);
        return saved;
    }

    /// <summary>
    /// Adds a version saved earlier — read back from the service's store, or written there just now — as it was
    /// saved, with its author, reason and time. Its version must follow the list's last one. Raises <see cref="Changed"/>.
    /// </summary>
    public void Load(ValueList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        lock (_gate)
        {
            if (!_versions.TryGetValue(list.Name, out var versions))
            {
                _versions[list.Name] = versions = [];
            }

            if (list.Version != versions.Count + 1)
            {
                throw new ArgumentException($"Value list '{list.Name}' has {versions.Count} versions, so the next is {versions.Count + 1}, not {list.Version}.", nameof(list));
            }

            versions.Add(list);
        }

        Changed?.Invoke(list.Name);
    }

    public ValueList? Current(string name)
    {
        lock (_gate)
        {
            return _versions.TryGetValue(name, out var versions) ? versions[^1] : null;
        }
    }

    /// <summary>Every version of the list, oldest first; empty for an unknown list.</summary>
    public IReadOnlyList<ValueList> History(string name)
    {
        lock (_gate)
        {
            return _versions.TryGetValue(name, out var versions) ? [.. versions] : [];
        }
    }

    /// <summary>The current version of every list, as rules are validated and compiled against.</summary>
    public IReadOnlyDictionary<string, ValueList> Snapshot()
    {
        lock (_gate)
        {
            return _versions.ToDictionary(p => p.Key, p => p.Value[^1], StringComparer.Ordinal);
        }
    }
}
