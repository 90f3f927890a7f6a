using System.Text;

namespace Vigil.Edifact.Tests;

public class CharsetTests
{
    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    [Fact]
    public void Unoa_with_a_high_byte_warns_once_at_its_offset()
    {
        var data = Concat(Edi.Bytes("UNB+UNOA:4+S'NAD+FL+++M"), [0xDC], Edi.Bytes("LLER'UNZ+0+1'"));
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments(data, diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal("charset-violation", warning.Code);
        Assert.Equal(23, warning.Offset);
        Assert.Equal(1, warning.Segment);
        Assert.Equal("M\u00dcLLER", segments[1][3]);
    }

    [Fact]
    public void Unoa_with_lower_case_is_accepted_and_kept()
    {
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments("UNB+UNOA:4+S'COM+jane.doe?+vip@example.com:EM'", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("jane.doe+vip@example.com", segments[1][0]);
    }

    [Fact]
    public void Unoa_with_utf8_text_decodes_it()
    {
        var segments = Edi.Segments("UNB+UNOA:4+S'NAD+FL+++M\u00dcLLER'");

        Assert.Equal("M\u00dcLLER", segments[1][3]);
    }

    [Fact]
    public void Unoc_is_latin1()
    {
        var data = Concat(Edi.Bytes("UNB+UNOC:4+S'NAD+FL+++"), Encoding.Latin1.GetBytes("J\u00d6RG:\u00c7ELIK\u00df'"));
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments(data, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["J\u00d6RG", "\u00c7ELIK\u00df"], segments[1].Elements[3][0]);
    }

    [Fact]
    public void Unow_decodes_arabic_and_cyrillic()
    {
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments("UNB+UNOW:4+S'NAD+FL+++\u0645\u062d\u0645\u062f:\u0418\u0432\u0430\u043d'", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["\u0645\u062d\u0645\u062f", "\u0418\u0432\u0430\u043d"], segments[1].Elements[3][0]);
    }

    [Fact]
    public void Unow_invalid_utf8_is_reported_and_replaced()
    {
        var data = Concat(Edi.Bytes("UNB+UNOW:4+S'NAD+FL+++AB"), [0xC3, 0x28], Edi.Bytes("'"));
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments(data, diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal("charset-violation", warning.Code);
        Assert.Equal(24, warning.Offset);
        Assert.Equal("AB\ufffd(", segments[1][3]);
    }

    [Fact]
    public void Unoe_is_cyrillic_8859_5()
    {
        var cyrillic = Encoding.GetEncoding("iso-8859-5").GetBytes("\u0418\u0412\u0410\u041d\u041e\u0412");
        var data = Concat(Edi.Bytes("UNB+UNOE:4+S'NAD+FL+++"), cyrillic, Edi.Bytes("'"));

        var segments = Edi.Segments(data);

        Assert.Equal(0xB8, cyrillic[0]);
        Assert.Equal("\u0418\u0412\u0410\u041d\u041e\u0412", segments[1][3]);
    }

    [Fact]
    public void Unknown_syntax_identifier_is_reported_and_read_as_unoa()
    {
        var file = Edi.File("UNB+XXXX:4+S+R+250314:0930+1'UNH+1+PAXLST:D:05B:UN'UNT+2+1'UNZ+1+1'");

        var warning = Assert.Single(Edi.AllDiagnostics(file));
        Assert.Equal("unknown-charset", warning.Code);
        Assert.Equal(0, warning.Offset);
        Assert.Same(EdifactCharset.Default, file.Interchanges[0].Charset);
        Assert.Single(file.Messages);
    }

    [Theory]
    [InlineData("UNOA", "UNOA")]
    [InlineData("unoy", "UNOY")]
    [InlineData(" IATA ", "IATA")]
    public void Syntax_identifiers_are_looked_up_leniently(string id, string expected) =>
        Assert.Equal(expected, EdifactCharset.FromSyntaxIdentifier(id)?.Id);
}
