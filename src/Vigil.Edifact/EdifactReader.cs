using System.Runtime.CompilerServices;
using System.Text;

namespace Vigil.Edifact;

/// <summary>
/// A forward-only reader of EDIFACT segments over raw bytes, in the manner of <c>Utf8JsonReader</c>: it copies
/// nothing, allocates nothing on well-formed input, and places every segment by index, byte offset and line.
/// It follows the interchange's service string advice (UNA) and repertoire (UNB), skips whitespace between
/// segments and junk around interchanges, and reports what it tolerated to the diagnostics list it was given.
/// </summary>
public ref struct EdifactReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly List<Diagnostic>? _diagnostics;
    private EdifactReaderState _state;
    private int _segmentStart;
    private int _segmentLength;
    private int _segmentLine;
    private int _segmentIndex;

    // The service characters the current segment was read with: a UNZ resets the reader's for the next
    // interchange, and a UNB changes them for itself (its syntax version decides repetition).
    private ServiceCharacters _segmentService;
    private EdifactCharset _segmentCharset;

    public EdifactReader(ReadOnlySpan<byte> data, List<Diagnostic>? diagnostics = null)
        : this(data, EdifactReaderState.Initial, diagnostics)
    {
    }

    /// <summary>Resumes reading <paramref name="data"/> (the whole file, or a prefix of it) at a saved state.</summary>
    public EdifactReader(ReadOnlySpan<byte> data, EdifactReaderState state, List<Diagnostic>? diagnostics = null)
    {
        _data = data;
        _state = state;
        _diagnostics = diagnostics;
        _segmentStart = -1;
        _segmentLength = 0;
        _segmentLine = 0;
        _segmentIndex = -1;
        _segmentService = state.Service;
        _segmentCharset = state.Charset;
    }

    /// <summary>Where the reader stands after the current segment; pass it to a new reader to resume.</summary>
    public readonly EdifactReaderState State => _state;

    public readonly ServiceCharacters Service => _state.Service;

    public readonly EdifactCharset Charset => _state.Charset;

    /// <summary>Byte offset of the next unread byte.</summary>
    public readonly int Position => _state.Position;

    /// <summary>The segment the last successful <see cref="Read"/> stopped on.</summary>
    public readonly EdifactSegment Segment =>
        _segmentStart < 0
            ? default
            : new EdifactSegment(_data.Slice(_segmentStart, _segmentLength), _segmentIndex, _segmentStart, _segmentLine, _segmentService, _segmentCharset);

    /// <summary>Advances to the next segment; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            SkipWhitespace();
            if (_state.Position >= _data.Length)
            {
                return false;
            }

            if (_state.AtInterchangeStart && !LocateInterchangeStart())
            {
                return false;
            }

            if (_data[_state.Position..].StartsWith("UNA"u8))
            {
                ReadServiceStringAdvice();
                continue;
            }

            ReadSegment();
            return true;
        }
    }

    private void ReadSegment()
    {
        var service = _state.Service;
        var start = _state.Position;
        // Once a search has found no terminator up to the end, none will be found from later on either: without
        // this, a file whose terminators are all missing would be searched to its end once per line.
        var exhausted = _state.NoTerminatorAfter > 0 && start >= _state.NoTerminatorAfter - 1;
        var (end, breaks, folds) = service.IsAsciiSingleByte && !exhausted ? FindTerminatorFast(start, service) : (-1, 0, 0);
        int terminatorLength;
        if (end >= 0)
        {
            terminatorLength = 1;
        }
        else
        {
            end = exhausted ? -1 : Scanner.IndexOfUnescaped(_data, start, service.TerminatorBytes, service.AlternateTerminatorBytes, service.SegmentStops, service);
            if (end < 0)
            {
                _state.NoTerminatorAfter = start + 1;
                // An unterminated last segment ends at its line: what follows on other lines is more likely a
                // note someone typed after the trailer than the rest of the segment.
                var lineEnd = _data[start..].IndexOfAny((byte)'\r', (byte)'\n');
                end = lineEnd < 0 ? _data.Length : start + lineEnd;
                while (end > start && IsWhitespace(_data[end - 1]))
                {
                    end--;
                }

                terminatorLength = 0;
                _segmentIndex = _state.SegmentIndex;
                if (!exhausted)
                {
                    ReportMissingTerminator(start, service);
                }
            }
            else if (_data[end..].StartsWith(service.TerminatorBytes))
            {
                terminatorLength = service.TerminatorBytes.Length;
            }
            else
            {
                terminatorLength = service.AlternateTerminatorBytes.Length;
                if (!_state.AlternateTerminatorSeen)
                {
                    _segmentIndex = _state.SegmentIndex;
                    _state.AlternateTerminatorSeen = true;
                    ReportAlternateTerminator(end, service);
                }
            }

            breaks = LineBreaks(start, end + terminatorLength - start);
        }

        _segmentStart = start;
        _segmentLength = end - start;
        _segmentLine = _state.Line;
        _segmentIndex = _state.SegmentIndex;
        _segmentService = service;
        _segmentCharset = _state.Charset;
        var raw = _data[start..end];
        _state.Position = end + terminatorLength;
        _state.SegmentIndex++;
        _state.Line += breaks;
        if (folds > 0)
        {
            ReportFold(start, folds);
        }

        CheckTag(raw, start);
        CheckRepertoire(raw, start);

        if (raw.Length >= 3 && raw[0] == (byte)'U' && raw[1] == (byte)'N' && raw[2] == (byte)'B')
        {
            ApplyInterchangeHeader();
            _segmentService = _state.Service;
            _segmentCharset = _state.Charset;
        }
        else if (raw.Length >= 3 && raw[0] == (byte)'U' && raw[1] == (byte)'N' && raw[2] == (byte)'Z')
        {
            // Separators and repertoire belong to the interchange: the next one is tokenised with the defaults
            // until its own UNA or UNB says otherwise, or its UNB would be split by the previous UNA's terminator.
            _state.AtInterchangeStart = true;
            _state.HasServiceStringAdvice = false;
            _state.Service = EdifactReaderState.Initial.Service;
            _state.Charset = EdifactReaderState.Initial.Charset;
            _state.NoTerminatorAfter = 0;
        }
    }

    // Findings are rare: building their messages stays out of the per-segment path, whose frame stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ReportFold(int start, int folds) =>
        Report("line-break-in-segment", start, _segmentLine,
            $"Segment {_segmentIndex} is folded over {folds + 1} lines; the line breaks inside it are not read as data.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ReportMissingTerminator(int start, ServiceCharacters service) =>
        Report("missing-terminator", start, _state.Line,
            $"No segment terminator '{service.Terminator}' follows from here; this segment, and any after it, is read to the end of its line.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ReportAlternateTerminator(int end, ServiceCharacters service) =>
        Report("alternate-terminator", end, _state.Line,
            $"UNA declares '{service.Terminator}' as segment terminator but this segment ends with a plain apostrophe; both are accepted for the rest of the interchange.");

    /// <summary>
    /// The common case (one ASCII byte per service character): one vectorised search for terminator, release and
    /// line breaks finds the segment's end and counts the lines inside it in the same pass. -1 when no terminator
    /// follows, which the general path then reports.
    /// </summary>
    private readonly (int End, int Breaks, int Folds) FindTerminatorFast(int start, ServiceCharacters service)
    {
        var stops = service.SegmentStopsWithLineBreaks;
        var terminator = service.TerminatorByte;
        var release = service.ReleaseByte;
        var breaks = 0;
        var folds = 0;
        var i = start;
        while (i < _data.Length)
        {
            var found = _data[i..].IndexOfAny(stops);
            if (found < 0)
            {
                break;
            }

            i += found;
            var b = _data[i];
            if (b == terminator)
            {
                return (i, breaks, folds);
            }

            if (b == release)
            {
                // A released terminator, release or line break is data; it still moves the line count.
                var next = i + 1 < _data.Length ? _data[i + 1] : (byte)0;
                if (next == (byte)'\r' || (next == (byte)'\n' && _data[i] != (byte)'\r'))
                {
                    breaks++;
                }

                i += next == terminator || next == release || next is (byte)'\r' or (byte)'\n' ? 2 : 1;
                continue;
            }

            if (b == (byte)'\r' || i == 0 || _data[i - 1] != (byte)'\r')
            {
                breaks++;
                folds++;
            }

            i++;
        }

        return (-1, 0, 0);
    }

    private void ApplyInterchangeHeader()
    {
        var syntax = Segment.Element(0);
        var charset = EdifactCharset.FromSyntaxIdentifier(syntax.Component(0).Raw);
        if (charset is null)
        {
            Report("unknown-charset", _segmentStart, _segmentLine,
                $"UNB declares the syntax identifier '{syntax.Component(0).ToString()}', which Vigil does not know; text is read as UNOA with UTF-8/Windows-1252 fallback.");
            charset = EdifactCharset.Default;
        }

        var service = _state.Service;
        if (!_state.HasServiceStringAdvice)
        {
            var version = syntax.Component(1).TryGetInt32(out var v) ? v : 3;
            service = charset.IsIata
                ? ServiceCharacters.Syntax3Default
                : ServiceCharacters.ForSyntaxVersion(version);
        }

        _state.Charset = charset;
        _state.Service = service;
        _state.NoTerminatorAfter = 0;
    }

    private readonly void CheckTag(ReadOnlySpan<byte> raw, int start)
    {
        var ok = raw.Length >= 3
            && IsUpper(raw[0]) && IsUpper(raw[1]) && IsUpper(raw[2])
            && (raw.Length == 3 || _state.Service.MatchAny(raw[3..]) > 0);
        if (!ok)
        {
            var shown = Encoding.Latin1.GetString(raw[..Math.Min(raw.Length, 12)]);
            Report("malformed-tag", start, _segmentLine,
                $"Segment {_segmentIndex} does not start with a three-letter tag (it starts '{shown}'); it is passed on as read.");
        }
    }

    private readonly void CheckRepertoire(ReadOnlySpan<byte> raw, int start)
    {
        var bad = _state.Charset.FindInvalidByte(raw);
        if (bad >= 0)
        {
            Report("charset-violation", start + bad, _segmentLine,
                $"Byte 0x{raw[bad]:X2} in segment {_segmentIndex} is outside the declared repertoire {_state.Charset.Id}; "
                + (_state.Charset.Kind == CharsetKind.Utf8 ? "it was replaced by U+FFFD." : "it was read as UTF-8 if valid, otherwise as Windows-1252."));
        }
    }

    /// <summary>
    /// At the start of the input or after UNZ: the next interchange starts at UNA, UNB (or a bare UNH);
    /// whatever comes before is junk, reported and skipped.
    /// </summary>
    private bool LocateInterchangeStart()
    {
        var rest = _data[_state.Position..];
        if (rest.StartsWith("UNA"u8) || rest.StartsWith("UNB"u8) || rest.StartsWith("UNH"u8))
        {
            _state.AtInterchangeStart = false;
            return true;
        }

        var next = IndexOfEither(rest, "UNA"u8, "UNB"u8);
        if (next < 0)
        {
            next = rest.IndexOf("UNH"u8);
        }

        var first = _state.SegmentIndex == 0;
        var junk = next < 0 ? rest : rest[..next];
        var shown = Encoding.Latin1.GetString(junk[..Math.Min(junk.Length, 40)]).ReplaceLineEndings(" ");
        Report(first ? "junk-before-interchange" : "junk-after-interchange", _state.Position, _state.Line,
            $"{junk.Length} byte(s) that are not EDIFACT ('{shown}') {(first ? "precede the interchange" : "follow the interchange trailer UNZ")} and were ignored.", betweenSegments: true);
        Advance(junk.Length);
        if (next < 0)
        {
            return false;
        }

        _state.AtInterchangeStart = false;
        return true;
    }

    /// <summary>UNA: exactly six service characters after the tag, each one UTF-8 character or else one byte.</summary>
    private void ReadServiceStringAdvice()
    {
        var start = _state.Position;
        var line = _state.Line;
        var at = start + 3;
        Span<(Rune Rune, int Start, int Length)> chars = stackalloc (Rune, int, int)[6];
        var count = 0;
        while (count < 6 && at < _data.Length)
        {
            var status = Rune.DecodeFromUtf8(_data[at..], out var rune, out var length);
            if (status != System.Buffers.OperationStatus.Done)
            {
                rune = EdifactCharset.LegacyByteToRune(_data[at]);
                length = 1;
            }

            chars[count++] = (rune, at, length);
            at += length;
        }

        ServiceCharacters? service = null;
        if (count == 6 && WellFormed(chars))
        {
            // Most interchanges declare the defaults: share them rather than build the same tables again.
            var declared = _data.Slice(start + 3, at - start - 3);
            service = declared.SequenceEqual(":+.?*'"u8) ? ServiceCharacters.Syntax4Default
                : declared.SequenceEqual(":+.? '"u8) ? ServiceCharacters.Syntax3Default
                : null;
            if (service is null)
            {
                var repetition = chars[4].Rune.Value == ' ' ? ((Rune, byte[])?)null : Take(chars[4]);
                service = new ServiceCharacters(Take(chars[0]), Take(chars[1]), chars[2].Rune, Take(chars[3]), repetition, Take(chars[5]));
            }
        }

        if (service is null)
        {
            var header = _data[start..].IndexOf("UNB"u8);
            var end = header < 0 ? Math.Min(_data.Length, start + 9) : start + header;
            Report("una-malformed", start, line,
                $"The service string advice '{Encoding.Latin1.GetString(_data[start..end]).TrimEnd()}' does not declare six distinct service characters; the defaults of the syntax version in UNB are used.", betweenSegments: true);
            Advance(end - start);
            _state.HasServiceStringAdvice = false;
            _state.AtInterchangeStart = false;
            _state.AlternateTerminatorSeen = false;
            return;
        }

        Advance(at - start);
        _state.Service = service;
        _state.NoTerminatorAfter = 0;
        _state.HasServiceStringAdvice = true;
        _state.AtInterchangeStart = false;
        _state.AlternateTerminatorSeen = false;
    }

    private readonly (Rune, byte[]) Take((Rune Rune, int Start, int Length) c) => (c.Rune, _data.Slice(c.Start, c.Length).ToArray());

    private static bool WellFormed(ReadOnlySpan<(Rune Rune, int Start, int Length)> chars)
    {
        // The decimal mark may be anything; the separators, release and terminator must be distinct and visible.
        ReadOnlySpan<int> significant = [0, 1, 3, 5];
        foreach (var i in significant)
        {
            var value = chars[i].Rune.Value;
            if (value is '\r' or '\n' or ' ' || Rune.IsLetterOrDigit(chars[i].Rune))
            {
                return false;
            }

            foreach (var j in significant)
            {
                if (j != i && chars[j].Rune == chars[i].Rune)
                {
                    return false;
                }
            }
        }

        var repetition = chars[4].Rune.Value;
        return repetition is not ('\r' or '\n') && !Rune.IsLetterOrDigit(chars[4].Rune)
            && (repetition == ' ' || (chars[4].Rune != chars[0].Rune && chars[4].Rune != chars[1].Rune && chars[4].Rune != chars[3].Rune && chars[4].Rune != chars[5].Rune));
    }

    private void SkipWhitespace()
    {
        var at = _state.Position;
        var line = _state.Line;
        while (at < _data.Length)
        {
            var b = _data[at];
            if (b == (byte)'\n')
            {
                if (at == 0 || _data[at - 1] != (byte)'\r')
                {
                    line++;
                }
            }
            else if (b == (byte)'\r')
            {
                line++;
            }
            else if (b is not ((byte)' ' or (byte)'\t'))
            {
                break;
            }

            at++;
        }

        _state.Position = at;
        _state.Line = line;
    }

    private void Advance(int count)
    {
        _state.Line += LineBreaks(_state.Position, count);
        _state.Position += count;
    }

    /// <summary>Line breaks in <c>count</c> bytes from <c>start</c>: LF, CRLF and lone CR each count once.</summary>
    private readonly int LineBreaks(int start, int count)
    {
        if (count == 0)
        {
            return 0;
        }

        var breaks = Scanner.CountLineBreaks(_data.Slice(start, count));
        // An LF whose CR ended the previous range was counted with it.
        return start > 0 && _data[start] == (byte)'\n' && _data[start - 1] == (byte)'\r' ? breaks - 1 : breaks;
    }

    /// <summary>Reports against the segment being read, or the next one when between segments.</summary>
    private readonly void Report(string code, int offset, int line, string message, bool betweenSegments = false) =>
        _diagnostics?.Add(new Diagnostic(code, DiagnosticSeverity.Warning, betweenSegments ? _state.SegmentIndex : _segmentIndex, offset, line, message));

    private static int IndexOfEither(ReadOnlySpan<byte> span, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var i = span.IndexOf(a);
        var j = span.IndexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.Min(i, j);
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t';

    private static bool IsUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';
}

/// <summary>Everything a reader needs to resume where another stopped.</summary>
public record struct EdifactReaderState
{
    public static EdifactReaderState Initial { get; } = new()
    {
        Line = 1,
        Service = ServiceCharacters.Syntax4Default,
        Charset = EdifactCharset.Default,
        AtInterchangeStart = true,
    };

    public int Position { get; internal set; }

    public int SegmentIndex { get; internal set; }

    public int Line { get; internal set; }

    public ServiceCharacters Service { get; internal set; }

    public EdifactCharset Charset { get; internal set; }

    /// <summary>Whether the current interchange opened with a UNA (which then beats the syntax version's defaults).</summary>
    public bool HasServiceStringAdvice { get; internal set; }

    internal bool AtInterchangeStart { get; set; }

    internal bool AlternateTerminatorSeen { get; set; }

    /// <summary>One past the position from which no terminator follows (0: not known).</summary>
    internal int NoTerminatorAfter { get; set; }
}
