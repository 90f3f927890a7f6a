using Vigil.Edifact;
using Vigil.Tests;
using Vigil.Travel.Model;
using static Vigil.Travel.Tests.Paxlst.PaxlstText;

namespace Vigil.Travel.Tests.Paxlst;

public class PaxlstMapperTests
{
    private static PassengerList Single(TravelFile file) => Assert.IsType<PassengerList>(Assert.Single(file.Messages));

    private static PassengerList ReadShared(string name) =>
        Single(TravelFileReader.Read(File.ReadAllBytes(SharedData.PathOf("data", "messages", "paxlst", name))));

    [Fact]
    public void Reads_the_gtas_api_message_travelers_and_legs()
    {
        var list = ReadShared("gtas-apisMessage.txt");

        Assert.Equal("D:05B", list.Version);
        Assert.Equal("AIR1", list.Sender);
        Assert.Equal("745", list.Purpose.DocumentCode);
        Assert.Equal("AJYTR1070219", list.TransactionReference);
        Assert.Equal("JOHN SMITH", list.ReportingParty?.Name);
        Assert.Equal(["AA123", "AA124"], list.Flights.Select(f => f.Carrier + f.Number));
        var first = list.Flights[0].Legs.Single();
        Assert.Equal(("ATL", "ORD"), (first.Origin, first.Destination));
        Assert.Equal(new DateTime(2007, 2, 19, 15, 40, 0), first.ScheduledDeparture);
        Assert.Equal(new DateTime(2007, 2, 19, 17, 40, 0), first.ScheduledArrival);

        var clark = list.Travelers[0];
        Assert.Equal(TravelerRole.Passenger, clark.Role);
        Assert.Equal(("CLARK", "MICHAEL"), (clark.Surname, clark.GivenNames));
        Assert.Equal(new DateOnly(1972, 9, 7), clark.DateOfBirth);
        Assert.Equal("M", clark.Gender);
        Assert.Equal(("ATL", "JFK"), (clark.Embarkation, clark.Debarkation));
        Assert.Equal("TYR123", clark.RecordLocator);
        Assert.Equal("ABC123", clark.UniquePassengerReference);
        Assert.Contains(new TravelerReference("CR", "20060907NY123"), clark.References);
        Assert.Equal(new DateOnly(1973, 4, 7), list.Travelers[1].DateOfBirth);
        Assert.Empty(list.Errors);
        Assert.Empty(list.Warnings);
    }

    [Fact]
    public void Joins_progressive_legs_of_one_flight_and_resolves_expiry_into_the_future()
    {
        var list = ReadShared("gtas-multiple_flight_leg_apis.txt");

        Assert.Equal(["QQ877", "QQ827"], list.Flights.Select(f => f.Carrier + f.Number));
        var legs = list.Flights[1].Legs;
        Assert.Equal(["IAD-JFK", "JFK-CDG"], legs.Select(l => $"{l.Origin}-{l.Destination}"));
        Assert.False(legs[0].CrossesBorder);
        Assert.True(legs[1].CrossesBorder);
        Assert.Equal(new DateTime(2008, 8, 11, 6, 30, 0), legs[1].ScheduledArrival);

        var barrett = list.Travelers[0];
        var passport = Assert.Single(barrett.Documents);
        Assert.Equal(("P", "YY3478621G", "FRA"), (passport.Type, passport.Number, passport.IssuingCountry));
        Assert.Equal(new DateOnly(2008, 12, 30), passport.Expiry);
        Assert.Equal(new DateOnly(1968, 2, 23), barrett.DateOfBirth);
        Assert.Equal("FRA", barrett.Nationality);
        Assert.Equal("FRA", barrett.ResidenceCountry);
        Assert.Equal(new DateOnly(2009, 9, 16), list.Travelers[1].Documents[0].Expiry);
        Assert.Empty(list.Errors);
    }

    [Fact]
    public void Reads_a_first_part_alone_as_an_incomplete_list_and_reports_the_foreign_byte()
    {
        var list = ReadShared("gtas-Test3.txt");

        Assert.Equal(260, list.Travelers.Count);
        Assert.True(list.Incomplete);
        Assert.Equal(new MessagePart(1, false), list.Part);
        Assert.Empty(list.Errors);
        Assert.Contains(list.Warnings, w => w.Code == "multipart-incomplete");
        var charset = Assert.Single(list.Warnings, w => w.Code == "charset-violation");
        Assert.Equal(12949, charset.Offset);
        Assert.Equal(72, charset.Line);

        var kuchel = list.Travelers[0];
        Assert.Equal(("Kuchel", "Rachel Pat"), (kuchel.Surname, kuchel.GivenNames));
        Assert.Equal(new DateOnly(1977, 10, 19), kuchel.DateOfBirth);
        Assert.Equal("Hartford USA", kuchel.BirthPlace);
        Assert.Equal("IAD", kuchel.PortOfClearance);
        Assert.Equal(new DateOnly(2019, 12, 18), kuchel.Documents[0].Expiry);
        Assert.Equal(("UA", "0989"), (list.Flights[0].Carrier, list.Flights[0].Number));
    }

    [Fact]
    public void Maps_every_traveler_detail_segment()
    {
        var body = "BGM+250+CP'NAD+MS+++OPS DESK'COM+0012025550100:TE+ops?@xy.example:EM'" + FlightGroup
            + "NAD+FM+++EL AMRANI:YOUSSEF:ALI+12 RUE X:APT 4+CASABLANCA+CAS+20000+MAR'ATT+2++M'DTM+329:850612'"
            + "EMP+1+CR1:110:111'GEI+4+173'MEA+CT++:2'MEA+WT++KGM:23.5'FTX+BAG+++XY123456:2'QTY+11:1'"
            + "COM+0021260000000:TE'LOC+22+IST'LOC+174+MAR'LOC+178+CMN'LOC+179+IST'LOC+180+MAR:::FES'NAT+2+MAR'"
            + "RFF+AVF:Q7XK2P'RFF+SEA:12A'RFF+YZY:7842400000001C1'"
            + "DOC+P:110:111+AB1234567'DTM+36:300101'DTM+182:200101'LOC+91+MAR'"
            + "DOC+V:110:111+V998877'DTM+36:250601'LOC+91+TUR'"
            + "NAD+DDT+++DOE:JANE'NAD+DDU+++ROE:RICHARD'CNT+41:2'";
        var list = Single(Read(Interchange(Message(body))));

        Assert.Equal("crew list, change", list.Purpose.Description);
        Assert.Equal(["0012025550100", "ops@xy.example"], list.ReportingParty!.Contacts.Select(c => c.Number));
        var crew = list.Travelers[0];
        Assert.Equal(TravelerRole.Crew, crew.Role);
        Assert.Equal("YOUSSEF ALI", crew.GivenNames);
        Assert.Equal(new PostalAddress("12 RUE X APT 4", "CASABLANCA", "CAS", "20000", "MAR"), crew.Address);
        Assert.Equal("CR1", crew.CrewFunction);
        Assert.True(crew.Verified);
        Assert.Equal(2, crew.Bags!.Count);
        Assert.Equal(23.5m, crew.Bags.Weight);
        Assert.Equal("KGM", crew.Bags.WeightUnit);
        Assert.Equal(new BagTagRange("XY123456", 2), Assert.Single(crew.Bags.Tags));
        Assert.Equal(new Quantity("11", "1"), Assert.Single(crew.Quantities));
        Assert.Equal("0021260000000", Assert.Single(crew.Contacts).Number);
        Assert.Equal(("IST", "MAR", "CMN", "IST"), (crew.PortOfClearance, crew.ResidenceCountry, crew.Embarkation, crew.Debarkation));
        Assert.Equal("FES, MAR", crew.BirthPlace);
        Assert.Equal("MAR", crew.Nationality);
        Assert.Equal(("Q7XK2P", "12A"), (crew.RecordLocator, crew.Seat));
        Assert.Contains(new TravelerReference("YZY", "7842400000001C1"), crew.References);

        Assert.Equal(2, crew.Documents.Count);
        Assert.Equal(new TravelDocument { Type = "P", Number = "AB1234567", IssuingCountry = "MAR", Expiry = new DateOnly(2030, 1, 1), IssueDate = new DateOnly(2020, 1, 1) }, crew.Documents[0]);
        Assert.Equal(new TravelDocument { Type = "V", Number = "V998877", IssuingCountry = "TUR", Expiry = new DateOnly(2025, 6, 1) }, crew.Documents[1]);

        Assert.Equal([TravelerRole.Crew, TravelerRole.InTransitCrew, TravelerRole.InTransitPassenger], list.Travelers.Select(t => t.Role));
        Assert.Equal(2, list.DeclaredCrew);
        Assert.Empty(list.Diagnostics);
    }

    [Fact]
    public void Two_digit_dates_of_birth_resolve_into_the_past_of_the_message_date()
    {
        // The interchange is dated 2025-03-14.
        var body = FlightGroup + "NAD+FL+++A:B'DTM+329:250314'NAD+FL+++C:D'DTM+329:250315'NAD+FL+++E:F'DTM+329:19991231:102'";
        var list = Single(Read(Interchange(Message(body))));

        Assert.Equal(
            [new DateOnly(2025, 3, 14), new DateOnly(1925, 3, 15), new DateOnly(1999, 12, 31)],
            list.Travelers.Select(t => t.DateOfBirth!.Value));
    }

    [Fact]
    public void Expiry_dates_resolve_within_twenty_years_back_and_eighty_ahead()
    {
        var body = FlightGroup + "NAD+FL+++A:B'DOC+P+1'DTM+36:060101'NAD+FL+++C:D'DOC+P+2'DTM+36:041231'NAD+FL+++E:F'DOC+P+3'DTM+36:350101'";
        var list = Single(Read(Interchange(Message(body))));

        Assert.Equal(
            [new DateOnly(2006, 1, 1), new DateOnly(2104, 12, 31), new DateOnly(2035, 1, 1)],
            list.Travelers.Select(t => t.Documents[0].Expiry!.Value));
    }

    [Fact]
    public void Unknown_segments_and_qualifiers_are_kept_raw_with_a_positioned_warning()
    {
        var body = FlightGroup + "NAD+FL+++DOE:JOHN'XYZ+1+2'LOC+999+ZZZ'NAD+FL+++ROE:JANE'";
        var text = Interchange(Message(body));
        var list = Single(Read(text));

        var doe = list.Travelers[0];
        Assert.Equal(["XYZ+1+2", "LOC+999+ZZZ"], doe.UnmappedSegments.Select(s => s.Text));
        var unexpected = Assert.Single(list.Warnings, w => w.Code == "unexpected-segment");
        Assert.Equal(text.IndexOf("XYZ", StringComparison.Ordinal), unexpected.Offset);
        Assert.Equal(doe.UnmappedSegments[0].Position.Segment, unexpected.Segment);
        Assert.Single(list.Warnings, w => w.Code == "unknown-qualifier" && w.Message.Contains("999"));
        Assert.Equal("ROE", list.Travelers[1].Surname);
    }

    [Fact]
    public void A_mangled_traveler_group_costs_only_its_own_values()
    {
        var body = FlightGroup
            + "NAD+FL+++GOOD:ONE'DTM+329:800101'"
            + "NAD+FL+++BAD:TWO'DTM+329:801399'ATT+2++Q'MEA+WT++KGM:heavy'DOC+P'garbage here'"
            + "NAD+FL+++GOOD:THREE'DTM+329:900101'DOC+P:110:111+X1'";
        var list = Single(Read(Interchange(Message(body))));

        Assert.Equal(["GOOD", "BAD", "GOOD"], list.Travelers.Select(t => t.Surname));
        Assert.Equal(new DateOnly(1980, 1, 1), list.Travelers[0].DateOfBirth);
        Assert.Null(list.Travelers[1].DateOfBirth);
        Assert.Equal(new DateOnly(1990, 1, 1), list.Travelers[2].DateOfBirth);
        Assert.Equal("X1", list.Travelers[2].Documents[0].Number);
        string[] expected = ["doc-without-number", "invalid-date", "invalid-number", "malformed-tag", "unexpected-segment", "unknown-gender"];
        Assert.Equal(expected, list.Warnings.Select(w => w.Code).Order());
        Assert.Empty(list.Errors);
    }

    [Fact]
    public void Release_characters_and_case_survive_into_names()
    {
        var body = FlightGroup + "NAD+FL+++O?'Brien:Seán?+Óg'";
        var text = Interchange(Message(body)).Replace("UNOA:4", "UNOW:4", StringComparison.Ordinal);
        var traveler = Single(Read(text)).Travelers.Single();

        Assert.Equal("O'Brien", traveler.Surname);
        Assert.Equal("Seán+Óg", traveler.GivenNames);
    }

    [Fact]
    public void Separators_declared_in_una_do_not_change_what_is_read()
    {
        var body = FlightGroup + "NAD+FL+++EL AMRANI:YOUSSEF'ATT+2++M'DTM+329:850612'DOC+P:110:111+AB1234567'";
        var standard = Single(Read(Interchange(Message(body))));
        var exotic = Interchange(Message(body)).Replace("UNA:+.?*'", "UNA:*.? $", StringComparison.Ordinal)
            .Replace('+', '*').Replace('\'', '$');
        var other = Single(Read(exotic));

        Assert.Equal(standard.Travelers, other.Travelers, (a, b) => a.Surname == b.Surname && a.GivenNames == b.GivenNames
            && a.DateOfBirth == b.DateOfBirth && a.Gender == b.Gender && a.Documents.SequenceEqual(b.Documents));
        Assert.Equal("AB1234567", other.Travelers[0].Documents[0].Number);
        Assert.Empty(other.Warnings);
    }
}
