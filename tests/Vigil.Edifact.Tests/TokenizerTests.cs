namespace Vigil.Edifact.Tests;

public class TokenizerTests
{
    [Theory]
    [InlineData("FTX+A?'B'", "A'B")]
    [InlineData("FTX+JOHN?+DOE@MAIL'", "JOHN+DOE@MAIL")]
    [InlineData("FTX+A?:B'", "A:B")]
    [InlineData("FTX+A??B'", "A?B")]
    [InlineData("FTX+A?*B'", "A*B")]
    [InlineData("FTX+??'", "?")]
    public void Release_character_makes_the_next_character_literal(string segment, string expected)
    {
        var segments = Edi.Segments("UNB+UNOA:4+S'" + segment);

        Assert.Equal(2, segments.Count);
        Assert.Equal(expected, segments[1][0]);
        Assert.Single(segments[1].Elements[0]);
        Assert.Single(segments[1].Elements[0][0]);
    }

    [Fact]
    public void Escaped_separator_does_not_split_but_the_next_one_does()
    {
        var segments = Edi.Segments("UNB+UNOA:4+S'FTX+A?:B:C+D'");

        Assert.Equal(["A:B", "C"], segments[1].Elements[0][0]);
        Assert.Equal("D", segments[1][1]);
    }

    [Fact]
    public void Repetitions_only_when_declared()
    {
        var declared = Edi.Segments("UNA:+.?*'UNB+UNOA:4+S'ATT+2++M*M*M'")[1];
        var undeclared = Edi.Segments("UNA:+.? 'UNB+UNOA:4+S'ATT+2++M*M*M'")[1];

        Assert.Equal(3, declared.Elements[2].Length);
        Assert.All(declared.Elements[2], r => Assert.Equal(["M"], r));
        Assert.Equal([["M*M*M"]], undeclared.Elements[2]);
    }

    [Fact]
    public void Repetitions_carry_their_own_components()
    {
        var segment = Edi.Segments("UNB+UNOA:4+S'SSR+A:1*B:2:X*'")[1];

        Assert.Equal([["A", "1"], ["B", "2", "X"], [""]], segment.Elements[0]);
    }

    [Fact]
    public void Empty_elements_in_the_middle_and_bare_tags()
    {
        var segments = Edi.Segments("UNB+UNOA:4+S'NAD+FL+++DOE:JANE'SRC'");

        Assert.Equal(4, segments[1].Elements.Length);
        Assert.Equal("", segments[1][1]);
        Assert.Equal("", segments[1][2]);
        Assert.Equal(["DOE", "JANE"], segments[1].Elements[3][0]);
        Assert.Equal("SRC", segments[2].Tag);
        Assert.Empty(segments[2].Elements);
    }

    [Fact]
    public void Accessors_past_the_end_are_empty()
    {
        var reader = new EdifactReader(Edi.Bytes("UNB+UNOA:4+S'NAD+FL'"));
        reader.Read();
        reader.Read();
        var segment = reader.Segment;

        Assert.True(segment.Element(5).IsEmpty);
        Assert.True(segment.Element(0).Component(3).IsEmpty);
        Assert.True(segment.Element(0).Repetition(2).IsEmpty);
        Assert.Null(segment.Text(0, 1));
        Assert.Equal("FL", segment.Text(0));
        Assert.Equal("NAD+FL", segment.ToString());
    }

    [Theory]
    [InlineData("UNA:+.?*'UNB+UNOA:4+S'NAD+FL+?+A:B?:C*D:E++X:?*:'FTX+++?'+A??:B?::*C'SRC'TVL+:::+++'")]
    [InlineData("UNA:+.? 'UNB+UNOA:4+S'NAD+FL+?+A:B?:C*D:E++X:?*:'FTX+++?'+A??:B?::*C'SRC'TVL+:::+++'")]
    [InlineData("UNA:+.?*\u2019UNB+UNOY:4+S\u2019NAD+FL+?+A:B?:C*D:E++X:?*:\u2019FTX+++?\u2019+A??:B?::*C\u2019SRC\u2019")]
    public void Indexed_access_agrees_with_the_enumerators(string text)
    {
        var reader = new EdifactReader(Edi.Bytes(text));
        var checkedSegments = 0;
        while (reader.Read())
        {
            var segment = reader.Segment;
            var index = 0;
            foreach (var element in segment.Elements)
            {
                Assert.True(segment.Element(index).Raw.SequenceEqual(element.Raw), $"{segment.TagText} element {index}");
                var components = 0;
                foreach (var component in element.Repetition(0).Components)
                {
                    Assert.True(element.Component(components).Raw.SequenceEqual(component.Raw), $"{segment.TagText} element {index} component {components}");
                    components++;
                }

                Assert.True(element.Component(components).IsEmpty);
                Assert.True(element.Component(-1).IsEmpty);
                index++;
            }

            Assert.True(segment.Element(index).IsEmpty);
            Assert.True(segment.Element(-1).IsEmpty);
            checkedSegments++;
        }

        Assert.True(checkedSegments >= 4);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Line_endings_number_lines_and_are_not_data(string newline)
    {
        var text = string.Join(newline, "UNB+UNOA:4+S'", "BGM+745'", "", "NAD+MS+++SMITH'", "UNZ+0+1'");

        var segments = Edi.Segments(text);

        Assert.Equal(["UNB", "BGM", "NAD", "UNZ"], segments.Select(s => s.Tag));
        Assert.Equal([1, 2, 4, 5], segments.Select(s => s.Line));
        Assert.Equal([0, 1, 2, 3], segments.Select(s => s.Index));
        Assert.Equal(text.IndexOf("NAD", StringComparison.Ordinal), segments[2].Offset);
        Assert.Equal("SMITH", segments[2][3]);
    }

    [Fact]
    public void Crlf_split_across_terminator_and_whitespace_counts_once()
    {
        var segments = Edi.Segments("UNB+UNOA:4+S'\r\n\r\nBGM+745'\rNAD'\n\nLOC'");

        Assert.Equal([1, 3, 4, 6], segments.Select(s => s.Line));
    }

    [Fact]
    public void Indentation_and_several_segments_on_one_line()
    {
        var text = "  UNB+UNOA:4+S'\n\t BGM+745'RFF+TN:ABC'  DTM+189:0702191540:201'\n    LOC+92+ATL'";

        var segments = Edi.Segments(text);

        Assert.Equal(["UNB", "BGM", "RFF", "DTM", "LOC"], segments.Select(s => s.Tag));
        Assert.Equal([1, 2, 2, 2, 3], segments.Select(s => s.Line));
        Assert.Equal([2, 18, 26, 39, 67], segments.Select(s => s.Offset));
        Assert.All(segments, s => Assert.Equal(s.Tag, text.Substring((int)s.Offset, 3)));
    }

    [Fact]
    public void Line_breaks_folding_a_segment_are_not_data_but_move_the_line_count()
    {
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments("UNB+UNOA:4+S'UNH+1+PNRGOV:11:1:IA+AB\n28'MSG+:22'", diagnostics);

        Assert.Equal("AB28", segments[1][2]);
        Assert.Equal(2, segments[2].Line);
        var fold = Assert.Single(diagnostics);
        Assert.Equal(("line-break-in-segment", 1), (fold.Code, fold.Segment));
    }

    [Fact]
    public void A_released_line_break_is_data()
    {
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments("UNB+UNOA:4+S'FTX+AAA+++ONE?\nTWO'", diagnostics);

        Assert.Equal("ONE\nTWO", segments[1][3]);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Missing_terminator_at_the_end_is_read_and_reported()
    {
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments("UNB+UNOA:4+S'UNZ+1+REF  \n", diagnostics);

        Assert.Equal("REF", segments[1][1]);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("missing-terminator", warning.Code);
        Assert.Equal(1, warning.Segment);
        Assert.Equal(13, warning.Offset);
    }

    [Fact]
    public void Malformed_tag_is_reported_and_passed_on()
    {
        var diagnostics = new List<Diagnostic>();

        var segments = Edi.Segments("UNB+UNOA:4+S'Bgm+745'", diagnostics);

        Assert.Equal("Bgm", segments[1].Tag);
        Assert.Equal("malformed-tag", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Reader_resumes_from_a_saved_state()
    {
        var data = Edi.Bytes("UNA:*.? $UNB*UNOA:4*S$BGM*745$NAD*MS$");
        var first = new EdifactReader(data);
        first.Read();
        first.Read();
        var state = first.State;

        var second = new EdifactReader(data, state);
        Assert.True(second.Read());
        Assert.Equal("NAD", second.Segment.TagText);
        Assert.Equal(2, second.Segment.Index);
        Assert.Equal("MS", second.Segment.Text(0));
        Assert.False(second.Read());
    }
}
