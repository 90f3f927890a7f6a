using System.Text.Json;
using CsCheck;

namespace Vigil.Edifact.Tests;

/// <summary>Whatever the writer writes, the reader reads back element by element, repetition by repetition.</summary>
public class RoundTripTests
{
    private static readonly (string Name, ServiceCharacters Service)[] ServiceSets =
    [
        ("syntax 4", ServiceCharacters.Syntax4Default),
        ("syntax 3", ServiceCharacters.Syntax3Default),
        ("UNA:*.? $", new ServiceCharacters(':', '*', '.', '?', null, '$')),
        ("UNA:-.? *", new ServiceCharacters(':', '-', '.', '?', null, '*')),
        ("UNA:+.\\*'", new ServiceCharacters(':', '+', '.', '\\', '*', '\'')),
        ("UNA:+.?*\u2019", new ServiceCharacters(':', '+', '.', '?', '*', '\u2019')),
        ("UNA\u00a6+,?\u00b7'", new ServiceCharacters('\u00a6', '+', ',', '?', '\u00b7', '\'')),
    ];

    private static readonly string[] CharsetIds = ["UNOA", "UNOW", "UNOC"];

    private static readonly string[] Pieces =
    [
        "A", "z", "0", " ", ".", ",", "@", ":", "+", "?", "*", "'", "$", "-", "\\", "\u2019", "\u2018", "\u00a6", "\u00b7",
        "\r", "\n", "\r\n", "UNA", "UNZ", "\u00e9", "\u00df", "\u00ff", "\u00c2", "\u0416", "\u0645", "\ud83d\ude00",
    ];

    private static readonly string[] Tags = ["BGM", "NAD", "FTX", "SSR", "TIF"];

    private static readonly string[] Suffixes = ["", "\n", "\r\n", "\r"];

    public sealed record Case(int ServiceSet, int CharsetIndex, string Suffix, (string Tag, string[][][] Elements)[] Segments)
    {
        public override string ToString() =>
            $"{ServiceSets[ServiceSet].Name} {CharsetIds[CharsetIndex]} suffix {JsonSerializer.Serialize(Suffix)}: "
            + JsonSerializer.Serialize(Segments.Select(s => new { s.Tag, s.Elements }));
    }

    private static Gen<Case> Cases =>
        Gen.SelectMany(Gen.Int[0, ServiceSets.Length - 1], Gen.Int[0, CharsetIds.Length - 1], (set, charset) =>
            Gen.Select(Gen.OneOf(Suffixes), SegmentsFor(set, charset), (suffix, segments) => new Case(set, charset, suffix, segments)));

    private static Gen<(string, string[][][])[]> SegmentsFor(int set, int charset)
    {
        // Latin-1 holds none of the wider characters; the writer refuses them rather than lose them.
        var pieces = CharsetIds[charset] == "UNOC" ? [.. Pieces.Where(p => p.All(c => c <= '\u00ff'))] : Pieces;
        var text = Gen.OneOf(pieces).Array[0, 4].Select(p => string.Concat(p));
        var repetitions = ServiceSets[set].Service.Repetition is null ? 1 : 3;
        var element = text.Array[1, 4].Array[1, repetitions];
        var segment = Gen.Select(Gen.OneOf(Tags), element.Array[0, 5], (tag, elements) => (tag, elements));
        return segment.Array[1, 6];
    }

    [Fact]
    public void Writing_then_reading_reproduces_every_value() =>
        Cases.Sample(AssertRoundTrip, iter: 3000, print: c => c.ToString());

    private static void AssertRoundTrip(Case c)
    {
        var charset = EdifactCharset.FromSyntaxIdentifier(CharsetIds[c.CharsetIndex])!;
        var writer = new EdifactWriter(ServiceSets[c.ServiceSet].Service, charset, c.Suffix);
        writer.WriteServiceStringAdvice();
        writer.Segment("UNB", [charset.Id, "4"], ["SENDER"]);
        foreach (var (tag, elements) in c.Segments)
        {
            Write(writer, tag, elements);
        }

        var diagnostics = new List<Diagnostic>();
        var read = Edi.Segments(writer.WrittenSpan, diagnostics);

        Assert.Equal(c.Segments.Length + 1, writer.SegmentCount);
        Assert.Equal(c.Segments.Length + 1, read.Count);
        Assert.All(diagnostics, d => Assert.Equal("charset-violation", d.Code));
        for (var i = 0; i < c.Segments.Length; i++)
        {
            Assert.Equal(c.Segments[i].Tag, read[i + 1].Tag);
            Assert.Equal(i + 1, read[i + 1].Index);
            Assert.Equal(WithoutTrailingEmpties(c.Segments[i].Elements), read[i + 1].Elements);
        }
    }

    private static void Write(EdifactWriter writer, string tag, string[][][] elements)
    {
        writer.BeginSegment(tag);
        foreach (var repetitions in elements)
        {
            for (var r = 0; r < repetitions.Length; r++)
            {
                if (r == 0)
                {
                    writer.AddElement(repetitions[r][0]);
                }
                else
                {
                    writer.AddRepetition(repetitions[r][0]);
                }

                foreach (var component in repetitions[r].Skip(1))
                {
                    writer.AddComponent(component);
                }
            }
        }

        writer.EndSegment();
    }

    /// <summary>What ISO 9735 leaves of a segment: no trailing empty components, no trailing empty elements.</summary>
    private static string[][][] WithoutTrailingEmpties(string[][][] elements)
    {
        var trimmed = elements.Select(e => e.Select(TrimComponents).ToArray()).ToList();
        while (trimmed.Count > 0 && trimmed[^1] is [[""]])
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        return [.. trimmed];
    }

    private static string[] TrimComponents(string[] components)
    {
        var length = components.Length;
        while (length > 1 && components[length - 1].Length == 0)
        {
            length--;
        }

        return components[..length];
    }
}
