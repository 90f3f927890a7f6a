using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>Each field group read from the hand-written subject, checked by a term that fires and one that does not.</summary>
public class FieldTests
{
    [Theory]
    [InlineData("traveler.gender", "M", "F")]
    [InlineData("traveler.nationality", "NLD", "SYR")]
    [InlineData("traveler.residence", "TUR", "NLD")]
    [InlineData("traveler.birthPlace", "DAMASCUS SYR", "SYR")]
    [InlineData("traveler.role", "passenger", "crew")]
    [InlineData("traveler.embarkation", "AMS", "IST")]
    [InlineData("traveler.debarkation", "BEY", "IST")]
    [InlineData("traveler.dateOfBirth", "1990-03-11", "1990-03-12")]
    [InlineData("traveler.age", "35", "36")]
    [InlineData("traveler.verified", "true", "false")]
    [InlineData("document.type", "P", "V")]
    [InlineData("document.expiry", "2026-03-30", "2026-06-01")]
    [InlineData("document.issuingCountry", "NLD", "LBN")]
    [InlineData("document.number", "NX12345", "V1")]
    [InlineData("document.validityDays", "20", "83")]
    [InlineData("documents.types", "V", "I")]
    [InlineData("documents.issuingCountries", "LBN", "TUR")]
    [InlineData("flight.carrier", "TK", "PC")]
    [InlineData("flight.number", "1952", "1953")]
    [InlineData("flight.origin", "AMS", "IST")]
    [InlineData("flight.destination", "BEY", "IST")]
    [InlineData("flight.departure", "2026-03-10", "2026-03-11")]
    [InlineData("flight.legs", "2", "1")]
    [InlineData("flight.airports", "IST", "SAW")]
    [InlineData("flight.countries", "LBN", "SYR")]
    [InlineData("flight.transitPoints", "IST", "AMS")]
    [InlineData("booking.recordLocator", "ABC123", "XYZ999")]
    [InlineData("booking.daysBeforeDeparture", "9", "10")]
    [InlineData("booking.oneWay", "true", "false")]
    [InlineData("booking.transitPoints", "IST", "BEY")]
    [InlineData("booking.maxDwellHours", "2.5", "3")]
    [InlineData("booking.airports", "AMS", "CDG")]
    [InlineData("booking.countries", "TUR", "SYR")]
    [InlineData("booking.travelers", "2", "1")]
    [InlineData("booking.group", "false", "true")]
    [InlineData("booking.paymentTypes", "CA", "MS")]
    [InlineData("booking.cash", "true", "false")]
    [InlineData("booking.agency", "ISTTK0042", "ISTTK0043")]
    [InlineData("booking.agencyCountry", "TUR", "NLD")]
    [InlineData("booking.channel", "T", "A")]
    [InlineData("booking.lastChangeHoursBeforeDeparture", "20", "21")]
    [InlineData("booking.changes", "2", "0")]
    [InlineData("booking.seat", "23A", "23B")]
    [InlineData("booking.bags", "2", "1")]
    [InlineData("history.brokenRoute", "true", "false")]
    [InlineData("history.brokenRouteOrigins", "SAW", "AMS")]
    [InlineData("hits.count", "1", "0")]
    [InlineData("hits.confirmed", "0", "1")]
    [InlineData("hits.kinds", "watchlist", "rule")]
    [InlineData("hits.statuses", "dismissed", "confirmed")]
    [InlineData("hits.references", "UN:QDi.001", "UN:QDi.002")]
    public void Field_holds_the_subjects_value(string field, string actual, string other)
    {
        Assert.True(Fires(Term(field, "equals", actual)), $"{field} should equal {actual}");
        Assert.False(Fires(Term(field, "equals", other)), $"{field} should not equal {other}");
    }

    [Fact]
    public void Every_catalog_field_is_covered_by_a_test_of_its_group()
    {
        var tested = typeof(FieldTests).GetMethod(nameof(Field_holds_the_subjects_value))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.Data[0]!).ToHashSet();
        var untested = RuleFields.All.Where(f => !tested.Contains(f.Name) && !f.Windowed && f.Name is not ("booking.tripDays" or "booking.bagWeightKg")).Select(f => f.Name).ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void Bag_weight_in_pounds_is_converted_to_kilograms()
    {
        Assert.True(Fires(Term("booking.bagWeightKg", "between", "22.6", "22.7")));
    }

    [Fact]
    public void Trip_duration_is_counted_for_a_return_itinerary_and_missing_for_a_one_way()
    {
        Assert.True(Fires(Term("booking.tripDays", "isEmpty")));
        var back = new Travel.Model.ItineraryLeg { Origin = "BEY", Destination = "AMS", ScheduledDeparture = Departure.AddDays(12), ScheduledArrival = Departure.AddDays(12).AddHours(5) };
        var returning = Subject with { Booking = Booking with { Itinerary = [.. Booking.Itinerary, back] } };
        Assert.True(Fires(Term("booking.tripDays", "equals", "12"), returning));
        Assert.True(Fires(Term("booking.oneWay", "equals", "false"), returning));
        // The twelve days in Beirut are a stay, not a transit.
        Assert.False(Fires(Term("booking.transitPoints", "equals", "BEY"), returning));
    }

    [Theory]
    [InlineData(60, "YEM", true)]
    [InlineData(30, "YEM", false)]
    [InlineData(30, "NLD", true)]
    [InlineData(500, "PAK", true)]
    public void History_countries_are_read_within_the_terms_window(int days, string country, bool expected)
    {
        Assert.Equal(expected, Fires(new RuleTerm("history.countries", "equals", [country]) { Days = days }));
    }

    [Fact]
    public void History_trips_and_listed_countries_count_within_the_window()
    {
        Assert.True(Fires(new RuleTerm("history.trips", "equals", ["3"]) { Days = 500 }));
        Assert.True(Fires(new RuleTerm("history.trips", "equals", ["1"]) { Days = 10 }));
        Assert.True(Fires(new RuleTerm("history.countries", "memberOf", []) { List = "countries-of-concern", Days = 90 }));
        Assert.False(Fires(new RuleTerm("history.countries", "memberOf", []) { List = "countries-of-concern", Days = 30 }));
    }

    [Fact]
    public void Crew_and_a_traveler_without_documents_read_as_such()
    {
        var crew = Subject with { Traveler = Traveler with { Role = Travel.Model.TravelerRole.InTransitCrew, Documents = [] } };
        Assert.True(Fires(Term("traveler.role", "equals", "inTransitCrew"), crew));
        Assert.True(Fires(Term("document.type", "isEmpty"), crew));
        Assert.True(Fires(Term("documents.types", "isEmpty"), crew));
    }
}
