using System.Text;
using System.Text.Json;
using Vigil.Tests;
using Vigil.Travel.Model;

namespace Vigil.Travel.Tests.Pnrgov;

public class PnrgovMapperTests
{
    private const string Header = "UNA:+.?*'UNB+IATA:1+XY+VIGILPIU+250314:0930+A1'UNG+PNRGOV+XY+VIGILPIU+250314:0930+1+IA+13:1'";

    private static BookingPush Shared(string name) =>
        Assert.IsType<BookingPush>(Assert.Single(TravelFileReader.Read(File.ReadAllBytes(SharedData.PathOf("data", "messages", "pnrgov", name))).Messages));

    /// <summary>One PNRGOV message around <paramref name="body"/>, counted correctly.</summary>
    private static string Message(string body, string part = "", string reference = "1") =>
        $"UNH+{reference}+PNRGOV:13:1:IA+XY512/140325/1105{(part.Length > 0 ? "+" + part : "")}'{body}UNT+{body.Count(c => c == '\'') + 2}+{reference}'";

    private static string Interchange(params string[] messages) => $"{Header}{string.Concat(messages)}UNE+{messages.Length}+1'UNZ+1+A1'";

    private static List<BookingPush> Read(string text) =>
        [.. TravelFileReader.Read(Encoding.UTF8.GetBytes(text)).Messages.Cast<BookingPush>()];

    private const string Level0 = "MSG+:22'ORG+XY:CMN'TVL+140325:1105:140325:1830+CMN+IST+XY+512'";

    [Fact]
    public void Reads_a_full_push_with_travelers_itinerary_seats_check_in_and_history()
    {
        var push = Shared("gtas-pnrMessage.txt");

        Assert.Equal(PushKind.Full, push.Kind);
        Assert.Equal(("DL", "324", "LHR", "JFK"), (push.PushedFlight!.Carrier, push.PushedFlight.Number, push.PushedFlight.Legs[0].Origin, push.PushedFlight.Legs[0].Destination));
        var booking = Assert.Single(push.Bookings);
        Assert.Equal("MFN4TI", booking.RecordLocator);
        Assert.Equal(new DateTime(2010, 12, 6, 10, 10, 0), booking.LastChanged);
        Assert.Equal(("DL", "ATL", "52519950", "A", "GB"), (booking.Agency!.System, booking.Agency.Location, booking.Agency.AgentId, booking.Agency.OriginatorType, booking.Agency.Country));

        var smith = booking.Travelers[0];
        Assert.Equal(("SMITHJR", "JOHN", "MR", "1"), (smith.Surname, smith.GivenNames, smith.Title, smith.ReferenceNumber));
        Assert.Equal(new DateOnly(1964, 7, 12), smith.DateOfBirth);
        Assert.Equal("123456789", Assert.Single(smith.Documents).Number);
        Assert.Equal(new FrequentFlyerAccount("DL", "1234567890", "ELITE"), Assert.Single(smith.FrequentFlyers));
        Assert.Equal("MFN4TI", smith.RecordLocator);

        // JONES's DOCS carries no document number: the traveler exists all the same, with the facts it does carry.
        var jones = booking.Travelers[1];
        Assert.Equal(("JONES", "WILLIAM"), (jones.Surname, jones.GivenNames));
        Assert.Empty(jones.Documents);
        Assert.Equal(new DateOnly(1964, 7, 12), jones.DateOfBirth);

        Assert.Equal(["LHR-JFK", "JFK-YVR"], booking.Itinerary.Select(l => $"{l.Origin}-{l.Destination}"));
        Assert.Equal([new SeatAssignment("1", "15A"), new SeatAssignment("2", "15B")], booking.Itinerary[0].Seats);
        var checkIn = Assert.Single(booking.Itinerary[0].CheckIns);
        Assert.Equal(("1", "108", "15A", "Y"), (checkIn.TravelerReference, checkIn.SequenceNumber, checkIn.Seat, checkIn.Cabin));
        Assert.Equal(["0062120234533", "0062120234534"], booking.Tickets.Select(t => t.Number));
        Assert.Equal(["1", "2"], booking.Tickets.Select(t => t.TravelerReference));
        Assert.Equal(2957.94m, booking.Tickets[0].Total);
        Assert.Equal(["MIL24", "YN324N"], booking.Tickets.Select(t => t.FareBasis));
        Assert.Equal("XXXXXXXX1186", booking.Payments[0].MaskedCardNumber);
        Assert.Equal("TIMOTHY SIMS", booking.Payments[0].Holder);
        Assert.Equal(["ABCDEF"], booking.SplitBookings);
        Assert.Single(booking.NonAirSegments);
        Assert.Contains(booking.History, h => h.Action == "X" && h.Text.StartsWith("TVL+101210", StringComparison.Ordinal));
        Assert.Contains("00441753637285", booking.Contacts.Phones);
        Assert.Contains("00115555555555", booking.Contacts.Phones);
    }

    [Fact]
    public void An_infant_named_by_tif_and_docs_is_a_traveler_of_its_own_linked_to_the_adult()
    {
        var booking = Assert.Single(Shared("gtas-adult_and_infant.edi").Bookings);

        Assert.Equal(2, booking.Travelers.Count);
        var adult = booking.Travelers[0];
        var infant = booking.Travelers[1];
        Assert.Equal(TravelerRole.Infant, infant.Role);
        Assert.Equal("1.1", infant.AccompaniedBy);
        Assert.Equal(new DateOnly(2011, 8, 10), infant.DateOfBirth);
        Assert.Equal("AO234000", Assert.Single(infant.Documents).Number);
        Assert.Equal("F", infant.Gender);
        Assert.Equal("52263000", Assert.Single(adult.Documents).Number);
        Assert.Equal("COL", adult.Documents[0].IssuingCountry);
        Assert.Equal("MRS", adult.Title);
        // The INF-prefixed e-ticket, sent under the adult's reference, belongs to the infant.
        Assert.Contains(booking.Tickets, t => t.Number.Contains("1392178947000", StringComparison.Ordinal) && t.Kind == "TKNE INF" && t.TravelerReference == "2.1");
    }

    [Fact]
    public void An_infant_only_in_ssr_inft_is_created_from_it()
    {
        var body = Level0 + "EQN+1'SRC'RCI+XY:ABC123'ORG+XY:CMN'TIF+DOE+JANEMRS:A:1:1'SSR+INFT:HK:1:XY:::::DOE/BABY 12JAN24+::1'";
        var booking = Assert.Single(Assert.Single(Read(Interchange(Message(body)))).Bookings);

        Assert.Equal(2, booking.Travelers.Count);
        Assert.Equal(("DOE", TravelerRole.Infant, "1"), (booking.Travelers[1].Surname, booking.Travelers[1].Role, booking.Travelers[1].AccompaniedBy));
        Assert.Equal(new DateOnly(2024, 1, 12), booking.Travelers[1].DateOfBirth);
    }

    [Fact]
    public void Codeshare_operating_carrier_comes_from_tra_or_the_carrier_pair()
    {
        var booking = Assert.Single(Shared("gtas-modifyPnr77ForCodeShare.txt").Bookings);

        var sq = booking.Itinerary.Single(l => l.MarketingCarrier == "SQ");
        Assert.Equal(("SK", "1524"), (sq.OperatingCarrier, sq.OperatingNumber));
        var dl = booking.Itinerary.Single(l => l.MarketingCarrier == "DL");
        Assert.Equal("KL", dl.OperatingCarrier);
        Assert.Equal("VANDENBERG", booking.Travelers[0].Surname);
        Assert.Equal("KEVIN MICHAEL", booking.Travelers[0].GivenNames);
        Assert.Equal("548721687", booking.Travelers[0].Documents[0].Number);
    }

    [Fact]
    public void Many_bookings_with_bags_in_one_message()
    {
        var push = Shared("gtas-pnrWithBags.txt");

        Assert.Equal(127, push.Bookings.Count);
        Assert.Equal(268, push.Travelers.Count());
        Assert.All(push.Bookings, b => Assert.NotNull(b.RecordLocator));
        var bag = push.Bookings.SelectMany(b => b.Bags).First(b => b.Tags.Count > 0);
        Assert.Equal("LBR", bag.WeightUnit);
        Assert.Empty(push.Errors);
    }

    [Fact]
    public void An_empty_org_in_an_update_push_cancels_the_booking()
    {
        var body = "MSG+:141'ORG+XY:CMN'TVL+140325:1105:140325:1830+CMN+IST+XY+512'EQN+2'"
            + "SRC'RCI+XY:GONE01'ORG'"
            + "SRC'RCI+XY:KEPT01'ORG+XY:CMN'TIF+ROE+RICHARD:A:1'";
        var push = Assert.Single(Read(Interchange(Message(body))));

        Assert.Equal(PushKind.Update, push.Kind);
        Assert.Equal([("GONE01", true), ("KEPT01", false)], push.Bookings.Select(b => (b.RecordLocator!, b.Cancelled)));
        Assert.Empty(push.Warnings);
    }

    [Fact]
    public void Sensitive_ssrs_and_remarks_are_removed_counted_and_absent_from_every_output()
    {
        var body = Level0 + "EQN+1'SRC'RCI+XY:ABC123'ORG+XY:CMN'SSR+MOML:HK:1:XY'IFT+4:28::XY+PAX NEEDS WHEELCHAIR TO GATE'"
            + "TIF+DOE+JOHNMR:A:1'SSR+WCHR:HK:1:XY+::1'SSR+KSML:HK:1:XY+::1'SSR+VGML:HK:1:XY+::1'"
            + "TVL+140325:1105:140325:1830+CMN+IST+XY+512:Y'ABI+1+:CMNRR+CMN++XY'DAT+ZT:010325:1010'SAC+++X'SSR+MOML:HK:1:XY'LTS+0/O/SSR HNML HK1'";
        var push = Assert.Single(Read(Interchange(Message(body))));
        var booking = Assert.Single(push.Bookings);

        Assert.Equal([new SensitiveRemoval("health", 2), new SensitiveRemoval("religion", 4)], booking.RemovedSensitive);
        Assert.Contains(booking.Remarks, r => r.Text == "" && r.Kind == "SSR VGML");
        var everything = JsonSerializer.Serialize(push);
        foreach (var value in (string[])["MOML", "KSML", "HNML", "WCHR", "WHEELCHAIR"])
        {
            Assert.DoesNotContain(value, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_broken_booking_costs_that_booking_only()
    {
        var body = Level0 + "EQN+3'SRC'RCI+XY:AAA111'TIF+ONE+A:A:1'SSR+DOCS:HK:1:XY:::::/P/MAR/X1/MAR/01JAN80/M/01JAN30/ONE/A+::1'"
            + "SRC'RCI+XY:BBB222'TIF+TWO+B:A:1'SSR+DOCS:HK:1:XY:::::garbage/??//+::7'TVL+99AB25:ZZ+++'XYZ+1'"
            + "SRC'RCI+XY:CCC333'TIF+THREE+C:A:1'";
        var push = Assert.Single(Read(Interchange(Message(body))));

        Assert.Equal(["AAA111", "BBB222", "CCC333"], push.Bookings.Select(b => b.RecordLocator));
        Assert.Equal(["ONE", "TWO", "THREE"], push.Travelers.Select(t => t.Surname));
        Assert.Equal("X1", push.Travelers.First().Documents[0].Number);
        Assert.Contains(push.Warnings, w => w.Code == "unexpected-segment");
        Assert.Empty(push.Errors);
    }

    [Fact]
    public void Parts_of_a_push_are_reassembled_and_eqn_is_checked_across_them()
    {
        var part1 = Message(Level0 + "EQN+3'SRC'RCI+XY:AAA111'TIF+ONE+A:A:1'SRC'RCI+XY:BBB222'TIF+TWO+B:A:1'", "01:C", "P1");
        var part2 = Message("SRC'RCI+XY:CCC333'TIF+THREE+C:A:1'", "02:F", "P2");

        var push = Assert.Single(Read(Interchange(part2, part1)));

        Assert.Equal(["AAA111", "BBB222", "CCC333"], push.Bookings.Select(b => b.RecordLocator));
        Assert.Equal([1, 2], push.PartsReceived);
        Assert.False(push.Incomplete);
        Assert.Empty(push.Warnings);

        var alone = Assert.Single(Read(Interchange(part1)));
        Assert.True(alone.Incomplete);
        Assert.Contains(alone.Warnings, w => w.Code == "multipart-incomplete");
    }

    [Fact]
    public void Eqn_that_disagrees_with_the_bookings_read_is_reported()
    {
        var push = Assert.Single(Read(Interchange(Message(Level0 + "EQN+2'SRC'RCI+XY:AAA111'TIF+ONE+A:A:1'"))));

        var warning = Assert.Single(push.Warnings);
        Assert.Equal("eqn-mismatch", warning.Code);
    }

    [Fact]
    public void Emails_keep_their_case_and_contacts_reach_the_traveler()
    {
        var body = Level0 + "EQN+1'SRC'RCI+XY:ABC123'TIF+DOE+JOHNMR:A:1'SSR+CTCE:HK:1:XY:::::John..Doe//Example.COM+::1'SSR+CTCM:HK:1:XY:::::212600000000+::1'";
        var booking = Assert.Single(Assert.Single(Read(Interchange(Message(body)))).Bookings);

        Assert.Equal(["John_Doe@Example.COM"], booking.Contacts.Emails);
        Assert.Contains(booking.Travelers[0].Contacts, c => c.Number == "John_Doe@Example.COM");
        Assert.Contains(booking.Contacts.Phones, p => p.EndsWith("212600000000", StringComparison.Ordinal));
    }
}
