using Vigil.Screening.Hits;
using Vigil.Screening.Rules;
using Vigil.Travel.Model;

namespace Vigil.Screening.Tests.Rules;

/// <summary>
/// A traveler in context written out by hand, so every field's value is known: a Syrian-born Dutch national on a
/// two-leg flight AMS–IST–BEY, booked nine days ahead with cash through a Turkish agency, one-way, with a past trip
/// to Yemen and a dismissed earlier hit.
/// </summary>
internal static class RuleTesting
{
    public static readonly DateTime Departure = new(2026, 3, 10, 8, 30, 0);

    public static Traveler Traveler { get; } = new()
    {
        Role = TravelerRole.Passenger,
        Surname = "HADDAD",
        GivenNames = "SAMIR",
        ReferenceNumber = "1",
        DateOfBirth = new DateOnly(1990, 3, 11),
        Gender = "M",
        Nationality = "NLD",
        ResidenceCountry = "TUR",
        BirthPlace = "DAMASCUS SYR",
        Embarkation = "AMS",
        Debarkation = "BEY",
        Seat = "23A",
        RecordLocator = "ABC123",
        Verified = true,
        Documents =
        [
            new TravelDocument { Type = "V", Number = "V1", IssuingCountry = "LBN", Expiry = new DateOnly(2026, 6, 1) },
            new TravelDocument { Type = "P", Number = "NX12345", IssuingCountry = "NLD", Expiry = new DateOnly(2026, 3, 30) },
        ],
        Contacts = [new Contact("+31 (6) 1234-5678", "TE"), new Contact("Samir.Haddad@Example.com", "EM")],
        FrequentFlyers = [new FrequentFlyerAccount("TK", "123456789", "ELITE")],
        Address = new PostalAddress("12, Keizersgracht", "Amsterdam", null, "1015 CJ", "NLD"),
    };

    public static Traveler CoTraveler { get; } = new()
    {
        Surname = "HADDAD",
        GivenNames = "LINA",
        ReferenceNumber = "2",
        DateOfBirth = new DateOnly(1992, 1, 1),
        Contacts = [new Contact("0031612345678", "TE")],
    };

    public static Flight Flight { get; } = new()
    {
        Carrier = "TK",
        Number = "1952",
        Legs =
        [
            new Leg { Origin = "AMS", Destination = "IST", ScheduledDeparture = Departure, ScheduledArrival = Departure.AddHours(3.5) },
            new Leg { Origin = "IST", Destination = "BEY", ScheduledDeparture = Departure.AddHours(6), ScheduledArrival = Departure.AddHours(8), CrossesBorder = true },
        ],
    };

    public static Booking Booking { get; } = new()
    {
        RecordLocator = "ABC123",
        Created = Departure.AddDays(-9).AddHours(-2),
        LastChanged = Departure.AddHours(-20),
        Agency = new BookingAgency { System = "1A", Location = "IST", AgentId = "77", OfficeId = "ISTTK0042", OriginatorType = "T", Country = "TUR" },
        Travelers = [Traveler, CoTraveler],
        Itinerary =
        [
            new ItineraryLeg { Origin = "AMS", Destination = "IST", ScheduledDeparture = Departure, ScheduledArrival = Departure.AddHours(3.5), Seats = [new SeatAssignment("1", "23A")] },
            new ItineraryLeg { Origin = "IST", Destination = "BEY", ScheduledDeparture = Departure.AddHours(6), ScheduledArrival = Departure.AddHours(8) },
        ],
        Contacts = new BookingContacts(["BOOKINGS//AGENCY.EXAMPLE"], ["+90 212 555 0101"], []),
        Payments = [new Payment { Type = "CA", Amount = 840m }, new Payment { Type = "CC", MaskedCardNumber = "XXXX-XXXX-XXXX-4242", TravelerReference = "1" }],
        Bags = [new CheckedBag { TravelerReference = "1", Count = 2, Weight = 50, WeightUnit = "LBR" }],
        History = [new HistoryEntry("A", "SEAT 23A", Departure.AddHours(-20)), new HistoryEntry("X", "SSR", Departure.AddHours(-30))],
    };

    public static ScreeningSubject Subject { get; } = new(Traveler, Flight, Booking)
    {
        CoTravelers = [CoTraveler],
        History =
        [
            new PastTrip("TK", "1", "SAW", "AMS", new DateTimeOffset(Departure.AddHours(-30), TimeSpan.Zero), ["TUR", "NLD"]),
            new PastTrip("IY", "7", "ADE", "IST", new DateTimeOffset(Departure.AddDays(-40), TimeSpan.Zero), ["YEM", "TUR"]),
            new PastTrip("PK", "3", "KHI", "IST", new DateTimeOffset(Departure.AddDays(-400), TimeSpan.Zero), ["PAK", "TUR"]),
        ],
        PriorHits = [new PriorHit("watchlist", "UN:QDi.001", "dismissed")],
    };

    public static readonly IReadOnlyDictionary<string, string> AirportCountries = new Dictionary<string, string>
    {
        ["AMS"] = "NLD", ["IST"] = "TUR", ["BEY"] = "LBN", ["SAW"] = "TUR",
    };

    public static RuleEnvironment Environment(LinkDirectory? links = null) =>
        new() { AirportCountries = AirportCountries, Links = links ?? LinkDirectory.Empty, Today = new DateOnly(2026, 3, 1) };

    public static ValueListRepository Lists()
    {
        var lists = new ValueListRepository();
        lists.Save("countries-of-concern", ["YEM", "SYR", "LBN"], "analyst.a", "initial list");
        lists.Save("agencies", ["ISTTK0042"], "analyst.a", "agency seen in case 17");
        return lists;
    }

    public static RiskRule Rule(RuleCondition condition, string id = "T-1") =>
        new() { Id = id, Title = "test rule", Owner = "NL-PIU", Condition = condition };

    public static RuleTerm Term(string field, string op, params string[] values) => new(field, op, values);

    /// <summary>
    /// Whether the condition fires on the subject, asserting that the compiled delegate and the interpreter agree —
    /// every test through here checks the compiler against an independent reading of the same rule.
    /// </summary>
    public static bool Fires(RuleCondition condition, ScreeningSubject? subject = null, RuleEnvironment? environment = null, ValueListRepository? lists = null)
    {
        var snapshot = (lists ?? Lists()).Snapshot();
        var compiled = RuleCompiler.Compile(Rule(condition), snapshot);
        var facts = new SubjectFacts(subject ?? Subject, environment ?? Environment());
        var fast = compiled.Matches(facts);
        Assert.Equal(fast, RuleInterpreter.Matches(condition, facts, snapshot));
        Assert.Equal(fast, compiled.Root.Test(facts));
        return fast;
    }
}
