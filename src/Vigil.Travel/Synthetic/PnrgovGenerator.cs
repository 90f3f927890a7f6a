using System.Globalization;
using Vigil.Edifact;
using Vigil.Travel.Model;

namespace Vigil.Travel.Synthetic;

/// <summary>
/// Writes synthetic but realistic PNRGOV 13.1 pushes (one flight, one interchange each) for tests, benchmarks and
/// fuzzing. Full pushes (MSG 22) and update pushes (MSG 141, with cancellations) carry bookings of one to five
/// travelers, infants, documents or none, contacts, tickets, itineraries with codeshares, check-in and bags,
/// split records, history, and sensitive special-service codes that the ingest filter must remove.
/// Everything follows from the seed: the same seed and file index give the same bytes on any machine.
/// </summary>
internal sealed class PnrgovGenerator(int seed)
{
    public const int DefaultMinimumBookings = 40;
    public const int DefaultMaximumBookings = 160;

    /// <summary><c>UNA:+.? '</c>: PADIS interchanges have no repetition separator.</summary>
    private static readonly ServiceCharacters PadisService = ServiceCharacters.Syntax3Default;

    /// <summary>One push per flight, numbered from 1, with <paramref name="bookings"/> PNRs each or 40–160 when null.</summary>
    public IEnumerable<GeneratedPush> Generate(int flights, int? bookings = null)
    {
        for (var index = 1; index <= flights; index++)
        {
            yield return GenerateFile(index, bookings);
        }
    }

    /// <summary>
    /// Push number <paramref name="index"/>, drawn from its own sequence so that pushes do not depend on one another.
    /// A null <paramref name="kind"/> makes one push in four an update push.
    /// </summary>
    public GeneratedPush GenerateFile(int index, int? bookings = null, PushKind? kind = null)
    {
        // A different multiplier from the PAXLST generator: the same seed must not give both the same flights.
        var random = new Random(unchecked((seed * 1_000_033) + index));
        var pushKind = kind ?? (random.Next(4) == 0 ? PushKind.Update : PushKind.Full);
        var count = bookings ?? random.Next(DefaultMinimumBookings, DefaultMaximumBookings + 1);
        var flight = Flight(random);
        // Post-departure pushes carry check-in data; earlier ones do not.
        var withCheckIn = random.Next(10) < 4;
        var writesUna = random.Next(5) != 0;
        var suffix = random.Next(3) switch
        {
            0 => "",
            1 => "\r\n",
            _ => "\n",
        };

        var planner = new PnrgovBookingPlanner(random, flight);
        var groups = PassengerGroups(random, flight, count);
        var cancelled = pushKind == PushKind.Update ? Cancellations(random, count) : [];
        var plans = new List<GeneratedBooking>(count);
        for (var i = 0; i < count; i++)
        {
            plans.Add(planner.Plan(groups[i], cancelled.Contains(i), withCheckIn));
        }

        var writer = new PnrgovWriter(random, PadisService, writesUna, suffix, flight, pushKind, plans);
        var (content, segments) = writer.Write();
        var name = string.Create(CultureInfo.InvariantCulture, $"pnrgov-{index:D4}.edi");
        return new GeneratedPush(name, content, pushKind, flight, plans, segments, PadisService, writesUna);
    }

    /// <summary>
    /// The full push of the bookings behind a generated passenger list, as the airline sends it after check-in: the
    /// same flight, one booking per run of the list's passengers sharing a record locator, so that the API and the PNR
    /// data of a flight describe the same people.
    /// </summary>
    public GeneratedPush GenerateFor(GeneratedFile passengerList, int index)
    {
        var random = new Random(unchecked((seed * 1_000_033) + index));
        var groups = new List<List<GeneratedTraveler>>();
        foreach (var traveler in passengerList.Travelers)
        {
            if (traveler.IsCrew)
            {
                continue;
            }

            if (groups.Count == 0 || groups[^1][0].RecordLocator != traveler.RecordLocator)
            {
                groups.Add([]);
            }

            groups[^1].Add(traveler);
        }

        // A push is for the flight that crosses the border: of a two-leg list, the last leg with its own number.
        var crossing = passengerList.Flight.BorderCrossing;
        var flight = passengerList.Flight with { FlightNumber = crossing.FlightNumber, Legs = [crossing] };
        var planner = new PnrgovBookingPlanner(random, flight);
        var plans = groups.Select(group => planner.Plan(group, cancelled: false, withCheckIn: true)).ToList();
        var writer = new PnrgovWriter(random, PadisService, writesUna: true, "\n", flight, PushKind.Full, plans);
        var (content, segments) = writer.Write();
        var name = string.Create(CultureInfo.InvariantCulture, $"pnrgov-{index:D4}.edi");
        return new GeneratedPush(name, content, PushKind.Full, flight, plans, segments, PadisService, true);
    }

    /// <summary>One push of exactly <paramref name="bookings"/> PNRs in the most common shape (full push, with UNA).</summary>
    public byte[] GenerateInterchange(int bookings) => GenerateFile(1, bookings, PushKind.Full).Content;

    /// <summary>Travelers grouped by booking, taken from the shared synthetic people so names match the PAXLST lists.</summary>
    private static List<List<GeneratedTraveler>> PassengerGroups(Random random, GeneratedFlight flight, int bookings)
    {
        var people = new SyntheticPeople(random, keepDiacritics: false);
        var groups = new List<List<GeneratedTraveler>>(bookings + 1);
        // The last group may be cut short by the count, so ask for more than needed and drop it.
        while (groups.Count <= bookings)
        {
            groups.Clear();
            foreach (var traveler in people.Passengers(3 * (bookings + 1), flight))
            {
                if (groups.Count == 0 || groups[^1][0].RecordLocator != traveler.RecordLocator)
                {
                    groups.Add([]);
                }

                groups[^1].Add(traveler);
            }
        }

        groups.RemoveRange(bookings, groups.Count - bookings);
        return groups;
    }

    /// <summary>About one booking in twelve is cancelled in an update push, and every update push cancels at least one.</summary>
    private static HashSet<int> Cancellations(Random random, int bookings)
    {
        var cancelled = new HashSet<int> { random.Next(bookings) };
        for (var i = 0; i < bookings; i++)
        {
            if (random.Next(12) == 0)
            {
                cancelled.Add(i);
            }
        }

        return cancelled;
    }

    private static GeneratedFlight Flight(Random random)
    {
        var carrier = Airports.Carriers[random.Next(Airports.Carriers.Count)];
        var hub = Airports.Find(carrier.Hub);
        Airport foreign;
        do
        {
            foreign = Airports.All[random.Next(Airports.All.Count)];
        }
        while (foreign.Country == hub.Country);

        var (from, to) = random.Next(2) == 0 ? (hub, foreign) : (foreign, hub);
        var number = carrier.Code + (1 + random.Next(random.Next(3) == 0 ? 9999 : 999)).ToString(CultureInfo.InvariantCulture);
        var departure = new DateTime(2025, 1, 1).AddDays(random.Next(730)).AddMinutes(5 * random.Next(288));
        var leg = new GeneratedLeg(number, from, to, departure, departure.AddMinutes(60 + (5 * random.Next(150))));
        var reference = string.Create(CultureInfo.InvariantCulture, $"{number}/{departure:ddMMyy}/{departure:HHmm}");
        return new GeneratedFlight(carrier.Code, number, reference, [leg]);
    }
}
