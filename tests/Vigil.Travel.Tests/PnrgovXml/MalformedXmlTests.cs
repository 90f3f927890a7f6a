using System.Text;
using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.PnrgovXml;

namespace Vigil.Travel.Tests.PnrgovXml;

/// <summary>Broken XML costs the PNRs it breaks and is reported with a line, never thrown.</summary>
public class MalformedXmlTests
{
    [Fact]
    public void A_truncated_push_keeps_the_PNRs_before_the_cut_and_says_where_it_broke()
    {
        var push = XmlSamples.Read("truncated-push.xml");
        var lines = File.ReadAllLines(Path.Combine(XmlSamples.Folder, "truncated-push.xml")).Length;
        Assert.True(push.Incomplete);
        Assert.Equal("Q7XK2P", Assert.Single(push.Bookings).RecordLocator);
        Assert.Equal(3, push.Bookings[0].Travelers.Count);
        var error = Assert.Single(push.Errors);
        Assert.Equal("xml-malformed", error.Code);
        Assert.Equal(-1, error.Segment);
        Assert.Equal(lines, error.Line);
        Assert.Contains("line 90", error.Message, StringComparison.Ordinal);
        Assert.Equal(PushKind.Full, push.Kind);
        Assert.Equal("XY", push.PushedFlight!.Carrier);
    }

    [Fact]
    public void A_damaged_PNR_costs_only_that_PNR()
    {
        var push = XmlSamples.Read("damaged-middle-pnr.xml");
        Assert.True(push.Incomplete);
        Assert.Equal(["Q7XK2P", "H8MBC3"], push.Bookings.Select(b => b.RecordLocator));
        Assert.Equal(["KAYA"], push.Bookings[1].Travelers.Select(t => t.Surname));
        var error = Assert.Single(push.Errors);
        Assert.Equal("xml-malformed", error.Code);
        Assert.Equal(90, error.Line);
        Assert.Contains("The PNR starting at line 90 is lost", error.Message, StringComparison.Ordinal);
        var bytes = XmlSamples.Bytes("damaged-middle-pnr.xml");
        Assert.StartsWith("1 PNR_CreationDate", Encoding.UTF8.GetString(bytes, (int)error.Offset, 18), StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_after_a_resumed_read_are_still_absolute()
    {
        var push = XmlSamples.Read("damaged-middle-pnr.xml");
        var lines = File.ReadAllLines(Path.Combine(XmlSamples.Folder, "damaged-middle-pnr.xml"));
        var resumed = push.Bookings[1];
        Assert.Contains("<PNR ", lines[resumed.Position.Line - 1], StringComparison.Ordinal);
        Assert.StartsWith("<PNR ", Encoding.UTF8.GetString(XmlSamples.Bytes("damaged-middle-pnr.xml"), (int)resumed.Position.Offset, 5), StringComparison.Ordinal);
        Assert.Contains("<Passenger ", lines[resumed.Travelers[0].Position.Line - 1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "xml-empty")]
    [InlineData("not xml at all", "xml-malformed")]
    [InlineData("<IATA_PNRGOV_NotifRQ><PNRs>", "xml-malformed")]
    [InlineData("<OTA_AirBookRQ/>", "xml-not-pnrgov")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n<IATA_PNRGOV_NotifRQ/>", "xml-malformed")]
    [InlineData("<IATA_PNRGOV_NotifRQ>\n<PNRs>\n<PNR><BookingRefID ID=\"A\"></PNR>\n</PNRs></IATA_PNRGOV_NotifRQ>", "xml-malformed")]
    public void Bad_input_yields_an_error_with_a_line_and_no_exception(string xml, string code)
    {
        var push = XmlSamples.ReadText(xml);
        var error = Assert.Single(push.Errors);
        Assert.Equal(code, error.Code);
        Assert.True(error.Line >= 1, error.ToString());
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("PNRGOV", push.Type);
    }

    [Fact]
    public void The_line_of_a_break_comes_from_the_XML_reader()
    {
        var push = XmlSamples.ReadText("<IATA_PNRGOV_NotifRQ>\n  <Originator AirlineCode=\"XY\"/>\n  <FlightLeg CarrierCode=XY/>\n</IATA_PNRGOV_NotifRQ>");
        var error = Assert.Single(push.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("XY", push.Sender);
    }

    [Fact]
    public void Without_the_namespace_the_push_is_read_with_a_warning()
    {
        var push = XmlSamples.ReadText("<IATA_PNRGOV_NotifRQ><PNRs><PNR><BookingRefID ID=\"ABC123\"/></PNR></PNRs></IATA_PNRGOV_NotifRQ>");
        Assert.Equal("ABC123", Assert.Single(push.Bookings).RecordLocator);
        Assert.Contains(push.Warnings, d => d.Code == "xml-namespace");
        Assert.Empty(push.Errors);
    }
}
