using System.Buffers;
using System.Text;

namespace Vigil.Edifact;

/// <summary>
/// The six service characters of an interchange (ISO 9735 UNA). Any printable character may serve,
/// including multi-byte ones such as U+2019, so each is kept with its UTF-8 encoding for the byte-level reader.
/// </summary>
public sealed class ServiceCharacters
{
    /// <summary>Syntax version 4 defaults: <c>: + . ? * '</c>.</summary>
    public static ServiceCharacters Syntax4Default { get; } = new(':', '+', '.', '?', '*', '\'');

    /// <summary>Syntax version 3 (and IATA) defaults: <c>: + . ?</c>, no repetition, <c>'</c>.</summary>
    public static ServiceCharacters Syntax3Default { get; } = new(':', '+', '.', '?', null, '\'');

    public ServiceCharacters(Rune component, Rune element, Rune decimalMark, Rune release, Rune? repetition, Rune terminator)
        : this((component, Encode(component)), (element, Encode(element)), decimalMark, (release, Encode(release)),
            repetition is { } r ? (r, Encode(r)) : null, (terminator, Encode(terminator)))
    {
    }

    /// <summary>
    /// Service characters as the bytes that stand for them in the file: a UNA in a single-byte character set
    /// declares U+2019 as one byte, not as its UTF-8 sequence.
    /// </summary>
    internal ServiceCharacters(
        (Rune Rune, byte[] Bytes) component,
        (Rune Rune, byte[] Bytes) element,
        Rune decimalMark,
        (Rune Rune, byte[] Bytes) release,
        (Rune Rune, byte[] Bytes)? repetition,
        (Rune Rune, byte[] Bytes) terminator)
    {
        Component = component.Rune;
        Element = element.Rune;
        DecimalMark = decimalMark;
        Release = release.Rune;
        Repetition = repetition?.Rune;
        Terminator = terminator.Rune;

        ComponentBytes = component.Bytes;
        ElementBytes = element.Bytes;
        ReleaseBytes = release.Bytes;
        RepetitionBytes = repetition?.Bytes ?? [];
        TerminatorBytes = terminator.Bytes;
        // A typographic quote as terminator comes from a document copied through a word processor; the same
        // files end some segments with the plain apostrophe, so both end a segment.
        AlternateTerminatorBytes = terminator.Rune.Value is 0x2019 or 0x2018 ? "'"u8.ToArray() : [];

        SegmentStops = Stops(TerminatorBytes, ReleaseBytes, AlternateTerminatorBytes);
        ElementStops = Stops(ElementBytes, ReleaseBytes);
        ComponentStops = Stops(ComponentBytes, ReleaseBytes);
        RepetitionStops = Stops(RepetitionBytes, ReleaseBytes);
        AnyStops = Stops(ComponentBytes, ElementBytes, ReleaseBytes, RepetitionBytes, TerminatorBytes, AlternateTerminatorBytes);
        EscapeStops = Stops(ComponentBytes, ElementBytes, ReleaseBytes, RepetitionBytes, TerminatorBytes, AlternateTerminatorBytes, "\r"u8.ToArray(), "\n"u8.ToArray());

        // Nearly every interchange uses one ASCII byte per service character; the reader then compares single
        // bytes instead of spans. Continuation bytes of UTF-8 text are never ASCII, so they cannot be mistaken.
        IsAsciiSingleByte = AlternateTerminatorBytes.Length == 0
            && new[] { ComponentBytes, ElementBytes, ReleaseBytes, TerminatorBytes }.All(b => b is [< 0x80])
            && RepetitionBytes is [] or [< 0x80];
        if (IsAsciiSingleByte)
        {
            ComponentByte = ComponentBytes[0];
            ElementByte = ElementBytes[0];
            ReleaseByte = ReleaseBytes[0];
            TerminatorByte = TerminatorBytes[0];
            RepetitionByte = RepetitionBytes is [var repetitionByte] ? repetitionByte : -1;
            SegmentStopsWithLineBreaks = SearchValues.Create([TerminatorByte, ReleaseByte, (byte)'\r', (byte)'\n']);
        }
        else
        {
            SegmentStopsWithLineBreaks = SegmentStops;
        }
    }

    public ServiceCharacters(char component, char element, char decimalMark, char release, char? repetition, char terminator)
        : this(new Rune(component), new Rune(element), new Rune(decimalMark), new Rune(release),
            repetition is { } r ? new Rune(r) : null, new Rune(terminator))
    {
    }

    public Rune Component { get; }
    public Rune Element { get; }
    public Rune DecimalMark { get; }
    public Rune Release { get; }

    /// <summary>The repetition separator, or null when the interchange declares none (a space in UNA, or syntax 3).</summary>
    public Rune? Repetition { get; }

    public Rune Terminator { get; }

    /// <summary>Whether a plain apostrophe also ends a segment (the terminator is a typographic quote).</summary>
    public bool AcceptsApostropheTerminator => AlternateTerminatorBytes.Length > 0;

    /// <summary>True when every service character is one ASCII byte (the fast path of the reader).</summary>
    internal bool IsAsciiSingleByte { get; }

    internal byte ComponentByte { get; }
    internal byte ElementByte { get; }
    internal byte ReleaseByte { get; }
    internal byte TerminatorByte { get; }

    /// <summary>The repetition byte, or -1 when none is declared.</summary>
    internal int RepetitionByte { get; } = -1;

    /// <summary>Terminator, release, CR and LF: one search finds the segment's end and counts its lines.</summary>
    internal SearchValues<byte> SegmentStopsWithLineBreaks { get; }

    internal byte[] ComponentBytes { get; }
    internal byte[] ElementBytes { get; }
    internal byte[] ReleaseBytes { get; }
    internal byte[] RepetitionBytes { get; }
    internal byte[] TerminatorBytes { get; }
    internal byte[] AlternateTerminatorBytes { get; }
    internal SearchValues<byte> SegmentStops { get; }
    internal SearchValues<byte> ElementStops { get; }
    internal SearchValues<byte> ComponentStops { get; }
    internal SearchValues<byte> RepetitionStops { get; }
    /// <summary>Lead bytes of everything <see cref="MatchAny"/> recognises.</summary>
    internal SearchValues<byte> AnyStops { get; }

    /// <summary>What a writer must release: every service character, and line breaks (unreleased ones are folds).</summary>
    internal SearchValues<byte> EscapeStops { get; }

    /// <summary>The default service characters for a syntax version number from UNB (4 and later repeat with <c>*</c>).</summary>
    public static ServiceCharacters ForSyntaxVersion(int version) => version >= 4 ? Syntax4Default : Syntax3Default;

    /// <summary>The nine characters of a UNA segment declaring these service characters.</summary>
    public string ToUna() =>
        $"UNA{Component}{Element}{DecimalMark}{Release}{(Repetition is { } r ? r.ToString() : " ")}{Terminator}";

    public override string ToString() => ToUna();

    /// <summary>Length of the service character starting at <paramref name="span"/>[0], or 0 if none does.</summary>
    internal int MatchAny(ReadOnlySpan<byte> span)
    {
        if (IsAsciiSingleByte)
        {
            if (span.IsEmpty)
            {
                return 0;
            }

            var b = span[0];
            return b == ReleaseByte || b == ElementByte || b == ComponentByte || b == TerminatorByte || b == RepetitionByte ? 1 : 0;
        }

        foreach (var candidate in (ReadOnlySpan<byte[]>)[ReleaseBytes, ElementBytes, ComponentBytes, TerminatorBytes, RepetitionBytes, AlternateTerminatorBytes])
        {
            if (candidate.Length > 0 && span.StartsWith(candidate))
            {
                return candidate.Length;
            }
        }

        return 0;
    }

    internal static byte[] Encode(Rune rune)
    {
        var bytes = new byte[rune.Utf8SequenceLength];
        rune.EncodeToUtf8(bytes);
        return bytes;
    }

    private static SearchValues<byte> Stops(params byte[][] sequences)
    {
        var leads = sequences.Where(s => s.Length > 0).Select(s => s[0]).Distinct().ToArray();
        return SearchValues.Create(leads);
    }
}
