using Vigil.Edifact;

namespace Vigil.Server.Operations;

/// <summary>
/// Names a received message's type for the receipt counter without parsing it: the XML push by its first bytes, an
/// EDIFACT message by its first UNH. The pipeline reads the message properly later; this is only a label.
/// </summary>
internal static class MessageSniffer
{
    private const int SegmentsBeforeUnh = 4;

    public static string TypeOf(ReadOnlySpan<byte> content)
    {
        if (StartsWithMarkup(content))
        {
            return "PNRGOV-XML";
        }

        var reader = new EdifactReader(content);
        for (var read = 0; read <= SegmentsBeforeUnh && reader.Read(); read++)
        {
            var segment = reader.Segment;
            if (segment.IsTag("UNH"u8))
            {
                return segment.Text(1) is { Length: > 0 and <= 16 } type && type.All(char.IsAsciiLetterOrDigit) ? type.ToUpperInvariant() : "unknown";
            }
        }

        return "unknown";
    }

    private static bool StartsWithMarkup(ReadOnlySpan<byte> content)
    {
        var text = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && text[start] == (byte)'<';
    }
}
