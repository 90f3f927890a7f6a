using Vigil.Cli.Screening;
using Vigil.Screening.Watchlists;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Commands;

/// <summary>One flight of the demo's day: its passenger or crew list and, for passengers, the PNR push of their bookings.</summary>
internal sealed record DemoFlight(GeneratedFile List, GeneratedPush? Push);

/// <summary>
/// A synthetic day of traffic for the demo: per flight, the passenger or crew list (PAXLST) and, for passenger
/// flights, the PNR push of the same travelers' bookings (PNRGOV), with a few listed persons planted in the lists
/// (and so in the bookings) under other spellings. Everything follows from the seed.
/// </summary>
internal sealed record DemoTraffic(IReadOnlyList<DemoFlight> Flights, IReadOnlyList<PlantedPerson> Planted)
{
    public static DemoTraffic Generate(int flights, int seed, WatchList list)
    {
        var (lists, planted) = PlantedPersons.Plant(new PaxlstGenerator(seed).Generate(flights).ToList(), list, seed);
        var pnrgov = new PnrgovGenerator(seed);
        return new DemoTraffic([.. lists.Select((file, i) => new DemoFlight(file, file.IsCrewList ? null : pnrgov.GenerateFor(file, i + 1)))], planted);
    }

    public IReadOnlyList<GeneratedFile> PassengerLists => [.. Flights.Select(f => f.List)];

    /// <summary>The messages in the order a day brings them: each flight's PNR push, then its API list.</summary>
    public IEnumerable<(string Name, byte[] Content)> Messages()
    {
        foreach (var flight in Flights)
        {
            if (flight.Push is { } push)
            {
                yield return (push.FileName, push.Content);
            }

            yield return (flight.List.FileName, flight.List.Content);
        }
    }

    public int PnrCount => Flights.Sum(f => f.Push?.Bookings.Count ?? 0);
}
