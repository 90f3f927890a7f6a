using System.Globalization;
using Vigil.Screening.Hits;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;
using Vigil.Travel;
using Vigil.Travel.Model;

namespace Vigil.Cli.Screening;

/// <summary>A traveler as a message reports them, with the flight and booking that place them.</summary>
internal sealed record TravelerOnFlight(Traveler Traveler, string? Flight, string? RecordLocator)
{
    /// <summary>Given names then surname, as the matcher reads a plain name.</summary>
    public string Name => TravelerQuery.Name(Traveler);

    /// <summary>The passport when there is one, otherwise the first document.</summary>
    public TravelDocument? Document => TravelerQuery.Document(Traveler);
}

/// <summary>A screened traveler: the matches found for them, best first (only alerts unless near misses were asked for).</summary>
internal sealed record ScreenedTraveler(TravelerOnFlight Traveler, IReadOnlyList<ScreeningMatch> Matches)
{
    public bool Alert => Matches.Any(m => m.Alert);

    public double BestScore => Matches.Count == 0 ? 0 : Matches.Max(m => m.Score);
}

/// <summary>
/// Walks parsed API and PNR messages for every traveler on board (passengers, crew, PNR travelers with their record
/// locator) and screens each against watch lists.
/// </summary>
internal static class TravelerScreening
{
    /// <summary>Every traveler of every message in the file, in the order the file gives them.</summary>
    public static IEnumerable<TravelerOnFlight> Travelers(TravelFile file)
    {
        foreach (var message in file.Messages)
        {
            switch (message)
            {
                case PassengerList list:
                    var flight = FlightLabel(list.Flights.FirstOrDefault());
                    foreach (var traveler in list.Travelers)
                    {
                        yield return new TravelerOnFlight(traveler, flight, traveler.RecordLocator);
                    }

                    break;
                case BookingPush push:
                    var pushed = FlightLabel(push.PushedFlight);
                    foreach (var booking in push.Bookings)
                    {
                        foreach (var traveler in booking.Travelers)
                        {
                            yield return new TravelerOnFlight(traveler, pushed, booking.RecordLocator ?? traveler.RecordLocator);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The matcher's view of a traveler: name, date of birth, nationality, gender and document number.</summary>
    public static ScreeningQuery Query(TravelerOnFlight traveler) => TravelerQuery.For(traveler.Traveler);

    /// <summary>
    /// Screens one traveler. Only alerting matches are kept unless <paramref name="nearMisses"/> is set, when the best
    /// candidates below the threshold are kept as well.
    /// </summary>
    public static ScreenedTraveler Screen(WatchListMatcher matcher, TravelerOnFlight traveler, bool nearMisses = false)
    {
        if (traveler.Name.Length == 0)
        {
            return new ScreenedTraveler(traveler, []);
        }

        var query = Query(traveler);
        return new ScreenedTraveler(traveler, nearMisses ? matcher.Screen(query, 3) : matcher.Alerts(query));
    }

    /// <summary>A one-line account of a match: which name, how well, and what the attributes added.</summary>
    public static string ShortExplanation(ScreeningMatch match)
    {
        var explanation = match.Explanation;
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{explanation.NameKind.ToString().ToLowerInvariant()} name {explanation.NameScore.Score:0.00}")
            + (explanation.NameScore.ChainReversed ? " (reordered)" : ""),
        };
        parts.AddRange(explanation.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture, $"{Short(e.Attribute)} {e.Contribution:+0.00;-0.00}")));
        return string.Join(", ", parts);
    }

    private static string Short(string attribute) => attribute switch
    {
        "dateOfBirth" => "born",
        "nationality" => "nat.",
        _ => attribute,
    };

    private static string? FlightLabel(Flight? flight) =>
        flight is null || (flight.Carrier is null && flight.Number is null) ? null : $"{flight.Carrier}{flight.Number}";
}
