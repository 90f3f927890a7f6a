using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Vigil.Benchmarks.Matching;
using Vigil.Screening.Matching;

namespace Vigil.Benchmarks;

/// <summary>
/// Screening travelers against UN + OFAC (individuals and entities), one core. The index is built once in setup;
/// one operation is one query, so Mean is the time per query (<c>OperationsPerInvoke</c> = queries per invocation).
/// Queries: all 1,500 dev positives and the first 3,500 dev negatives. Baseline from the same run: an all-pairs
/// Jaro-Winkler + token-sort scan of every listed name, on 50 queries spread evenly over the same mix.
/// The index remembers the neighbours of query units the lists lack, so a query mix run again over the same index
/// is cheaper than its first pass: <see cref="ScreenQueryMix"/> gets a fresh index for every iteration (each
/// invocation is the mix's first pass, like a service's first 5,000 travelers), <see cref="ScreenQueryMixAgain"/>
/// keeps one index (every unit seen before: the steady state for names that recur).
/// </summary>
[Config(typeof(Configuration))]
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int BaselineQueries = 50;

    private List<Vigil.Screening.Watchlists.ListedPerson> _persons = [];
    private WatchListMatcher _matcher = null!;
    private ScreeningQuery[] _queries = [];
    private string[] _baselineNames = [];
    private JaroWinklerBruteForce _bruteForce = null!;

    [GlobalSetup]
    public void Setup()
    {
        var persons = _persons = MatchingInputs.UnAndOfac();
        _matcher = new WatchListMatcher(WatchListIndex.Build(persons));
        var mix = MatchingInputs.QueryMix();
        _queries = [.. mix.Select(q => q.Query)];
        _baselineNames = [.. MatchingInputs.Spread(mix, BaselineQueries).Select(q => q.Query.Name)];
        _bruteForce = new JaroWinklerBruteForce(persons);
        Console.WriteLine($"// UN + OFAC: {persons.Count:N0} persons, {_matcher.Index.Names.Count:N0} indexed names, "
            + $"{_bruteForce.NameCount:N0} names scanned by the baseline; {_queries.Length:N0} queries, {_baselineNames.Length} for the baseline");
    }

    /// <summary>A fresh index before each iteration of <see cref="ScreenQueryMix"/>, so that no query unit is remembered from an earlier pass.</summary>
    [IterationSetup(Target = nameof(ScreenQueryMix))]
    public void FreshIndex() => _matcher = new WatchListMatcher(WatchListIndex.Build(_persons));

    /// <summary>The watch-list matcher on every query of the mix, top 5 per query, first pass over a fresh index.</summary>
    [Benchmark(OperationsPerInvoke = MatchingInputs.QueryMixCount)]
    public int ScreenQueryMix() => ScreenAll();

    /// <summary>The same on an index that has seen the mix before (BenchmarkDotNet's repeated invocations).</summary>
    [Benchmark(OperationsPerInvoke = MatchingInputs.QueryMixCount)]
    public int ScreenQueryMixAgain() => ScreenAll();

    private int ScreenAll()
    {
        var matches = 0;
        foreach (var query in _queries)
        {
            matches += _matcher.Screen(query).Count;
        }

        return matches;
    }

    /// <summary>Baseline: Jaro-Winkler (as written and token-sorted) against every listed name, top 5 per query.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BaselineQueries)]
    public int JaroWinklerAllPairs()
    {
        var matches = 0;
        foreach (var name in _baselineNames)
        {
            matches += _bruteForce.Screen(name).Count;
        }

        return matches;
    }

    private sealed class Configuration : ManualConfig
    {
        public Configuration()
        {
            AddJob(Job.ShortRun);
            AddColumn(new ThroughputColumn("Queries/s", "queries", _ => 1));
        }
    }
}
