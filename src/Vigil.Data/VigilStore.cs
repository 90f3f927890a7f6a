using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigil.Data.Entities;
using Vigil.Screening.Watchlists;
using Vigil.Travel.Model;

namespace Vigil.Data;

/// <summary>
/// Vigil's durable store. Every write is idempotent: the same bytes are stored once, the same message makes the same
/// flights, travelers and booking versions however often it is processed, and a traveler has one hit per list entry
/// or rule. Each call uses its own short-lived context, so one store serves concurrent callers; a write that loses a
/// race on a unique key is retried and then finds the winner's row.
/// </summary>
public sealed partial class VigilStore
{
    private const int Attempts = 3;

    private readonly string connectionString;
    private readonly TimeProvider clock;

    private VigilStore(StoreProvider provider, string connectionString, TimeProvider clock)
    {
        Provider = provider;
        this.connectionString = connectionString;
        this.clock = clock;
    }

    public StoreProvider Provider { get; }

    /// <summary>
    /// Opens the store: creates the SQLite folder and switches the file to WAL, then applies pending migrations
    /// (unless <see cref="VigilStoreOptions.MigrateOnOpen"/> is off).
    /// </summary>
    public static async Task<VigilStore> OpenAsync(VigilStoreOptions options, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var connection = options.Provider switch
        {
            StoreProvider.Sqlite => options.SqliteConnectionString(),
            _ => options.ConnectionString ?? throw new ArgumentException(
                $"{VigilStoreOptions.Section}:ConnectionString is required for PostgreSQL, e.g. 'Host=127.0.0.1;Port=5432;Username=vigil;Password=…;Database=vigil'.",
                nameof(options)),
        };
        var store = new VigilStore(options.Provider, connection, clock ?? TimeProvider.System);
        await using var db = store.CreateContext();
        if (options.Provider == StoreProvider.Sqlite)
        {
            StoreContextFactory.EnsureSqliteFolder(connection);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.MigrateOnOpen)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return store;
    }

    /// <summary>A new context on the store's database; the caller disposes it. For queries the API does not cover yet.</summary>
    public VigilDbContext CreateContext() => Provider == StoreProvider.Sqlite
        ? StoreContextFactory.Sqlite(connectionString)
        : StoreContextFactory.Postgres(connectionString);

    // ---------------------------------------------------------------- messages

    /// <summary>
    /// Stores the raw bytes, addressed by their SHA-256, before anything reads them. Bytes already stored are not
    /// stored again: the first message's id comes back with <see cref="RawMessageReceipt.AlreadyStored"/> set.
    /// </summary>
    public Task<RawMessageReceipt> StoreRawMessageAsync(ReadOnlyMemory<byte> bytes, string sender, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        return WithContextAsync(async db =>
        {
            var existing = await db.Messages.Where(m => m.ContentHash == hash).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return new RawMessageReceipt(id, hash, true);
            }

            var message = AddMessage(db, hash, bytes, sender, receivedAt);
            await db.SaveChangesAsync(cancellationToken);
            return new RawMessageReceipt(message.Id, hash, false);
        });
    }

    public Task<StoredMessage?> GetMessageAsync(long id, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken));

    /// <summary>The bytes exactly as received, for parsing or replay.</summary>
    public Task<byte[]> ReadContentAsync(long id, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db => await db.Messages.Where(m => m.Id == id).Select(m => m.Content!.Bytes).FirstOrDefaultAsync(cancellationToken)
            ?? throw UnknownMessage(id));

    /// <summary>
    /// Records that the message was read: its type and interchange reference. When another message from the same
    /// sender already carried that reference the message becomes <see cref="MessageStatus.Duplicate"/> of it. A
    /// message already processed or found a duplicate keeps its status. Returns the status the message now has.
    /// </summary>
    public Task<MessageStatus> MarkParsedAsync(long id, string detectedType, string? interchangeReference, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var status = await StageParsedAsync(db, id, detectedType, interchangeReference, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return status;
        });

    /// <summary>Quarantines the message with the reason and, when known, where in the bytes the problem is.</summary>
    public Task MarkFailedAsync(long id, string reason, SourcePosition? position = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return WithContextAsync(async db =>
        {
            Quarantine(await FindMessageAsync(db, id, cancellationToken), reason, position);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }

    public Task MarkProcessedAsync(long id, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var message = await FindMessageAsync(db, id, cancellationToken);
            if (message.Status != MessageStatus.Processed)
            {
                message.Status = MessageStatus.Processed;
                message.StatusChangedAt = Now;
                await db.SaveChangesAsync(cancellationToken);
            }

            return true;
        });

    /// <summary>Puts a quarantined message back to <see cref="MessageStatus.Received"/> so the pipeline reads it again.</summary>
    public Task<bool> ReleaseForReplayAsync(long id, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var message = await FindMessageAsync(db, id, cancellationToken);
            if (message.Status != MessageStatus.Failed)
            {
                return false;
            }

            message.Status = MessageStatus.Received;
            message.StatusChangedAt = Now;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });

    /// <summary>Messages in quarantine, oldest first, without their bytes.</summary>
    public Task<List<StoredMessage>> ListQuarantinedAsync(CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.Messages.AsNoTracking().Where(m => m.Status == MessageStatus.Failed).OrderBy(m => m.Id).ToListAsync(cancellationToken));

    // ---------------------------------------------------------------- audit

    /// <summary>Appends one processing step to the audit; entries are never changed or removed.</summary>
    public Task<long> RecordAuditAsync(long? messageId, string step, AuditOutcome outcome, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return WithContextAsync(async db =>
        {
            var entry = new AuditEntry { MessageId = messageId, Step = step, Outcome = outcome, At = Now, Detail = detail };
            db.Audit.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return entry.Id;
        });
    }

    /// <summary>The audit of one message (or of steps not tied to a message when null), in the order recorded.</summary>
    public Task<List<AuditEntry>> ListAuditAsync(long? messageId, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.Audit.AsNoTracking().Where(a => a.MessageId == messageId).OrderBy(a => a.Id).ToListAsync(cancellationToken));

    // ---------------------------------------------------------------- travel

    /// <summary>
    /// Upserts the list's reporting flight (the first with a leg that crosses the border, else the first) and its
    /// travelers. The same traveler re-sent (see <see cref="StoredTraveler.ReportKey"/>) updates the row it made before; the latest report wins.
    /// </summary>
    public Task<SavedTravel> SavePassengerListAsync(long messageId, PassengerList list, CancellationToken cancellationToken = default)
    {
        var flight = ReportingFlight(list);
        return SaveTravelAsync((db, rows) => StageListAsync(db, rows, messageId, list, flight, cancellationToken), cancellationToken);
    }

    /// <summary>Stages one list or push and commits it, new rows and changed rows together.</summary>
    private Task<SavedTravel> SaveTravelAsync(Func<VigilDbContext, NewRows, Task<Func<SavedTravel>>> stage, CancellationToken cancellationToken) =>
        WithContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var rows = new NewRows(db);
            var saved = await stage(db, rows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved();
        });

    private static Flight ReportingFlight(PassengerList list) =>
        list.Flights.FirstOrDefault(f => f.Legs.Any(l => l.CrossesBorder)) ?? list.Flights.FirstOrDefault()
            ?? throw new ArgumentException("The passenger list names no flight (TDT), so its travelers cannot be placed; quarantine the message.", nameof(list));

    /// <summary>
    /// Writes the list's flight and new travelers and stages changes to travelers already stored; the function gives
    /// the ids once the changes are saved.
    /// </summary>
    private async Task<Func<SavedTravel>> StageListAsync(VigilDbContext db, NewRows newRows, long messageId, PassengerList list, Flight flight, CancellationToken cancellationToken)
    {
        var flightRow = await UpsertFlightAsync(db, messageId, flight, cancellationToken);
        var existing = await TravelersOfAsync(db, flightRow, TravelerSource.Api, cancellationToken);
        var keys = new KeyCounter();
        var rows = new List<StoredTraveler>(list.Travelers.Count);
        foreach (var traveler in list.Travelers)
        {
            var row = UpsertTraveler(flightRow, existing, TravelerSource.Api, keys.Next(Mapping.ApiReportKey(traveler)), messageId);
            Mapping.Apply(row, traveler);
            await InsertIfNewAsync(newRows, row, cancellationToken);
            rows.Add(row);
        }

        return () => new SavedTravel(flightRow.Id, [.. rows.Select(r => r.Id)], [], 0);
    }

    /// <summary>
    /// Stores a PNR push: one new immutable version of each booking it carries (numbered in arrival order; the same
    /// message never makes a second version), and the bookings' travelers on the pushed flight.
    /// </summary>
    public Task<SavedTravel> SaveBookingPushAsync(long messageId, BookingPush push, CancellationToken cancellationToken = default)
    {
        var flight = PushedFlight(push);
        return SaveTravelAsync((db, rows) => StagePushAsync(db, rows, messageId, push, flight, null, cancellationToken), cancellationToken);
    }

    private static Flight PushedFlight(BookingPush push) => push.PushedFlight
        ?? throw new ArgumentException("The push names no flight (level-0 TVL), so its bookings cannot be placed; quarantine the message.", nameof(push));

    /// <summary>
    /// Writes the push's flight, new bookings, booking versions and new travelers and stages changes to travelers
    /// already stored; the function gives the ids once the changes are saved. <paramref name="bookingJson"/> holds the
    /// bookings already serialised, in order, when the caller made them beforehand.
    /// </summary>
    private async Task<Func<SavedTravel>> StagePushAsync(VigilDbContext db, NewRows newRows, long messageId, BookingPush push, Flight flight, IReadOnlyList<string>? bookingJson, CancellationToken cancellationToken)
    {
        var receivedAt = await db.Messages.Where(m => m.Id == messageId).Select(m => (DateTimeOffset?)m.ReceivedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw UnknownMessage(messageId);
        var flightRow = await UpsertFlightAsync(db, messageId, flight, cancellationToken);
        var existingTravelers = await TravelersOfAsync(db, flightRow, TravelerSource.Pnr, cancellationToken);

        var bookingKeys = new KeyCounter();
        var keyed = push.Bookings.Select((booking, index) => (Booking: booking, Index: index, Key: bookingKeys.Next(Mapping.BookingKey(booking, push, messageId, index)))).ToList();
        var keys = keyed.Select(k => k.Key).ToList();
        var bookings = await db.Bookings.Where(b => keys.Contains(b.BookingKey)).ToDictionaryAsync(b => b.BookingKey, cancellationToken);
        var bookingIds = bookings.Values.Select(b => b.Id).ToList();
        var latest = await db.BookingVersions.Where(v => bookingIds.Contains(v.BookingId))
            .GroupBy(v => v.BookingId)
            .Select(g => new { BookingId = g.Key, Version = g.Max(v => v.Version), FromThisMessage = g.Any(v => v.MessageId == messageId) })
            .ToDictionaryAsync(g => g.BookingId, cancellationToken);

        var added = 0;
        var travelerKeys = new KeyCounter();
        var travelers = new List<StoredTraveler>();
        foreach (var (booking, index, key) in keyed)
        {
            if (!bookings.TryGetValue(key, out var bookingRow))
            {
                bookingRow = new StoredBooking { BookingKey = key, RecordLocator = booking.RecordLocator, CreatedAt = Now };
                await newRows.AddAsync(bookingRow, cancellationToken);
                bookings[key] = bookingRow;
            }

            var last = latest.GetValueOrDefault(bookingRow.Id);
            if (last is not { FromThisMessage: true })
            {
                await newRows.AddAsync(new BookingVersion
                {
                    BookingId = bookingRow.Id,
                    Version = (last?.Version ?? 0) + 1,
                    MessageId = messageId,
                    FlightId = flightRow.Id,
                    PushKind = push.Kind.ToString(),
                    Cancelled = booking.Cancelled,
                    LastChanged = Mapping.Unzoned(booking.LastChanged),
                    ReceivedAt = receivedAt,
                    Content = bookingJson?[index] ?? Mapping.BookingJson(booking),
                }, cancellationToken);
                added++;
            }

            foreach (var traveler in booking.Travelers)
            {
                var row = UpsertTraveler(flightRow, existingTravelers, TravelerSource.Pnr, travelerKeys.Next(Mapping.PnrReportKey(key, traveler)), messageId);
                Mapping.Apply(row, traveler);
                row.RecordLocator ??= booking.RecordLocator;
                row.BookingId = bookingRow.Id;
                await InsertIfNewAsync(newRows, row, cancellationToken);
                travelers.Add(row);
            }
        }

        return () => new SavedTravel(flightRow.Id, [.. travelers.Select(t => t.Id)], [.. keyed.Select(k => bookings[k.Key].Id).Distinct()], added);
    }

    public Task<StoredFlight?> GetFlightAsync(string flightKey, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.Flights.AsNoTracking().AsSplitQuery()
            .Include(f => f.Legs.OrderBy(l => l.Sequence))
            .Include(f => f.Travelers.OrderBy(t => t.Id)).ThenInclude(t => t.Documents.OrderBy(d => d.Id))
            .FirstOrDefaultAsync(f => f.FlightKey == flightKey, cancellationToken));

    /// <summary>All versions of a booking, oldest first.</summary>
    public Task<List<BookingVersion>> GetBookingVersionsAsync(string bookingKey, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.BookingVersions.AsNoTracking()
            .Where(v => db.Bookings.Any(b => b.Id == v.BookingId && b.BookingKey == bookingKey))
            .OrderBy(v => v.Version)
            .ToListAsync(cancellationToken));

    // ---------------------------------------------------------------- persons

    /// <summary>
    /// Links a traveler to a person and records why; with no <paramref name="personId"/> a new person is made from the
    /// traveler. A traveler already linked keeps its link, whose person id is returned.
    /// </summary>
    public Task<long> LinkTravelerAsync(long travelerId, LinkReason reason, string? detail, double? score = null, long? personId = null, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var linked = await db.PersonLinks.Where(l => l.TravelerId == travelerId).Select(l => (long?)l.PersonId).FirstOrDefaultAsync(cancellationToken);
            if (linked is { } already)
            {
                return already;
            }

            var traveler = await db.Travelers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == travelerId, cancellationToken)
                ?? throw new KeyNotFoundException($"No traveler {travelerId}.");
            var link = new PersonLink { TravelerId = travelerId, Reason = reason, Detail = detail, Score = score, LinkedAt = Now };
            if (personId is { } id)
            {
                link.PersonId = id;
                db.PersonLinks.Add(link);
            }
            else
            {
                db.Persons.Add(NewPerson(traveler.Surname, traveler.GivenNames, traveler.DateOfBirth, traveler.Nationality, Identity.PersonNameKey.Of(traveler.DateOfBirth, traveler.Surname), link));
            }

            await db.SaveChangesAsync(cancellationToken);
            return link.PersonId;
        });

    public Task<Person?> GetPersonAsync(long personId, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.Persons.AsNoTracking().Include(p => p.Links.OrderBy(l => l.Id)).FirstOrDefaultAsync(p => p.Id == personId, cancellationToken));

    // ---------------------------------------------------------------- watch lists

    /// <summary>
    /// Stores an imported list version with its entries and, by default, makes it the list's current version. A
    /// version already stored (same code and version) is not stored again.
    /// </summary>
    public Task<SavedWatchList> SaveWatchListAsync(WatchList list, DateTimeOffset importedAt, bool makeCurrent = true, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var listRow = await db.WatchLists.FirstOrDefaultAsync(w => w.Code == list.Code, cancellationToken);
            if (listRow is null)
            {
                listRow = new StoredWatchList { Code = list.Code };
                db.WatchLists.Add(listRow);
                await db.SaveChangesAsync(cancellationToken);
            }

            var existing = await db.WatchListVersions.Where(v => v.WatchListId == listRow.Id && v.Version == list.Version)
                .Select(v => (long?)v.Id).FirstOrDefaultAsync(cancellationToken);
            var created = existing is null;
            var versionId = existing ?? 0;
            if (created)
            {
                var version = new WatchListVersion
                {
                    WatchListId = listRow.Id,
                    Version = list.Version,
                    Format = list.Format,
                    ImportedAt = importedAt.ToUniversalTime(),
                    EntryCount = list.Entries.Count,
                    ProblemCount = list.Problems.Count,
                    SourcePath = list.SourcePath,
                    Entries = [.. list.Entries.Select(Mapping.Entry)],
                };
                db.WatchListVersions.Add(version);
                await db.SaveChangesAsync(cancellationToken);
                versionId = version.Id;
            }

            if (makeCurrent && listRow.CurrentVersionId != versionId)
            {
                listRow.CurrentVersionId = versionId;
                await db.SaveChangesAsync(cancellationToken);
            }

            return new SavedWatchList(listRow.Id, versionId, created);
        });

    // ---------------------------------------------------------------- hits

    /// <summary>
    /// Adds the hit, or updates the traveler's existing hit for the same subject (score, severity, explanation, the
    /// entry that fired) without touching its status: an analyst's decision stands until an analyst changes it.
    /// A new hit starts as <see cref="HitStatus.New"/> with that first step in its history.
    /// </summary>
    public Task<HitUpsert> UpsertHitAsync(long travelerId, HitDraft draft, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var entryId = draft.ListCode is null ? null : await db.WatchListEntries
                .Where(e => e.EntryRef == draft.ListEntryRef && db.WatchLists.Any(w => w.Code == draft.ListCode && w.CurrentVersionId == e.VersionId))
                .Select(e => (long?)e.Id)
                .FirstOrDefaultAsync(cancellationToken);
            var hit = await db.Hits.FirstOrDefaultAsync(h => h.TravelerId == travelerId && h.SubjectKey == draft.SubjectKey, cancellationToken);
            var created = hit is null;
            hit = ApplyHit(db, hit, travelerId, draft, entryId);
            await db.SaveChangesAsync(cancellationToken);
            return new HitUpsert(hit.Id, created);
        });

    /// <summary>
    /// Changes a hit's status and keeps who did it and why. Returns false, recording nothing, when the hit already has
    /// that status.
    /// </summary>
    public Task<bool> ChangeHitStatusAsync(long hitId, HitStatus status, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return WithContextAsync(async db =>
        {
            var hit = await db.Hits.FirstOrDefaultAsync(h => h.Id == hitId, cancellationToken)
                ?? throw new KeyNotFoundException($"No hit {hitId}.");
            if (hit.Status == status)
            {
                return false;
            }

            db.HitStatusChanges.Add(new HitStatusChange { HitId = hitId, From = hit.Status, To = status, Actor = actor, Reason = reason, At = Now });
            hit.Status = status;
            hit.UpdatedAt = Now;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>A hit with its status history, oldest change first.</summary>
    public Task<StoredHit?> GetHitAsync(long hitId, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.Hits.AsNoTracking().Include(h => h.History.OrderBy(c => c.Id)).FirstOrDefaultAsync(h => h.Id == hitId, cancellationToken));

    public Task<List<StoredHit>> ListHitsAsync(long travelerId, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.Hits.AsNoTracking().Where(h => h.TravelerId == travelerId).OrderBy(h => h.Id).ToListAsync(cancellationToken));

    private async Task<MessageStatus> StageParsedAsync(VigilDbContext db, long id, string detectedType, string? interchangeReference, CancellationToken cancellationToken)
    {
        var message = await FindMessageAsync(db, id, cancellationToken);
        if (message.Status is MessageStatus.Processed or MessageStatus.Duplicate)
        {
            return message.Status;
        }

        var reference = string.IsNullOrWhiteSpace(interchangeReference) ? null : interchangeReference.Trim();
        var original = reference is null ? null : await db.Messages
            .Where(m => m.Sender == message.Sender && m.InterchangeReference == reference && m.DuplicateOfId == null && m.Id != id)
            .Select(m => (long?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        message.DetectedType = detectedType;
        message.InterchangeReference = reference;
        message.DuplicateOfId = original;
        message.Status = original is null ? MessageStatus.Parsed : MessageStatus.Duplicate;
        message.ErrorText = null;
        message.ErrorSegment = null;
        message.ErrorOffset = null;
        message.ErrorLine = null;
        message.StatusChangedAt = Now;
        return message.Status;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Adds the hit (status New, with that first step in its history) or updates it, keeping its status.</summary>
    private StoredHit ApplyHit(VigilDbContext db, StoredHit? hit, long travelerId, HitDraft draft, long? entryId)
    {
        if (hit is null)
        {
            hit = new StoredHit
            {
                TravelerId = travelerId,
                SubjectKey = draft.SubjectKey,
                Explanation = draft.Explanation,
                Status = HitStatus.New,
                CreatedAt = Now,
                History = [new HitStatusChange { From = null, To = HitStatus.New, Actor = "vigil", Reason = "found by screening", At = Now }],
            };
            db.Hits.Add(hit);
        }

        hit.ListCode = draft.ListCode;
        hit.ListEntryRef = draft.ListEntryRef;
        hit.RuleId = draft.RuleId;
        hit.WatchListEntryId = entryId ?? hit.WatchListEntryId;
        hit.Score = draft.Score;
        hit.Severity = draft.Severity;
        hit.Explanation = draft.Explanation;
        hit.UpdatedAt = Now;
        return hit;
    }

    private StoredMessage AddMessage(VigilDbContext db, string hash, ReadOnlyMemory<byte> bytes, string sender, DateTimeOffset receivedAt)
    {
        var message = new StoredMessage
        {
            ContentHash = hash,
            Content = new StoredContent { Hash = hash, Bytes = bytes.ToArray(), Length = bytes.Length },
            Sender = sender,
            ReceivedAt = receivedAt.ToUniversalTime(),
            Status = MessageStatus.Received,
            StatusChangedAt = Now,
        };
        db.Messages.Add(message);
        return message;
    }

    private Person NewPerson(string? surname, string? givenNames, DateOnly? dateOfBirth, string? nationality, string? nameKey, PersonLink link) => new()
    {
        Surname = surname,
        GivenNames = givenNames,
        DateOfBirth = dateOfBirth,
        Nationality = nationality,
        NameKey = nameKey,
        CreatedAt = Now,
        Links = [link],
    };

    private void Quarantine(StoredMessage message, string reason, SourcePosition? position)
    {
        message.Status = MessageStatus.Failed;
        message.ErrorText = reason;
        message.ErrorSegment = position?.Segment;
        message.ErrorOffset = position?.Offset;
        message.ErrorLine = position?.Line;
        message.StatusChangedAt = Now;
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private async Task<T> WithContextAsync<T>(Func<VigilDbContext, Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = CreateContext();
            try
            {
                return await work(db);
            }
            catch (Exception e) when (attempt < Attempts && IsUniqueViolation(e))
            {
                // Another caller wrote the same key first; the next attempt reads its row.
            }
        }
    }

    /// <summary>A unique key refused a row, whether EF wrote it (wrapped in <see cref="DbUpdateException"/>) or <see cref="NewRows"/> did.</summary>
    private static bool IsUniqueViolation(Exception e) => (e is DbUpdateException ? e.InnerException : e) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static async Task<StoredMessage> FindMessageAsync(VigilDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Messages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw UnknownMessage(id);

    private static KeyNotFoundException UnknownMessage(long id) => new($"No message {id} is stored.");

    private async Task<StoredFlight> UpsertFlightAsync(VigilDbContext db, long messageId, Flight flight, CancellationToken cancellationToken)
    {
        var key = Mapping.FlightKey(flight);
        var row = await db.Flights.Include(f => f.Legs.OrderBy(l => l.Sequence)).FirstOrDefaultAsync(f => f.FlightKey == key, cancellationToken);
        if (row is null)
        {
            row = new StoredFlight { FlightKey = key, FirstMessageId = messageId };
            db.Flights.Add(row);
        }

        Mapping.Apply(row, flight);
        row.LastMessageId = messageId;
        row.UpdatedAt = Now;
        // Saved at once (one flight, a few legs) so that the new rows written next can carry its id.
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    private static async Task<Dictionary<string, StoredTraveler>> TravelersOfAsync(VigilDbContext db, StoredFlight flight, TravelerSource source, CancellationToken cancellationToken) =>
        flight.Id == 0 ? [] : await db.Travelers.Include(t => t.Documents.OrderBy(d => d.Id))
            .Where(t => t.FlightId == flight.Id && t.Source == source)
            .ToDictionaryAsync(t => t.ReportKey, cancellationToken);

    private StoredTraveler UpsertTraveler(StoredFlight flight, Dictionary<string, StoredTraveler> existing, TravelerSource source, string key, long messageId)
    {
        if (!existing.TryGetValue(key, out var row))
        {
            // Not tracked: InsertIfNewAsync writes it once its fields are set.
            row = new StoredTraveler { ReportKey = key, Source = source, FlightId = flight.Id, FirstMessageId = messageId };
            existing[key] = row;
        }

        row.LastMessageId = messageId;
        row.UpdatedAt = Now;
        return row;
    }

    /// <summary>Writes a traveler that is not stored yet, with its documents; a stored one is tracked and saved with the step.</summary>
    private static async Task InsertIfNewAsync(NewRows rows, StoredTraveler traveler, CancellationToken cancellationToken)
    {
        if (traveler.Id != 0)
        {
            return;
        }

        await rows.AddAsync(traveler, cancellationToken);
        foreach (var document in traveler.Documents)
        {
            document.TravelerId = traveler.Id;
            await rows.AddAsync(document, cancellationToken);
        }
    }

    /// <summary>Two things with the same key in one message stay two: the second gets <c>#2</c>, the third <c>#3</c>.</summary>
    private sealed class KeyCounter
    {
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

        public string Next(string key)
        {
            var count = seen[key] = seen.GetValueOrDefault(key) + 1;
            return count == 1 ? key : $"{key}#{count}";
        }
    }
}
