namespace Vigil.Edifact;

/// <summary>One interchange (UNB … UNZ) with the header fields a receiving system routes and deduplicates by.</summary>
public sealed class EdifactInterchange
{
    internal EdifactInterchange()
    {
    }

    /// <summary>Syntax identifier from UNB, e.g. <c>UNOA</c> or <c>IATA</c>; null for messages sent without UNB.</summary>
    public string? SyntaxIdentifier { get; internal set; }

    public string? SyntaxVersion { get; internal set; }

    public string? Sender { get; internal set; }

    public string? SenderQualifier { get; internal set; }

    public string? Recipient { get; internal set; }

    public string? RecipientQualifier { get; internal set; }

    /// <summary>Preparation date and time as printed (<c>YYMMDD</c> or <c>CCYYMMDD</c>, <c>HHMM</c>).</summary>
    public string? PreparationDate { get; internal set; }

    public string? PreparationTime { get; internal set; }

    public string? ControlReference { get; internal set; }

    /// <summary>Application reference, e.g. <c>APIS</c>, <c>PNRGOV</c>, <c>IAPI</c>.</summary>
    public string? ApplicationReference { get; internal set; }

    public bool IsTest { get; internal set; }

    public required ServiceCharacters Service { get; init; }

    public bool HasServiceStringAdvice { get; internal set; }

    public EdifactCharset Charset { get; internal set; } = EdifactCharset.Default;

    public long Offset { get; internal init; }

    public List<EdifactGroup> Groups { get; } = [];

    public List<EdifactMessage> Messages { get; } = [];

    /// <summary>The preparation date from UNB, read as <c>YYMMDD</c> or <c>CCYYMMDD</c>; null when absent or unreadable.</summary>
    public DateOnly? PreparationDateValue => EdifactDates.ParseInterchangeDate(PreparationDate);
}

/// <summary>A functional group (UNG … UNE).</summary>
public sealed class EdifactGroup
{
    internal EdifactGroup()
    {
    }

    public string? GroupId { get; internal set; }

    public string? Sender { get; internal set; }

    public string? Recipient { get; internal set; }

    public string? Reference { get; internal set; }

    public string? Agency { get; internal set; }

    /// <summary>Message version and release, e.g. <c>D:05B</c> or <c>11:1</c>.</summary>
    public string? Version { get; internal set; }

    public List<EdifactMessage> Messages { get; } = [];
}

/// <summary>The part number of a message split across transmissions (UNH S010).</summary>
/// <param name="Sequence">Part number from 1.</param>
/// <param name="Final">True for the last part (<c>F</c>); false for <c>C</c> or a missing flag.</param>
public readonly record struct MessagePart(int Sequence, bool Final);

/// <summary>
/// One message (UNH … UNT): its header, its place in the file, and its body, which a mapper reads with
/// <see cref="OpenBody"/> without copying.
/// </summary>
public sealed class EdifactMessage
{
    internal EdifactMessage(ReadOnlyMemory<byte> data, EdifactInterchange interchange, EdifactGroup? group)
    {
        Data = data;
        Interchange = interchange;
        Group = group;
    }

    public EdifactInterchange Interchange { get; }

    public EdifactGroup? Group { get; }

    /// <summary>Message reference number (UNH 0062), kept as printed.</summary>
    public string? Reference { get; internal set; }

    /// <summary>Message type, e.g. <c>PAXLST</c>, <c>PNRGOV</c>, <c>CUSRES</c>.</summary>
    public string? Type { get; internal set; }

    public string? Version { get; internal set; }

    public string? Release { get; internal set; }

    public string? Agency { get; internal set; }

    public string? Association { get; internal set; }

    /// <summary><c>Version:Release</c>, e.g. <c>D:05B</c>.</summary>
    public string? VersionRelease => Version is null ? null : Release is null ? Version : $"{Version}:{Release}";

    /// <summary>Common access reference (UNH 0068): the flight key in API and PNR messages.</summary>
    public string? CommonAccessReference { get; internal set; }

    /// <summary>The part number, or null when the message is not declared as a part.</summary>
    public MessagePart? Part { get; internal set; }

    /// <summary>Byte offset of UNH.</summary>
    public long Offset { get; internal set; }

    /// <summary>0-based segment index of UNH in the file.</summary>
    public int SegmentIndex { get; internal set; }

    public int Line { get; internal set; }

    /// <summary>Whether a UNT closed the message.</summary>
    public bool Terminated { get; internal set; }

    /// <summary>Segments from UNH to UNT inclusive, as counted while reading.</summary>
    public int SegmentCount { get; internal set; }

    /// <summary>Findings about this message's envelope and syntax (counts, references, repertoire).</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The whole file the message came from.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    internal EdifactReaderState BodyStart { get; set; }

    internal int BodyEnd { get; set; }

    /// <summary>A reader over the segments after UNH and before UNT.</summary>
    public EdifactReader OpenBody() => new(Data.Span[..BodyEnd], BodyStart);
}
