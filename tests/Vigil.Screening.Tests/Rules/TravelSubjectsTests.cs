using Vigil.Screening.Rules;
using Vigil.Travel.Model;

namespace Vigil.Screening.Tests.Rules;

public class TravelSubjectsTests
{
    [Fact]
    public void Every_traveler_of_a_push_is_a_subject_with_its_flight_booking_and_co_travelers()
    {
        var file = new SyntheticRules(3).Push(1, 30);
        var booked = file.Messages.OfType<BookingPush>().Single();

        var subjects = TravelSubjects.From(file).ToList();

        Assert.Equal(booked.Travelers.Count(), subjects.Count);
        Assert.All(subjects, s =>
        {
            Assert.Same(booked.PushedFlight, s.Flight);
            Assert.Contains(s.Traveler, s.Booking!.Travelers);
            Assert.Equal(s.Booking.Travelers.Count - 1, s.CoTravelers.Count);
            Assert.DoesNotContain(s.Traveler, s.CoTravelers);
        });
    }

    [Fact]
    public void A_passenger_lists_co_travelers_share_the_record_locator()
    {
        var file = new SyntheticRules(3).PassengerList(1, 200);

        var subjects = TravelSubjects.From(file).ToList();

        Assert.Equal(file.Messages.OfType<PassengerList>().Sum(l => l.Travelers.Count), subjects.Count);
        Assert.All(subjects, s =>
        {
            Assert.Null(s.Booking);
            Assert.All(s.CoTravelers, c => Assert.Equal(s.Traveler.RecordLocator, c.RecordLocator));
            Assert.DoesNotContain(s.Traveler, s.CoTravelers);
        });
        Assert.Contains(subjects, s => s.CoTravelers.Count > 0);
    }
}
