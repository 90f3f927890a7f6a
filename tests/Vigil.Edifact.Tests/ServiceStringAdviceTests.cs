using System.Text;

namespace Vigil.Edifact.Tests;

public class ServiceStringAdviceTests
{
    [Fact]
    public void Without_una_syntax_4_repeats_with_asterisk()
    {
        var segments = Edi.Segments("UNB+UNOA:4+S+R+250314:0930+1'ATT+2++M*F'");

        Assert.Equal(["M", "F"], segments[1].Elements[2].Select(r => r[0]));
    }

    [Fact]
    public void Without_una_syntax_3_has_no_repetition()
    {
        var segments = Edi.Segments("UNB+UNOA:3+S+R+250314:0930+1'ATT+2++M*F'");

        Assert.Equal("M*F", segments[1][2]);
        Assert.Single(segments[1].Elements[2]);
    }

    [Fact]
    public void Iata_syntax_has_no_repetition()
    {
        var segments = Edi.Segments("UNB+IATA:1+S+R+250314:0930+1'IFT+4:28+A*B'");

        Assert.Equal("A*B", segments[1][1]);
    }

    [Fact]
    public void Interchange_records_whether_it_had_una_and_which_service_characters_apply()
    {
        var withUna = Edi.File("UNA:+.? 'UNB+UNOA:4+S+R+250314:0930+1'UNZ+0+1'").Interchanges[0];
        var without = Edi.File("UNB+UNOA:4+S+R+250314:0930+1'UNZ+0+1'").Interchanges[0];

        Assert.True(withUna.HasServiceStringAdvice);
        Assert.Null(withUna.Service.Repetition);
        Assert.False(without.HasServiceStringAdvice);
        Assert.Equal(new Rune('*'), without.Service.Repetition);
    }

    [Fact]
    public void Space_at_position_8_turns_repetition_off_even_under_syntax_4()
    {
        var file = Edi.File("UNA:+.? 'UNB+UNOA:4+APIS*ABE+USADHS+080708:0545+1'UNZ+0+1'");

        Assert.Equal("APIS*ABE", file.Interchanges[0].Sender);
        Assert.Empty(Edi.AllDiagnostics(file));
    }

    [Fact]
    public void Element_separator_asterisk_and_terminator_dollar()
    {
        var segments = Edi.Segments("UNA:*.? $UNB*UNOA:4*S*R*250314:0930*1$NAD*FL***DOE:JANE$");

        Assert.Equal(["UNB", "NAD"], segments.Select(s => s.Tag));
        Assert.Equal("FL", segments[1][0]);
        Assert.Equal(["DOE", "JANE"], segments[1].Elements[3][0]);
        Assert.Equal("O'CONNOR+1", Edi.Segments("UNA:*.? $UNB*UNOA:4*S$FTX*O'CONNOR+1$")[1][0]);
    }

    [Fact]
    public void Element_separator_dash_and_terminator_asterisk()
    {
        var segments = Edi.Segments("UNA:-.? *UNB-IATA:1-S-R*TVL-121210:0915-LHR-JFK*");

        Assert.Equal(["121210", "0915"], segments[1].Elements[0][0]);
        Assert.Equal("JFK", segments[1][2]);
    }

    [Fact]
    public void Backslash_release_character()
    {
        var segments = Edi.Segments(@"UNA:+.\*'UNB+IATA:1+S'IFT+4:28+A\+B\'C\\D\*E\:F'");

        Assert.Equal(@"A+B'C\D*E:F", segments[1][1]);
    }

    [Fact]
    public void Typographic_quote_terminator_also_accepts_a_plain_apostrophe_with_one_warning()
    {
        var diagnostics = new List<Diagnostic>();
        var segments = Edi.Segments("UNA:+.? \u2019UNB+UNOA:4+S\u2019BGM+745'NAD+MS\u2019LOC+92+MIA'UNZ+0+1\u2019", diagnostics);

        Assert.Equal(["UNB", "BGM", "NAD", "LOC", "UNZ"], segments.Select(s => s.Tag));
        Assert.Equal("MIA", segments[3][1]);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("alternate-terminator", warning.Code);
        Assert.Equal(1, warning.Segment);
        Assert.Equal(Edi.Bytes("UNA:+.? \u2019UNB+UNOA:4+S\u2019BGM+745").Length, warning.Offset);
    }

    [Fact]
    public void Typographic_quote_terminator_alone_gives_no_warning()
    {
        var diagnostics = new List<Diagnostic>();
        var segments = Edi.Segments("UNA:+.? \u2019UNB+UNOW:4+S\u2019FTX+O?'NEIL \u2018X\u2019", diagnostics);

        Assert.Equal("O'NEIL \u2018X", segments[1][0]);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Single_byte_typographic_quote_terminator_is_u2019_and_accepts_apostrophes()
    {
        byte[] data = [.. "UNA:+.? "u8, 0x92, .. "UNB+UNOC:4+S"u8, 0x92, .. "BGM+745'NAD+MS"u8, 0x92];
        var diagnostics = new List<Diagnostic>();
        var reader = new EdifactReader(data, diagnostics);

        var tags = new List<string>();
        while (reader.Read())
        {
            tags.Add(reader.Segment.TagText);
        }

        Assert.Equal(["UNB", "BGM", "NAD"], tags);
        Assert.Equal(new Rune('\u2019'), reader.Service.Terminator);
        Assert.Equal(["alternate-terminator"], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Short_una_is_reported_and_defaults_of_the_syntax_version_apply()
    {
        var file = Edi.File("UNA:+\\*'UNB+UNOA:4+S+R+250314:0930+1'UNH+1+PAXLST:D:05B:UN'ATT+2++M*F'UNT+3+1'UNZ+1+1'");

        var warning = Assert.Single(Edi.AllDiagnostics(file));
        Assert.Equal("una-malformed", warning.Code);
        Assert.Equal(0, warning.Offset);
        Assert.False(file.Interchanges[0].HasServiceStringAdvice);
        Assert.Same(ServiceCharacters.Syntax4Default, file.Interchanges[0].Service);
        Assert.Equal("PAXLST", file.Messages[0].Type);
        Assert.True(file.Messages[0].Terminated);
    }

    [Fact]
    public void Una_at_end_of_input_is_malformed_not_a_crash()
    {
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments("UNA:+", diagnostics);

        Assert.Empty(segments);
        Assert.Equal("una-malformed", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Una_is_not_counted_as_a_segment()
    {
        var segments = Edi.Segments("UNA:+.? 'UNB+UNOA:4+S'");

        Assert.Equal(0, segments[0].Index);
        Assert.Equal(9, segments[0].Offset);
    }
}
