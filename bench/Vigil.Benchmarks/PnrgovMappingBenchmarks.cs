using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.Pnrgov;
using Vigil.Travel.Synthetic;

namespace Vigil.Benchmarks;

/// <summary>
/// Mapping PNRGOV pushes onto the booking model, one core: the real 127-PNR GTAS sample with bags, and generated
/// 100-PNR full pushes. Envelope splitting (EdifactFile.Read) happens once in setup so that the figure is the
/// mapper's own; each operation maps one message, so PNRs per operation is the message's SRC count.
/// </summary>
[Config(typeof(Configuration))]
[MemoryDiagnoser]
public class PnrgovMappingBenchmarks
{
    public const string RealSample = "gtas-pnrWithBags";
    public const string Generated = "generated-100";
    private const int Messages = 8;
    private const int GeneratedBookings = 100;
    private static readonly DateOnly RealSampleDay = new(2018, 9, 28);
    private static readonly Lazy<int> RealSamplePnrs = new(() => CountPnrs(EdifactFile.Read(File.ReadAllBytes(RealSamplePath())).Messages[0]));

    private EdifactMessage[] _messages = [];
    private DateOnly _today;

    [Params(RealSample, Generated)]
    public string Input { get; set; } = Generated;

    [GlobalSetup]
    public void Setup()
    {
        if (Input == RealSample)
        {
            // One real message, mapped eight times per invocation so that both inputs share OperationsPerInvoke.
            var message = EdifactFile.Read(File.ReadAllBytes(RealSamplePath())).Messages[0];
            _messages = [.. Enumerable.Repeat(message, Messages)];
            _today = RealSampleDay;
            return;
        }

        var generator = new PnrgovGenerator(BenchmarkInputs.Seed);
        _messages = [.. Enumerable.Range(1, Messages)
            .Select(i => EdifactFile.Read(generator.GenerateFile(i, GeneratedBookings, PushKind.Full).Content).Messages[0])];
        // Generated flights fall in 2025–2026; a later day keeps two-digit birth years in the right century.
        _today = new DateOnly(2027, 1, 1);
    }

    /// <summary>One push per operation, averaged over the inputs' messages.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int MapPush()
    {
        var bookings = 0;
        foreach (var message in _messages)
        {
            bookings += PnrgovMapper.Map(message, _today).Bookings.Count;
        }

        return bookings;
    }

    /// <summary>Baseline from the same run: the bare reader walking the same messages' segments, no mapping.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public int ReadSegmentsOnly()
    {
        var segments = 0;
        foreach (var message in _messages)
        {
            var reader = message.OpenBody();
            while (reader.Read())
            {
                segments += reader.Segment.ElementCount;
            }
        }

        return segments;
    }

    /// <summary>PNRs in one message of the input named by the benchmark case's parameter.</summary>
    internal static double PnrsPerOperation(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Input"] as string == RealSample ? RealSamplePnrs.Value : GeneratedBookings;

    /// <summary>The shared sample: <c>VIGIL_SHARED</c>, or <c>../shared</c> beside the repository (found by walking up to Vigil.slnx).</summary>
    private static string RealSamplePath()
    {
        var shared = Environment.GetEnvironmentVariable("VIGIL_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                dir = dir.Parent;
            }

            shared = dir is null
                ? throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory + "; set VIGIL_SHARED.")
                : Path.Combine(dir.FullName, "..", "shared");
        }

        return Path.GetFullPath(Path.Combine(shared, "data", "messages", "pnrgov", RealSample + ".txt"));
    }

    private static int CountPnrs(EdifactMessage message)
    {
        var count = 0;
        var reader = message.OpenBody();
        while (reader.Read())
        {
            if (reader.Segment.IsTag("SRC"u8))
            {
                count++;
            }
        }

        return count;
    }

    private sealed class Configuration : ManualConfig
    {
        public Configuration()
        {
            AddJob(Job.ShortRun);
            AddColumn(new ThroughputColumn("PNRs/s", "PNRs", PnrsPerOperation));
            AddColumn(new AllocationPerPnrColumn());
        }
    }

    /// <summary>Bytes allocated per operation divided by the PNRs one operation maps.</summary>
    private sealed class AllocationPerPnrColumn : IColumn
    {
        public string Id => nameof(AllocationPerPnrColumn);

        public string ColumnName => "Alloc/PNR";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "bytes allocated per PNR (allocated per operation / PNRs per operation)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var bytes = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is null ? "NA" : (bytes.Value / PnrsPerOperation(benchmarkCase)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " B";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
