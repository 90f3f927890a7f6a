using Vigil.Data.Entities;
using Vigil.Screening.Matching;

namespace Vigil.Data;

/// <param name="Id">The message's id, new or the one first stored with the same bytes.</param>
/// <param name="AlreadyStored">True when the same bytes had been received before: nothing was written.</param>
public sealed record RawMessageReceipt(long Id, string ContentHash, bool AlreadyStored);

/// <summary>What storing a passenger list or a booking push wrote.</summary>
public sealed record SavedTravel(long FlightId, IReadOnlyList<long> TravelerIds, IReadOnlyList<long> BookingIds, int BookingVersionsAdded);

/// <summary>An imported list version; <paramref name="Created"/> is false when that code and version were stored before.</summary>
public sealed record SavedWatchList(long WatchListId, long VersionId, bool Created);

/// <param name="Created">False when the traveler already had a hit for the subject, which was updated instead.</param>
public sealed record HitUpsert(long HitId, bool Created);

/// <summary>
/// A hit as screening produced it, before the store de-duplicates it by traveler and <see cref="SubjectKey"/>.
/// </summary>
public sealed record HitDraft(string SubjectKey, double Score, HitSeverity Severity, string Explanation)
{
    public string? ListCode { get; init; }

    public string? ListEntryRef { get; init; }

    public string? RuleId { get; init; }

    public static HitDraft ForListEntry(string listCode, string entryRef, double score, HitSeverity severity, string explanation) =>
        new($"list:{listCode}:{entryRef}", score, severity, explanation) { ListCode = listCode, ListEntryRef = entryRef };

    public static HitDraft ForRule(string ruleId, double score, HitSeverity severity, string explanation) =>
        new($"rule:{ruleId}", score, severity, explanation) { RuleId = ruleId };

    /// <summary>A watch-list match with its explanation (aligned name units, attribute evidence, threshold) as JSON.</summary>
    public static HitDraft FromMatch(ScreeningMatch match, HitSeverity severity) =>
        ForListEntry(match.List, match.ListId, match.Score, severity, Mapping.Explanation(match.Explanation));
}
