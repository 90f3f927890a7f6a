using System.Text.Json;

namespace Vigil.Server.Endpoints;

// What the API answers with. The EF entities stay inside the server: the API's shape can then change without a
// migration, and a navigation property can never pull half the database into one response.

internal sealed record MessageSummary(long Id, string Sender, DateTimeOffset ReceivedAt, string? Type, MessageStatus Status, DateTimeOffset StatusChangedAt, long? DuplicateOf);

/// <param name="Segment">0-based index of the segment where reading failed, when known.</param>
/// <param name="Offset">Byte offset of the problem in the message as received.</param>
internal sealed record MessageError(string Reason, int? Segment, long? Offset, int? Line);

internal sealed record AuditView(long Id, string Step, AuditOutcome Outcome, DateTimeOffset At, string? Detail);

internal sealed record MessageDetail(
    long Id,
    string Sender,
    DateTimeOffset ReceivedAt,
    string? Type,
    MessageStatus Status,
    DateTimeOffset StatusChangedAt,
    string ContentHash,
    string? InterchangeReference,
    long? DuplicateOf,
    MessageError? Error,
    IReadOnlyList<AuditView> Audit);

/// <param name="AlreadyReceived">The same bytes had been received before; the first message's id is returned and nothing is processed twice.</param>
/// <param name="DuplicateOf">The sender already sent this interchange reference in that message; this one is kept but not processed.</param>
internal sealed record MessageReceipt(long Id, string ContentHash, bool AlreadyReceived, long? DuplicateOf, MessageStatus Status);

internal sealed record FlightSummary(long Id, string FlightKey, string? Carrier, string? Number, string? Origin, string? Destination, DateOnly? DepartureDate, int Travelers, int Hits);

internal sealed record LegView(int Sequence, string? Origin, string? Destination, DateTime? ScheduledDeparture, DateTime? ScheduledArrival, bool CrossesBorder);

internal sealed record DocumentView(string? Type, string? Number, string? IssuingCountry, DateOnly? IssueDate, DateOnly? Expiry);

internal sealed record TravelerSummary(
    long Id,
    TravelerSource Source,
    string Role,
    string? Surname,
    string? GivenNames,
    DateOnly? DateOfBirth,
    string? Gender,
    string? Nationality,
    string? Seat,
    string? RecordLocator,
    long? BookingId,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<HitSummary> Hits);

internal sealed record FlightDetail(
    long Id,
    string FlightKey,
    string? Carrier,
    string? Number,
    string? Origin,
    string? Destination,
    DateOnly? DepartureDate,
    string? FinalDestination,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<LegView> Legs,
    IReadOnlyList<TravelerSummary> Travelers);

internal sealed record TravelerDetail(
    long Id,
    FlightSummary Flight,
    TravelerSource Source,
    string Role,
    string? Surname,
    string? GivenNames,
    string? Title,
    DateOnly? DateOfBirth,
    string? Gender,
    string? Nationality,
    string? ResidenceCountry,
    string? BirthPlace,
    string? Embarkation,
    string? Debarkation,
    string? Seat,
    string? RecordLocator,
    long? BookingId,
    long? PersonId,
    long FirstMessageId,
    long LastMessageId,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<HitSummary> Hits);

/// <summary>One trip of a person: the traveler record and the flight it was on, and why the record was linked.</summary>
internal sealed record TripView(long TravelerId, LinkReason LinkReason, double? LinkScore, FlightSummary Flight);

internal sealed record PersonDetail(long Id, string? Surname, string? GivenNames, DateOnly? DateOfBirth, string? Nationality, DateTimeOffset CreatedAt, IReadOnlyList<TripView> Travel);

internal sealed record BookingVersionView(int Version, long MessageId, long? FlightId, string PushKind, bool Cancelled, DateTime? LastChanged, DateTimeOffset ReceivedAt, JsonElement Content);

internal sealed record BookingDetail(long Id, string BookingKey, string? RecordLocator, DateTimeOffset CreatedAt, IReadOnlyList<long> Travelers, IReadOnlyList<BookingVersionView> Versions);

internal sealed record HitSummary(
    long Id,
    long TravelerId,
    string SubjectKey,
    string? ListCode,
    string? ListEntryRef,
    string? RuleId,
    double Score,
    HitSeverity Severity,
    HitStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed record HitStatusChangeView(HitStatus? From, HitStatus To, string Actor, string Reason, DateTimeOffset At);

/// <summary>A hit as the review screen needs it: the hit, whose traveler on which flight, why it fired, and its decisions so far.</summary>
internal sealed record HitDetail(
    HitSummary Hit,
    long FlightId,
    string? Surname,
    string? GivenNames,
    JsonElement Explanation,
    IReadOnlyList<HitStatusChangeView> History);

/// <summary>An analyst's decision on a hit. Every field is required: the audit must say who decided what and why.</summary>
internal sealed record HitStatusRequest(string? Status, string? Reason, string? Actor);

internal sealed record WatchListVersionView(long Id, string Version, string Format, DateTimeOffset ImportedAt, int Entries, int Problems, bool Current);

internal sealed record WatchListSummary(string Code, WatchListVersionView? Current, int Versions);

internal sealed record ListProblemView(string Position, string Message);

/// <param name="Created">False when this code and version had been imported before; nothing was stored again.</param>
internal sealed record WatchListImport(string Code, bool Created, WatchListVersionView Version, IReadOnlyList<ListProblemView> Problems);

internal sealed record DiffEntry(string Reference, string Name);

internal sealed record ChangedDiffEntry(string Reference, string Name, IReadOnlyList<string> Changes);

internal sealed record WatchListDiffView(string Code, string From, string To, IReadOnlyList<DiffEntry> Added, IReadOnlyList<DiffEntry> Removed, IReadOnlyList<ChangedDiffEntry> Changed);

internal static class ViewMapping
{
    public static MessageSummary Summary(StoredMessage m) => new(m.Id, m.Sender, m.ReceivedAt, m.DetectedType, m.Status, m.StatusChangedAt, m.DuplicateOfId);

    public static HitSummary Summary(StoredHit h) =>
        new(h.Id, h.TravelerId, h.SubjectKey, h.ListCode, h.ListEntryRef, h.RuleId, h.Score, h.Severity, h.Status, h.CreatedAt, h.UpdatedAt);

    public static DocumentView View(StoredDocument d) => new(d.Type, d.Number, d.IssuingCountry, d.IssueDate, d.Expiry);

    public static LegView View(StoredLeg l) => new(l.Sequence, l.Origin, l.Destination, l.ScheduledDeparture, l.ScheduledArrival, l.CrossesBorder);

    public static WatchListVersionView View(WatchListVersion v, long? currentId) =>
        new(v.Id, v.Version, v.Format, v.ImportedAt, v.EntryCount, v.ProblemCount, v.Id == currentId);

    /// <summary>Stored JSON handed on as JSON, not as a string holding JSON.</summary>
    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
