using System.Diagnostics;
using Vigil.Edifact;

namespace Vigil.Data.Ingest;

/// <summary>
/// What receiving a message did. <paramref name="Duplicate"/> is true when the same bytes were stored before (the first
/// message's id comes back) or when the same sender already sent the same interchange reference
/// (<paramref name="DuplicateOf"/> names that message); a duplicate is never processed twice.
/// </summary>
public sealed record IngestReceipt(long MessageId, bool Duplicate, string ContentHash, long? DuplicateOf = null);

/// <summary>How the pipeline behaves; the defaults suit one machine.</summary>
public sealed record IngestOptions
{
    /// <summary>How far ahead <see cref="RescreenScope.Upcoming"/> looks: flights departing or arriving within it.</summary>
    public TimeSpan RescreenWindow { get; init; } = TimeSpan.FromHours(72);

    /// <summary>How many pending message ids one look-up fetches.</summary>
    public int PendingBatch { get; init; } = 256;

    /// <summary>
    /// How many messages are stored, resolved and screened together, in one transaction per step: a commit costs the
    /// same for one message as for many, and index pages a batch shares are written once. A message that fails is
    /// taken out of its batch and quarantined alone.
    /// </summary>
    public int MessagesPerBatch { get; init; } = 16;

    /// <summary>How many flights one re-screening transaction covers.</summary>
    public int RescreenFlightBatch { get; init; } = 25;
}

/// <summary>
/// Which travelers to screen again: those on flights with a leg departing or arriving in a period. Flight times are
/// local as the carriers print them, so the period is compared with them as printed (no zone is invented).
/// </summary>
public sealed record RescreenScope
{
    private RescreenScope(DateTime? from, DateTime? to, TimeSpan? window)
    {
        From = from;
        To = to;
        Window = window;
    }

    public DateTime? From { get; }

    public DateTime? To { get; }

    /// <summary>For an upcoming scope: how far ahead of now; null takes <see cref="IngestOptions.RescreenWindow"/>.</summary>
    public TimeSpan? Window { get; }

    /// <summary>Flights departing or arriving from now until the window ends (72 h unless configured).</summary>
    public static RescreenScope Upcoming(TimeSpan? window = null) => new(null, null, window);

    /// <summary>Flights departing or arriving between <paramref name="from"/> and <paramref name="to"/>, inclusive.</summary>
    public static RescreenScope Between(DateTime from, DateTime to) => to < from
        ? throw new ArgumentException($"The period ends ({to:O}) before it starts ({from:O}).", nameof(to))
        : new(from, to, null);

    internal (DateTime From, DateTime To) Resolve(DateTimeOffset now, TimeSpan defaultWindow)
    {
        if (From is { } from && To is { } to)
        {
            return (DateTime.SpecifyKind(from, DateTimeKind.Unspecified), DateTime.SpecifyKind(to, DateTimeKind.Unspecified));
        }

        var start = DateTime.SpecifyKind(now.UtcDateTime, DateTimeKind.Unspecified);
        return (start, start + (Window ?? defaultWindow));
    }
}

/// <summary>Time spent per pipeline stage since the pipeline was made, for the benchmarks.</summary>
internal sealed class IngestTimings
{
    private long receive;
    private long parse;
    private long upsert;
    private long identity;
    private long screen;
    private long complete;

    public TimeSpan Receive => Stopwatch.GetElapsedTime(0, receive);

    public TimeSpan Parse => Stopwatch.GetElapsedTime(0, parse);

    public TimeSpan Upsert => Stopwatch.GetElapsedTime(0, upsert);

    public TimeSpan Identity => Stopwatch.GetElapsedTime(0, identity);

    public TimeSpan Screen => Stopwatch.GetElapsedTime(0, screen);

    public TimeSpan Complete => Stopwatch.GetElapsedTime(0, complete);

    public void AddReceive(long started) => Interlocked.Add(ref receive, Stopwatch.GetTimestamp() - started);

    public void AddParse(long started) => Interlocked.Add(ref parse, Stopwatch.GetTimestamp() - started);

    public void AddUpsert(long started) => Interlocked.Add(ref upsert, Stopwatch.GetTimestamp() - started);

    public void AddIdentity(long started) => Interlocked.Add(ref identity, Stopwatch.GetTimestamp() - started);

    public void AddScreen(long started) => Interlocked.Add(ref screen, Stopwatch.GetTimestamp() - started);

    public void AddComplete(long started) => Interlocked.Add(ref complete, Stopwatch.GetTimestamp() - started);
}

/// <summary>Reads the interchange control reference from the UNB segment without reading the rest of the file.</summary>
internal static class EnvelopePeek
{
    /// <summary>How many segments may come before UNB (UNA, stray lines) before the peek gives up.</summary>
    private const int SegmentsBeforeUnb = 4;

    public static string? InterchangeReference(ReadOnlySpan<byte> content)
    {
        try
        {
            var reader = new EdifactReader(content);
            for (var i = 0; i < SegmentsBeforeUnb && reader.Read(); i++)
            {
                var segment = reader.Segment;
                if (segment.IsTag("UNB"u8))
                {
                    var reference = segment.Text(4)?.Trim();
                    return string.IsNullOrEmpty(reference) ? null : reference;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the bytes are, they must still be stored: parsing will say precisely what is wrong with them.
        }

        return null;
    }
}
