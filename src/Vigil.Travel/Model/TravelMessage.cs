using Vigil.Edifact;

namespace Vigil.Travel.Model;

/// <summary>What every received message has, whatever its type: envelope facts and the findings of reading it.</summary>
public abstract record TravelMessage
{
    /// <summary>For messages that did not arrive as EDIFACT.</summary>
    protected TravelMessage()
    {
        Type = "unknown";
    }

    /// <summary>Takes the envelope facts and the envelope findings from the EDIFACT message read.</summary>
    protected TravelMessage(EdifactMessage source)
    {
        var interchange = source.Interchange;
        Type = source.Type ?? "unknown";
        Version = source.VersionRelease;
        Sender = interchange.Sender;
        Recipient = interchange.Recipient;
        InterchangeReference = interchange.ControlReference;
        MessageReference = source.Reference;
        CommonAccessReference = source.CommonAccessReference;
        Part = source.Part;
        Position = new SourcePosition(source.SegmentIndex, source.Offset, source.Line);
        Diagnostics = source.Diagnostics;
    }

    /// <summary>Message type, e.g. <c>PAXLST</c>.</summary>
    public string Type { get; init; }

    /// <summary>Directory version and release, e.g. <c>D:05B</c>.</summary>
    public string? Version { get; init; }

    public string? Sender { get; init; }

    public string? Recipient { get; init; }

    public string? InterchangeReference { get; init; }

    public string? MessageReference { get; init; }

    /// <summary>UNH common access reference, usually the flight key.</summary>
    public string? CommonAccessReference { get; init; }

    /// <summary>The part as declared in UNH; for a reassembled list, the highest part received.</summary>
    public MessagePart? Part { get; init; }

    /// <summary>Where the message (its first part) starts in the file.</summary>
    public SourcePosition Position { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>A message of a type Vigil does not read (yet): reported, never dropped silently.</summary>
public sealed record UnsupportedMessage : TravelMessage
{
    public UnsupportedMessage(EdifactMessage source)
        : base(source)
    {
    }
}
