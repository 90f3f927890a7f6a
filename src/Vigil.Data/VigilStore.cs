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
    private readonly ReceiptCommits receipts;
    private readonly SemaphoreSlim processingGate = new(1, 1);
    private SqliteConnection? processingConnection;
    private int checkpointing;

    private VigilStore(StoreProvider provider, string connectionString, TimeProvider clock)
    {
        Provider = provider;
        this.connectionString = connectionString;
        this.clock = clock;
        receipts = new ReceiptCommits(StoreReceiptsAsync);
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
            // A new file gets 16 KiB pages (an existing one keeps its own: the setting only applies before the first
            // table). Each page SQLite writes to the log, and copies back at a checkpoint, is a system call of its own,
            // and on a virtual machine the calls cost more than the bytes: a 500-flight day made 607,000 write calls
            // with SQLite's 4 KiB pages and 190,000 with 16 KiB, and its commits took 0.8 s instead of 2.5 s.
            await db.Database.ExecuteSqlRawAsync("PRAGMA page_size=16384;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.MigrateOnOpen)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (options.Provider == StoreProvider.Sqlite)
        {
            store.inbox = await SqliteInbox.OpenAsync(connection, store, cancellationToken);
        }

        return store;
    }

    /// <summary>A new context on the store's database; the caller disposes it. For queries the API does not cover yet.</summary>
    public VigilDbContext CreateContext() => Provider == StoreProvider.Sqlite
        ? StoreContextFactory.Sqlite(connectionString)
        : StoreContextFactory.Postgres(connectionString);

    // ---------------------------------------------------------------- messages

    /// <summary>
    /// Stores the raw bytes, addressed by their SHA-256, before anything reads them, with the audit of the receipt (the
    /// ingest's receiving without reading the envelope). Bytes already stored are not stored again: the first message's
    /// id comes back with <see cref="RawMessageReceipt.AlreadyStored"/> set. On SQLite the message is taken from the
    /// inbox into the store before this returns.
    /// </summary>
    public async Task<RawMessageReceipt> StoreRawMessageAsync(ReadOnlyMemory<byte> bytes, string sender, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        var stored = (await StoreReceiptsAsync([new IncomingReceipt(bytes.ToArray(), hash, sender, receivedAt, null)]))[0];
        await TakeInAsync(all: true, cancellationToken);
        return new RawMessageReceipt(stored.Id, hash, stored.AlreadyStored);
    }

    public async Task<StoredMessage?> GetMessageAsync(long id, CancellationToken cancellationToken = default) =>
        await WithContextAsync(db => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken))
        ?? await WaitingInInboxAsync(id, cancellationToken);

    /// <summary>The bytes exactly as received, for parsing or replay.</summary>
    public async Task<byte[]> ReadContentAsync(long id, CancellationToken cancellationToken = default) =>
        await WithContextAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Content!.Bytes).FirstOrDefaultAsync(cancellationToken))
        ?? (inbox is null ? null : await inbox.ContentAsync(id, cancellationToken))
        ?? throw UnknownMessage(id);

    /// <summary>
    /// Records that the message was read: its type and interchange reference. When another message from the same
    /// sender already carried that reference the message becomes <see cref="MessageStatus.Duplicate"/> of it. A
    /// message already processed or found a duplicate keeps its status. Returns the status the message now has.
    /// </summary>
    public Task<MessageStatus> MarkParsedAsync(long id, string detectedType, string? interchangeReference, CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var status = (await StageParsedAsync(db, [new ParsedHeader(id, detectedType, interchangeReference)], cancellationToken))[0];
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
    public Task<SavedTravel> SavePassengerListAsync(long messageId, PassengerList list, CancellationToken cancellationToken = default) =>
        SaveTravelAsync(messageId, list, cancellationToken);

    /// <summary>
    /// Stores a PNR push: one new immutable version of each booking it carries (numbered in arrival order; the same
    /// message never makes a second version), and the bookings' travelers on the pushed flight.
    /// </summary>
    public Task<SavedTravel> SaveBookingPushAsync(long messageId, BookingPush push, CancellationToken cancellationToken = default) =>
        SaveTravelAsync(messageId, push, cancellationToken);

    /// <summary>Stores one list or push and commits it, new rows and changed rows together.</summary>
    private Task<SavedTravel> SaveTravelAsync(long messageId, TravelMessage travel, CancellationToken cancellationToken)
    {
        TravelUpsert.FlightOf(travel);
        return WithContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var rows = new NewRows(db);
            var upsert = await TravelUpsert.LoadAsync(db, rows, Now, [(messageId, [travel])], cancellationToken);
            var saved = await upsert.StoreAsync(messageId, travel, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        });
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
                db.Persons.Add(NewPerson(traveler.Surname, traveler.GivenNames, traveler.DateOfBirth, traveler.Nationality, Identity.PersonNameKey.Of(traveler.DateOfBirth, traveler.Surname), link, Now));
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

    /// <summary>
    /// Records what parsing found of each message, in order: its type and interchange reference. A message whose sender
    /// already sent that reference in another original becomes its duplicate; one processed already or found a
    /// duplicate keeps its status. The messages are read in one query and saved with the caller's step.
    /// </summary>
    private async Task<List<MessageStatus>> StageParsedAsync(VigilDbContext db, IReadOnlyList<ParsedHeader> headers, CancellationToken cancellationToken)
    {
        var ids = headers.Select(h => h.Id).ToList();
        var messages = await db.Messages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var references = headers.Select(h => Reference(h.InterchangeReference)).OfType<string>().Distinct().ToList();
        var originals = references.Count == 0 ? [] : (await db.Messages
            .Where(m => m.InterchangeReference != null && references.Contains(m.InterchangeReference) && m.DuplicateOfId == null)
            .Select(m => new { m.Id, m.Sender, m.InterchangeReference })
            .ToListAsync(cancellationToken))
            .ToDictionary(m => (m.Sender, m.InterchangeReference!), m => m.Id);
        var statuses = new List<MessageStatus>(headers.Count);
        foreach (var header in headers)
        {
            var message = messages.TryGetValue(header.Id, out var found) ? found : throw UnknownMessage(header.Id);
            if (message.Status is MessageStatus.Processed or MessageStatus.Duplicate)
            {
                statuses.Add(message.Status);
                continue;
            }

            var reference = Reference(header.InterchangeReference);
            long? original = reference is not null && originals.TryGetValue((message.Sender, reference), out var first) && first != message.Id ? first : null;
            message.DetectedType = header.DetectedType;
            message.InterchangeReference = reference;
            message.DuplicateOfId = original;
            message.Status = original is null ? MessageStatus.Parsed : MessageStatus.Duplicate;
            message.ErrorText = null;
            message.ErrorSegment = null;
            message.ErrorOffset = null;
            message.ErrorLine = null;
            message.StatusChangedAt = Now;
            if (reference is not null && original is null)
            {
                // The batch's later messages see this one as the original of its reference.
                originals.TryAdd((message.Sender, reference), message.Id);
            }

            statuses.Add(message.Status);
        }

        return statuses;

        static string? Reference(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
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

    private StoredMessage AddMessage(VigilDbContext db, string hash, byte[] bytes, string sender, DateTimeOffset receivedAt)
    {
        var message = new StoredMessage
        {
            ContentHash = hash,
            Content = new StoredContent { Hash = hash, Bytes = bytes, Length = bytes.Length },
            Sender = sender,
            ReceivedAt = receivedAt.ToUniversalTime(),
            Status = MessageStatus.Received,
            StatusChangedAt = Now,
        };
        db.Messages.Add(message);
        return message;
    }

    private static Person NewPerson(string? surname, string? givenNames, DateOnly? dateOfBirth, string? nationality, string? nameKey, PersonLink link, DateTimeOffset createdAt) => new()
    {
        Surname = surname,
        GivenNames = givenNames,
        DateOfBirth = dateOfBirth,
        Nationality = nationality,
        NameKey = nameKey,
        CreatedAt = createdAt,
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

    /// <summary>Runs <paramref name="work"/> on a new context (from <paramref name="context"/> when given), again when it lost a race on a unique key.</summary>
    private async Task<T> WithContextAsync<T>(Func<VigilDbContext, Task<T>> work, Func<VigilDbContext>? context = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = context?.Invoke() ?? CreateContext();
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
}
