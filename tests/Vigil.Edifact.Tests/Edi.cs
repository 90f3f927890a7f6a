using System.Text;

namespace Vigil.Edifact.Tests;

/// <summary>
/// A segment copied out of the reader, so tests can compare structures after the span is gone. Elements are
/// element → repetition → component, release characters removed.
/// </summary>
internal sealed record ReadSegment(string Tag, int Index, long Offset, int Line, string[][][] Elements)
{
    /// <summary>Component <paramref name="component"/> of the first repetition of element <paramref name="element"/>.</summary>
    public string this[int element, int component = 0] => Elements[element][0][component];
}

/// <summary>Reads test input the way production code does and flattens the result for assertions.</summary>
internal static class Edi
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static List<ReadSegment> Segments(string text, List<Diagnostic>? diagnostics = null) =>
        Segments(Bytes(text), diagnostics);

    public static List<ReadSegment> Segments(ReadOnlySpan<byte> data, List<Diagnostic>? diagnostics = null)
    {
        var segments = new List<ReadSegment>();
        var reader = new EdifactReader(data, diagnostics);
        while (reader.Read())
        {
            segments.Add(Copy(reader.Segment));
        }

        return segments;
    }

    public static ReadSegment Copy(EdifactSegment segment)
    {
        var elements = new List<string[][]>();
        foreach (var element in segment.Elements)
        {
            var repetitions = new string[element.RepetitionCount][];
            for (var r = 0; r < repetitions.Length; r++)
            {
                var repetition = element.Repetition(r);
                repetitions[r] = new string[repetition.ComponentCount];
                for (var c = 0; c < repetitions[r].Length; c++)
                {
                    repetitions[r][c] = repetition.Component(c).ToString();
                }
            }

            elements.Add(repetitions);
        }

        return new ReadSegment(segment.TagText, segment.Index, segment.Offset, segment.Line, [.. elements]);
    }

    public static EdifactFile File(string text) => EdifactFile.Read(Bytes(text));

    /// <summary>Every finding, whether the file or one of its messages holds it.</summary>
    public static List<Diagnostic> AllDiagnostics(EdifactFile file) =>
        [.. file.Diagnostics, .. file.Messages.SelectMany(m => m.Diagnostics)];

    public static string[] Codes(EdifactFile file) => [.. AllDiagnostics(file).Select(d => d.Code)];

    /// <summary>The tags of a message's body, read through <see cref="EdifactMessage.OpenBody"/>.</summary>
    public static List<string> BodyTags(EdifactMessage message)
    {
        var tags = new List<string>();
        var reader = message.OpenBody();
        while (reader.Read())
        {
            tags.Add(reader.Segment.TagText);
        }

        return tags;
    }
}
