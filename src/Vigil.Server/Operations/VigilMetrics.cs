using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Vigil.Server.Operations;

/// <summary>
/// The service's instruments. Prometheus sees them as <c>vigil_messages_received_total</c>,
/// <c>vigil_messages_failed_total</c>, <c>vigil_messages_processed_total</c> (labels <c>type</c>, <c>sender</c>),
/// <c>vigil_stage_duration_seconds</c> (histogram, label <c>stage</c>) and <c>vigil_hits_total</c> (labels
/// <c>list</c>, <c>kind</c>).
/// </summary>
internal sealed class VigilMetrics
{
    public const string MeterName = "Vigil.Server";

    // Seconds: a receipt takes milliseconds, a re-screen of a busy day's flights can take tens of seconds.
    private static readonly double[] StageBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> received;
    private readonly Counter<long> failed;
    private readonly Counter<long> processed;
    private readonly Counter<long> hits;
    private readonly Histogram<double> stageDuration;

    public VigilMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        received = meter.CreateCounter<long>("vigil.messages.received", "{message}", "Messages received by HTTP or the drop folder (the same bytes twice count once), by message type and sender.");
        failed = meter.CreateCounter<long>("vigil.messages.failed", "{message}", "Messages that ended in quarantine, by message type and sender.");
        processed = meter.CreateCounter<long>("vigil.messages.processed", "{message}", "Messages whose travelers were stored and screened, by message type and sender.");
        hits = meter.CreateCounter<long>("vigil.hits", "{hit}", "New hits, by list (or rule) and kind.");
        stageDuration = meter.CreateHistogram("vigil.stage.duration", "s", "Time one stage of the service took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StageBuckets });
    }

    public void Received(string? type, string sender) => received.Add(1, Labels(type ?? "unknown", sender));

    public void Failed(string? type, string sender) => failed.Add(1, Labels(type ?? "unknown", sender));

    public void Processed(string? type, string sender) => processed.Add(1, Labels(type ?? "unknown", sender));

    public void Hit(string list, string kind) => hits.Add(1, new KeyValuePair<string, object?>("list", list), new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Times a stage from here to the returned scope's disposal.</summary>
    public StageTimer Time(string stage) => new(stageDuration, stage, Stopwatch.GetTimestamp());

    private static TagList Labels(string type, string sender) => new() { { "type", type }, { "sender", sender } };

    internal readonly struct StageTimer(Histogram<double> histogram, string stage, long started) : IDisposable
    {
        public void Dispose() => histogram.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
    }
}
