using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Data.Identity;
using Vigil.Edifact;
using Vigil.Screening.Hits;
using Vigil.Travel;
using Vigil.Travel.Model;

namespace Vigil.Data.Ingest;

/// <summary>
/// Vigil's way from received bytes to hits. <see cref="ReceiveAsync"/> stores the raw bytes durably (hash-addressed)
/// and nothing else; <see cref="ProcessPendingAsync"/> then takes every stored message that is not processed yet, in
/// batches, through detect → parse → reassemble → upsert flights, travelers and bookings → resolve identities → screen
/// through every active <see cref="ITravelerCheck"/> → store hits, and marks it processed. Each step is idempotent;
/// a batch's upsert and identity commit together, and its hits, audit and status in a last transaction, so a process
/// killed at any point resumes by processing the batch's messages again. A message that cannot be read or stored is
/// quarantined with the reason and position, never dropped, and <see cref="ReplayAsync"/> processes it again after a
/// fix. Every step writes to the audit.
/// </summary>
public sealed class IngestPipeline
{
    // Batches are written by one thread, while the next batches are read and parsed and the last ones screened on
    // threads of lower priority (BackgroundWork). Stages take turns unevenly (a batch of pushes parses slowly, a batch
    // of lists screens slowly), so the writer keeps up to this many batches parsed ahead and lets this many wait for
    // their screening before it waits.
    private const int ParsedAhead = 2;
    private const int ScreenedBehind = 3;

    private readonly VigilStore store;
    private readonly IngestOptions options;
    private readonly TimeProvider clock;
    private readonly IdentityResolver identities = new();
    private readonly SemaphoreSlim processing = new(1, 1);
    private IReadOnlyList<ITravelerCheck> checks;

    /// <param name="checks">The checks every traveler goes through; <see cref="UseChecks"/> swaps them later.</param>
    public IngestPipeline(VigilStore store, IEnumerable<ITravelerCheck> checks, IngestOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(checks);
        this.store = store;
        this.checks = [.. checks];
        this.options = options ?? new IngestOptions();
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>The checks in force now.</summary>
    public IReadOnlyList<ITravelerCheck> Checks => Volatile.Read(ref checks);

    internal IngestTimings Timings { get; } = new();

    /// <summary>
    /// Replaces the active checks at once (after a list import, say): a message being screened finishes with the
    /// checks it started with, the next one uses the new ones.
    /// </summary>
    public void UseChecks(IEnumerable<ITravelerCheck> replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        Volatile.Write(ref checks, [.. replacement]);
    }

    /// <summary>
    /// Stores the bytes before anything parses them and returns the message's id. The same bytes are stored once; a
    /// message whose sender already sent its interchange reference is stored but marked a duplicate of the first.
    /// </summary>
    public async Task<IngestReceipt> ReceiveAsync(ReadOnlyMemory<byte> content, string sender, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        var started = Stopwatch.GetTimestamp();
        var reference = EnvelopePeek.InterchangeReference(content.Span);
        var stored = await store.ReceiveAsync(content, sender.Trim(), clock.GetUtcNow(), reference, ct);
        Timings.AddReceive(started);
        return new IngestReceipt(stored.Id, stored.AlreadyStored || stored.DuplicateOf is not null, stored.ContentHash, stored.DuplicateOf);
    }

    /// <summary>
    /// Processes every message stored but not processed yet, oldest first, including those a crash left half done, in
    /// batches of <see cref="IngestOptions.MessagesPerBatch"/>: while a batch is stored, the next ones are read and
    /// parsed and the last ones screened, in the background; batches are completed in the order they were stored. One
    /// pass runs at a time per pipeline. Returns how many messages it finished (processed, found duplicate or
    /// quarantined).
    /// </summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        await processing.WaitAsync(ct);
        try
        {
            var done = 0;
            var pending = new PendingMessages(store, options);
            var parsing = new Queue<(long[] Ids, Task<List<ParsedMessage>> Parsed)>();
            var screening = new Queue<ScreeningBatch>();
            while (true)
            {
                // More is looked for whenever the parsed batches run low, so that messages arriving during a pass join
                // it rather than wait for the pass to drain.
                while (parsing.Count <= ParsedAhead && await pending.NextBatchAsync(ct) is { } ids)
                {
                    parsing.Enqueue((ids, BackgroundWork.Shared.Run(() => ReadAndParseAsync(ids, ct), ct)));
                }

                if (!parsing.TryDequeue(out var next))
                {
                    break;
                }

                var stored = await StoreAsync(await next.Parsed, ct);

                // Batches whose screening is done are completed now; one still being screened holds the writer up
                // only when too many wait behind it.
                while (screening.TryPeek(out var oldest) && (oldest.Hits.IsCompleted || screening.Count >= ScreenedBehind))
                {
                    await FinishAsync(screening.Dequeue(), ct);
                }

                if (stored is not null)
                {
                    screening.Enqueue(StartScreening(stored));
                }

                done += next.Ids.Length;
            }

            while (screening.TryDequeue(out var last))
            {
                await FinishAsync(last, ct);
            }

            return done;
        }
        finally
        {
            processing.Release();
        }
    }

    /// <summary>
    /// Takes a quarantined message out of quarantine and processes it again. Returns true when it is now processed (or
    /// found a duplicate); false when it was not in quarantine, or failed again (it is back in quarantine with the new reason).
    /// </summary>
    public async Task<bool> ReplayAsync(long messageId, CancellationToken ct)
    {
        await processing.WaitAsync(ct);
        try
        {
            if (!await store.ReleaseForReplayAsync(messageId, ct))
            {
                return false;
            }

            await store.RecordAuditAsync([new AuditDraft(messageId, Steps.Replay, AuditOutcome.Succeeded, "released from quarantine for processing again")], ct);
            await ProcessNowAsync(await ReadAndParseAsync([messageId], ct), ct);
            var message = await store.GetMessageAsync(messageId, ct);
            return message?.Status is MessageStatus.Processed or MessageStatus.Duplicate;
        }
        finally
        {
            processing.Release();
        }
    }

    /// <summary>
    /// Screens again, through the checks in force now, every traveler on a flight with a leg departing or arriving in
    /// the scope, and stores what they find (one hit per traveler and list entry or rule; an analyst's status stands).
    /// Returns how many travelers were screened.
    /// </summary>
    public async Task<int> RescreenAsync(RescreenScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = scope.Resolve(clock.GetUtcNow(), options.RescreenWindow);
        var flightIds = await FlightsAsync(scope, ct);
        var active = Checks;
        var screened = 0;
        foreach (var batch in flightIds.Chunk(options.RescreenFlightBatch))
        {
            var subjects = await StoredSubjectsAsync(batch, ct);
            var hits = Screen(subjects, active);
            await store.SaveHitsAsync(hits, [new AuditDraft(null, Steps.Rescreen, AuditOutcome.Succeeded, string.Create(CultureInfo.InvariantCulture,
                $"{subjects.Count} travelers on {batch.Length} flights with a leg between {from:yyyy-MM-dd HH:mm} and {to:yyyy-MM-dd HH:mm}, through {Describe(active)}: {hits.Count} findings"))], ct);
            screened += subjects.Count;
        }

        return screened;
    }

    /// <summary>The stored flights with a leg departing or arriving in the scope, by id.</summary>
    public async Task<IReadOnlyList<long>> FlightsAsync(RescreenScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = scope.Resolve(clock.GetUtcNow(), options.RescreenWindow);
        return await store.ReadAsync(db => db.Flights
            .Where(f => f.Legs.Any(l => (l.ScheduledDeparture >= from && l.ScheduledDeparture <= to) || (l.ScheduledArrival >= from && l.ScheduledArrival <= to)))
            .OrderBy(f => f.Id)
            .Select(f => f.Id)
            .ToListAsync(ct));
    }

    /// <summary>
    /// The stored travelers of the flights as screening sees them — flight, co-travelers, the person's earlier trips
    /// and hits — keyed by traveler id: what a re-screen screens, and what a backtest evaluates without storing anything.
    /// </summary>
    public async Task<IReadOnlyList<(long TravelerId, ScreeningSubject Subject)>> StoredSubjectsAsync(IReadOnlyCollection<long> flightIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flightIds);
        var flights = await store.ReadAsync(db => db.Flights.AsNoTracking().AsSplitQuery()
            .Include(f => f.Legs)
            .Include(f => f.Travelers).ThenInclude(t => t.Documents)
            .Where(f => flightIds.Contains(f.Id))
            .OrderBy(f => f.Id)
            .ToListAsync(ct));
        var seeds = new List<SubjectSeed>();
        foreach (var flight in flights)
        {
            var model = Mapping.ToFlight(flight);
            var travelers = flight.Travelers.OrderBy(t => t.Id).Select(t => (Row: t, Model: Mapping.ToTraveler(t))).ToList();
            foreach (var (row, traveler) in travelers)
            {
                var party = travelers.Where(o => o.Row.Id != row.Id && SameParty(row, o.Row)).Select(o => o.Model).ToList();
                seeds.Add(new SubjectSeed(0, row.Id, flight.Id, traveler, model, null, party));
            }
        }

        var personOf = await store.ReadAsync(async db =>
        {
            var ids = seeds.Select(s => s.TravelerId).ToList();
            return await db.PersonLinks.Where(l => ids.Contains(l.TravelerId)).ToDictionaryAsync(l => l.TravelerId, l => l.PersonId, ct);
        });
        return await SubjectsAsync(seeds, personOf, null, ct);
    }

    // ---------------------------------------------------------------- a batch of messages

    /// <summary>
    /// The messages a pass has still to take, oldest first, in batches: when those looked up run out, what waits in the
    /// inbox is taken into the store and the store is asked again for messages after the last one handed out.
    /// </summary>
    private sealed class PendingMessages(VigilStore store, IngestOptions options)
    {
        private readonly Queue<long[]> batches = new();
        private long after;

        public async Task<long[]?> NextBatchAsync(CancellationToken ct)
        {
            if (batches.Count == 0)
            {
                await store.TakeInAsync(all: false, ct);
                var ids = await store.ListPendingAsync(after, options.PendingBatch, ct);
                if (ids.Count == 0)
                {
                    return null;
                }

                after = ids[^1];
                foreach (var batch in ids.Chunk(Math.Max(1, options.MessagesPerBatch)))
                {
                    batches.Enqueue(batch);
                }
            }

            return batches.Dequeue();
        }
    }

    /// <summary>
    /// Reads the messages still waiting among <paramref name="ids"/> and parses them on every core. A message that
    /// cannot be read, or whose travelers cannot be placed on a flight, comes back with the reason it fails.
    /// </summary>
    private async Task<List<ParsedMessage>> ReadAndParseAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var waiting = (await store.ReadPendingAsync(ids, ct)).Where(m => m.Status is MessageStatus.Received or MessageStatus.Parsed).ToList();
        var started = Stopwatch.GetTimestamp();
        var parsed = new ParsedMessage[waiting.Count];
        Parallel.For(0, waiting.Count, new ParallelOptions { CancellationToken = ct, TaskScheduler = BackgroundWork.Shared }, i => parsed[i] = Parse(waiting[i]));
        Timings.AddParse(started);
        return [.. parsed];
    }

    private static ParsedMessage Parse(PendingMessage message)
    {
        try
        {
            var file = TravelFileReader.Read(message.Content, DateOnly.FromDateTime(message.ReceivedAt.UtcDateTime));
            var usable = file.Messages.Where(m => m is PassengerList or BookingPush).ToList();
            if (usable.Count == 0)
            {
                var (reason, position) = Unreadable(file);
                return new ParsedMessage(message.Id, file, null, new ParseFailure(Steps.Parse, reason, position));
            }

            if (usable.FirstOrDefault(m => m is PassengerList { Flights.Count: 0 } or BookingPush { PushedFlight: null }) is { } unplaced)
            {
                var what = unplaced is PassengerList ? "passenger list names no flight (TDT)" : "push names no flight (level-0 TVL)";
                return new ParsedMessage(message.Id, file, null, new ParseFailure(Steps.Upsert, string.Create(CultureInfo.InvariantCulture,
                    $"The {unplaced.Type} {what} at segment {unplaced.Position.Segment}, byte {unplaced.Position.Offset}, line {unplaced.Position.Line}, so its travelers cannot be placed."), unplaced.Position));
            }

            var type = string.Join('+', usable.Select(m => m.Type).Distinct());
            var bookingJson = usable.Select(m => m is BookingPush push ? (IReadOnlyList<string>)[.. push.Bookings.Select(Mapping.BookingJson)] : null).ToList();
            return new ParsedMessage(message.Id, file, new IncomingMessage(message.Id, type, usable[0].InterchangeReference, usable, bookingJson), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ParsedMessage(message.Id, null, null, new ParseFailure(Steps.Parse, $"{Steps.Parse} failed: {e.GetType().Name}: {e.Message}", null));
        }
    }

    /// <summary>Stores, resolves, screens and completes a batch before returning (replay: one message).</summary>
    private async Task ProcessNowAsync(List<ParsedMessage> batch, CancellationToken ct)
    {
        if (await StoreAsync(batch, ct) is { } stored)
        {
            await FinishAsync(StartScreening(stored), ct);
        }
    }

    /// <summary>
    /// Quarantines the batch's unreadable messages; stores the others, resolves their identities and reads what
    /// screening needs to know of them. Returns null when nothing is left to screen. When something fails for the batch
    /// as a whole, each message is taken alone, so that only the one at fault is quarantined.
    /// </summary>
    private async Task<StoredBatch?> StoreAsync(List<ParsedMessage> batch, CancellationToken ct)
    {
        var readable = new List<ParsedMessage>(batch.Count);
        foreach (var message in batch)
        {
            if (message.Failure is { } failure)
            {
                await store.QuarantineAsync(message.Id, failure.Step, failure.Reason, failure.Position, ct);
            }
            else
            {
                readable.Add(message);
            }
        }

        if (readable.Count == 0)
        {
            return null;
        }

        var progress = new BatchProgress();
        try
        {
            return await StoreReadableAsync(readable, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await OneByOneAsync(readable, progress, e, ct);
            return null;
        }
    }

    /// <summary>
    /// Waits for the batch's screening and commits its hits, audit and status. When that fails, each message of the
    /// batch is taken through every step again alone (the steps are idempotent).
    /// </summary>
    private async Task FinishAsync(ScreeningBatch screening, CancellationToken ct)
    {
        var stored = screening.Stored;
        stored.Progress.Step = Steps.Screen;
        try
        {
            var hits = await screening.Hits;
            var findingsOf = hits.GroupBy(h => stored.MessageOf[h.TravelerId]).ToDictionary(g => g.Key, g => g.Count());
            foreach (var id in stored.Processed)
            {
                stored.Audit[id].Add(new AuditDraft(id, Steps.Screen, AuditOutcome.Succeeded, string.Create(CultureInfo.InvariantCulture,
                    $"{stored.TravelersOf.GetValueOrDefault(id)} travelers through {Describe(screening.Checks)}: {findingsOf.GetValueOrDefault(id)} findings")));
            }

            stored.Progress.Step = Steps.Complete;
            var started = Stopwatch.GetTimestamp();
            var others = stored.Batch.Count - 1;
            foreach (var id in stored.Processed)
            {
                stored.Audit[id].Add(new AuditDraft(id, Steps.Complete, AuditOutcome.Succeeded, others == 0
                    ? "links, hits and status committed together"
                    : string.Create(CultureInfo.InvariantCulture, $"links, hits and status committed together with {others} other messages")));
            }

            await store.CompleteBatchAsync(stored.Processed, hits, [.. stored.Batch.SelectMany(m => stored.Audit[m.Id])], ct);
            Timings.AddComplete(started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await OneByOneAsync(stored.Batch, stored.Progress, e, ct);
        }
    }

    /// <summary>After a batch failed: each message alone, or — a single message — quarantined with the reason.</summary>
    private async Task OneByOneAsync(List<ParsedMessage> batch, BatchProgress progress, Exception error, CancellationToken ct)
    {
        if (batch.Count > 1)
        {
            foreach (var message in batch)
            {
                await ProcessNowAsync([message], ct);
            }

            return;
        }

        // Whatever went wrong, the message stays in the store: quarantined with the reason, ready for replay.
        var cause = error is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : error;
        await store.QuarantineAsync(batch[0].Id, progress.Step, $"{progress.Step} failed: {cause.GetType().Name}: {cause.Message}", null, ct);
    }

    /// <summary>Screens a stored batch in the background while the caller goes on storing the next one.</summary>
    private ScreeningBatch StartScreening(StoredBatch stored)
    {
        var active = Checks;
        return new ScreeningBatch(stored, active, BackgroundWork.Shared.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var hits = Screen(stored.Subjects, active, BackgroundWork.Shared);
            Timings.AddScreen(started);
            return hits;
        }));
    }

    private async Task<StoredBatch> StoreReadableAsync(List<ParsedMessage> batch, BatchProgress progress, CancellationToken ct)
    {
        var audit = batch.ToDictionary(m => m.Id, m => new List<AuditDraft> { new(m.Id, Steps.Parse, AuditOutcome.Succeeded, ParseDetail(m.File!, m.Incoming!.Travel)) });
        var seeds = new List<SubjectSeed>();
        progress.Step = Steps.Upsert;
        // Gathered on another thread and connection while the writer stores the batch's rows. Not among the background
        // work: queued behind the next batches' parsing, it would keep the writer waiting for it.
        var evidence = Task.Run(() => IdentityEvidence.GatherAsync(TravelersOf(batch), store, ct), ct);
        var started = Stopwatch.GetTimestamp();
        var identityStarted = started;
        var (stored, identity) = await store.StoreBatchAsync([.. batch.Select(m => m.Incoming!)], async (db, saved) =>
        {
            foreach (var message in saved)
            {
                var entries = audit[message.Message.Id];
                if (message.Status != MessageStatus.Parsed)
                {
                    entries.Add(new AuditDraft(message.Message.Id, Steps.Upsert, AuditOutcome.Skipped, message.Status == MessageStatus.Duplicate
                        ? $"the sender already sent interchange {message.Message.InterchangeReference}; this duplicate is not processed again"
                        : "the message was processed already"));
                    continue;
                }

                for (var i = 0; i < message.Saved.Count; i++)
                {
                    var travel = message.Message.Travel[i];
                    if (travel.Part is not null || travel is PassengerList { Incomplete: true } or BookingPush { Incomplete: true })
                    {
                        entries.Add(new AuditDraft(message.Message.Id, Steps.Reassemble, AuditOutcome.Succeeded, PartsDetail(travel)));
                    }

                    entries.Add(new AuditDraft(message.Message.Id, Steps.Upsert, AuditOutcome.Succeeded, Seed(message.Message.Id, travel, message.Saved[i], seeds)));
                }
            }

            Timings.AddUpsert(started);
            progress.Step = Steps.Identity;
            identityStarted = Stopwatch.GetTimestamp();
            var gathered = await evidence;
            var candidates = seeds.Select(s => IdentityCandidate.From(s.TravelerId, s.FlightId, s.Booking is null ? TravelerSource.Api : TravelerSource.Pnr, s.Traveler, s.Booking?.RecordLocator, gathered)).ToList();
            return await identities.ResolveAsync(db, candidates, gathered, ct);
        }, ct);
        Timings.AddIdentity(identityStarted);
        var processed = stored.Where(m => m.Status == MessageStatus.Parsed).Select(m => m.Message.Id).ToList();
        var messageOf = new Dictionary<long, long>(seeds.Count);
        foreach (var seed in seeds)
        {
            messageOf.TryAdd(seed.TravelerId, seed.MessageId);
        }

        var travelersOf = seeds.GroupBy(s => s.MessageId).ToDictionary(g => g.Key, g => g.Count());
        var linksOf = identity.Links.ToLookup(l => messageOf[l.Traveler.TravelerId]);
        foreach (var id in processed)
        {
            audit[id].Add(new AuditDraft(id, Steps.Identity, AuditOutcome.Succeeded, IdentityDetail(travelersOf.GetValueOrDefault(id), [.. linksOf[id]])));
        }

        progress.Step = Steps.Screen;
        var subjects = await SubjectsAsync(seeds, identity.PersonOf(), identity.WithHistory(), ct);
        return new StoredBatch(batch, progress, audit, processed, messageOf, travelersOf, subjects);
    }

    /// <summary>Every traveler the batch's lists and pushes report.</summary>
    private static IEnumerable<Traveler> TravelersOf(List<ParsedMessage> batch) =>
        batch.SelectMany(m => m.Incoming!.Travel).SelectMany(travel => travel switch
        {
            PassengerList list => list.Travelers,
            BookingPush push => push.Bookings.SelectMany(b => b.Travelers),
            _ => [],
        });

    /// <summary>Notes a screening seed for every traveler a stored list or push placed; returns the audit detail.</summary>
    private static string Seed(long messageId, TravelMessage travel, SavedTravel saved, List<SubjectSeed> seeds)
    {
        switch (travel)
        {
            case PassengerList list:
            {
                var flight = TravelUpsert.FlightOf(list);
                var byLocator = list.Travelers.Where(t => t.RecordLocator is { Length: > 0 }).ToLookup(t => t.RecordLocator!, StringComparer.Ordinal);
                for (var i = 0; i < list.Travelers.Count; i++)
                {
                    var traveler = list.Travelers[i];
                    var party = traveler.RecordLocator is { Length: > 0 } locator
                        ? byLocator[locator].Where(o => !ReferenceEquals(o, traveler)).ToList()
                        : [];
                    seeds.Add(new SubjectSeed(messageId, saved.TravelerIds[i], saved.FlightId, traveler, flight, null, party));
                }

                return string.Create(CultureInfo.InvariantCulture,
                    $"PAXLST {list.Purpose.Description}: flight {saved.FlightId}, {saved.TravelerIds.Count} travelers");
            }

            case BookingPush push:
            {
                var index = 0;
                foreach (var booking in push.Bookings)
                {
                    foreach (var traveler in booking.Travelers)
                    {
                        var party = booking.Travelers.Where(o => !ReferenceEquals(o, traveler)).ToList();
                        seeds.Add(new SubjectSeed(messageId, saved.TravelerIds[index++], saved.FlightId, traveler, push.PushedFlight, booking, party));
                    }
                }

                return string.Create(CultureInfo.InvariantCulture,
                    $"PNRGOV {push.Kind} push: flight {saved.FlightId}, {push.Bookings.Count} bookings ({saved.BookingVersionsAdded} new versions), {saved.TravelerIds.Count} travelers");
            }

            default:
                throw new InvalidOperationException($"{travel.Type} is not stored by the pipeline.");
        }
    }

    /// <summary>
    /// Adds each traveler's context: the person's earlier trips and hits, looked up for the persons in
    /// <paramref name="withHistory"/> (all of them when null).
    /// </summary>
    private async Task<List<(long TravelerId, ScreeningSubject Subject)>> SubjectsAsync(List<SubjectSeed> seeds, IReadOnlyDictionary<long, long> personOf, IReadOnlySet<long>? withHistory, CancellationToken ct)
    {
        var persons = seeds.Select(s => personOf.TryGetValue(s.TravelerId, out var p) ? p : 0).Where(p => p != 0 && (withHistory is null || withHistory.Contains(p))).Distinct().ToList();
        var trips = new Dictionary<long, List<PersonTrip>>();
        var priorHits = new Dictionary<long, List<PriorHit>>();
        if (persons.Count > 0)
        {
            (trips, priorHits) = await store.ReadAsync(async db =>
            {
                var allTrips = await VigilStore.TripsOfAsync(db, persons, ct);
                var hits = await db.Hits.AsNoTracking()
                    .Join(db.PersonLinks, h => h.TravelerId, l => l.TravelerId, (h, l) => new { l.PersonId, h.ListCode, h.ListEntryRef, h.RuleId, h.Status })
                    .Where(x => persons.Contains(x.PersonId))
                    .ToListAsync(ct);
                return (
                    allTrips.GroupBy(t => t.PersonId).ToDictionary(g => g.Key, g => g.ToList()),
                    hits.GroupBy(h => h.PersonId).ToDictionary(g => g.Key, g => g.Select(h => h.ListCode is null
                        ? new PriorHit("rule", h.RuleId ?? "", h.Status.ToString())
                        : new PriorHit(WatchListCheck.WatchListKind, $"{h.ListCode.ToUpperInvariant()}:{h.ListEntryRef}", h.Status.ToString())).Distinct().ToList()));
            });
        }

        var subjects = new List<(long, ScreeningSubject)>(seeds.Count);
        foreach (var seed in seeds)
        {
            var person = personOf.TryGetValue(seed.TravelerId, out var p) ? p : 0;
            var history = trips.TryGetValue(person, out var found)
                ? found.Where(t => t.FlightId != seed.FlightId).GroupBy(t => t.FlightId).Select(g => Trip(g.First())).ToList()
                : [];
            subjects.Add((seed.TravelerId, new ScreeningSubject(seed.Traveler, seed.Flight, seed.Booking)
            {
                History = history,
                PriorHits = priorHits.GetValueOrDefault(person) ?? [],
                CoTravelers = seed.CoTravelers,
            }));
        }

        return subjects;
    }

    /// <summary>
    /// Every subject through every check; travelers are screened in parallel (checks are thread-safe by contract) on
    /// every core, on the threads of <paramref name="scheduler"/> (the pool when null).
    /// </summary>
    private static List<TravelerHit> Screen(IReadOnlyList<(long TravelerId, ScreeningSubject Subject)> subjects, IReadOnlyList<ITravelerCheck> active, TaskScheduler? scheduler = null)
    {
        var found = new List<TravelerHit>[subjects.Count];
        Parallel.For(0, subjects.Count, new ParallelOptions { TaskScheduler = scheduler ?? TaskScheduler.Default }, i =>
        {
            var (travelerId, subject) = subjects[i];
            foreach (var check in active)
            {
                foreach (var finding in check.Check(subject))
                {
                    (found[i] ??= []).Add(new TravelerHit(travelerId, Draft(finding)));
                }
            }
        });

        // The same subject found twice for one traveler (two checks, or two names of one entry) is one hit: the best.
        return [.. found.Where(f => f is not null).SelectMany(f => f)
            .GroupBy(h => (h.TravelerId, h.Draft.SubjectKey))
            .Select(g => g.MaxBy(h => h.Draft.Score)!)];
    }

    internal static HitDraft Draft(ScreeningFinding finding)
    {
        var severity = (HitSeverity)(int)finding.Severity;
        var separator = finding.Reference.IndexOf(':', StringComparison.Ordinal);
        return finding.Kind == WatchListCheck.WatchListKind && separator > 0
            ? HitDraft.ForListEntry(finding.Reference[..separator].ToLowerInvariant(), finding.Reference[(separator + 1)..], finding.Score, severity, finding.ExplanationJson)
            : HitDraft.ForRule(finding.Reference, finding.Score, severity, finding.ExplanationJson);
    }

    private static PastTrip Trip(PersonTrip trip) => new(
        trip.Carrier,
        trip.Number,
        trip.Origin,
        trip.Destination,
        // Printed local time; the offset is not known, so it is carried as written.
        trip.ScheduledDeparture is { } departure ? new DateTimeOffset(DateTime.SpecifyKind(departure, DateTimeKind.Unspecified), TimeSpan.Zero) : null,
        []);

    private static bool SameParty(StoredTraveler a, StoredTraveler b) =>
        a.Source == b.Source && (a.BookingId is { } booking ? booking == b.BookingId : a.RecordLocator is { Length: > 0 } locator && locator == b.RecordLocator);

    private static (string Reason, SourcePosition? Position) Unreadable(TravelFile file)
    {
        var error = file.Messages.SelectMany(m => m.Errors).Concat(file.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)).FirstOrDefault()
            ?? file.Messages.SelectMany(m => m.Diagnostics).Concat(file.Diagnostics).FirstOrDefault();
        var types = file.Messages.Select(m => m.Type).Distinct().ToList();
        var what = types.Count == 0
            ? "no PAXLST or PNRGOV message could be read"
            : $"it holds no PAXLST or PNRGOV message (found: {string.Join(", ", types)})";
        return error is null
            ? (what, null)
            : ($"{what}: {error.Code} at segment {error.Segment}, byte {error.Offset}, line {error.Line}: {error.Message}", new SourcePosition(error.Segment, error.Offset, error.Line));
    }

    private static string ParseDetail(TravelFile file, IReadOnlyList<TravelMessage> usable)
    {
        var warnings = file.Diagnostics.Count + usable.Sum(m => m.Diagnostics.Count);
        var first = file.Diagnostics.Concat(usable.SelectMany(m => m.Diagnostics)).FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $"{usable.Count} message(s): {string.Join(", ", usable.Select(m => m.Type))}; {warnings} finding(s)")
            + (first is null ? "" : $", first: {first.Code} at segment {first.Segment}: {first.Message}");
    }

    private static string PartsDetail(TravelMessage travel)
    {
        var (received, incomplete) = travel switch
        {
            PassengerList list => (list.PartsReceived, list.Incomplete),
            BookingPush push => (push.PartsReceived, push.Incomplete),
            _ => ([], false),
        };
        var parts = received.Count == 0 ? travel.Part?.Sequence.ToString(CultureInfo.InvariantCulture) ?? "?" : string.Join(", ", received);
        return $"{travel.Type} {travel.CommonAccessReference}: parts {parts} in this message"
            + (incomplete ? "; the other parts travel in other messages, and every part's travelers are stored on the same flight, whichever arrives first" : "; complete");
    }

    private static string IdentityDetail(int travelers, IReadOnlyList<PlannedLink> links)
    {
        var reasons = links.GroupBy(l => l.Reason).Select(g => $"{g.Count()} {g.Key}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{travelers} travelers: {travelers - links.Count} already linked")
            + (links.Count == 0 ? "" : $", {string.Join(", ", reasons)}");
    }

    private static string Describe(IReadOnlyList<ITravelerCheck> active) =>
        active.Count == 0 ? "no checks" : string.Create(CultureInfo.InvariantCulture, $"{active.Count} check(s) ({string.Join(", ", active.Select(c => c.Kind))})");

    /// <summary>The names the pipeline's steps have in the audit.</summary>
    internal static class Steps
    {
        public const string StoreRaw = "store-raw";
        public const string Parse = "parse";
        public const string Reassemble = "reassemble";
        public const string Upsert = "upsert";
        public const string Identity = "identity";
        public const string Screen = "screen";
        public const string Complete = "complete";
        public const string Replay = "replay";
        public const string Rescreen = "rescreen";
    }

    /// <summary>A traveler placed on a flight by a message (0 when re-screening), waiting for identity and screening.</summary>
    private sealed record SubjectSeed(long MessageId, long TravelerId, long FlightId, Traveler Traveler, Flight? Flight, Booking? Booking, IReadOnlyList<Traveler> CoTravelers);

    /// <summary>A message read and parsed: ready to store (<see cref="Incoming"/>), or failed with the reason.</summary>
    private sealed record ParsedMessage(long Id, TravelFile? File, IncomingMessage? Incoming, ParseFailure? Failure);

    private sealed record ParseFailure(string Step, string Reason, SourcePosition? Position);

    /// <summary>A batch stored with its identities resolved, its travelers ready to screen, and the audit so far.</summary>
    private sealed record StoredBatch(
        List<ParsedMessage> Batch,
        BatchProgress Progress,
        Dictionary<long, List<AuditDraft>> Audit,
        List<long> Processed,
        Dictionary<long, long> MessageOf,
        Dictionary<long, int> TravelersOf,
        List<(long TravelerId, ScreeningSubject Subject)> Subjects);

    /// <summary>A stored batch being screened through the checks that were in force when it started.</summary>
    private sealed record ScreeningBatch(StoredBatch Stored, IReadOnlyList<ITravelerCheck> Checks, Task<List<TravelerHit>> Hits);

    /// <summary>The step a batch has reached, so that a failure names it.</summary>
    private sealed class BatchProgress
    {
        public string Step { get; set; } = Steps.Parse;
    }
}
