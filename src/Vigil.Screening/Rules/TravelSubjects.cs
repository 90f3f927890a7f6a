using Vigil.Screening.Hits;
using Vigil.Travel;
using Vigil.Travel.Model;

namespace Vigil.Screening.Rules;

/// <summary>
/// Every traveler of a read file as a screening subject: the flight that carries them, their booking, and its other
/// travelers. Passenger lists have no bookings; their co-travelers are those sharing a record locator.
/// </summary>
internal static class TravelSubjects
{
    public static IEnumerable<ScreeningSubject> From(TravelFile file)
    {
        foreach (var message in file.Messages)
        {
            if (message is PassengerList list)
            {
                var byLocator = list.Travelers.Where(t => t.RecordLocator is not null).ToLookup(t => t.RecordLocator);
                foreach (var traveler in list.Travelers)
                {
                    yield return new ScreeningSubject(traveler, list.Flights.FirstOrDefault(), null)
                    {
                        CoTravelers = traveler.RecordLocator is null ? [] : [.. byLocator[traveler.RecordLocator].Where(t => !ReferenceEquals(t, traveler))],
                    };
                }
            }
            else if (message is BookingPush push)
            {
                foreach (var booking in push.Bookings.Where(b => !b.Cancelled))
                {
                    foreach (var traveler in booking.Travelers)
                    {
                        yield return new ScreeningSubject(traveler, push.PushedFlight, booking)
                        {
                            CoTravelers = [.. booking.Travelers.Where(t => !ReferenceEquals(t, traveler))],
                        };
                    }
                }
            }
        }
    }
}
