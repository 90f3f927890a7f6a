using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Travel.Model;

namespace Vigil.Data;

/// <summary>
/// Stores the lists and pushes of a batch of messages in the step's transaction. What the batch's messages may find
/// already stored — their flights with legs, the travelers of those flights, their bookings and the bookings' latest
/// versions — is looked up with one query per table for the whole batch, and what the batch writes is kept here so that
/// a later message of the batch finds it too (a flight's PAXLST and PNRGOV often travel in one batch). New rows go
/// through <see cref="NewRows"/>; rows already stored are tracked and saved by the caller's <c>SaveChanges</c>.
/// </summary>
internal sealed class TravelUpsert
{
    private readonly VigilDbContext db;
    private readonly NewRows rows;
    private readonly DateTimeOffset now;
    private readonly Dictionary<long, DateTimeOffset> receivedAt = [];
    private readonly Dictionary<string, StoredFlight> flights = new(StringComparer.Ordinal);
    private readonly Dictionary<(long FlightId, TravelerSource Source), Dictionary<string, StoredTraveler>> travelers = [];
    private readonly Dictionary<string, StoredBooking> bookings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, LatestVersion> latest = [];

    // Travelers this batch wrote; tracking each of them would cost more than writing it, and few are reported twice.
    private readonly HashSet<StoredTraveler> writtenUntracked = new(ReferenceEqualityComparer.Instance);

    private TravelUpsert(VigilDbContext db, NewRows rows, DateTimeOffset now)
    {
        this.db = db;
        this.rows = rows;
        this.now = now;
    }

    /// <summary>
    /// Prepares to store <paramref name="work"/> — each message's id with its lists and pushes — reading what is stored
    /// of it in one query per table.
    /// </summary>
    public static async Task<TravelUpsert> LoadAsync(VigilDbContext db, NewRows rows, DateTimeOffset now, IReadOnlyList<(long MessageId, IReadOnlyList<TravelMessage> Travel)> work, CancellationToken cancellationToken)
    {
        var upsert = new TravelUpsert(db, rows, now);
        var messageIds = work.Select(w => w.MessageId).Distinct().ToList();
        foreach (var message in await db.Messages.Where(m => messageIds.Contains(m.Id)).Select(m => new { m.Id, m.ReceivedAt }).ToListAsync(cancellationToken))
        {
            upsert.receivedAt[message.Id] = message.ReceivedAt;
        }

        var flightKeys = work.SelectMany(w => w.Travel).Select(t => Mapping.FlightKey(FlightOf(t))).Distinct().ToList();
        foreach (var flight in await db.Flights.Include(f => f.Legs.OrderBy(l => l.Sequence)).Where(f => flightKeys.Contains(f.FlightKey)).ToListAsync(cancellationToken))
        {
            upsert.flights[flight.FlightKey] = flight;
        }

        await upsert.LoadTravelersAsync(TravelerSource.Api, work.Any(w => w.Travel.Any(t => t is PassengerList)), cancellationToken);
        await upsert.LoadTravelersAsync(TravelerSource.Pnr, work.Any(w => w.Travel.Any(t => t is BookingPush)), cancellationToken);
        await upsert.LoadBookingsAsync(work, messageIds, cancellationToken);
        return upsert;
    }

    /// <summary>The flight a list or push places its travelers on.</summary>
    public static Flight FlightOf(TravelMessage travel) => travel switch
    {
        PassengerList list => list.Flights.FirstOrDefault(f => f.Legs.Any(l => l.CrossesBorder)) ?? list.Flights.FirstOrDefault()
            ?? throw new ArgumentException("The passenger list names no flight (TDT), so its travelers cannot be placed; quarantine the message.", nameof(travel)),
        BookingPush push => push.PushedFlight
            ?? throw new ArgumentException("The push names no flight (level-0 TVL), so its bookings cannot be placed; quarantine the message.", nameof(travel)),
        _ => throw new ArgumentException($"{travel.Type} messages are not stored as travel.", nameof(travel)),
    };

    /// <summary>
    /// Stores one list or push of a message: its flight, and for a list its travelers; for a push one new immutable
    /// version of each booking (numbered in arrival order; the same message never makes a second version) and the
    /// bookings' travelers. <paramref name="bookingJson"/> holds the push's bookings already serialised, when the caller
    /// made them beforehand.
    /// </summary>
    public async Task<SavedTravel> StoreAsync(long messageId, TravelMessage travel, IReadOnlyList<string>? bookingJson, CancellationToken cancellationToken)
    {
        var flight = await UpsertFlightAsync(messageId, FlightOf(travel), cancellationToken);
        return travel switch
        {
            PassengerList list => await StoreListAsync(messageId, list, flight, cancellationToken),
            BookingPush push => await StorePushAsync(messageId, push, flight, bookingJson, cancellationToken),
            _ => throw new ArgumentException($"{travel.Type} messages are not stored as travel.", nameof(travel)),
        };
    }

    private async Task<SavedTravel> StoreListAsync(long messageId, PassengerList list, StoredFlight flight, CancellationToken cancellationToken)
    {
        var existing = TravelersOf(flight.Id, TravelerSource.Api);
        var keys = new KeyCounter();
        var ids = new List<long>(list.Travelers.Count);
        foreach (var traveler in list.Travelers)
        {
            var row = Traveler(flight, existing, TravelerSource.Api, keys.Next(Mapping.ApiReportKey(traveler)), messageId);
            Mapping.Apply(row, traveler);
            await InsertIfNewAsync(row, cancellationToken);
            ids.Add(row.Id);
        }

        return new SavedTravel(flight.Id, ids, [], 0);
    }

    private async Task<SavedTravel> StorePushAsync(long messageId, BookingPush push, StoredFlight flight, IReadOnlyList<string>? bookingJson, CancellationToken cancellationToken)
    {
        var received = receivedAt.TryGetValue(messageId, out var at) ? at : throw new KeyNotFoundException($"No message {messageId} is stored.");
        var existing = TravelersOf(flight.Id, TravelerSource.Pnr);
        var bookingKeys = new KeyCounter();
        var travelerKeys = new KeyCounter();
        var travelerIds = new List<long>();
        var bookingIds = new List<long>(push.Bookings.Count);
        var added = 0;
        for (var index = 0; index < push.Bookings.Count; index++)
        {
            var booking = push.Bookings[index];
            var key = bookingKeys.Next(Mapping.BookingKey(booking, push, messageId, index));
            if (!bookings.TryGetValue(key, out var bookingRow))
            {
                bookingRow = new StoredBooking { BookingKey = key, RecordLocator = booking.RecordLocator, CreatedAt = now };
                await rows.AddAsync(bookingRow, cancellationToken);
                bookings[key] = bookingRow;
            }

            var last = latest.GetValueOrDefault(bookingRow.Id);
            if (last is null || !last.Messages.Contains(messageId))
            {
                var version = (last?.Version ?? 0) + 1;
                await rows.AddAsync(new BookingVersion
                {
                    BookingId = bookingRow.Id,
                    Version = version,
                    MessageId = messageId,
                    FlightId = flight.Id,
                    PushKind = push.Kind.ToString(),
                    Cancelled = booking.Cancelled,
                    LastChanged = Mapping.Unzoned(booking.LastChanged),
                    ReceivedAt = received,
                    Content = bookingJson?[index] ?? Mapping.BookingJson(booking),
                }, cancellationToken);
                latest[bookingRow.Id] = new LatestVersion(version, last is null ? [messageId] : [.. last.Messages, messageId]);
                added++;
            }

            foreach (var traveler in booking.Travelers)
            {
                var row = Traveler(flight, existing, TravelerSource.Pnr, travelerKeys.Next(Mapping.PnrReportKey(key, traveler)), messageId);
                Mapping.Apply(row, traveler);
                row.RecordLocator ??= booking.RecordLocator;
                row.BookingId = bookingRow.Id;
                await InsertIfNewAsync(row, cancellationToken);
                travelerIds.Add(row.Id);
            }

            if (!bookingIds.Contains(bookingRow.Id))
            {
                bookingIds.Add(bookingRow.Id);
            }
        }

        return new SavedTravel(flight.Id, travelerIds, bookingIds, added);
    }

    /// <summary>
    /// The flight as this report shows it. A new one is written at once, so that the rows written next can carry its id,
    /// and then tracked like a stored one, so that a later report in the batch updates it with the others at save.
    /// </summary>
    private async Task<StoredFlight> UpsertFlightAsync(long messageId, Flight flight, CancellationToken cancellationToken)
    {
        var key = Mapping.FlightKey(flight);
        if (flights.TryGetValue(key, out var row))
        {
            Mapping.Apply(row, flight);
            row.LastMessageId = messageId;
            row.UpdatedAt = now;
            return row;
        }

        row = new StoredFlight { FlightKey = key, FirstMessageId = messageId, LastMessageId = messageId, UpdatedAt = now };
        Mapping.Apply(row, flight);
        await rows.AddAsync(row, cancellationToken);
        foreach (var leg in row.Legs)
        {
            leg.FlightId = row.Id;
            await rows.AddAsync(leg, cancellationToken);
        }

        db.Flights.Attach(row);
        flights[key] = row;
        return row;
    }

    private Dictionary<string, StoredTraveler> TravelersOf(long flightId, TravelerSource source)
    {
        if (!travelers.TryGetValue((flightId, source), out var found))
        {
            found = new Dictionary<string, StoredTraveler>(StringComparer.Ordinal);
            travelers[(flightId, source)] = found;
        }

        return found;
    }

    private StoredTraveler Traveler(StoredFlight flight, Dictionary<string, StoredTraveler> existing, TravelerSource source, string key, long messageId)
    {
        if (!existing.TryGetValue(key, out var row))
        {
            // Not tracked: InsertIfNewAsync writes it once its fields are set.
            row = new StoredTraveler { ReportKey = key, Source = source, FlightId = flight.Id, FirstMessageId = messageId };
            existing[key] = row;
        }
        else if (writtenUntracked.Remove(row))
        {
            // Written earlier in the batch and reported again: tracked from now on, so that the changes are saved.
            db.Travelers.Attach(row);
        }

        row.LastMessageId = messageId;
        row.UpdatedAt = now;
        return row;
    }

    /// <summary>Writes a traveler that is not stored yet, with its documents; a stored one is tracked and saved with the step.</summary>
    private async Task InsertIfNewAsync(StoredTraveler traveler, CancellationToken cancellationToken)
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

        writtenUntracked.Add(traveler);
    }

    /// <summary>The stored travelers of one source on the stored flights; called before the batch writes any flight.</summary>
    private async Task LoadTravelersAsync(TravelerSource source, bool needed, CancellationToken cancellationToken)
    {
        var flightIds = flights.Values.Select(f => f.Id).ToList();
        if (!needed || flightIds.Count == 0)
        {
            return;
        }

        foreach (var traveler in await db.Travelers.Include(t => t.Documents.OrderBy(d => d.Id))
            .Where(t => flightIds.Contains(t.FlightId) && t.Source == source)
            .ToListAsync(cancellationToken))
        {
            TravelersOf(traveler.FlightId, source)[traveler.ReportKey] = traveler;
        }
    }

    private async Task LoadBookingsAsync(IReadOnlyList<(long MessageId, IReadOnlyList<TravelMessage> Travel)> work, List<long> messageIds, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        foreach (var (messageId, travel) in work)
        {
            foreach (var push in travel.OfType<BookingPush>())
            {
                var counter = new KeyCounter();
                keys.AddRange(push.Bookings.Select((booking, index) => counter.Next(Mapping.BookingKey(booking, push, messageId, index))));
            }
        }

        if (keys.Count == 0)
        {
            return;
        }

        keys = [.. keys.Distinct()];
        foreach (var booking in await db.Bookings.AsNoTracking().Where(b => keys.Contains(b.BookingKey)).ToListAsync(cancellationToken))
        {
            bookings[booking.BookingKey] = booking;
        }

        if (bookings.Count == 0)
        {
            return;
        }

        var ids = bookings.Values.Select(b => b.Id).ToList();
        var versions = await db.BookingVersions.Where(v => ids.Contains(v.BookingId))
            .GroupBy(v => v.BookingId)
            .Select(g => new { BookingId = g.Key, Version = g.Max(v => v.Version) })
            .ToListAsync(cancellationToken);
        var fromBatch = (await db.BookingVersions.Where(v => ids.Contains(v.BookingId) && messageIds.Contains(v.MessageId))
            .Select(v => new { v.BookingId, v.MessageId })
            .ToListAsync(cancellationToken)).ToLookup(v => v.BookingId, v => v.MessageId);
        foreach (var version in versions)
        {
            latest[version.BookingId] = new LatestVersion(version.Version, [.. fromBatch[version.BookingId]]);
        }
    }

    /// <summary>A booking's highest version number, and which of the batch's messages already made a version of it.</summary>
    private sealed record LatestVersion(int Version, IReadOnlyList<long> Messages);

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
