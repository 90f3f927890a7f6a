using Vigil.Edifact;
using Vigil.Travel.Synthetic;

namespace Vigil.Travel.Tests.Synthetic;

/// <summary>Names full of service characters survive the writer and the reader in every layout the generator uses.</summary>
public class EscapingTests
{
    private static readonly string[] AwkwardNames =
    [
        "O'BRIEN", "D'ANGELO+ROSSI", "WHO?", "AL-RASHID", "A:B", "STAR*NAME", "DOLLAR$SIGN", "BACK\\SLASH", "??''++::",
        "MÜLLER-LÜDENSCHEIDT", "’QUOTE’",
    ];

    public static TheoryData<string> LayoutNames() => new(PaxlstLayout.All.Select(l => l.Name));

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void Awkward_names_read_back_unchanged(string layoutName)
    {
        var layout = PaxlstLayout.All.Single(l => l.Name == layoutName).WithUtf8();
        var writer = new EdifactWriter(layout.Service, EdifactCharset.FromSyntaxIdentifier("UNOW"), layout.SegmentSuffix);
        if (layout.WritesServiceStringAdvice)
        {
            writer.WriteServiceStringAdvice();
        }

        writer.Segment("UNB", ["UNOW", "4"], ["SENDER"], ["RECIPIENT"], ["250314", "0930"], ["1"]);
        writer.Segment("UNH", ["1"], ["PAXLST", "D", "05B", "UN", "IATA"]);
        foreach (var name in AwkwardNames)
        {
            writer.Segment("NAD", ["FL"], [], [], [name, name, null]);
        }

        writer.Segment("UNT", [(AwkwardNames.Length + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)], ["1"]);
        writer.Segment("UNZ", ["1"], ["1"]);

        var file = EdifactFile.Read(writer.ToArray());

        Assert.Empty(file.Diagnostics);
        var message = Assert.Single(file.Messages);
        Assert.Empty(message.Diagnostics);
        var people = ReadBack.People(message);
        Assert.Equal(AwkwardNames, people.Select(p => p.Surname));
        Assert.Equal(AwkwardNames, people.Select(p => p.Given));
    }

    [Fact]
    public void Trailing_empty_elements_and_components_are_left_out()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default);

        writer.Segment("NAD", ["FL"], [], [], ["DOE", "JANE", null, ""], [], [null]);
        writer.Segment("SRC");

        Assert.Equal("NAD+FL+++DOE:JANE'SRC'"u8.ToArray(), writer.ToArray());
        Assert.Equal(2, writer.SegmentCount);
    }

    [Fact]
    public void Repetitions_use_the_repetition_separator()
    {
        var writer = new EdifactWriter(ServiceCharacters.Syntax4Default, segmentSuffix: "\n");

        writer.WriteServiceStringAdvice();
        writer.BeginSegment("ATT");
        writer.AddElement("2");
        writer.AddElement();
        writer.AddElement("M");
        writer.AddRepetition("M");
        writer.AddComponent("X*Y");
        writer.EndSegment();

        Assert.Equal("UNA:+.?*'\nATT+2++M*M:X?*Y'\n"u8.ToArray(), writer.WrittenSpan.ToArray());
    }
}
