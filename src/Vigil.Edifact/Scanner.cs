using System.Buffers;

namespace Vigil.Edifact;

/// <summary>Finds delimiters in raw EDIFACT bytes while honouring the release character.</summary>
internal static class Scanner
{
    /// <summary>
    /// Index of the first unescaped <paramref name="delimiter"/> (or <paramref name="alternate"/>) at or after
    /// <paramref name="start"/>, or -1. <paramref name="stops"/> holds the lead bytes of the delimiters and of the release character.
    /// </summary>
    public static int IndexOfUnescaped(
        ReadOnlySpan<byte> span,
        int start,
        ReadOnlySpan<byte> delimiter,
        ReadOnlySpan<byte> alternate,
        SearchValues<byte> stops,
        ServiceCharacters service)
    {
        if (delimiter.IsEmpty)
        {
            return -1;
        }

        if (service.IsAsciiSingleByte && delimiter.Length == 1 && alternate.IsEmpty)
        {
            return IndexOfUnescaped(span, start, delimiter[0], service.ReleaseByte);
        }

        var release = service.ReleaseBytes;
        var i = start;
        while (i < span.Length)
        {
            var found = span[i..].IndexOfAny(stops);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            var rest = span[i..];
            if (rest.StartsWith(release))
            {
                i += release.Length;
                i += EscapedLength(span[i..], service);
                continue;
            }

            if (rest.StartsWith(delimiter) || (!alternate.IsEmpty && rest.StartsWith(alternate)))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>
    /// The single-byte case. Elements and components are a few bytes long, so a plain loop beats a vectorised
    /// search, whose set-up costs more than the scan.
    /// </summary>
    public static int IndexOfUnescaped(ReadOnlySpan<byte> span, int start, byte delimiter, byte release)
    {
        for (var i = start; i < span.Length; i++)
        {
            var b = span[i];
            if (b == release)
            {
                i++;
            }
            else if (b == delimiter)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Length of the character a release character escapes: a whole service character, or one byte.</summary>
    public static int EscapedLength(ReadOnlySpan<byte> span, ServiceCharacters service)
    {
        if (span.IsEmpty)
        {
            return 0;
        }

        var length = service.MatchAny(span);
        return length > 0 ? length : 1;
    }

    /// <summary>
    /// Removes release characters and, when <paramref name="unfold"/> is set, the line breaks a sender folded the
    /// segment with (released line breaks are data and stay); returns the number of bytes written.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination, ServiceCharacters service, bool unfold)
    {
        if (!unfold)
        {
            return Unescape(raw, destination, service);
        }

        var release = service.ReleaseBytes;
        var written = 0;
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i..].StartsWith(release))
            {
                i += release.Length;
                var escaped = EscapedLength(raw[i..], service);
                raw.Slice(i, escaped).CopyTo(destination[written..]);
                written += escaped;
                i += escaped;
            }
            else
            {
                if (raw[i] is not ((byte)'\r' or (byte)'\n'))
                {
                    destination[written++] = raw[i];
                }

                i++;
            }
        }

        return written;
    }

    /// <summary>Removes release characters; returns the number of bytes written to <paramref name="destination"/>.</summary>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination, ServiceCharacters service)
    {
        var release = service.ReleaseBytes;
        var written = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf(release);
            if (next < 0)
            {
                raw[i..].CopyTo(destination[written..]);
                return written + raw.Length - i;
            }

            raw.Slice(i, next).CopyTo(destination[written..]);
            written += next;
            i += next + release.Length;
            var escaped = EscapedLength(raw[i..], service);
            raw.Slice(i, escaped).CopyTo(destination[written..]);
            written += escaped;
            i += escaped;
        }

        return written;
    }

    /// <summary>Counts line breaks: LF, CRLF and a lone CR (classic Mac files end lines with CR only).</summary>
    public static int CountLineBreaks(ReadOnlySpan<byte> span)
    {
        var lf = span.Count((byte)'\n');
        var cr = span.Count((byte)'\r');
        if (cr == 0)
        {
            return lf;
        }

        var crlf = 0;
        var from = 0;
        while (true)
        {
            var at = span[from..].IndexOf("\r\n"u8);
            if (at < 0)
            {
                break;
            }

            crlf++;
            from += at + 2;
        }

        return lf + cr - crlf;
    }
}
