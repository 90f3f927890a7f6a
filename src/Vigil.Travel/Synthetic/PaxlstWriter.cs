using System.Globalization;
using Vigil.Edifact;

namespace Vigil.Travel.Synthetic;

/// <summary>Writes one synthetic flight's list as a PAXLST interchange (UNB, UNG, one message, trailers).</summary>
internal sealed class PaxlstWriter(Random random, PaxlstLayout layout, GeneratedFlight flight, bool crewList, IReadOnlyList<GeneratedTraveler> travelers)
{
    private const string Recipient = "VIGILPIU";

    private readonly EdifactWriter _writer = new(layout.Service, EdifactCharset.FromSyntaxIdentifier(layout.SyntaxIdentifier), layout.SegmentSuffix);

    /// <summary>The interchange's bytes and the message's segment count from UNH to UNT.</summary>
    public (byte[] Content, int MessageSegments) Write()
    {
        var sender = flight.Carrier + "API";
        var prepared = flight.Legs[0].DepartureLocal.AddMinutes(-(30 + (5 * random.Next(30))));
        var date = Format(prepared, "yyMMdd");
        var time = Format(prepared, "HHmm");
        var interchangeReference = Digits(9);
        var messageReference = random.Next(3) == 0 ? "PAX" + Digits(5) : Digits(1 + random.Next(8)).TrimStart('0') + "1";
        var directory = random.Next(10) switch
        {
            0 => "02B",
            1 => "12B",
            _ => "05B",
        };

        if (layout.WritesServiceStringAdvice)
        {
            _writer.WriteServiceStringAdvice();
        }

        _writer.Segment("UNB", [layout.SyntaxIdentifier, "4"], [sender, "ZZ"], [Recipient, "ZZ"], [date, time], [interchangeReference], [], ["APIS"]);
        _writer.Segment("UNG", ["PAXLST"], [sender], [Recipient], [date, time], ["1"], ["UN"], ["D", directory]);
        var before = _writer.SegmentCount;
        _writer.Segment("UNH", [messageReference], ["PAXLST", "D", directory, "UN", "IATA"], [flight.CommonAccessReference], ["01", "F"]);
        _writer.Segment("BGM", [crewList ? "250" : "745"]);
        _writer.Segment("RFF", ["TN", flight.FlightNumber + date + Digits(3)]);
        _writer.Segment("NAD", ["MS"], [], [], [flight.Carrier + " OPERATIONS CONTROL"]);
        _writer.Segment("COM", [Phone(), "TE"], ["OPS@" + flight.Carrier + "-AIR.EXAMPLE", "EM"]);
        WriteLegs();
        foreach (var traveler in travelers)
        {
            WriteTraveler(traveler);
        }

        _writer.Segment("CNT", [crewList ? "41" : "42", Number(travelers.Count)]);
        var messageSegments = _writer.SegmentCount - before + 1;
        _writer.Segment("UNT", [Number(messageSegments)], [messageReference]);
        _writer.Segment("UNE", ["1"], ["1"]);
        _writer.Segment("UNZ", ["1"], [interchangeReference]);
        return (_writer.ToArray(), messageSegments);
    }

    private void WriteLegs()
    {
        foreach (var leg in flight.Legs)
        {
            var border = leg == flight.BorderCrossing;
            _writer.Segment("TDT", ["20"], [leg.FlightNumber], [], [], [flight.Carrier]);
            _writer.Segment("LOC", [border ? "125" : "92"], [leg.Departure.Code]);
            _writer.Segment("DTM", ["189", Format(leg.DepartureLocal, "yyMMddHHmm"), "201"]);
            _writer.Segment("LOC", [border ? "87" : "92"], [leg.Arrival.Code]);
            _writer.Segment("DTM", ["232", Format(leg.ArrivalLocal, "yyMMddHHmm"), "201"]);
        }
    }

    private void WriteTraveler(GeneratedTraveler traveler)
    {
        _writer.Segment("NAD", [traveler.IsCrew ? "FM" : "FL"], [], [], [traveler.Surname, traveler.GivenName, traveler.MiddleName]);
        _writer.Segment("ATT", ["2"], [], [traveler.Sex.ToString()]);
        _writer.Segment("DTM", ["329", Format(traveler.DateOfBirth, "yyMMdd")]);
        if (traveler.BagCount > 0)
        {
            _writer.Segment("MEA", ["CT"], [], [null, Number(traveler.BagCount)]);
            _writer.Segment("MEA", ["WT"], [], ["KGM", Number(traveler.BagWeightKilograms)]);
            _writer.Segment("FTX", ["BAG"], [], [], [traveler.FirstBagTag, Number(traveler.BagCount)]);
        }

        _writer.Segment("LOC", ["22"], [traveler.Debarkation]);
        _writer.Segment("LOC", ["174"], [traveler.CountryOfResidence]);
        _writer.Segment("LOC", ["178"], [traveler.Embarkation]);
        _writer.Segment("LOC", ["179"], [traveler.Debarkation]);
        _writer.Segment("LOC", ["180"], [traveler.CountryOfBirth]);
        if (traveler.IsCrew)
        {
            _writer.Segment("EMP", ["1"], [random.Next(3) == 0 ? "CR1" : "CR2", "110", "111"]);
        }

        _writer.Segment("NAT", ["2"], [traveler.Nationality]);
        if (traveler.RecordLocator is not null)
        {
            _writer.Segment("RFF", ["AVF", traveler.RecordLocator]);
        }

        if (traveler.PassengerReference is not null)
        {
            _writer.Segment("RFF", ["ABO", traveler.PassengerReference]);
        }

        if (traveler.Seat is not null)
        {
            _writer.Segment("RFF", ["SEA", traveler.Seat]);
        }

        _writer.Segment("DOC", [traveler.DocumentType, "110", "111"], [traveler.DocumentNumber]);
        _writer.Segment("DTM", ["36", Format(traveler.DocumentExpiry, "yyMMdd")]);
        _writer.Segment("DTM", ["182", Format(traveler.DocumentIssued, "yyMMdd")]);
        _writer.Segment("LOC", ["91"], [traveler.IssuingState]);
    }

    /// <summary>Reporting-party phone numbers as operators type them, some with the plus and hyphens that need escaping.</summary>
    private string Phone() => random.Next(3) switch
    {
        0 => "00" + Digits(11),
        1 => "+" + Digits(3) + "-" + Digits(3) + "-" + Digits(6),
        _ => Digits(3) + "-555-" + Digits(4),
    };

    private string Digits(int count) => string.Create(count, random, static (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('0' + r.Next(10));
        }
    });

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(DateTime value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Format(DateOnly value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
