using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Vigil.Edifact;

namespace Vigil.Benchmarks;

/// <summary>
/// EDIFACT tokenizing throughput over ~8 MB of generated PAXLST: Vigil's span reader against the naive
/// decode-and-split tokenizer that many integrations start with. Both visit every component of every segment.
/// </summary>
[Config(typeof(Configuration))]
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private static readonly byte[] Input = BenchmarkInputs.LargePaxlstFile();

    public static int InputBytes => Input.Length;

    [Benchmark]
    public long VigilReader()
    {
        long checksum = 0;
        var reader = new EdifactReader(Input);
        while (reader.Read())
        {
            foreach (var element in reader.Segment.Elements)
            {
                foreach (var component in element.Components)
                {
                    checksum += component.Raw.Length + 1;
                }
            }
        }

        return checksum;
    }

    /// <summary>Where the reader's time goes, part 1: segment framing only (Read), no element access.</summary>
    [Benchmark]
    public int VigilReaderSegmentsOnly()
    {
        var segments = 0;
        var reader = new EdifactReader(Input);
        while (reader.Read())
        {
            segments++;
        }

        return segments;
    }

    /// <summary>Part 2: framing plus element enumeration, no component access.</summary>
    [Benchmark]
    public long VigilReaderElementsOnly()
    {
        long checksum = 0;
        var reader = new EdifactReader(Input);
        while (reader.Read())
        {
            foreach (var element in reader.Segment.Elements)
            {
                checksum += element.Raw.Length + 1;
            }
        }

        return checksum;
    }

    /// <summary>The floor: finding every terminator and release character with a vectorised search, nothing else.</summary>
    [Benchmark]
    public int ScanStopsOnly()
    {
        var stops = 0;
        ReadOnlySpan<byte> rest = Input;
        while (true)
        {
            var at = rest.IndexOfAny(TerminatorOrRelease);
            if (at < 0)
            {
                return stops;
            }

            stops++;
            rest = rest[(at + 1)..];
        }
    }

    private static readonly System.Buffers.SearchValues<byte> TerminatorOrRelease = System.Buffers.SearchValues.Create("'?"u8);

    /// <summary>
    /// The baseline ignores the release character and UNA: it is what an integrator writes in an afternoon, and
    /// it is only right for files without escapes (the input has few), which flatters it.
    /// </summary>
    [Benchmark(Baseline = true)]
    public long NaiveSplit()
    {
        long checksum = 0;
        var text = Encoding.UTF8.GetString(Input);
        foreach (var segment in text.Split('\''))
        {
            var elements = segment.Trim().Split('+');
            for (var e = 1; e < elements.Length; e++)
            {
                foreach (var component in elements[e].Split(':'))
                {
                    checksum += component.Length + 1;
                }
            }
        }

        return checksum;
    }

    private sealed class Configuration : ManualConfig
    {
        public Configuration()
        {
            AddJob(Job.ShortRun);
            AddColumn(new ThroughputColumn("MB/s", "MB (10^6 bytes) of EDIFACT", _ => InputBytes / 1e6));
        }
    }
}
