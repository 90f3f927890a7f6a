namespace Vigil.Screening.Watchlists;

/// <summary>An entry present in both versions whose evidence changed, with one line per changed field.</summary>
public sealed record ChangedEntry(ListedPerson Previous, ListedPerson Current, IReadOnlyList<string> Changes)
{
    public string ListId => Current.ListId;

    /// <summary>E.g. <c>QDi.001: names + "Seif al Adel" (alias, weak); dates of birth - 1960-04-11</c>.</summary>
    public string Description => $"{ListId}: {string.Join("; ", Changes)}";
}

/// <summary>
/// What changed between two versions of one list, matched by list reference: entries added, removed, and changed.
/// A new list version should re-screen only travelers who could match an added or changed entry, and hits on a
/// removed entry should be closed; this is what tells them apart.
/// </summary>
public sealed record WatchListDiff(
    string PreviousVersion,
    string CurrentVersion,
    IReadOnlyList<ListedPerson> Added,
    IReadOnlyList<ListedPerson> Removed,
    IReadOnlyList<ChangedEntry> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static WatchListDiff Between(WatchList previous, WatchList current)
    {
        // A list that repeats a reference keeps its first entry for comparison; importers already report repeats.
        var before = new Dictionary<string, ListedPerson>(StringComparer.Ordinal);
        foreach (var entry in previous.Entries)
        {
            before.TryAdd(entry.ListId, entry);
        }

        var after = new Dictionary<string, ListedPerson>(StringComparer.Ordinal);
        foreach (var entry in current.Entries)
        {
            after.TryAdd(entry.ListId, entry);
        }

        var added = after.Values.Where(e => !before.ContainsKey(e.ListId)).ToArray();
        var removed = before.Values.Where(e => !after.ContainsKey(e.ListId)).ToArray();
        var changed = new List<ChangedEntry>();
        foreach (var (id, now) in after)
        {
            if (before.TryGetValue(id, out var then) && Describe(then, now) is { Count: > 0 } changes)
            {
                changed.Add(new ChangedEntry(then, now, changes));
            }
        }

        return new WatchListDiff(previous.Version, current.Version, added, removed, changed);
    }

    private static List<string> Describe(ListedPerson then, ListedPerson now)
    {
        var changes = new List<string>();
        if (then.Kind != now.Kind)
        {
            changes.Add($"kind {then.Kind} → {now.Kind}");
        }

        Compare(changes, "names", then.Names, now.Names, n => $"\"{n.FullName}\" ({n.Kind.ToString().ToLowerInvariant()}{(n.Quality == NameQuality.Unknown ? "" : ", " + n.Quality.ToString().ToLowerInvariant())}{(n.IsOriginalScript ? ", original script" : "")})");
        Compare(changes, "dates of birth", then.BirthDates, now.BirthDates, d => d.ToString());
        Compare(changes, "places of birth", then.BirthPlaces, now.BirthPlaces, p => p);
        Compare(changes, "nationalities", then.Nationalities, now.Nationalities, n => n);
        Compare(changes, "documents", then.Documents, now.Documents, d => $"{d.Type} {d.Number}{(d.IssuingCountry is null ? "" : $" ({d.IssuingCountry})")}");
        Compare(changes, "addresses", then.Addresses, now.Addresses, a => a);
        Compare(changes, "programmes", then.Programmes, now.Programmes, p => p);
        if (then.Gender != now.Gender)
        {
            changes.Add($"gender {then.Gender} → {now.Gender}");
        }

        if (then.ListedOn != now.ListedOn)
        {
            changes.Add($"listed on {then.ListedOn?.ToString("yyyy-MM-dd") ?? "-"} → {now.ListedOn?.ToString("yyyy-MM-dd") ?? "-"}");
        }

        if (!string.Equals(then.Remarks, now.Remarks, StringComparison.Ordinal))
        {
            changes.Add("remarks changed");
        }

        return changes;
    }

    // Order within a field carries no meaning in any list format, so fields are compared as sets of descriptions.
    private static void Compare<T>(List<string> changes, string field, IReadOnlyList<T> then, IReadOnlyList<T> now, Func<T, string> describe)
    {
        var before = then.Select(describe).ToHashSet(StringComparer.Ordinal);
        var after = now.Select(describe).ToHashSet(StringComparer.Ordinal);
        var parts = after.Where(a => !before.Contains(a)).Select(a => "+ " + a)
            .Concat(before.Where(b => !after.Contains(b)).Select(b => "- " + b))
            .ToList();
        if (parts.Count > 0)
        {
            changes.Add($"{field} {string.Join(", ", parts)}");
        }
    }
}
