using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.PnrgovXml;

namespace Vigil.Travel.Tests.PnrgovXml;

public class PnrgovXmlMapperTests
{
    private static readonly Lazy<BookingPush> Full = new(() => XmlSamples.Read("full-push-three-pnrs.xml"));

    private static Booking First => Full.Value.Bookings[0];

    private static Booking Codeshare => Full.Value.Bookings[1];

    private static Booking Third => Full.Value.Bookings[2];

    [Fact]
    public void The_full_sample_reads_without_errors()
    {
        Assert.Empty(Full.Value.Errors);
        Assert.False(Full.Value.Incomplete);
    }

    [Fact]
    public void Header_gives_type_version_sender_kind_and_declared_count()
    {
        var push = Full.Value;
        Assert.Equal("PNRGOV", push.Type);
        Assert.Equal("16.1", push.Version);
        Assert.Equal("XY", push.Sender);
        Assert.Equal("XY:1A", push.Originator);
        Assert.Equal(PushKind.Full, push.Kind);
        Assert.Equal(3, push.DeclaredBookings);
        Assert.Equal(3, push.Bookings.Count);
    }

    [Fact]
    public void FlightLeg_becomes_the_pushed_flight_with_one_leg_in_local_time()
    {
        var flight = Full.Value.PushedFlight!;
        Assert.Equal("XY", flight.Carrier);
        Assert.Equal("512", flight.Number);
        var leg = Assert.Single(flight.Legs);
        Assert.Equal("CMN", leg.Origin);
        Assert.Equal("IST", leg.Destination);
        Assert.Equal(new DateTime(2025, 3, 14, 11, 5, 0), leg.ScheduledDeparture);
        Assert.Equal(DateTimeKind.Unspecified, leg.ScheduledDeparture!.Value.Kind);
        Assert.Equal(new DateTime(2025, 3, 14, 18, 30, 0), leg.ScheduledArrival);
    }

    [Fact]
    public void BookingRefIDs_give_the_record_locator_and_all_locators()
    {
        Assert.Equal("Q7XK2P", First.RecordLocator);
        Assert.Equal(
            [new RecordLocatorReference("XY", "Q7XK2P", null, null), new RecordLocatorReference("1A", "5KT9LM", null, null)],
            First.Locators);
        Assert.Equal("C", Codeshare.Locators[1].Type);
        Assert.False(First.Cancelled);
    }

    [Fact]
    public void PNR_dates_are_UTC_and_offsets_are_converted()
    {
        Assert.Equal(new DateTime(2025, 3, 1, 10, 15, 0, DateTimeKind.Utc), First.Created);
        Assert.Equal(new DateTime(2025, 3, 12, 8, 15, 0, DateTimeKind.Utc), First.LastChanged);
        Assert.Equal(DateTimeKind.Utc, First.Created!.Value.Kind);
        Assert.Equal(new DateTime(2025, 3, 11, 19, 2, 0, DateTimeKind.Utc), Third.Created);
        Assert.Equal(new DateTime(2025, 3, 11, 19, 7, 30, DateTimeKind.Utc), Third.LastChanged);
    }

    [Fact]
    public void POS_Source_becomes_the_agency()
    {
        var agency = First.Agency!;
        Assert.Equal("1A", agency.System);
        Assert.Equal("MUC", agency.Location);
        Assert.Equal("0001AB", agency.AgentId);
        Assert.Equal("MUCXY0100", agency.OfficeId);
        Assert.Equal("T", agency.OriginatorType);
        Assert.Equal("DE", agency.Country);
        Assert.Equal("EUR", agency.Currency);
        Assert.Equal("A", Codeshare.Agency!.OriginatorType);
    }

    [Fact]
    public void ContactInfo_gives_booking_contacts_and_emails_keep_their_case()
    {
        Assert.Equal(["Family.ElAmrani@Example.com"], First.Contacts.Emails);
        Assert.Equal(["+212600000001"], First.Contacts.Phones);
        Assert.Equal(["+905320000000"], Third.Contacts.Phones);
        Assert.Empty(Third.Contacts.Emails);
    }

    [Fact]
    public void Flights_become_itinerary_legs_with_seats_normalised()
    {
        Assert.Equal(2, First.Itinerary.Count);
        var leg = First.Itinerary[0];
        Assert.Equal("XY", leg.MarketingCarrier);
        Assert.Equal("512", leg.MarketingNumber);
        Assert.Null(leg.OperatingCarrier);
        Assert.Equal("CMN", leg.Origin);
        Assert.Equal("IST", leg.Destination);
        Assert.Equal(new DateTime(2025, 3, 14, 11, 5, 0), leg.ScheduledDeparture);
        Assert.Equal(new DateTime(2025, 3, 14, 18, 30, 0), leg.ScheduledArrival);
        Assert.Equal("Y", leg.BookingClass);
        Assert.Equal("HK", leg.Status);
        Assert.Equal("738", leg.Equipment);
        Assert.Equal([new SeatAssignment("1", "12A"), new SeatAssignment("2", "12B")], leg.Seats);
        Assert.Equal("FRA", First.Itinerary[1].Destination);
        Assert.Empty(First.Itinerary[1].Seats);
    }

    [Fact]
    public void A_codeshare_keeps_marketing_and_operating_flights()
    {
        var leg = Assert.Single(Codeshare.Itinerary);
        Assert.Equal("ZZ", leg.MarketingCarrier);
        Assert.Equal("7120", leg.MarketingNumber);
        Assert.Equal("XY", leg.OperatingCarrier);
        Assert.Equal("512", leg.OperatingNumber);
        Assert.Equal("M", leg.BookingClass);
    }

    [Fact]
    public void Every_passenger_is_a_traveler_and_the_infant_follows_its_adult()
    {
        Assert.Equal(
            [(TravelerRole.Passenger, "1"), (TravelerRole.Infant, null), (TravelerRole.Passenger, "2")],
            First.Travelers.Select(t => (t.Role, t.ReferenceNumber)));
        Assert.Equal(5, Full.Value.Travelers.Count());
        Assert.All(First.Travelers, t => Assert.Equal("Q7XK2P", t.RecordLocator));
    }

    [Fact]
    public void Passenger_names_title_and_references_are_mapped()
    {
        var adult = First.Travelers[0];
        Assert.Equal("EL AMRANI", adult.Surname);
        Assert.Equal("YOUSSEF", adult.GivenNames);
        Assert.Equal("MR", adult.Title);
        Assert.Equal("1", adult.ReferenceNumber);
        Assert.Equal([new TravelerReference("SurnameRefNumber", "1.1"), new TravelerReference("BoardingStatus", "NB")], adult.References);

        var second = First.Travelers[2];
        Assert.Equal("LAILA NOOR", second.GivenNames);
        Assert.Equal("MRS", second.Title);
        Assert.Equal("VAN DER BERG", Codeshare.Travelers[0].Surname);
    }

    [Fact]
    public void A_title_is_only_removed_as_a_whole_trailing_word()
    {
        var drew = Third.Travelers[0];
        Assert.Equal("DREW", drew.GivenNames);
        Assert.Null(drew.Title);
    }

    [Fact]
    public void DOC_SSR_attributes_and_DOCS_text_give_one_document_and_the_personal_data()
    {
        var adult = First.Travelers[0];
        var passport = adult.Documents[0];
        Assert.Equal("P", passport.Type);
        Assert.Equal("AB1234567", passport.Number);
        Assert.Equal("MAR", passport.IssuingCountry);
        Assert.Equal(new DateOnly(2030, 1, 1), passport.Expiry);
        Assert.Single(adult.Documents, d => d.Number == "AB1234567");
        Assert.Equal(new DateOnly(1985, 6, 12), adult.DateOfBirth);
        Assert.Equal("M", adult.Gender);
        Assert.Equal("MAR", adult.Nationality);

        var second = First.Travelers[2];
        Assert.Equal(new DateOnly(1988, 2, 3), second.DateOfBirth);
        Assert.Equal("F", second.Gender);
        Assert.Equal(new DateOnly(2031, 5, 20), Assert.Single(second.Documents).Expiry);
    }

    [Fact]
    public void DOCS_text_alone_gives_the_document()
    {
        var pieter = Codeshare.Travelers[0];
        var passport = Assert.Single(pieter.Documents);
        Assert.Equal("NX1234567", passport.Number);
        Assert.Equal("NLD", passport.IssuingCountry);
        Assert.Equal(new DateOnly(1979, 9, 30), pieter.DateOfBirth);
        Assert.Equal("NLD", pieter.Nationality);
        Assert.Equal("M", pieter.Gender);
    }

    [Fact]
    public void DOCO_and_DOCA_give_visa_birth_place_and_address()
    {
        var adult = First.Travelers[0];
        var visa = Assert.Single(adult.Documents, d => d.Number == "TR1234567");
        Assert.Equal("V", visa.Type);
        Assert.Equal("TUR", visa.IssuingCountry);
        Assert.Equal(new DateOnly(2025, 2, 1), visa.IssueDate);
        Assert.Equal("CASABLANCA", adult.BirthPlace);
        Assert.Equal(new PostalAddress("12 RUE EXEMPLE", "CASABLANCA", null, "20000", "MAR"), adult.Address);
        Assert.Equal("MAR", adult.ResidenceCountry);
    }

    [Fact]
    public void Infant_comes_from_AccompaniedByInfantInd_INFT_and_its_DOCS()
    {
        var infant = First.Travelers[1];
        Assert.Equal(TravelerRole.Infant, infant.Role);
        Assert.Equal("1", infant.AccompaniedBy);
        Assert.Equal("EL AMRANI", infant.Surname);
        Assert.Equal("SARA", infant.GivenNames);
        Assert.Equal(new DateOnly(2024, 8, 15), infant.DateOfBirth);
        Assert.Equal("F", infant.Gender);
        Assert.Equal("IN7654321", Assert.Single(infant.Documents).Number);
        Assert.DoesNotContain(First.Travelers[0].Documents, d => d.Number == "IN7654321");
        Assert.Equal("M", First.Travelers[0].Gender);
    }

    [Fact]
    public void Contact_SSRs_with_an_RPH_go_to_the_traveler()
    {
        var adult = First.Travelers[0];
        Assert.Contains(new Contact("Y_EL@EXAMPLE.COM", "EM"), adult.Contacts);
        Assert.Contains(adult.Contacts, c => c.Channel == "TE" && c.Number.Contains("212600000000", StringComparison.Ordinal));
    }

    [Fact]
    public void CustLoyalty_and_FQTV_give_frequent_flyer_accounts()
    {
        Assert.Equal([new FrequentFlyerAccount("XY", "900123456", "GOLD")], First.Travelers[0].FrequentFlyers);
        Assert.Contains(First.Travelers[2].FrequentFlyers, f => f.Number.Contains("900765432", StringComparison.Ordinal));
        Assert.Equal([new FrequentFlyerAccount("ZZ", "ZZ55501234", null)], Codeshare.Travelers[0].FrequentFlyers);
    }

    [Fact]
    public void Seats_on_the_pushed_leg_are_also_the_travelers_seat()
    {
        Assert.Equal("12A", First.Travelers[0].Seat);
        Assert.Equal("12B", First.Travelers[2].Seat);
        Assert.Equal("23C", Codeshare.Travelers[0].Seat);
        Assert.Equal([new SeatAssignment("1", "23C")], Codeshare.Itinerary[0].Seats);
    }

    [Fact]
    public void TKNE_and_TicketDocument_give_tickets()
    {
        Assert.Equal(3, First.Tickets.Count);
        Assert.Contains(First.Tickets, t => t.TravelerReference == "1" && t.Number.StartsWith("1231234567890", StringComparison.Ordinal) && t.Kind == "TKNE");
        Assert.Contains(First.Tickets, t => t.TravelerReference == "1" && t.Number.Contains("1231234567891", StringComparison.Ordinal) && t.Kind == "TKNE INF");
        Assert.Contains(new Ticket("2", "1231234567892", "T", 512.40m, "EUR", new DateTime(2025, 3, 2, 8, 30, 0, DateTimeKind.Utc)), First.Tickets);
    }

    [Fact]
    public void FormOfPayment_gives_payments_and_an_unmasked_card_is_masked()
    {
        var payment = Assert.Single(First.Payments);
        Assert.Equal("CC", payment.Type);
        Assert.Equal(1024.80m, payment.Amount);
        Assert.Equal("VI", payment.Vendor);
        Assert.Equal("XXXXXXXXXXXX4242", payment.MaskedCardNumber);
        Assert.Equal("0627", payment.CardExpiry);
        Assert.Equal("YOUSSEF EL AMRANI", payment.Holder);
        Assert.Equal("1", payment.TravelerReference);
        Assert.Equal("XXXXXXXXXXXX0004", Assert.Single(Third.Payments).MaskedCardNumber);
        Assert.DoesNotContain("5500000000000004", System.Text.Json.JsonSerializer.Serialize(Full.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void PrepaidBag_gives_pieces_or_weight_for_its_traveler()
    {
        var pieces = Assert.Single(First.Bags);
        Assert.Equal("2", pieces.TravelerReference);
        Assert.Equal(2, pieces.Count);
        Assert.Null(pieces.Weight);
        var weight = Assert.Single(Third.Bags);
        Assert.Equal("1", weight.TravelerReference);
        Assert.Null(weight.Count);
        Assert.Equal(23m, weight.Weight);
        Assert.Equal("KGM", weight.WeightUnit);
    }

    [Fact]
    public void Positions_point_at_the_elements_in_the_file()
    {
        var bytes = XmlSamples.Bytes("full-push-three-pnrs.xml");
        var lines = File.ReadAllLines(Path.Combine(XmlSamples.Folder, "full-push-three-pnrs.xml"));
        foreach (var (position, name) in Full.Value.Bookings.Select(b => (b.Position, "<PNR "))
            .Concat(Full.Value.Travelers.Where(t => t.Role != TravelerRole.Infant).Select(t => (t.Position, "<Passenger "))))
        {
            Assert.Equal(-1, position.Segment);
            Assert.StartsWith(name, System.Text.Encoding.UTF8.GetString(bytes, (int)position.Offset, name.Length), StringComparison.Ordinal);
            Assert.Contains(name, lines[position.Line - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_passenger_without_DOCS_is_still_a_traveler()
    {
        var push = XmlSamples.Read("traveler-without-docs.xml");
        Assert.Empty(push.Errors);
        Assert.Equal("13.1", push.Version);
        Assert.Equal(PushKind.Full, push.Kind);
        var booking = Assert.Single(push.Bookings);
        Assert.Equal(2, booking.Travelers.Count);
        var withDocs = booking.Travelers[0];
        Assert.Equal("567123890", Assert.Single(withDocs.Documents).Number);
        var withoutDocs = booking.Travelers[1];
        Assert.Equal("OKAFOR", withoutDocs.Surname);
        Assert.Equal("CHIDI", withoutDocs.GivenNames);
        Assert.Equal("MR", withoutDocs.Title);
        Assert.Equal("2", withoutDocs.ReferenceNumber);
        Assert.Empty(withoutDocs.Documents);
        Assert.Null(withoutDocs.DateOfBirth);
        Assert.Equal("0088", push.PushedFlight!.Number);
    }

    [Fact]
    public void An_update_push_marks_a_PNR_with_an_empty_Source_as_cancelled()
    {
        var push = XmlSamples.Read("update-push-with-cancellation.xml");
        Assert.Empty(push.Diagnostics);
        Assert.Equal(PushKind.Update, push.Kind);
        Assert.Equal("XY", push.Sender);
        Assert.Equal(2, push.Bookings.Count);
        var cancelled = push.Bookings[0];
        Assert.Equal("ZX4R8T", cancelled.RecordLocator);
        Assert.True(cancelled.Cancelled);
        Assert.Null(cancelled.Agency);
        Assert.Empty(cancelled.Travelers);
        Assert.False(push.Bookings[1].Cancelled);
        Assert.Equal("KAYA", Assert.Single(push.Bookings[1].Travelers).Surname);
    }

    [Fact]
    public void An_empty_Source_in_a_full_push_is_not_a_cancellation()
    {
        var xml = File.ReadAllText(Path.Combine(XmlSamples.Folder, "update-push-with-cancellation.xml")).Replace("MessageFunction=\"141\"", "MessageFunction=\"22\"", StringComparison.Ordinal);
        var push = XmlSamples.ReadText(xml);
        Assert.Equal(PushKind.Full, push.Kind);
        Assert.False(push.Bookings[0].Cancelled);
        Assert.Contains(push.Warnings, d => d.Code == "xml-cancellation-in-full-push");
    }

    [Theory]
    [InlineData("Update", PushKind.Update)]
    [InlineData("full", PushKind.Full)]
    [InlineData("99", PushKind.Unknown)]
    public void MessageFunction_sets_the_push_kind(string function, PushKind kind)
    {
        var push = XmlSamples.ReadText($"""<IATA_PNRGOV_NotifRQ xmlns="{PnrgovXmlMapper.Namespace}" MessageFunction="{function}"><PNRs NumberOfPnrs="0"/></IATA_PNRGOV_NotifRQ>""");
        Assert.Equal(kind, push.Kind);
        Assert.Empty(push.Errors);
    }

    [Fact]
    public void Unknown_elements_are_kept_raw_and_bad_values_are_reported()
    {
        var push = XmlSamples.ReadText($"""
            <IATA_PNRGOV_NotifRQ xmlns="{PnrgovXmlMapper.Namespace}">
              <PNRs NumberOfPnrs="1">
                <PNR PNR_CreationDate="yesterday">
                  <BookingRefID ID="ABC123"/>
                  <HotelSegment ChainCode="XX"/>
                </PNR>
              </PNRs>
            </IATA_PNRGOV_NotifRQ>
            """);
        var booking = Assert.Single(push.Bookings);
        Assert.Null(booking.Created);
        var raw = Assert.Single(booking.UnmappedSegments);
        Assert.Contains("HotelSegment", raw.Text, StringComparison.Ordinal);
        Assert.Equal(5, raw.Position.Line);
        var warning = Assert.Single(push.Warnings, d => d.Code == "xml-bad-value");
        Assert.Equal(3, warning.Line);
    }

    [Fact]
    public void LooksLikeXml_tells_XML_from_EDIFACT()
    {
        Assert.True(PnrgovXmlMapper.LooksLikeXml(XmlSamples.Bytes("full-push-three-pnrs.xml")));
        Assert.True(PnrgovXmlMapper.LooksLikeXml("\uFEFF  \r\n<IATA_PNRGOV_NotifRQ/>"u8.ToArray().AsSpan()));
        Assert.True(PnrgovXmlMapper.LooksLikeXml([0xEF, 0xBB, 0xBF, (byte)'<', (byte)'?']));
        Assert.True(PnrgovXmlMapper.LooksLikeXml("\n<IATA_PNRGOV_NotifRQ/>"u8));
        Assert.False(PnrgovXmlMapper.LooksLikeXml("UNA:+.? 'UNB+IATA:1+XY"u8));
        Assert.False(PnrgovXmlMapper.LooksLikeXml("   "u8));
        Assert.False(PnrgovXmlMapper.LooksLikeXml([]));
        Assert.False(PnrgovXmlMapper.LooksLikeXml("< 3"u8));
    }
}
