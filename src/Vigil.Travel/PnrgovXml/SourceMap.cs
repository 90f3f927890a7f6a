using System.Xml;
using Vigil.Travel.Model;

namespace Vigil.Travel.PnrgovXml;

/// <summary>
/// Turns the line and column an XML reader reports into a byte offset and an absolute line, also while reading
/// resumes from the middle of the file after a break.
/// </summary>
/// <remarks>
/// Byte offsets are exact for UTF-8 (and ASCII); for UTF-16 input they are unknown and reported as 0.
/// </remarks>
internal sealed class SourceMap
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly List<int> _lineStarts = [0];
    private int _baseOffset;
    private int _baseLine = 1;

    public SourceMap(ReadOnlyMemory<byte> data)
    {
        _data = data;
        var span = data.Span;
        ByteAddressable = !(span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)));
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\r')
            {
                if (i + 1 < span.Length && span[i + 1] == (byte)'\n')
                {
                    i++;
                }

                _lineStarts.Add(i + 1);
            }
            else if (span[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>False for UTF-16 input, where bytes and characters cannot be matched by this map.</summary>
    public bool ByteAddressable { get; }

    /// <summary>From now on, reader lines and columns count from <paramref name="offset"/> instead of the file start.</summary>
    public void Rebase(int offset)
    {
        _baseOffset = offset;
        _baseLine = LineOf(offset);
    }

    /// <summary>An element's position: its line, and the byte offset of its <c>&lt;</c>.</summary>
    public SourcePosition Of(IXmlLineInfo? info)
    {
        if (info is null || !info.HasLineInfo())
        {
            return new SourcePosition(-1, 0, 1);
        }

        var (offset, line) = Locate(info.LineNumber, Math.Max(1, info.LinePosition - 1));
        return new SourcePosition(-1, offset, line);
    }

    /// <summary>Byte offset and absolute line of a reader's (line, column), both 1-based and relative to the current base.</summary>
    public (long Offset, int Line) Locate(int line, int column)
    {
        if (line <= 0)
        {
            return (0, _baseLine);
        }

        var absoluteLine = _baseLine + line - 1;
        if (!ByteAddressable)
        {
            return (0, absoluteLine);
        }

        var start = line == 1 ? _baseOffset : _lineStarts[Math.Min(absoluteLine, _lineStarts.Count) - 1];
        return (Advance(start, column - 1), absoluteLine);
    }

    /// <summary>The byte offset of the next <c>PNR</c> start tag at or after <paramref name="from"/>, or -1.</summary>
    public int NextPnrStart(long from)
    {
        var span = _data.Span;
        for (var i = (int)Math.Clamp(from, 0, span.Length); i < span.Length; i++)
        {
            if (span[i] != (byte)'<')
            {
                continue;
            }

            var nameStart = i + 1;
            var nameEnd = nameStart;
            while (nameEnd < span.Length && IsNameByte(span[nameEnd]))
            {
                nameEnd++;
            }

            var name = span[nameStart..nameEnd];
            var colon = name.LastIndexOf((byte)':');
            var local = colon >= 0 ? name[(colon + 1)..] : name;
            var follows = nameEnd < span.Length ? span[nameEnd] : (byte)0;
            if (local.SequenceEqual("PNR"u8) && follows is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when the tag that holds <paramref name="offset"/> is a <c>PNR</c> start tag.</summary>
    public bool InPnrStartTag(long offset)
    {
        var span = _data.Span;
        var at = (int)Math.Clamp(offset, 0, span.Length);
        var open = span[..at].LastIndexOf((byte)'<');
        return open >= 0 && span[open..at].IndexOf((byte)'>') < 0 && NextPnrStart(open) == open;
    }

    private int LineOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Moves <paramref name="characters"/> UTF-8 characters forward from <paramref name="start"/>.</summary>
    private long Advance(int start, int characters)
    {
        var span = _data.Span;
        var at = Math.Min(start, span.Length);
        for (var c = 0; c < characters && at < span.Length; c++)
        {
            at++;
            while (at < span.Length && (span[at] & 0xC0) == 0x80)
            {
                at++;
            }
        }

        return at;
    }

    private static bool IsNameByte(byte b) =>
        b is (byte)':' or (byte)'_' or (byte)'-' or (byte)'.' || char.IsAsciiLetterOrDigit((char)b) || b >= 0x80;
}
