using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Vigil.IngestBench;

/// <summary>
/// Samples the runtime's allocation ticks (one event per ~100 KB allocated, naming the type that crossed the mark) to
/// show which types the timed run allocates most. Sampled, so the shares are estimates.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> bytesByType = new();
    private volatile bool sampling;

    public void Start() => sampling = true;

    public void Stop() => sampling = false;

    public void Print(int top)
    {
        var total = bytesByType.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocations sampled: {total / 1048576.0:N0} MiB; most allocated types:"));
        foreach (var (type, bytes) in bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {100.0 * bytes / total,5:F1} %  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!sampling || !e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
        {
            return;
        }

        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
