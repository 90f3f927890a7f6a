using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Vigil.Benchmarks.Matching;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.MatchBench;

/// <summary>
/// Macro benchmark of the watch-list matcher, one thread: per-query latency distribution (median, p95, p99, mean)
/// after warm-up, index build time, managed heap after the build and the process's peak working set, for
/// (a) UN + OFAC and (b) a list of N identities (UN + OFAC plus generated ones), each with the all-pairs
/// Jaro-Winkler baseline timed in the same run on a sample of the same queries.
/// </summary>
internal static class Program
{
    private const string Usage = """
        dotnet run -c Release --project bench/Vigil.MatchBench -- [options]
          --identities N        identities in the large list, UN + OFAC included (default 1000000; 0 skips it)
          --queries N           timed queries against the large list (default 2000: half eval mix, half generated)
          --list-queries N      timed queries against UN + OFAC (default 5000, the whole eval mix)
          --baseline-queries N  Jaro-Winkler baseline queries against UN + OFAC (default 50; a fifth of it on the large list)
          --warmup N            warm-up queries before each timing, not among the timed ones (default 300; run
                        again until 2 s have passed, at least 3 times, so the runtime has compiled its final code)
          --seed N              generator seed (default 20250314)
          --skip-list           skip the UN + OFAC run
        """;

    private static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        PrintMachine();
        var stopwatch = Stopwatch.StartNew();
        var listed = MatchingInputs.UnAndOfac();
        Console.WriteLine($"UN + OFAC read: {listed.Count:N0} individuals and entities in {stopwatch.Elapsed.TotalSeconds:N1} s");
        var mix = MatchingInputs.QueryMix();
        var spareNegatives = MatchingInputs.ReadQueries(MatchingInputs.SharedPath("data", "eval", "negatives-dev.csv"))
            .Skip(MatchingInputs.Negatives).ToList();
        var listWarmUp = MatchingInputs.Spread(spareNegatives, options.WarmUp);

        if (!options.SkipList)
        {
            Run(
                "(a) UN + OFAC",
                listed,
                listWarmUp,
                MatchingInputs.Spread(mix, options.ListQueries),
                options.BaselineQueries);
        }

        if (options.Identities > 0)
        {
            var generatedCount = Math.Max(0, options.Identities - listed.Count);
            stopwatch.Restart();
            var generator = new IdentityGenerator(options.Seed, MatchingInputs.SharedPath("data", "names", "arabic-latin-wikidata.tsv"), listed);
            var generated = generator.Generate(generatedCount).ToList();
            var persons = new List<ListedPerson>(listed.Count + generated.Count);
            persons.AddRange(listed);
            persons.AddRange(generated);
            Console.WriteLine();
            Console.WriteLine($"Generated {generated.Count:N0} identities (seed {options.Seed}; {generated.Sum(p => p.Names.Count):N0} names; "
                + $"words from {generator.WikidataWordCount:N0} Wikidata spellings and {generator.ListWordCount:N0} list words) "
                + $"in {stopwatch.Elapsed.TotalSeconds:N1} s; with UN + OFAC: {persons.Count:N0} identities");
            foreach (var sample in generated.Take(5))
            {
                Console.WriteLine($"  e.g. {sample.ListId}: {string.Join(" | ", sample.Names.Select(n => n.FullName))}; "
                    + $"{string.Join(", ", sample.BirthDates)}; {string.Join(", ", sample.Nationalities)}; {string.Join(", ", sample.Documents.Select(d => d.Number))}");
            }

            var fromMix = options.Queries / 2;
            var queries = MatchingInputs.Spread(mix, fromMix);
            var generatedQueries = generator.Queries(generated, options.Queries - queries.Count, options.Seed + 1);
            queries.AddRange(generatedQueries);
            foreach (var sample in generatedQueries.Take(3))
            {
                Console.WriteLine($"  query e.g. \"{sample.Query.Name}\" for {sample.ExpectedListId}");
            }

            var warmUp = MatchingInputs.Spread(spareNegatives, options.WarmUp / 2);
            warmUp.AddRange(generator.Queries(generated, options.WarmUp - warmUp.Count, options.Seed + 2));
            generated = null;
            Run(
                $"(b) {persons.Count:N0} identities",
                persons,
                warmUp,
                queries,
                Math.Max(1, options.BaselineQueries / 5));
        }

        return 0;
    }

    private static void Run(string title, List<ListedPerson> persons, List<EvalQuery> warmUp, List<EvalQuery> queries, int baselineQueries)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");

        // Screening a traveler needs only the alerts; a top-5 match also scores near misses. Each pass gets an index
        // of its own, so that both see every query for the first time.
        var latency = Pass("Screen (alerts only, WatchListMatcher.Alerts)", persons, warmUp, queries, (matcher, q) => matcher.Alerts(q), reportBuild: true);
        Pass("Match (top 5 with near misses, WatchListMatcher.Screen)", persons, warmUp, queries, (matcher, q) => matcher.Screen(q), reportBuild: false);
        var baseline = new JaroWinklerBruteForce(persons);
        var sample = MatchingInputs.Spread(queries, baselineQueries);
        _ = baseline.Screen(sample[0].Query.Name);
        var baselineLatency = LatencyDistribution.Measure(sample, q => baseline.Screen(q.Query.Name));
        Console.WriteLine($"Baseline {baselineLatency}  (all-pairs Jaro-Winkler + token sort over {baseline.NameCount:N0} names)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Matcher vs baseline: {baselineLatency.Median / latency.Median:N1}x faster by median, {baselineLatency.Mean / latency.Mean:N1}x by mean"));
    }

    private const int MinimumWarmUpRounds = 3;

    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(2);

    private static LatencyDistribution Pass(
        string label,
        List<ListedPerson> persons,
        List<EvalQuery> warmUp,
        List<EvalQuery> queries,
        Func<WatchListMatcher, ScreeningQuery, IReadOnlyList<ScreeningMatch>> screen,
        bool reportBuild)
    {
        // A service holds one index; the previous pass's index is garbage by now, and without a full collection
        // this pass would build its own beside it and report the two together.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapBefore = ProcessMemory.ManagedHeap();
        var workingSetBefore = ProcessMemory.WorkingSet();
        var peakReset = ProcessMemory.ResetPeak();
        var stopwatch = Stopwatch.StartNew();
        var index = WatchListIndex.Build(persons);
        var buildTime = stopwatch.Elapsed;
        var peakAfterBuild = ProcessMemory.PeakWorkingSet();
        var heapAfter = ProcessMemory.ManagedHeap();
        var matcher = new WatchListMatcher(index);

        // A service screens for hours after its index is built; the similar units it compares in the background
        // in its first seconds are part of that state, so the timings start once they are ready.
        var sinceBuild = Stopwatch.StartNew();
        index.SimilarUnitsReady.Wait();
        var readyAfter = sinceBuild.Elapsed;
        var heapReady = ProcessMemory.ManagedHeap();
        if (reportBuild)
        {
            Console.WriteLine($"Index: {persons.Count:N0} persons, {index.Names.Count:N0} names, {index.Vocabulary.Count:N0} distinct units, {index.KeyCount:N0} keys");
            Console.WriteLine($"Build: {buildTime.TotalSeconds:N2} s; similar units of every list unit and dictionary spelling ready {readyAfter.TotalSeconds:N2} s later (one background thread)");
            Console.WriteLine($"Managed heap: {ProcessMemory.Format(heapBefore)} with the list alone, {ProcessMemory.Format(heapAfter)} after the build "
                + $"(index {ProcessMemory.Format(heapAfter - heapBefore)}; {ProcessMemory.Format(heapReady - heapBefore)} once they are ready)");
            Console.WriteLine($"Working set: {ProcessMemory.Format(workingSetBefore)} before the build, peak {ProcessMemory.Format(peakAfterBuild)} during it"
                + (peakReset ? "" : " (peak not reset: VmHWM is since process start)"));
        }

        Console.WriteLine($"-- {label}");
        // The runtime compiles a method's final code only after it has run for a while (tiered compilation waits
        // 100 ms after the first calls, then profiles them): one pass over a few hundred queries ends before that,
        // and the timings would be of code a long-running service no longer runs. The warm-up queries are run
        // again until the runtime has had that time; they are never among the timed queries.
        stopwatch.Restart();
        var warmed = 0;
        var rounds = 0;
        do
        {
            foreach (var query in warmUp)
            {
                warmed += screen(matcher, query.Query).Count;
            }

            rounds++;
        }
        while (rounds < MinimumWarmUpRounds || stopwatch.Elapsed < MinimumWarmUp);

        Console.WriteLine($"Warm-up: {warmUp.Count:N0} queries not timed below, {rounds} rounds, {stopwatch.Elapsed.TotalSeconds:N1} s");
        var results = new IReadOnlyList<ScreeningMatch>[queries.Count];
        var position = 0;
        var latency = LatencyDistribution.Measure(queries, q => results[position++] = screen(matcher, q.Query));
        var peakAfterQueries = ProcessMemory.PeakWorkingSet();
        Console.WriteLine($"Matcher  {latency}");

        // A day's travelers repeat names: the second time a name unit the lists lack is met, its similar units are
        // remembered. The same queries again show that state; the first-seen timing above is the one the target reads.
        var again = LatencyDistribution.Measure(queries, q => screen(matcher, q.Query));
        Console.WriteLine($"  the same queries again (units seen before): median {LatencyDistribution.Format(again.Median)}, "
            + $"p95 {LatencyDistribution.Format(again.Percentile(95))}, mean {LatencyDistribution.Format(again.Mean)}");
        if (reportBuild)
        {
            var preparation = LatencyDistribution.Measure(queries, q => index.Preparer.Prepare(q.Query.Name));
            Console.WriteLine($"  of which name preparation alone (Preparer.Prepare, run again): median {LatencyDistribution.Format(preparation.Median)}, mean {LatencyDistribution.Format(preparation.Mean)}");
        }

        foreach (var (query, microseconds) in queries.Zip(latency.Samples).OrderByDescending(p => p.Second).Take(5))
        {
            Console.WriteLine($"  slow: {LatencyDistribution.Format(microseconds)}  {query.Id} \"{query.Query.Name}\"");
        }

        Console.WriteLine($"Peak working set (build + queries): {ProcessMemory.Format(peakAfterQueries)}");
        PrintSanity(queries, results);
        GC.KeepAlive(warmed);
        return latency;
    }

    /// <summary>Not a quality measurement (that is the evaluation's job): a check that the harness screens what it means to.</summary>
    private static void PrintSanity(List<EvalQuery> queries, IReadOnlyList<ScreeningMatch>[] results)
    {
        int aimed = 0, found = 0, negatives = 0, alerted = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            if (queries[i].IsPositive)
            {
                aimed++;
                found += results[i].Any(m => m.ListId == queries[i].ExpectedListId) ? 1 : 0;
            }
            else
            {
                negatives++;
                alerted += results[i].Any(m => m.Alert) ? 1 : 0;
            }
        }

        Console.WriteLine($"Check: {found:N0} of {aimed:N0} aimed queries find their entry among the results; {alerted:N0} of {negatives:N0} negatives raise an alert");
    }

    private static void PrintMachine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        Console.WriteLine($"Machine: {cpu ?? "unknown CPU"}, {Environment.ProcessorCount} logical CPUs; {RuntimeInformation.OSDescription}; "
            + $"{RuntimeInformation.FrameworkDescription}; GC {(GCSettings.IsServerGC ? "server" : "workstation")}; one thread screens");
    }

    private sealed record Options(int Identities, int Queries, int ListQueries, int BaselineQueries, int WarmUp, int Seed, bool SkipList, bool Help)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(1_000_000, 2000, MatchingInputs.QueryMixCount, 50, 300, 20250314, false, false);
            for (var i = 0; i < args.Length; i++)
            {
                int Number() => i + 1 < args.Length && int.TryParse(args[++i].Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw new ArgumentException($"{args[i]} needs a whole number.");
                options = args[i] switch
                {
                    "--identities" => options with { Identities = Number() },
                    "--queries" => options with { Queries = Math.Max(2, Number()) },
                    "--list-queries" => options with { ListQueries = Math.Max(1, Number()) },
                    "--baseline-queries" => options with { BaselineQueries = Math.Max(1, Number()) },
                    "--warmup" => options with { WarmUp = Math.Max(2, Number()) },
                    "--seed" => options with { Seed = Number() },
                    "--skip-list" => options with { SkipList = true },
                    "--help" or "-h" => options with { Help = true },
                    _ => throw new ArgumentException($"Unknown option {args[i]}."),
                };
            }

            return options;
        }
    }
}
