using System.Text;

namespace Vigil.Edifact.Tests;

public class EnvelopeTests
{
    private const string Paxlst =
        "UNA:+.?*'\n"
        + "UNB+UNOA:4+XYAIR:ZZ+VIGILPIU:ZZ+250314:0930+A0001++APIS++++1'\n"
        + "UNG+PAXLST+XYAIR+VIGILPIU+250314:0930+G1+UN+D:05B'\n"
        + "UNH+M1+PAXLST:D:05B:UN:IATA+XY512/250314/1105+01:C'\n"
        + "BGM+745'\n"
        + "NAD+FL+++DOE:JANE'\n"
        + "UNT+4+M1'\n"
        + "UNH+M2+PAXLST:D:05B:UN:IATA+XY512/250314/1105+02'\n"
        + "BGM+745'\n"
        + "UNT+3+M2'\n"
        + "UNE+2+G1'\n"
        + "UNG+PAXLST+XYAIR+VIGILPIU+250314:0930+G2+UN+D:05B'\n"
        + "UNH+M3+PAXLST:D:05B:UN:IATA+XY512/250314/1105+03:F'\n"
        + "UNT+2+M3'\n"
        + "UNE+1+G2'\n"
        + "UNZ+2+A0001'\n";

    [Fact]
    public void Well_formed_interchange_has_no_findings_and_exact_structure()
    {
        var file = Edi.File(Paxlst);

        Assert.Empty(Edi.AllDiagnostics(file));
        var interchange = Assert.Single(file.Interchanges);
        Assert.Equal(("UNOA", "4", "XYAIR", "ZZ", "VIGILPIU"), (interchange.SyntaxIdentifier, interchange.SyntaxVersion, interchange.Sender, interchange.SenderQualifier, interchange.Recipient));
        Assert.Equal(("A0001", "APIS", true), (interchange.ControlReference, interchange.ApplicationReference, interchange.IsTest));
        Assert.Equal(new DateOnly(2025, 3, 14), interchange.PreparationDateValue);
        Assert.Equal(["G1", "G2"], interchange.Groups.Select(g => g.Reference));
        Assert.Equal("D:05B", interchange.Groups[0].Version);
        Assert.Equal([2, 1], interchange.Groups.Select(g => g.Messages.Count));
        Assert.Equal(3, file.Messages.Count);
    }

    [Fact]
    public void Message_header_fields_and_parts()
    {
        var messages = Edi.File(Paxlst).Messages;

        var first = messages[0];
        Assert.Equal(("M1", "PAXLST", "D", "05B", "UN", "IATA"), (first.Reference, first.Type, first.Version, first.Release, first.Agency, first.Association));
        Assert.Equal("D:05B", first.VersionRelease);
        Assert.Equal("XY512/250314/1105", first.CommonAccessReference);
        Assert.Equal([new MessagePart(1, false), new MessagePart(2, false), new MessagePart(3, true)], messages.Select(m => m.Part));
        Assert.Equal([4, 3, 2], messages.Select(m => m.SegmentCount));
        Assert.All(messages, m => Assert.True(m.Terminated));
        Assert.Equal((4, 2), (first.Line, first.SegmentIndex));
        Assert.Equal(Paxlst.IndexOf("UNH+M1", StringComparison.Ordinal), first.Offset);
        Assert.Equal(["BGM", "NAD"], Edi.BodyTags(first));
        Assert.Empty(Edi.BodyTags(messages[2]));
    }

    [Fact]
    public void Message_without_part_indicator_has_no_part()
    {
        var file = Edi.File("UNB+UNOA:4+S+R+250314:0930+1'UNH+1+PAXLST:D:05B:UN:IATA+ABC 01'UNT+2+1'UNZ+1+1'");

        Assert.Null(file.Messages[0].Part);
        Assert.Equal("ABC 01", file.Messages[0].CommonAccessReference);
        Assert.Empty(Edi.AllDiagnostics(file));
    }

    [Theory]
    [InlineData("UNT+5+M1'", "unt-count-mismatch")]
    [InlineData("UNT+4+M9'", "unt-reference-mismatch")]
    [InlineData("UNT+4'", "unt-reference-mismatch")]
    [InlineData("UNT++M1'", "unt-count-missing")]
    [InlineData("UNE+3+G1'", "une-count-mismatch")]
    [InlineData("UNE+2+G9'", "une-reference-mismatch")]
    [InlineData("UNZ+1+A0001'", "unz-count-mismatch")]
    [InlineData("UNZ+2+B'", "unz-reference-mismatch")]
    public void Wrong_trailer_is_one_warning(string wrong, string code)
    {
        var tag = wrong[..3];
        var original = tag switch
        {
            "UNT" => "UNT+4+M1'",
            "UNE" => "UNE+2+G1'",
            _ => "UNZ+2+A0001'",
        };
        var text = Paxlst.Replace(original, wrong, StringComparison.Ordinal);

        var file = Edi.File(text);

        var warning = Assert.Single(Edi.AllDiagnostics(file));
        Assert.Equal(code, warning.Code);
        Assert.Equal(text.IndexOf(wrong, StringComparison.Ordinal), warning.Offset);
        Assert.Equal(3, file.Messages.Count);
    }

    [Fact]
    public void Unz_counts_messages_when_there_are_no_groups()
    {
        var good = Edi.File("UNB+IATA:1+S+R+250314:0930+7'UNH+1+PNRGOV:11:1:IA'UNT+2+1'UNH+2+PNRGOV:11:1:IA'UNT+2+2'UNZ+2+7'");
        var bad = Edi.File("UNB+IATA:1+S+R+250314:0930+7'UNH+1+PNRGOV:11:1:IA'UNT+2+1'UNH+2+PNRGOV:11:1:IA'UNT+2+2'UNZ+1+7'");

        Assert.Empty(Edi.AllDiagnostics(good));
        Assert.Equal(["unz-count-mismatch"], Edi.Codes(bad));
    }

    [Fact]
    public void Missing_unt_ends_the_message_at_the_next_unh()
    {
        var text = "UNB+UNOA:4+S+R+250314:0930+1'UNH+1+PAXLST:D:05B:UN'BGM+745'NAD+FL'UNH+2+PAXLST:D:05B:UN'BGM+745'UNT+3+2'UNZ+2+1'";

        var file = Edi.File(text);

        Assert.Equal(2, file.Messages.Count);
        var open = file.Messages[0];
        Assert.False(open.Terminated);
        Assert.Equal(["BGM", "NAD"], Edi.BodyTags(open));
        var warning = Assert.Single(open.Diagnostics);
        Assert.Equal("message-not-terminated", warning.Code);
        Assert.Equal(text.IndexOf("UNH+2", StringComparison.Ordinal), warning.Offset);
        Assert.True(file.Messages[1].Terminated);
        Assert.Empty(file.Messages[1].Diagnostics);
        Assert.Empty(file.Diagnostics);
    }

    [Fact]
    public void Missing_unt_at_end_of_input()
    {
        var file = Edi.File("UNB+UNOA:4+S+R+250314:0930+1'UNH+1+PAXLST:D:05B:UN'BGM+745'NAD+FL");

        Assert.Equal(["BGM", "NAD"], Edi.BodyTags(file.Messages[0]));
        Assert.Equal(["missing-terminator", "message-not-terminated"], file.Messages[0].Diagnostics.Select(d => d.Code));
        Assert.Equal(["interchange-not-terminated"], file.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Bare_message_without_interchange_header()
    {
        var file = Edi.File("UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'");

        var interchange = Assert.Single(file.Interchanges);
        Assert.Null(interchange.SyntaxIdentifier);
        Assert.Equal("PAXLST", Assert.Single(interchange.Messages).Type);
        Assert.Equal(["interchange-header-missing"], Edi.Codes(file));
    }

    [Fact]
    public void Junk_before_and_after_the_interchange_is_reported_and_skipped()
    {
        var text = "From: airline\r\nUNB+UNOA:4+S+R+250314:0930+1'UNH+1+PAXLST:D:05B:UN'UNT+2+1'UNZ+1+1'\r\nSent 14 March 2025.\r\n";

        var file = Edi.File(text);

        Assert.Single(file.Messages);
        Assert.Equal(["junk-before-interchange", "junk-after-interchange"], Edi.Codes(file));
        Assert.Equal([0L, text.IndexOf("Sent", StringComparison.Ordinal)], file.Diagnostics.Select(d => d.Offset));
        Assert.Equal([1, 3], file.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Segment_outside_a_message_is_reported()
    {
        var file = Edi.File("UNB+UNOA:4+S+R+250314:0930+1'BGM+745'UNZ+0+1'");

        Assert.Equal(["segment-outside-message"], Edi.Codes(file));
    }

    [Fact]
    public void Several_interchanges_each_with_its_own_una()
    {
        var text =
            "UNA:+.? 'UNB+UNOA:4+A*B+R+250314:0930+1'UNH+1+PAXLST:D:05B:UN'FTX+X*Y'UNT+3+1'UNZ+1+1'\n"
            + "UNA:*.? $UNB*UNOA:4*C*R*250314:0930*2$UNH*1*PAXLST:D:05B:UN$FTX*X+Y$UNT*3*1$UNZ*1*2$\n"
            + "UNA:-.\\*'UNB-IATA:1-D-R-250314:0930-3'UNH-1-PNRGOV:11:1:IA'UNT-2-1'UNZ-1-3'";

        var file = Edi.File(text);

        Assert.Empty(Edi.AllDiagnostics(file));
        Assert.Equal(["A*B", "C", "D"], file.Interchanges.Select(i => i.Sender));
        Assert.Equal(["PAXLST", "PAXLST", "PNRGOV"], file.Messages.Select(m => m.Type));
        Assert.Equal([new Rune('+'), new Rune('*'), new Rune('-')], file.Interchanges.Select(i => i.Service.Element));
        var second = file.Messages[1].OpenBody();
        Assert.True(second.Read());
        Assert.Equal("X+Y", second.Segment.Text(0));
    }

    [Fact]
    public void Interchange_without_una_after_one_with_exotic_separators_uses_defaults()
    {
        var text =
            "UNA:*.? $UNB*UNOA:4*C*R*250314:0930*1$UNH*1*PAXLST:D:05B:UN$UNT*2*1$UNZ*1*1$\n"
            + "UNB+UNOA:4+S+R+250314:0930+2'UNH+1+PAXLST:D:05B:UN'UNT+2+1'UNZ+1+2'";

        var file = Edi.File(text);

        Assert.Empty(Edi.AllDiagnostics(file));
        Assert.Equal(["C", "S"], file.Interchanges.Select(i => i.Sender));
        Assert.Same(ServiceCharacters.Syntax4Default, file.Interchanges[1].Service);
        Assert.Equal(2, file.Messages.Count);
    }

    [Fact]
    public void Interchange_after_a_utf8_one_starts_from_the_default_repertoire()
    {
        var text = "UNB+UNOW:4+S+R+250314:0930+1'UNZ+0+1'UNH+1+PAXLST:D:05B:UN'FTX+\u00e9'UNT+3+1'";

        var file = Edi.File(text);

        Assert.Same(EdifactCharset.Default, file.Interchanges[1].Charset);
    }
}
