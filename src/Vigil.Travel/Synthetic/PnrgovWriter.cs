using Vigil.Edifact;
using Vigil.Travel.Model;
using static Vigil.Travel.Synthetic.PnrgovText;

namespace Vigil.Travel.Synthetic;

/// <summary>
/// Prints planned bookings as one PNRGOV 13.1 interchange: UNB IATA:1, UNG, one UNH…UNT with level 0 (MSG, ORG,
/// TVL, EQN) and one SRC group per booking, then UNE and UNZ. Details that a parser need not report back (amounts,
/// remarks, equipment) are drawn here; everything a test compares comes from the plan.
/// </summary>
internal sealed class PnrgovWriter(
    Random random,
    ServiceCharacters service,
    bool writesUna,
    string segmentSuffix,
    GeneratedFlight flight,
    PushKind kind,
    IReadOnlyList<GeneratedBooking> bookings)
{
    private const string Recipient = "VIGILPNR";

    private static readonly string[] Remarks =
    [
        "PAX REQUESTS AISLE SEAT", "TCP 3 WITH OTHER RECORD", "VIP PASSENGER", "FREQUENT TRAVELLER PLEASE ASSIST",
        "GROUP BOOKING CONFIRMED BY AGENT", "LATE CHECK-IN EXPECTED", "CONNECTING PAX PLEASE EXPEDITE",
    ];

    private static readonly string[] Streets = ["MAIN STREET", "STATION ROAD", "RUE DES LILAS", "AVENUE DE LA GARE", "CALLE MAYOR", "HAUPTSTRASSE", "PARK AVENUE", "HARBOUR ROAD"];
    private static readonly string[] Equipment = ["738", "320", "321", "32N", "789", "77W", "333", "359", "E90", "AT7"];
    private static readonly string[] CardVendors = ["VI", "CA", "AX", "DC", "TP"];
    private static readonly string[] Taxes = ["YQ", "YR", "FR", "GB", "DE", "MA", "TR", "US", "XF", "AY"];

    private readonly EdifactWriter _writer = new(service, EdifactCharset.FromSyntaxIdentifier("IATA"), segmentSuffix);
    private int _checkInSequence;

    /// <summary>The interchange's bytes and the message's segment count from UNH to UNT.</summary>
    public (byte[] Content, int MessageSegments) Write()
    {
        var pushed = flight.Legs[0];
        var prepared = pushed.DepartureLocal.AddHours(kind == PushKind.Full ? -(24 + random.Next(48)) : -random.Next(24)).AddMinutes(-random.Next(60));
        var date = prepared.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var time = Time(prepared);
        var reference = date + Digits(random, 8);
        var messageReference = random.Next(2) == 0 ? "1" : reference;
        if (writesUna)
        {
            _writer.WriteServiceStringAdvice();
        }

        _writer.Segment("UNB", ["IATA", "1"], [flight.Carrier], [Recipient], [date, time], [reference]);
        _writer.Segment("UNG", ["PNRGOV"], [flight.Carrier], [Recipient], [date, time], [reference], ["IA"], ["13", "1"]);
        var before = _writer.SegmentCount;
        _writer.Segment("UNH", [messageReference], ["PNRGOV", "13", "1", "IA"], [flight.CommonAccessReference], ["01", "F"]);
        _writer.Segment("MSG", [null, kind == PushKind.Update ? "141" : "22"]);
        _writer.Segment("ORG", [flight.Carrier, pushed.Departure.Code]);
        _writer.Segment("TVL", [Date(pushed.DepartureLocal), Time(pushed.DepartureLocal), Date(pushed.ArrivalLocal), Time(pushed.ArrivalLocal)],
            [pushed.Departure.Code], [pushed.Arrival.Code], [flight.Carrier], [FlightDigits(pushed.FlightNumber)]);
        _writer.Segment("EQN", [Number(bookings.Count)]);
        foreach (var booking in bookings)
        {
            WriteBooking(booking);
        }

        var messageSegments = _writer.SegmentCount - before + 1;
        _writer.Segment("UNT", [Number(messageSegments)], [messageReference]);
        _writer.Segment("UNE", ["1"], [reference]);
        _writer.Segment("UNZ", ["1"], [reference]);
        return (_writer.ToArray(), messageSegments);
    }

    private void WriteBooking(GeneratedBooking booking)
    {
        _writer.Segment("SRC");
        WriteLocators(booking);
        if (booking.Cancelled)
        {
            // The cancellation form of an update push: the locator and an empty originator, nothing else.
            _writer.Segment("ORG");
            return;
        }

        if (random.Next(6) == 0)
        {
            _writer.Segment("SSR", ["OTHS", "HK", null, booking.Carrier, null, null, null, null, "ADV TKT NUMBER BY " + SsrDate(DateOnly.FromDateTime(booking.LastChanged.AddDays(3))) + " OR WILL CANCEL"]);
        }

        _writer.Segment("DAT", ["700", Date(booking.LastChanged), Time(booking.LastChanged)]);
        var lead = booking.Travelers[0];
        if (random.Next(5) == 0)
        {
            var phone = lead.Mobile ?? "44" + Digits(random, 10);
            _writer.Segment("IFT", ["4", "28", null, booking.Carrier], [random.Next(2) == 0 ? "CTCM " + phone : "CTC M " + phone]);
        }

        if (random.Next(4) == 0)
        {
            _writer.Segment("IFT", ["4", "28", null, booking.Carrier], [Remarks[random.Next(Remarks.Length)]]);
        }

        WriteAgency(booking.Agency);
        if (random.Next(5) < 3)
        {
            var country = PnrgovCountries.Find(lead.Person.CountryOfResidence);
            _writer.Segment("ADD", [], ["700", Street(), country.City, null, null, country.Alpha2, Postcode(country), lead.Mobile ?? Digits(random, 11)]);
        }

        var placeOnLeg = booking.Travelers.Where(t => t.SensitiveCodes.Count > 0 && random.Next(10) < 3).Select(t => t.Reference).ToHashSet();
        foreach (var traveler in booking.Travelers.Where(t => !t.IsInfant))
        {
            WriteTraveler(booking, traveler, placeOnLeg.Contains(traveler.Reference));
            var infant = booking.Travelers.FirstOrDefault(t => t.Reference == traveler.InfantReference);
            if (infant is not null)
            {
                _writer.Segment("TIF", [infant.Surname], [infant.TifGivenName, "IN", infant.Reference]);
            }
        }

        foreach (var leg in booking.Itinerary)
        {
            WriteLeg(booking, leg, placeOnLeg);
        }

        if (booking.SplitLocator is not null)
        {
            _writer.Segment("EQN", ["1"]);
            _writer.Segment("RCI", [booking.Carrier, booking.SplitLocator]);
        }

        if (booking.HasHistory)
        {
            WriteHistory(booking);
        }
    }

    private void WriteLocators(GeneratedBooking booking)
    {
        _writer.BeginSegment("RCI");
        _writer.AddElement(booking.Carrier);
        _writer.AddComponent(booking.RecordLocator);
        _writer.AddComponent(null);
        _writer.AddComponent(Date(booking.Created));
        _writer.AddComponent(Time(booking.Created) + Number(random.Next(60)).PadLeft(2, '0'));
        if (booking.SystemLocator is not null)
        {
            _writer.AddElement(booking.Agency.Type == "T" ? booking.Agency.System : "1A");
            _writer.AddComponent(booking.SystemLocator);
        }

        _writer.EndSegment();
    }

    private void WriteAgency(GeneratedAgency agency)
    {
        var country = agency.Country;
        _writer.Segment("ORG", [agency.System, agency.Location], [agency.AgentId, agency.OfficeId], [agency.Location], [flight.Carrier, agency.Location],
            [agency.Type], [country.Alpha2, country.Currency, random.Next(2) == 0 ? country.Alpha2 : "EN"], [Digits(random, 4) + Code(random, "ABCDEFGHJKLMNPRSTUVWXYZ", 2)]);
    }

    private void WriteTraveler(GeneratedBooking booking, GeneratedPnrTraveler traveler, bool sensitiveOnLeg)
    {
        var carrier = booking.Carrier;
        var reference = traveler.Reference;
        _writer.Segment("TIF", [traveler.Surname], [traveler.TifGivenName, traveler.Type, reference, traveler.InfantReference is null ? null : "1"]);
        if (traveler.FrequentFlyer is not null)
        {
            _writer.Segment("FTI", [carrier, traveler.FrequentFlyer, null, null, random.Next(2) == 0 ? "GOLD" : "SILVER"]);
        }

        if (traveler.Person.PassengerReference is not null)
        {
            _writer.Segment("REF", [null, traveler.Person.PassengerReference]);
        }

        if (traveler.HasDocs)
        {
            Ssr("DOCS", carrier, Docs(traveler, traveler.Person.Sex.ToString()), reference);
        }

        if (traveler.Type == "A" && random.Next(20) == 0)
        {
            var issued = DateOnly.FromDateTime(flight.Legs[0].DepartureLocal).AddDays(-(10 + random.Next(200)));
            var arrival = PnrgovCountries.Find(flight.Legs[0].Arrival.Country);
            Ssr("DOCO", carrier, "/" + PnrgovCountries.Find(traveler.Person.CountryOfBirth).City + "/V/" + Code(random, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + Digits(random, 7)
                + "/" + PnrgovCountries.Find(traveler.Person.Nationality).City + "/" + SsrDate(issued) + "/" + arrival.Alpha3, reference);
        }

        if (traveler.Type == "A" && random.Next(10) == 0)
        {
            var arrival = PnrgovCountries.Find(flight.Legs[0].Arrival.Country);
            Ssr("DOCA", carrier, "/D/" + arrival.Alpha3 + "/" + Street() + "/" + arrival.City + "//" + Postcode(arrival), reference);
        }

        if (traveler.Email is not null)
        {
            Ssr("CTCE", carrier, traveler.Email, reference);
        }

        if (traveler.Mobile is not null)
        {
            Ssr("CTCM", carrier, traveler.Mobile, reference);
        }

        var infant = traveler.InfantReference is null ? null : bookingInfant(booking, traveler.InfantReference);
        if (infant is not null)
        {
            Ssr("INFT", carrier, infant.Surname + "/" + infant.GivenName + "/" + SsrDate(infant.DateOfBirth), reference);
            if (infant.HasDocs)
            {
                Ssr("DOCS", carrier, Docs(infant, infant.Person.Sex == 'F' ? "FI" : "MI"), reference);
            }
        }

        if (!sensitiveOnLeg)
        {
            foreach (var code in traveler.SensitiveCodes)
            {
                SsrOnLeg(code, carrier, flight.Legs[0].Departure.Code, flight.Legs[0].Arrival.Code, reference);
            }
        }

        if (random.Next(10) < 9)
        {
            WriteTicket(booking, traveler);
        }

        static GeneratedPnrTraveler? bookingInfant(GeneratedBooking booking, string reference) =>
            booking.Travelers.FirstOrDefault(t => t.Reference == reference);
    }

    /// <summary>DOCS free text, with alpha-2 country codes for the senders that use them.</summary>
    private static string Docs(GeneratedPnrTraveler traveler, string gender)
    {
        var person = traveler.Person;
        var issuing = traveler.AlphaTwoCodes ? PnrgovCountries.Find(person.IssuingState).Alpha2 : person.IssuingState;
        var nationality = traveler.AlphaTwoCodes ? PnrgovCountries.Find(person.Nationality).Alpha2 : person.Nationality;
        var text = "/P/" + issuing + "/" + person.DocumentNumber + "/" + nationality + "/" + SsrDate(person.DateOfBirth) + "/" + gender + "/"
            + SsrDate(person.DocumentExpiry) + "/" + person.Surname + "/" + person.GivenName;
        return person.MiddleName is null ? text : text + "/" + person.MiddleName;
    }

    private void WriteTicket(GeneratedBooking booking, GeneratedPnrTraveler traveler)
    {
        var baseFare = 40 + random.Next(2500) + (random.Next(100) / 100m);
        var taxCount = 1 + random.Next(4);
        var taxes = new decimal[taxCount];
        for (var i = 0; i < taxCount; i++)
        {
            taxes[i] = 1 + random.Next(120) + (random.Next(100) / 100m);
        }

        var total = baseFare + taxes.Sum();
        var currency = PnrgovCountries.Find(flight.Legs[0].Departure.Country).Currency;
        // Tickets are issued between booking and the last change.
        var issued = booking.Created.AddMinutes(random.Next(1 + (int)(booking.LastChanged - booking.Created).TotalMinutes));
        _writer.Segment("TKT", [Digits(random, 3) + Digits(random, 10), "T", "1"]);
        _writer.Segment("MON", ["B", Amount(baseFare), currency], ["T", Amount(total), currency]);
        _writer.Segment("PTK", ["NR"], [], [Date(issued), Time(issued)], [booking.Carrier], [Digits(random, 3)], [flight.Legs[0].Departure.Code]);
        _writer.BeginSegment("TXD");
        _writer.AddElement();
        for (var i = 0; i < taxCount; i++)
        {
            _writer.AddElement(Amount(taxes[i]));
            _writer.AddComponent(null);
            _writer.AddComponent(null);
            _writer.AddComponent(Taxes[random.Next(Taxes.Length)]);
        }

        _writer.EndSegment();
        _writer.Segment("DAT", ["710", Date(issued), Time(issued)]);
        if (random.Next(5) == 0)
        {
            _writer.Segment("FOP", ["CA", null, Amount(total)]);
        }
        else
        {
            var expiry = issued.AddMonths(3 + random.Next(48));
            _writer.Segment("FOP", ["CC", null, Amount(total), CardVendors[random.Next(CardVendors.Length)], "XXXXXXXXXXXX" + Digits(random, 4),
                expiry.ToString("MMyy", System.Globalization.CultureInfo.InvariantCulture)]);
            if (random.Next(3) == 0)
            {
                _writer.Segment("IFT", ["4", "43"], [traveler.GivenName + " " + traveler.Surname]);
            }
        }
    }

    private void WriteLeg(GeneratedBooking booking, GeneratedPnrLeg leg, HashSet<string> sensitiveOnLeg)
    {
        var carrier = leg.OperatingCarrier is not null && random.Next(4) == 0 ? [leg.MarketingCarrier, leg.OperatingCarrier] : new[] { leg.MarketingCarrier };
        _writer.Segment("TVL", [Date(leg.DepartureLocal), Time(leg.DepartureLocal), Date(leg.ArrivalLocal), Time(leg.ArrivalLocal)],
            [leg.Origin], [leg.Destination], carrier, [leg.MarketingNumber, leg.BookingClass]);
        if (leg.OperatingCarrier is not null)
        {
            _writer.Segment("TRA", [leg.OperatingCarrier], [leg.OperatingNumber, leg.BookingClass]);
        }

        var seated = booking.Travelers.Where(t => !t.IsInfant).ToList();
        _writer.Segment("RPI", [Number(seated.Count)], ["HK"]);
        _writer.Segment("APD", [Equipment[random.Next(Equipment.Length)]]);
        if (!leg.IsPushedFlight)
        {
            return;
        }

        var legCarrier = leg.OperatingCarrier ?? leg.MarketingCarrier;
        if (booking.CheckedIn || random.Next(2) == 0)
        {
            _writer.BeginSegment("SSR");
            _writer.AddElement("SEAT");
            foreach (var component in (string?[])["HK", Number(seated.Count), legCarrier, null, null, leg.Origin, leg.Destination])
            {
                _writer.AddComponent(component);
            }

            foreach (var traveler in seated)
            {
                _writer.AddElement(traveler.Seat);
                _writer.AddComponent(null);
                _writer.AddComponent(traveler.Reference);
            }

            _writer.EndSegment();
        }

        foreach (var traveler in booking.Travelers.Where(t => sensitiveOnLeg.Contains(t.Reference)))
        {
            foreach (var code in traveler.SensitiveCodes)
            {
                SsrOnLeg(code, legCarrier, leg.Origin, leg.Destination, traveler.Reference);
            }
        }

        if (leg.OperatingCarrier is not null)
        {
            _writer.Segment("RCI", [leg.OperatingCarrier, Locator(random)]);
        }

        if (booking.CheckedIn)
        {
            WriteCheckIn(booking, leg);
        }
    }

    private void WriteCheckIn(GeneratedBooking booking, GeneratedPnrLeg leg)
    {
        var at = leg.DepartureLocal.AddMinutes(-(45 + random.Next(180)));
        _writer.Segment("DAT", ["2", Date(at), Time(at)]);
        var head = true;
        foreach (var traveler in booking.Travelers.Where(t => t.CheckedIn))
        {
            _writer.Segment("TRI", [], [Number(++_checkInSequence).PadLeft(3, '0'), null, null, traveler.Reference]);
            _writer.Segment("TIF", [traveler.Surname], [traveler.TifGivenName, traveler.Type, traveler.Reference]);
            _writer.Segment("SSD", [traveler.Seat], [], [], [], ["Y"]);
            if (traveler.BagTag is not null)
            {
                var bags = traveler.Person.BagCount;
                _writer.Segment("TBD", [], [Number(bags), Number(traveler.Person.BagWeightKilograms), "700"], [], [head ? "HP" : "MP"],
                    [flight.Carrier, traveler.BagTag, Number(bags), leg.Destination]);
                head = false;
            }
        }
    }

    private void WriteHistory(GeneratedBooking booking)
    {
        var at = booking.Created.AddMinutes(random.Next(1 + (int)(booking.LastChanged - booking.Created).TotalMinutes));
        _writer.Segment("ABI", ["4"], [Code(random, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + Digits(random, 2) + Code(random, "ABCDEFGHJKLMNPRSTUVWXYZ", 2), "GS"],
            [booking.Agency.Location], [], [booking.Carrier]);
        _writer.Segment("DAT", ["ZT", Date(at), Time(at)]);
        var pushed = booking.Itinerary.First(l => l.IsPushedFlight);
        if (random.Next(2) == 0)
        {
            // The booking was first made a day earlier and then moved to the pushed flight.
            var earlier = pushed.DepartureLocal.AddDays(-1);
            _writer.Segment("SAC", [], [], ["X"]);
            _writer.Segment("TVL", [Date(earlier), Time(earlier)], [pushed.Origin], [pushed.Destination], [pushed.MarketingCarrier], [pushed.MarketingNumber, pushed.BookingClass]);
        }

        _writer.Segment("SAC", [], [], ["A"]);
        _writer.Segment("TVL", [Date(pushed.DepartureLocal), Time(pushed.DepartureLocal)], [pushed.Origin], [pushed.Destination], [pushed.MarketingCarrier],
            [pushed.MarketingNumber, pushed.BookingClass]);
        if (booking.HistorySensitiveCode is not null)
        {
            _writer.Segment("SAC", [], [], ["A"]);
            _writer.Segment("SSR", [booking.HistorySensitiveCode, "HK", "1", booking.Carrier]);
        }
    }

    private void Ssr(string code, string carrier, string text, string reference) =>
        _writer.Segment("SSR", [code, "HK", "1", carrier, null, null, null, null, text], [null, null, reference]);

    private void SsrOnLeg(string code, string carrier, string from, string to, string reference) =>
        _writer.Segment("SSR", [code, "HK", "1", carrier, null, null, from, to], [null, null, reference]);

    private string Street() => Number(1 + random.Next(250)) + " " + Streets[random.Next(Streets.Length)];

    private string Postcode(PnrgovCountry country) => string.Create(country.PostcodePattern.Length, (country.PostcodePattern, random), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.PostcodePattern[i] switch
            {
                '#' => (char)('0' + state.random.Next(10)),
                '@' => (char)('A' + state.random.Next(26)),
                var c => c,
            };
        }
    });
}
