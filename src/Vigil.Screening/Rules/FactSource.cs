using Vigil.Screening.Hits;
using Vigil.Travel.Model;

namespace Vigil.Screening.Rules;

/// <summary>
/// The derived facts the field catalog reads from one subject: departure day, main document, the booked route with
/// its transit stops, the traveler's own seat and bags. Built once per subject and thrown away after the fact view
/// is filled.
/// </summary>
internal sealed class FactSource
{
    /// <summary>IATA counts a booking of ten or more travelers as a group.</summary>
    public const int GroupSize = 10;

    /// <summary>How long before this flight an earlier trip may end at its origin and still be the same journey.</summary>
    private const int BrokenRouteDays = 2;

    private readonly RuleEnvironment _environment;

    public FactSource(ScreeningSubject subject, RuleEnvironment environment)
    {
        Subject = subject;
        _environment = environment;
        Document = Traveler.Documents.FirstOrDefault(d => d.Type == "P") ?? Traveler.Documents.FirstOrDefault();
        FlightDeparture = Flight?.Legs.FirstOrDefault(l => l.ScheduledDeparture is not null)?.ScheduledDeparture
            ?? Booking?.Itinerary.FirstOrDefault(l => l.ScheduledDeparture is not null)?.ScheduledDeparture;
        DepartureDay = FlightDeparture is { } departure ? DateOnly.FromDateTime(departure) : environment.Today;
        FlightAirports = Flight is { } flight ? [.. flight.Legs.Select(l => l.Origin).Append(flight.Legs.LastOrDefault()?.Destination).OfType<string>().Distinct()] : [];
        Route = Booking is { Itinerary.Count: > 0 } booking ? BookedRoute.Of(booking.Itinerary) : null;
        BrokenRouteOrigins = BrokenRoute();
    }

    public ScreeningSubject Subject { get; }

    public Traveler Traveler => Subject.Traveler;

    public Flight? Flight => Subject.Flight;

    public Booking? Booking => Subject.Booking;

    public TravelDocument? Document { get; }

    public DateTime? FlightDeparture { get; }

    /// <summary>The day ages, validity and history windows are counted from.</summary>
    public DateOnly DepartureDay { get; }

    public IReadOnlyList<string> FlightAirports { get; }

    public BookedRoute? Route { get; }

    public IReadOnlyList<string> BrokenRouteOrigins { get; }

    public double Age
    {
        get
        {
            if (Traveler.DateOfBirth is not { } born)
            {
                return double.NaN;
            }

            var years = DepartureDay.Year - born.Year;
            return born.AddYears(years) > DepartureDay ? years - 1 : years;
        }
    }

    public double DaysBooked => Booking?.Created is { } created && FlightDeparture is { } departure
        ? Math.Floor((departure - created).TotalDays)
        : double.NaN;

    public double LastChangeHours => Booking?.LastChanged is { } changed && FlightDeparture is { } departure
        ? Math.Floor((departure - changed).TotalHours)
        : double.NaN;

    public string? Seat => Traveler.Seat ?? Booking?.Itinerary
        .SelectMany(l => l.Seats)
        .FirstOrDefault(s => Traveler.ReferenceNumber is not null && s.TravelerReference == Traveler.ReferenceNumber)?.Seat;

    public double BagCount => OwnBags() is { Count: > 0 } bags ? bags.Sum(b => b.Count ?? 0) : Traveler.Bags?.Count ?? double.NaN;

    public double BagWeightKg => OwnBags() is { Count: > 0 } bags
        ? bags.Sum(b => Kilograms(b.Weight, b.WeightUnit))
        : Traveler.Bags is { Weight: { } weight } own ? Kilograms(weight, own.WeightUnit) : double.NaN;

    public IEnumerable<string> Countries(IEnumerable<string> airports)
    {
        foreach (var airport in airports)
        {
            if (_environment.AirportCountries.TryGetValue(airport, out var country))
            {
                yield return country;
            }
        }
    }

    public static bool IsConfirmed(string status) => string.Equals(status, "confirmed", StringComparison.OrdinalIgnoreCase);

    private List<CheckedBag> OwnBags() => Booking is { } booking && Traveler.ReferenceNumber is { } reference
        ? [.. booking.Bags.Where(b => b.TravelerReference == reference)]
        : [];

    private static double Kilograms(decimal? weight, string? unit) =>
        weight is not { } w ? 0 : string.Equals(unit, "LBR", StringComparison.OrdinalIgnoreCase) ? (double)w * 0.45359237 : (double)w;

    private List<string> BrokenRoute()
    {
        var origin = Flight?.Legs.FirstOrDefault()?.Origin ?? Route?.Airports.FirstOrDefault();
        if (origin is null || FlightDeparture is not { } departure)
        {
            return [];
        }

        var earliest = new DateTimeOffset(departure.AddDays(-BrokenRouteDays), TimeSpan.Zero);
        var latest = new DateTimeOffset(departure, TimeSpan.Zero);
        return [.. Subject.History
            .Where(t => t.Destination == origin && t.Departure is { } at && at >= earliest && at < latest && t.Origin is not null)
            .Select(t => t.Origin!)
            .Distinct()];
    }
}

/// <summary>The booked itinerary in the order flown: whether it returns, how long the trip is, and where it only transits.</summary>
internal sealed record BookedRoute(bool OneWay, double TripDays, IReadOnlyList<string> Airports, IReadOnlyList<string> TransitPoints, double MaxDwellHours)
{
    /// <summary>A stop shorter than this between two legs is a transit; a longer one is a stay.</summary>
    private static readonly TimeSpan TransitLimit = TimeSpan.FromHours(24);

    public static BookedRoute Of(IReadOnlyList<ItineraryLeg> itinerary)
    {
        var legs = itinerary.OrderBy(l => l.ScheduledDeparture ?? DateTime.MaxValue).ToList();
        var start = legs[0].Origin;
        var end = legs[^1].Destination;
        var oneWay = start is null || end is null || start != end;
        var tripDays = !oneWay && legs[0].ScheduledDeparture is { } first && legs[^1].ScheduledDeparture is { } last
            ? Math.Floor((last - first).TotalDays)
            : double.NaN;
        var transits = new List<string>();
        var maxDwell = double.NaN;
        for (var i = 1; i < legs.Count; i++)
        {
            if (legs[i - 1].ScheduledArrival is { } arrived && legs[i].ScheduledDeparture is { } leaves && legs[i].Origin is { } stop
                && leaves - arrived is var dwell && dwell < TransitLimit && dwell >= TimeSpan.Zero)
            {
                transits.Add(stop);
                maxDwell = double.IsNaN(maxDwell) ? dwell.TotalHours : Math.Max(maxDwell, dwell.TotalHours);
            }
        }

        var airports = legs.Select(l => l.Origin).Append(end).OfType<string>().Distinct().ToList();
        return new BookedRoute(oneWay, tripDays, airports, transits, maxDwell);
    }
}
