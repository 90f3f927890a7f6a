using System.Runtime;
using System.Diagnostics;
using System.Globalization;

namespace Vigil.MatchBench;

/// <summary>Per-query latencies in microseconds and their distribution.</summary>
internal sealed class LatencyDistribution
{
    private readonly double[] sorted;

    public LatencyDistribution(IEnumerable<double> microseconds)
    {
        Samples = [.. microseconds];
        sorted = [.. Samples];
        Array.Sort(sorted);
    }

    /// <summary>The latencies in the order measured.</summary>
    public IReadOnlyList<double> Samples { get; }

    public int Count => sorted.Length;

    public double Median => Percentile(50);

    public double Mean => sorted.Length == 0 ? double.NaN : sorted.Average();

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    /// <summary>Linear interpolation between the closest ranks.</summary>
    public double Percentile(double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = percent / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count:N0}  median {Format(Median)}  p95 {Format(Percentile(95))}  p99 {Format(Percentile(99))}  mean {Format(Mean)}  max {Format(Max)}  ({1e6 / Mean:N1} queries/s)");

    public static string Format(double microseconds) => microseconds switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1e6:N2} s"),
        >= 1e4 => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1e3:N1} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1e3:N2} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{microseconds:N1} µs"),
    };

    /// <summary>Times <paramref name="action"/> once per item on the calling thread.</summary>
    public static LatencyDistribution Measure<T>(IReadOnlyList<T> items, Action<T> action)
    {
        var microseconds = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(items[i]);
            microseconds[i] = Stopwatch.GetElapsedTime(start).Ticks / 10.0;
        }

        return new LatencyDistribution(microseconds);
    }
}

/// <summary>Process memory as Linux reports it (<c>/proc/self/status</c>), with <see cref="Environment.WorkingSet"/> elsewhere.</summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM) since start or since the last <see cref="ResetPeak"/>; the working set where /proc is missing.</summary>
    public static long PeakWorkingSet() => StatusField("VmHWM:") ?? Environment.WorkingSet;

    public static long WorkingSet() => StatusField("VmRSS:") ?? Environment.WorkingSet;

    /// <summary>Resets VmHWM to the current resident size (Linux: <c>5</c> written to <c>/proc/self/clear_refs</c>); false where not allowed.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Managed heap after a full collection. The collection is aggressive (compacting, memory given back to the
    /// system), so that a pass's peak working set does not include what the previous pass's index left behind.
    /// </summary>
    public static long ManagedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string Format(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MB");

    private static long? StatusField(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
