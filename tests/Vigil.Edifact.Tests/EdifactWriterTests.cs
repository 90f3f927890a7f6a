using System.Text;

namespace Vigil.Edifact.Tests;

public class EdifactWriterTests
{
    private static readonly ServiceCharacters CurlyQuote = new(':', '+', '.', '?', '*', '\u2019');

    private static EdifactCharset Charset(string id) => EdifactCharset.FromSyntaxIdentifier(id)!;

    [Fact]
    public void Trailing_empty_elements_and_components_are_omitted_middle_ones_kept()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default);

        writer.Segment("NAD", ["FL"], [], [null], ["", "DOE", "", "JANE", "", null], [], [""]);
        writer.Segment("SRC");
        writer.Segment("FTX", ["A", ""], ["B"]);

        Assert.Equal("NAD+FL+++:DOE::JANE'SRC'FTX+A+B'", writer.ToString());
        Assert.Equal(3, writer.SegmentCount);
    }

    [Fact]
    public void Every_service_character_in_a_value_is_released()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default);

        writer.Segment("FTX", ["O'NEIL+A:B?C*D.E"]);

        Assert.Equal("FTX+O?'NEIL?+A?:B??C?*D.E'", writer.ToString());
    }

    [Fact]
    public void Repetition_character_is_data_when_none_is_declared()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax3Default);

        writer.Segment("UNB", ["UNOA", "3"], ["APIS*ABE"]);

        Assert.Equal("UNB+UNOA:3+APIS*ABE'", writer.ToString());
    }

    [Fact]
    public void Repetitions_and_their_components()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default);

        writer.BeginSegment("ATT");
        writer.AddElement("2");
        writer.AddElement();
        writer.AddElement("M");
        writer.AddComponent("");
        writer.AddRepetition("F");
        writer.AddComponent("X");
        writer.AddComponent(null);
        writer.AddRepetition(null);
        writer.AddElement(null);
        writer.EndSegment();

        Assert.Equal("ATT+2++M*F:X*'", writer.ToString());
    }

    [Fact]
    public void Repetition_without_a_declared_separator_throws()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax3Default);
        writer.BeginSegment("ATT");
        writer.AddElement("M");

        Assert.Throws<InvalidOperationException>(() => writer.AddRepetition("F"));
    }

    [Theory]
    [InlineData("UNA:+.? '", ':', '+', '.', '?', null, '\'')]
    [InlineData("UNA:+.?*'", ':', '+', '.', '?', '*', '\'')]
    [InlineData("UNA:*.? $", ':', '*', '.', '?', null, '$')]
    [InlineData("UNA:-,\\*'", ':', '-', ',', '\\', '*', '\'')]
    public void Service_string_advice_declares_the_characters(string expected, char component, char element, char mark, char release, char? repetition, char terminator)
    {
        var writer = new EdifactWriter(new ServiceCharacters(component, element, mark, release, repetition, terminator), segmentSuffix: "\n");

        writer.WriteServiceStringAdvice();

        Assert.Equal(expected + "\n", writer.ToString());
        Assert.Equal(0, writer.SegmentCount);
    }

    [Fact]
    public void Suffix_follows_every_terminator_and_the_reader_skips_it()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default, segmentSuffix: "\r\n");
        writer.WriteServiceStringAdvice();
        writer.Segment("UNB", ["UNOA", "4"], ["S"]);
        writer.Segment("BGM", ["745"]);

        Assert.Equal("UNA:+.?*'\r\nUNB+UNOA:4+S'\r\nBGM+745'\r\n", writer.ToString());
        var segments = Edi.Segments(writer.WrittenSpan);
        Assert.Equal([(2, 11L), (3, 26L)], segments.Select(s => (s.Line, s.Offset)));
    }

    [Fact]
    public void Typographic_terminator_releases_both_quotes_as_utf8()
    {
        var writer = new EdifactWriter(CurlyQuote, Charset("UNOW"));
        writer.WriteServiceStringAdvice();
        writer.Segment("FTX", ["O'NEIL \u2019X\u2018"]);

        Assert.Equal("UNA:+.?*\u2019FTX+O?'NEIL ?\u2019X\u2018\u2019", writer.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(writer.ToString()), writer.ToArray());
    }

    [Fact]
    public void Unoc_writes_latin1_bytes()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default, Charset("UNOC"));

        writer.Segment("NAD", ["FL"], [], [], ["M\u00dcLLER"]);

        Assert.Equal([.. "NAD+FL+++M"u8, 0xDC, .. "LLER'"u8], writer.ToArray());
        Assert.Equal("NAD+FL+++M\u00dcLLER'", writer.ToString());
    }

    [Fact]
    public void Unoc_refuses_a_character_it_cannot_hold()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default, Charset("UNOC"));
        writer.BeginSegment("NAD");

        Assert.Throws<EncoderFallbackException>(() => writer.AddElement("\u0418\u0432\u0430\u043d"));
    }

    [Fact]
    public void Lone_surrogate_is_refused_not_replaced()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default, Charset("UNOW"));
        writer.BeginSegment("FTX");

        Assert.Throws<EncoderFallbackException>(() => writer.AddElement("A\ud800B"));
    }

    [Fact]
    public void Seven_bit_charset_keeps_non_ascii_text_as_utf8()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default);
        writer.Segment("UNB", ["UNOA", "4"], ["S"]);
        writer.Segment("NAD", ["FL"], [], [], ["\u0418\u0412\u0410\u041d", "M\u00dcLLER"]);

        Assert.Equal("NAD+FL+++\u0418\u0412\u0410\u041d:M\u00dcLLER'", Encoding.UTF8.GetString(writer.WrittenSpan[13..]));
        Assert.Equal(["\u0418\u0412\u0410\u041d", "M\u00dcLLER"], Edi.Segments(writer.WrittenSpan)[1].Elements[3][0]);
    }

    [Fact]
    public void Long_values_are_escaped_like_short_ones()
    {
        var value = string.Concat(Enumerable.Repeat("AB+'\u0416", 300));
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default, Charset("UNOW"));
        writer.Segment("UNB", ["UNOW", "4"]);
        writer.Segment("FTX", [value]);

        Assert.Equal(value, Edi.Segments(writer.WrittenSpan)[1][0]);
    }

    [Fact]
    public void Calls_out_of_order_throw()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default);

        Assert.Throws<InvalidOperationException>(() => writer.AddElement("A"));
        Assert.Throws<InvalidOperationException>(() => writer.EndSegment());
        writer.BeginSegment("FTX");
        Assert.Throws<InvalidOperationException>(() => writer.AddComponent("A"));
        Assert.Throws<InvalidOperationException>(() => writer.BeginSegment("BGM"));
        Assert.Throws<InvalidOperationException>(() => writer.WriteServiceStringAdvice());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftx")]
    [InlineData("FTXX")]
    [InlineData("F+X")]
    [InlineData("UNA")]
    public void Invalid_tags_are_refused(string tag) =>
        Assert.Throws<ArgumentException>(() => new EdifactWriter(ServiceCharacters.Syntax4Default).BeginSegment(tag));

    [Fact]
    public void Written_envelope_reads_back_without_findings()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default, segmentSuffix: "\n");
        writer.WriteServiceStringAdvice();
        writer.Segment("UNB", ["UNOA", "4"], ["XYAIR"], ["VIGILPIU"], ["250314", "0930"], ["A1"]);
        var first = writer.SegmentCount;
        writer.Segment("UNH", ["M1"], ["CUSRES", "D", "05B", "UN", "IATA"], ["XY512/250314"]);
        writer.Segment("BGM", ["962"]);
        writer.Segment("UNT", [(writer.SegmentCount - first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], ["M1"]);
        writer.Segment("UNZ", ["1"], ["A1"]);

        var file = EdifactFile.Read(writer.WrittenMemory);

        Assert.Empty(Edi.AllDiagnostics(file));
        Assert.Equal(("CUSRES", "XY512/250314", 3), (file.Messages[0].Type, file.Messages[0].CommonAccessReference, file.Messages[0].SegmentCount));
    }
}
