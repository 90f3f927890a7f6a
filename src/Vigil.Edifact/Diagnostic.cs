namespace Vigil.Edifact;

/// <summary>How much a finding costs: a warning loses nothing, an error lost data.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A finding about the input, placed precisely enough for a support engineer to open the file at it.
/// </summary>
/// <param name="Code">Stable, documented code such as <c>unt-count-mismatch</c>.</param>
/// <param name="Severity">Warning (nothing lost) or error (data lost).</param>
/// <param name="Segment">0-based index of the segment in the file (UNA not counted), or -1 when none applies.</param>
/// <param name="Offset">0-based byte offset in the file.</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Message">A sentence an operator can act on.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    int Segment,
    long Offset,
    int Line,
    string Message)
{
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} {Code} at segment {Segment}, line {Line}, byte {Offset}: {Message}";
}
