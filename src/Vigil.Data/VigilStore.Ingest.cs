using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Data.Identity;
using Vigil.Travel.Model;

namespace Vigil.Data;

/// <summary>The store's side of the ingest pipeline: batched writes, one transaction per step of a message.</summary>
public sealed partial class VigilStore
{
    /// <summary>
    /// The trips of a person, most recent first: each linked traveler with the flight that carried them and why the
    /// link was made.
    /// </summary>
    public Task<List<PersonTrip>> GetPersonHistoryAsync(long personId, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => TripsOfAsync(db, [personId], cancellationToken));

    /// <summary>The person a traveler is linked to, if any.</summary>
    public Task<long?> GetPersonOfAsync(long travelerId, CancellationToken cancellationToken = default) =>
        WithContextAsync(db => db.PersonLinks.Where(l => l.TravelerId == travelerId).Select(l => (long?)l.PersonId).FirstOrDefaultAsync(cancellationToken));

    /// <summary>Messages newest first, without their bytes; optionally only those in one status.</summary>
    public Task<List<StoredMessage>> ListMessagesAsync(MessageStatus? status = null, int limit = 100, CancellationToken cancellationToken = default) =>
        ListMessagesAsync(new MessageFilter(status, null, null), limit, cancellationToken);

    /// <summary>Messages newest first, without their bytes, those waiting in the inbox among them.</summary>
    public async Task<List<StoredMessage>> ListMessagesAsync(MessageFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (status, sender, before) = filter;
        return await WithWaitingAsync(await WithContextAsync(db => db.Messages.AsNoTracking()
            .Where(m => status == null || m.Status == status)
            .Where(m => sender == null || m.Sender == sender)
            .Where(m => before == null || m.Id < before)
            .OrderByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken)), filter, limit, cancellationToken);
    }

    /// <summary>How many messages stand in each status, and how many travelers and hits are stored.</summary>
    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var statuses = await db.Messages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return new StoreCounts(
                await WithWaitingAsync(statuses.ToDictionary(s => s.Key, s => s.Count), cancellationToken),
                await db.Travelers.CountAsync(cancellationToken),
                await db.Bookings.CountAsync(cancellationToken),
                await db.Persons.CountAsync(cancellationToken),
                await db.Hits.CountAsync(cancellationToken));
        });

    /// <summary>
    /// Receives a message: the bytes (once per SHA-256), the interchange reference read from the envelope — when an
    /// original message from the same sender already carries it, this one is stored as its duplicate — and the audit
    /// of the step. Answers once the receipt is flushed to disk, committed together with the receipts that arrived
    /// while the previous group was committed (see <see cref="ReceiptCommits"/>).
    /// </summary>
    internal Task<IngestStored> ReceiveAsync(ReadOnlyMemory<byte> bytes, string sender, DateTimeOffset receivedAt, string? interchangeReference, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span));
        return receipts.CommitAsync(new IncomingReceipt(bytes.ToArray(), hash, sender, receivedAt, interchangeReference), cancellationToken);
    }

    /// <summary>Stores a group of receipts in the store, in their order, in one transaction: each sees those before it.</summary>
    private Task<IReadOnlyList<IngestStored>> StoreReceiptsInStoreAsync(IReadOnlyList<IncomingReceipt> group) =>
        WithContextAsync<IReadOnlyList<IngestStored>>(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var stored = new List<IngestStored>(group.Count);
            foreach (var receipt in group)
            {
                stored.Add(await StoreReceiptAsync(db, receipt));
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync();
            return stored;
        });

    private async Task<IngestStored> StoreReceiptAsync(VigilDbContext db, IncomingReceipt receipt)
    {
        var (bytes, hash, sender, receivedAt, interchangeReference) = receipt;
        var existing = await db.Messages.Where(m => m.ContentHash == hash).Select(m => (long?)m.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            db.Audit.Add(RepeatAudit(id, hash, sender, Now));
            await db.SaveChangesAsync();
            return new IngestStored(id, hash, true, null);
        }

        var original = interchangeReference is null ? null : await db.Messages
            .Where(m => m.Sender == sender && m.InterchangeReference == interchangeReference && m.DuplicateOfId == null)
            .Select(m => (long?)m.Id)
            .FirstOrDefaultAsync();
        var message = AddMessage(db, hash, bytes, sender, receivedAt);
        message.InterchangeReference = interchangeReference;
        if (original is not null)
        {
            message.DuplicateOfId = original;
            message.Status = MessageStatus.Duplicate;
        }

        await db.SaveChangesAsync();
        db.Audit.Add(new AuditEntry
        {
            MessageId = message.Id,
            Step = "store-raw",
            Outcome = AuditOutcome.Succeeded,
            At = Now,
            Detail = ReceiptDetail(bytes.Length, sender, hash, interchangeReference, original),
        });
        await db.SaveChangesAsync();
        return new IngestStored(message.Id, hash, false, original);
    }

    /// <summary>
    /// Stores a batch of parsed messages in one transaction: for each, what parsing found (type, interchange reference —
    /// a message whose sender already sent that reference becomes its duplicate) and every list and push it holds; then
    /// <paramref name="resolve"/> decides who the stored travelers are, on the same connection so that it sees the
    /// batch's rows, and the links it plans are written. One commit for the batch: a crash leaves every message of it
    /// as it was, to be processed again. Returns what each message wrote (nothing for a duplicate or a message
    /// processed already) and the identity resolution, its planned persons now stored.
    /// </summary>
    internal Task<(List<StoredIncoming> Stored, IdentityResolution Identity)> StoreBatchAsync(
        IReadOnlyList<IncomingMessage> messages,
        Func<VigilDbContext, IReadOnlyList<StoredIncoming>, Task<IdentityResolution>> resolve,
        CancellationToken cancellationToken) =>
        WithProcessingContextAsync(async db =>
        {
            await using var transaction = await BeginProcessingAsync(db, cancellationToken);
            await using var rows = new NewRows(db);
            var statuses = await StageParsedAsync(db, [.. messages.Select(m => new ParsedHeader(m.Id, m.DetectedType, m.InterchangeReference))], cancellationToken);
            var upsert = await TravelUpsert.LoadAsync(db, rows, Now, [.. messages.Where((_, i) => statuses[i] == MessageStatus.Parsed).Select(m => (m.Id, m.Travel))], cancellationToken);
            var stored = new List<StoredIncoming>(messages.Count);
            for (var m = 0; m < messages.Count; m++)
            {
                var message = messages[m];
                var saved = new List<SavedTravel>(message.Travel.Count);
                if (statuses[m] == MessageStatus.Parsed)
                {
                    for (var i = 0; i < message.Travel.Count; i++)
                    {
                        saved.Add(await upsert.StoreAsync(message.Id, message.Travel[i], message.BookingJson[i], cancellationToken));
                    }
                }

                stored.Add(new StoredIncoming(message, statuses[m], saved));
            }

            // Identity reads the batch's travelers and flights back, so what changed of rows stored before is saved first.
            await db.SaveChangesAsync(cancellationToken);
            var identity = await resolve(db, stored);
            await AddLinksAsync(db, rows, identity.Links, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (stored, identity);
        }, cancellationToken);

    /// <summary>
    /// Ids of messages stored but not yet processed (received, or parsed before a stop), oldest first; those waiting in
    /// the inbox are not among them until <see cref="TakeInAsync"/> takes them in.
    /// </summary>
    internal Task<List<long>> ListPendingAsync(long afterId, int limit, CancellationToken cancellationToken) =>
        WithContextAsync(db => db.Messages
            .Where(m => (m.Status == MessageStatus.Received || m.Status == MessageStatus.Parsed) && m.Id > afterId)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken));

    /// <summary>The stored messages' bytes with when each arrived and where it stands, in one round trip, by id.</summary>
    internal Task<List<PendingMessage>> ReadPendingAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        WithContextAsync(db => db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.Id)
            .Select(m => new PendingMessage(m.Id, m.Sender, m.ReceivedAt, m.Status, m.Content!.Bytes))
            .ToListAsync(cancellationToken));

    /// <summary>Quarantines a message and records the failed step in the audit, in one transaction.</summary>
    internal Task QuarantineAsync(long id, string step, string reason, SourcePosition? position, CancellationToken cancellationToken) =>
        WithContextAsync(async db =>
        {
            Quarantine(await FindMessageAsync(db, id, cancellationToken), reason, position);
            db.Audit.Add(new AuditEntry { MessageId = id, Step = step, Outcome = AuditOutcome.Failed, At = Now, Detail = reason });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });

    /// <summary>Appends several audit entries in one transaction.</summary>
    internal Task RecordAuditAsync(IReadOnlyList<AuditDraft> entries, CancellationToken cancellationToken) =>
        WithContextAsync(async db =>
        {
            AddAudit(db, entries);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });

    /// <summary>
    /// The last step of a batch, in one transaction: the hits screening found (one per traveler and subject), the audit
    /// of every step, and the messages marked processed. Running it again after a crash changes nothing but the audit.
    /// </summary>
    internal Task CompleteBatchAsync(IReadOnlyList<long> messageIds, IReadOnlyList<TravelerHit> hits, IReadOnlyList<AuditDraft> audit, CancellationToken cancellationToken) =>
        WithProcessingContextAsync(async db =>
        {
            await using var transaction = await BeginProcessingAsync(db, cancellationToken);
            await using var rows = new NewRows(db);
            await ApplyHitsAsync(db, hits, cancellationToken);
            foreach (var entry in audit)
            {
                await rows.AddAsync(AuditRow(entry), cancellationToken);
            }

            var now = Now;
            await db.Messages.Where(m => messageIds.Contains(m.Id))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, MessageStatus.Processed).SetProperty(x => x.StatusChangedAt, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Stores the hits of a re-screening and its audit in one transaction.</summary>
    internal Task SaveHitsAsync(IReadOnlyList<TravelerHit> hits, IReadOnlyList<AuditDraft> audit, CancellationToken cancellationToken) =>
        WithContextAsync(async db =>
        {
            await ApplyHitsAsync(db, hits, cancellationToken);
            AddAudit(db, audit);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });

    /// <summary>
    /// Runs a processing step (upsert, complete) whose commit SQLite need not flush to disk: in WAL mode with
    /// <c>synchronous=NORMAL</c> a commit survives a killed process and stays atomic, and what a power cut could take
    /// back is only the last steps' commits — never the received bytes, which receiving commits with the default full
    /// flush, and which also flushes every commit before it. A step taken back leaves its message Received or Parsed,
    /// so it is processed again from the bytes, exactly once as before.
    /// On SQLite the steps share one connection of their own, kept open: a batch touches index pages all over the
    /// travelers, documents and persons, and its 64 MiB page cache (SQLite's default is 2 MiB) keeps them from one batch
    /// to the next, where a pooled connection would often be another one, its cache cold. What SQLite keeps to undo a
    /// statement stays in memory rather than in a temporary file.
    /// </summary>
    private async Task<T> WithProcessingContextAsync<T>(Func<VigilDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Provider != StoreProvider.Sqlite)
        {
            return await WithContextAsync(work);
        }

        await processingGate.WaitAsync(cancellationToken);
        try
        {
            var connection = processingConnection ??= await OpenProcessingConnectionAsync(cancellationToken);
            return await WithContextAsync(work, () => StoreContextFactory.Sqlite(connection));
        }
        catch (Exception e) when (!IsUniqueViolation(e))
        {
            // Whatever went wrong, the next step starts on a fresh connection rather than on one in a state nobody has
            // looked at.
            if (processingConnection is not null)
            {
                await processingConnection.DisposeAsync();
                processingConnection = null;
            }

            throw;
        }
        finally
        {
            CheckpointInBackground();
            processingGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenProcessingConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=8192; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Copies the WAL back into the database file on another thread, one copy at a time. Left to SQLite, the copy runs
    /// in whichever commit finds the log long — a batch's, holding up the next batch, or a receipt's, holding up its
    /// sender. A passive checkpoint waits for no one and blocks no one; SQLite's own, every 8,192 pages, still bounds
    /// the log if this one falls behind.
    /// </summary>
    private void CheckpointInBackground()
    {
        if (Interlocked.Exchange(ref checkpointing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                // Never creates the file: a store whose folder is gone (a test's, say) has nothing to copy.
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // The next batch tries again.
            }
            finally
            {
                Volatile.Write(ref checkpointing, 0);
            }
        });
    }

    /// <summary>
    /// Begins a processing step's transaction. On SQLite its foreign keys are checked at commit rather than after every
    /// statement: an immediate check may abort a statement halfway, so SQLite would journal every page each insert
    /// touches in case it must undo it. A broken key still fails the commit, and the batch is then retried message by message.
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginProcessingAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys=ON;", cancellationToken);
        }

        return transaction;
    }

    /// <summary>Runs a read-only query on a fresh context, for the pipeline's batched look-ups.</summary>
    internal Task<T> ReadAsync<T>(Func<VigilDbContext, Task<T>> query) => WithContextAsync(query);

    /// <summary>The trips of the given persons, most recent first.</summary>
    internal static async Task<List<PersonTrip>> TripsOfAsync(VigilDbContext db, IReadOnlyCollection<long> personIds, CancellationToken cancellationToken) =>
        [.. (await db.PersonLinks.AsNoTracking()
            .Where(l => personIds.Contains(l.PersonId))
            .Join(db.Travelers, l => l.TravelerId, t => t.Id, (l, t) => new { Link = l, Traveler = t })
            .Join(db.Flights, x => x.Traveler.FlightId, f => f.Id, (x, f) => new PersonTrip(
                x.Link.PersonId,
                x.Traveler.Id,
                x.Traveler.Source,
                f.Id,
                f.FlightKey,
                f.Carrier,
                f.Number,
                f.Origin,
                f.Destination,
                f.DepartureDate,
                f.Legs.OrderBy(l => l.Sequence).Select(l => l.ScheduledDeparture).FirstOrDefault(),
                x.Link.Reason,
                x.Link.Detail))
            .ToListAsync(cancellationToken))
            .OrderByDescending(t => t.ScheduledDeparture ?? t.DepartureDate?.ToDateTime(TimeOnly.MinValue))
            .ThenByDescending(t => t.TravelerId)];

    private void AddAudit(VigilDbContext db, IReadOnlyList<AuditDraft> entries)
    {
        db.Audit.AddRange(entries.Select(AuditRow));
    }

    private AuditEntry AuditRow(AuditDraft entry) =>
        new() { MessageId = entry.MessageId, Step = entry.Step, Outcome = entry.Outcome, At = Now, Detail = entry.Detail };

    /// <summary>Writes the planned links (and the new persons they make); a traveler already linked keeps its link.</summary>
    private async Task AddLinksAsync(VigilDbContext db, NewRows rows, IReadOnlyList<PlannedLink> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return;
        }

        var ids = links.Select(l => l.Traveler.TravelerId).ToList();
        var linked = (await db.PersonLinks.Where(l => ids.Contains(l.TravelerId)).Select(l => l.TravelerId).ToListAsync(cancellationToken)).ToHashSet();
        var now = Now;
        foreach (var planned in links)
        {
            if (!linked.Add(planned.Traveler.TravelerId))
            {
                continue;
            }

            var link = new PersonLink
            {
                TravelerId = planned.Traveler.TravelerId,
                Reason = planned.Reason,
                Detail = planned.Detail,
                Score = planned.Score,
                LinkedAt = now,
            };
            if (planned.Person.Id == 0)
            {
                // The first link to a planned person writes it; the batch's other links to it then carry its id.
                var t = planned.Traveler;
                var person = NewPerson(t.Surname, t.GivenNames, t.DateOfBirth, t.Nationality, t.NameKey, link, now);
                await rows.AddAsync(person, cancellationToken);
                planned.Person.Id = person.Id;
            }

            link.PersonId = planned.Person.Id;

            await rows.AddAsync(link, cancellationToken);
        }
    }

    private async Task ApplyHitsAsync(VigilDbContext db, IReadOnlyList<TravelerHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var travelerIds = hits.Select(h => h.TravelerId).Distinct().ToList();
        var existing = await db.Hits.Where(h => travelerIds.Contains(h.TravelerId)).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(h => (h.TravelerId, h.SubjectKey));
        var refs = hits.Where(h => h.Draft.ListCode is not null).Select(h => h.Draft.ListEntryRef!).Distinct().ToList();
        var entries = refs.Count == 0 ? [] : await db.WatchListEntries
            .Where(e => refs.Contains(e.EntryRef))
            .SelectMany(e => db.WatchLists.Where(w => w.CurrentVersionId == e.VersionId), (e, w) => new { w.Code, e.EntryRef, e.Id })
            .ToListAsync(cancellationToken);
        var entryIds = entries.GroupBy(e => (e.Code, e.EntryRef)).ToDictionary(g => g.Key, g => g.Min(e => e.Id));
        foreach (var (travelerId, draft) in hits)
        {
            var entryId = draft.ListCode is { } code && entryIds.TryGetValue((code, draft.ListEntryRef!), out var found) ? found : (long?)null;
            byKey[(travelerId, draft.SubjectKey)] = ApplyHit(db, byKey.GetValueOrDefault((travelerId, draft.SubjectKey)), travelerId, draft, entryId);
        }
    }
}

/// <summary>Which messages to list: in one status, from one sender, older than an id; null for any.</summary>
public sealed record MessageFilter(MessageStatus? Status, string? Sender, long? Before);

/// <summary>How far the store has got: messages per status and the rows ingest made.</summary>
public sealed record StoreCounts(IReadOnlyDictionary<MessageStatus, int> Messages, int Travelers, int Bookings, int Persons, int Hits)
{
    public int MessagesIn(MessageStatus status) => Messages.GetValueOrDefault(status);

    public int AllMessages => Messages.Values.Sum();
}

/// <summary>
/// One trip of a person: the linked traveler, the flight (its key, route and first local departure as printed) and
/// why the traveler was linked.
/// </summary>
public sealed record PersonTrip(
    long PersonId,
    long TravelerId,
    TravelerSource Source,
    long FlightId,
    string FlightKey,
    string? Carrier,
    string? Number,
    string? Origin,
    string? Destination,
    DateOnly? DepartureDate,
    DateTime? ScheduledDeparture,
    LinkReason Reason,
    string? Detail);

/// <summary>What receiving wrote: the message's id, whether the same bytes were there already, and the original it duplicates.</summary>
internal sealed record IngestStored(long Id, string ContentHash, bool AlreadyStored, long? DuplicateOf);

/// <summary>A message as the pipeline reads it for processing.</summary>
internal sealed record PendingMessage(long Id, string Sender, DateTimeOffset ReceivedAt, MessageStatus Status, byte[] Content);

/// <summary>
/// A parsed message to store: its lists and pushes, and for each push its bookings already serialised (the JSON of a
/// booking version is made while parsing, on any core, rather than inside the write transaction).
/// </summary>
internal sealed record IncomingMessage(long Id, string DetectedType, string? InterchangeReference, IReadOnlyList<TravelMessage> Travel, IReadOnlyList<IReadOnlyList<string>?> BookingJson);

/// <summary>What storing a message did: its status now, and what each list or push wrote (empty unless it is Parsed).</summary>
internal sealed record StoredIncoming(IncomingMessage Message, MessageStatus Status, IReadOnlyList<SavedTravel> Saved);

/// <summary>What parsing found of a message: its type and interchange reference.</summary>
internal sealed record ParsedHeader(long Id, string DetectedType, string? InterchangeReference);

/// <summary>An audit entry to append with the step's other writes.</summary>
internal sealed record AuditDraft(long? MessageId, string Step, AuditOutcome Outcome, string? Detail);

/// <summary>A hit for one traveler, before the store de-duplicates it.</summary>
internal sealed record TravelerHit(long TravelerId, HitDraft Draft);
