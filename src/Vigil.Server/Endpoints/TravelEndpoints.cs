using System.Security.Claims;

namespace Vigil.Server.Endpoints;

/// <summary>
/// Flights, travelers, persons and bookings as the ingest stored them. Reading a traveler, a person or a booking
/// reads personal data, so each such read is written to the audit with the reader's name.
/// </summary>
internal static class TravelEndpoints
{
    public static void MapTravel(this IEndpointRouteBuilder app)
    {
        var flights = app.MapGroup("/api/flights").WithTags("Flights").RequireAuthorization(Policies.Analyst);
        flights.MapGet("/", ListFlights).WithSummary("Flights, latest departure first, filtered by departure date, carrier, origin or destination.");
        flights.MapGet("/{id:long}", GetFlight).WithSummary("One flight with its legs, its travelers and their hits.");

        app.MapGroup("/api/travelers").WithTags("Travelers").RequireAuthorization(Policies.Analyst)
            .MapGet("/{id:long}", GetTraveler).WithSummary("One traveler with documents, flight, booking, person and hits.");
        app.MapGroup("/api/persons").WithTags("Persons").RequireAuthorization(Policies.Analyst)
            .MapGet("/{id:long}", GetPerson).WithSummary("One resolved person with their travel history, latest trip first.");
        app.MapGroup("/api/bookings").WithTags("Bookings").RequireAuthorization(Policies.Analyst)
            .MapGet("/{id:long}", GetBooking).WithSummary("One booking (PNR) with every version received, oldest first.");
    }

    private static async Task<Results<Ok<List<FlightSummary>>, ValidationProblem>> ListFlights(
        VigilStore store, string? date, string? carrier, string? origin, string? destination, int? limit, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var day = input.Date("date", date);
        var take = input.Limit(limit);
        if (!input.IsValid)
        {
            return input.Problem();
        }

        await using var db = store.CreateContext();
        string? carrierCode = OptionalFilter.Code(carrier), from = OptionalFilter.Code(origin), to = OptionalFilter.Code(destination);
        var query = db.Flights.AsNoTracking()
            .WhereGiven(day is not null, f => f.DepartureDate == day)
            .WhereGiven(carrierCode is not null, f => f.Carrier == carrierCode)
            .WhereGiven(from is not null, f => f.Origin == from)
            .WhereGiven(to is not null, f => f.Destination == to);
        var ids = await query.OrderByDescending(f => f.DepartureDate).ThenByDescending(f => f.Id).Select(f => f.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(await FlightSummaries.OfAsync(db, ids, cancellationToken));
    }

    private static async Task<Results<Ok<FlightDetail>, ProblemHttpResult>> GetFlight(long id, VigilStore store, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var flight = await db.Flights.AsNoTracking().AsSplitQuery()
            .Include(f => f.Legs.OrderBy(l => l.Sequence))
            .Include(f => f.Travelers.OrderBy(t => t.Id)).ThenInclude(t => t.Documents.OrderBy(d => d.Id))
            .FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (flight is null)
        {
            return Problems.NotFound($"No flight {id} is stored.");
        }

        var hits = (await db.Hits.AsNoTracking().Where(h => db.Travelers.Any(t => t.Id == h.TravelerId && t.FlightId == id)).OrderBy(h => h.Id).ToListAsync(cancellationToken))
            .ToLookup(h => h.TravelerId);
        var travelers = flight.Travelers.Select(t => new TravelerSummary(
            t.Id, t.Source, t.Role, t.Surname, t.GivenNames, t.DateOfBirth, t.Gender, t.Nationality, t.Seat, t.RecordLocator, t.BookingId,
            [.. t.Documents.Select(ViewMapping.View)], [.. hits[t.Id].Select(ViewMapping.Summary)])).ToList();
        return TypedResults.Ok(new FlightDetail(
            flight.Id, flight.FlightKey, flight.Carrier, flight.Number, flight.Origin, flight.Destination, flight.DepartureDate, flight.FinalDestination,
            flight.UpdatedAt, [.. flight.Legs.Select(ViewMapping.View)], travelers));
    }

    private static async Task<Results<Ok<TravelerDetail>, ProblemHttpResult>> GetTraveler(long id, ClaimsPrincipal user, VigilStore store, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var t = await db.Travelers.AsNoTracking().Include(t => t.Documents.OrderBy(d => d.Id)).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (t is null)
        {
            return Problems.NotFound($"No traveler {id} is stored.");
        }

        var flight = (await FlightSummaries.OfAsync(db, [t.FlightId], cancellationToken)).Single();
        var personId = await db.PersonLinks.Where(l => l.TravelerId == id).Select(l => (long?)l.PersonId).FirstOrDefaultAsync(cancellationToken);
        var hits = await db.Hits.AsNoTracking().Where(h => h.TravelerId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        await ReadAudit.RecordAsync(store, user, $"traveler {id}", cancellationToken);
        return TypedResults.Ok(new TravelerDetail(
            t.Id, flight, t.Source, t.Role, t.Surname, t.GivenNames, t.Title, t.DateOfBirth, t.Gender, t.Nationality, t.ResidenceCountry, t.BirthPlace,
            t.Embarkation, t.Debarkation, t.Seat, t.RecordLocator, t.BookingId, personId, t.FirstMessageId, t.LastMessageId,
            [.. t.Documents.Select(ViewMapping.View)], [.. hits.Select(ViewMapping.Summary)]));
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> GetPerson(long id, ClaimsPrincipal user, VigilStore store, CancellationToken cancellationToken)
    {
        var person = await store.GetPersonAsync(id, cancellationToken);
        if (person is null)
        {
            return Problems.NotFound($"No person {id} is stored.");
        }

        await using var db = store.CreateContext();
        var travelerIds = person.Links.Select(l => l.TravelerId).ToList();
        var flightOf = await db.Travelers.AsNoTracking().Where(t => travelerIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.FlightId, cancellationToken);
        var flights = (await FlightSummaries.OfAsync(db, [.. flightOf.Values.Distinct()], cancellationToken)).ToDictionary(f => f.Id);
        var trips = person.Links
            .Where(l => flightOf.ContainsKey(l.TravelerId))
            .Select(l => new TripView(l.TravelerId, l.Reason, l.Score, flights[flightOf[l.TravelerId]]))
            .OrderByDescending(t => t.Flight.DepartureDate).ThenByDescending(t => t.TravelerId)
            .ToList();
        await ReadAudit.RecordAsync(store, user, $"person {id}", cancellationToken);
        return TypedResults.Ok(new PersonDetail(person.Id, person.Surname, person.GivenNames, person.DateOfBirth, person.Nationality, person.CreatedAt, trips));
    }

    private static async Task<Results<Ok<BookingDetail>, ProblemHttpResult>> GetBooking(long id, ClaimsPrincipal user, VigilStore store, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Versions.OrderBy(v => v.Version)).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (booking is null)
        {
            return Problems.NotFound($"No booking {id} is stored.");
        }

        var travelers = await db.Travelers.Where(t => t.BookingId == id).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        await ReadAudit.RecordAsync(store, user, $"booking {id}", cancellationToken);
        return TypedResults.Ok(new BookingDetail(booking.Id, booking.BookingKey, booking.RecordLocator, booking.CreatedAt, travelers,
            [.. booking.Versions.Select(v => new BookingVersionView(v.Version, v.MessageId, v.FlightId, v.PushKind, v.Cancelled, v.LastChanged, v.ReceivedAt, ViewMapping.Json(v.Content)))]));
    }
}

/// <summary>Flight summaries with their traveler and hit counts, in the order of the ids asked for.</summary>
internal static class FlightSummaries
{
    public static async Task<List<FlightSummary>> OfAsync(VigilDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Flights.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new FlightSummary(
                f.Id, f.FlightKey, f.Carrier, f.Number, f.Origin, f.Destination, f.DepartureDate,
                db.Travelers.Count(t => t.FlightId == f.Id),
                db.Hits.Count(h => db.Travelers.Any(t => t.Id == h.TravelerId && t.FlightId == f.Id))))
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }
}

/// <summary>Records who read which personal data; the audit is append-only, so the record cannot be taken back.</summary>
internal static class ReadAudit
{
    public static Task RecordAsync(VigilStore store, ClaimsPrincipal user, string what, CancellationToken cancellationToken) =>
        store.RecordAuditAsync(null, "read", AuditOutcome.Succeeded, $"{what} read by {user.Identity?.Name}", cancellationToken);
}
