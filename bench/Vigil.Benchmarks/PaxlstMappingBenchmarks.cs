using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Vigil.Edifact;
using Vigil.Travel.Paxlst;
using Vigil.Travel.Synthetic;

namespace Vigil.Benchmarks;

/// <summary>
/// Mapping generated 500-passenger PAXLST messages onto the travel model. Envelope splitting (EdifactFile.Read)
/// happens once in setup so that the figure is the mapper's own; allocations per traveler = allocated bytes / 500.
/// </summary>
[Config(typeof(Configuration))]
[MemoryDiagnoser]
public class PaxlstMappingBenchmarks
{
    private const int Lists = 8;
    private static readonly DateOnly Today = new(2025, 3, 14);
    private EdifactMessage[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        var generator = new PaxlstGenerator(BenchmarkInputs.Seed);
        _messages = [.. Enumerable.Range(1, Lists)
            .Select(i => EdifactFile.Read(generator.GenerateFile(i, BenchmarkInputs.PassengersPerList, PaxlstLayout.Standard, crewList: false).Content).Messages[0])];
    }

    /// <summary>One 500-passenger message per operation, averaged over several different lists.</summary>
    [Benchmark(OperationsPerInvoke = Lists)]
    public int MapPassengerList()
    {
        var travelers = 0;
        foreach (var message in _messages)
        {
            travelers += PaxlstMapper.Map(message, Today).Travelers.Count;
        }

        return travelers;
    }

    /// <summary>Baseline from the same run: the bare reader walking the same messages' segments, no mapping.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Lists)]
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

    private sealed class Configuration : ManualConfig
    {
        public Configuration()
        {
            AddJob(Job.ShortRun);
            AddColumn(new ThroughputColumn("Travelers/s", "travelers", _ => BenchmarkInputs.PassengersPerList));
        }
    }
}
