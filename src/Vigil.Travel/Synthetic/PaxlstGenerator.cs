using System.Globalization;
using Vigil.Edifact;

namespace Vigil.Travel.Synthetic;

/// <summary>
/// Writes synthetic but realistic PAXLST interchanges (D05B air profile, one flight each) for tests, benchmarks
/// and fuzzing. Everything follows from the seed: the same seed and file index give the same bytes on any machine.
/// </summary>
internal sealed class PaxlstGenerator(int seed)
{
    public const int DefaultMinimumPassengers = 100;
    public const int DefaultMaximumPassengers = 300;

    /// <summary>
    /// One file per flight, numbered from 1, with <paramref name="passengers"/> per list or 100–300 when null.
    /// Crew lists carry 4–18 people, never more than the passenger count.
    /// </summary>
    public IEnumerable<GeneratedFile> Generate(int flights, int? passengers = null)
    {
        for (var index = 1; index <= flights; index++)
        {
            yield return GenerateFile(index, passengers);
        }
    }

    /// <summary>A passenger list of exactly <paramref name="passengers"/> travelers.</summary>
    public byte[] GenerateInterchange(int passengers, PaxlstLayout? layout = null) =>
        GenerateFile(1, passengers, layout, crewList: false).Content;

    /// <summary>
    /// File number <paramref name="index"/>, drawn from its own sequence so that files do not depend on one another.
    /// A null layout picks one (mostly the standard layout); a null <paramref name="crewList"/> makes one file in ten a
    /// crew list (BGM 250).
    /// </summary>
    public GeneratedFile GenerateFile(int index, int? passengers = null, PaxlstLayout? layout = null, bool? crewList = null)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        layout ??= PaxlstLayout.Pick(random);
        var crew = crewList ?? random.Next(10) == 0;
        var count = passengers ?? random.Next(DefaultMinimumPassengers, DefaultMaximumPassengers + 1);
        if (crew && crewList is null)
        {
            count = Math.Min(count, 4 + random.Next(15));
        }

        var flight = Flight(random);
        var people = new SyntheticPeople(random, layout.KeepsDiacritics);
        var travelers = crew ? people.Crew(count, flight) : people.Passengers(count, flight);
        var (content, segments) = new PaxlstWriter(random, layout, flight, crew, travelers).Write();
        var name = string.Create(CultureInfo.InvariantCulture, $"paxlst-{index:D4}.edi");
        return new GeneratedFile(name, content, layout, flight, crew, travelers, segments);
    }

    private static GeneratedFlight Flight(Random random)
    {
        var carrier = Airports.Carriers[random.Next(Airports.Carriers.Count)];
        var hub = Airports.Find(carrier.Hub);
        var foreign = OtherCountry(random, hub.Country);
        // Half the flights leave the carrier's hub, the others fly back to it.
        var (from, to) = random.Next(2) == 0 ? (hub, foreign) : (foreign, hub);
        var number = Number(random, carrier.Code);
        var departure = new DateTime(2025, 1, 1).AddDays(random.Next(730)).AddMinutes(5 * random.Next(288));
        var borderLeg = new GeneratedLeg(number, from, to, departure, departure.AddMinutes(60 + (5 * random.Next(150))));

        var legs = new List<GeneratedLeg> { borderLeg };
        // One list in five is progressive: domestic or feeder legs flown before the border crossing.
        var feeders = random.Next(5) == 0 ? 1 + random.Next(2) : 0;
        for (var i = 0; i < feeders; i++)
        {
            var next = legs[0];
            var origin = OtherAirport(random, next.Departure);
            var arrival = next.DepartureLocal.AddMinutes(-(45 + (5 * random.Next(36))));
            var leg = new GeneratedLeg(Number(random, carrier.Code), origin, next.Departure, arrival.AddMinutes(-(50 + (5 * random.Next(60)))), arrival);
            legs.Insert(0, leg);
        }

        var reference = string.Create(CultureInfo.InvariantCulture, $"{number}/{departure:yyMMdd}/{departure:HHmm}");
        return new GeneratedFlight(carrier.Code, number, reference, legs);
    }

    private static string Number(Random random, string carrier) =>
        carrier + (1 + random.Next(random.Next(3) == 0 ? 9999 : 999)).ToString(CultureInfo.InvariantCulture);

    private static Airport OtherCountry(Random random, string country)
    {
        while (true)
        {
            var airport = Airports.All[random.Next(Airports.All.Count)];
            if (airport.Country != country)
            {
                return airport;
            }
        }
    }

    private static Airport OtherAirport(Random random, Airport not)
    {
        while (true)
        {
            var airport = Airports.All[random.Next(Airports.All.Count)];
            if (airport != not)
            {
                return airport;
            }
        }
    }
}
