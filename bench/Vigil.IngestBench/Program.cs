using System.Runtime;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vigil.Cli.Input;
using Vigil.Data;
using Vigil.Data.Ingest;
using Vigil.Screening.Hits;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;
using Vigil.Travel.Synthetic;

namespace Vigil.IngestBench;

/// <summary>
/// Whole-pipeline macro benchmark: a generated day of traffic (one PAXLST list and one PNRGOV push per flight) is
/// received and processed by <see cref="IngestPipeline"/> into a fresh store — SQLite, PostgreSQL or both — screening
/// every traveler against the bundled UN list; one or more senders send the messages while the pipeline processes what
/// is stored, as the service's ingest worker does. Reports messages, travelers and PNRs per second end to end, the time
/// each stage took, and the process's resident memory.
/// </summary>
internal static class Program
{
    private const int WarmUpFlights = 40;

    private const string Usage = """
        dotnet run -c Release --project bench/Vigil.IngestBench -- [options]
          --flights N       flights in the generated day; one PAXLST and one PNRGOV push each (default 500)
          --provider P      sqlite, postgresql or both (default sqlite)
          --postgres CS     PostgreSQL server connection string (default: env VIGIL_BENCH_POSTGRES); a new database
                            is made on it for the run and dropped afterwards
          --seed N          generator seed (default 20260115)
          --batch N         messages per batch (default: the pipeline's, 16)
          --senders N       senders sending at the same time, each its share of the messages one after another (default 1)
          --receive-first   store every message before processing any (default: process while receiving, as the service does)
          --allocations     also print the types the timed run allocates most (sampled; slows the run a little)
        """;

    private static async Task<int> Main(string[] args)
    {
        var (flights, providers, postgres, seed) = (500, new List<StoreProvider> { StoreProvider.Sqlite }, Environment.GetEnvironmentVariable("VIGIL_BENCH_POSTGRES"), 20260115);
        var receiveFirst = false;
        var senders = 1;
        var batch = new IngestOptions().MessagesPerBatch;
        AllocationSampler? allocations = null;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--receive-first")
                {
                    receiveFirst = true;
                    continue;
                }

                if (args[i] == "--allocations")
                {
                    allocations = new AllocationSampler();
                    continue;
                }

                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--flights": flights = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--postgres": postgres = value; break;
                    case "--senders": senders = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--batch": batch = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)); break;
                    case "--provider":
                        providers = value == "both" ? [StoreProvider.Sqlite, StoreProvider.PostgreSql] : [VigilStoreOptions.ParseProvider(value)];
                        break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }

                i++;
            }

            if (providers.Contains(StoreProvider.PostgreSql) && string.IsNullOrWhiteSpace(postgres))
            {
                throw new ArgumentException("PostgreSQL needs --postgres or VIGIL_BENCH_POSTGRES.");
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var generating = Stopwatch.StartNew();
        var lists = new PaxlstGenerator(seed).Generate(flights).ToList();
        var pushes = new PnrgovGenerator(seed).Generate(flights).ToList();
        var traffic = lists.Select(l => l.Content).Concat(pushes.Select(p => p.Content)).ToList();
        var pnrs = pushes.Sum(p => p.Bookings.Count);
        var travelers = lists.Sum(l => l.Travelers.Count) + pushes.Sum(p => p.Travelers.Count());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {flights} flights: {traffic.Count} messages ({traffic.Sum(t => (long)t.Length) / 1024.0 / 1024.0:F1} MiB), {travelers:N0} travelers, {pnrs:N0} PNRs in {generating.Elapsed.TotalSeconds:F1} s (not timed below)."));

        var building = Stopwatch.StartNew();
        var check = new WatchListCheck(new WatchListMatcher(WatchListIndex.Build(EmbeddedList.Read().Entries)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UN list index built in {building.Elapsed.TotalSeconds:F1} s (not timed below)."));

        // Warm-up, not reported: a running service compiled its hot code (JIT tiers and EF's queries) long ago, while a
        // fresh process spends seconds of both cores on it. Other flights (another seed) go through throw-away stores
        // twice — the tiers promote a method after it has run a while — and the timed run waits until the compiler rests.
        var warmUp = new PaxlstGenerator(seed + 1).Generate(WarmUpFlights).Select(l => l.Content)
            .Concat(new PnrgovGenerator(seed + 1).Generate(WarmUpFlights).Select(p => p.Content)).ToList();
        var settling = Stopwatch.StartNew();
        for (var round = 0; round < 2; round++)
        {
            await RunAsync(StoreProvider.Sqlite, postgres, warmUp, 0, 0, check, receiveFirst, senders, batch, report: false);
        }

        await JitSettledAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warmed up on {WarmUpFlights} other flights twice in {settling.Elapsed.TotalSeconds:F1} s; {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods compiled (not timed)."));

        foreach (var provider in providers)
        {
            allocations?.Start();
            await RunAsync(provider, postgres, traffic, travelers, pnrs, check, receiveFirst, senders, batch, report: true);
            allocations?.Stop();
            allocations?.Print(30);
        }

        return 0;
    }

    private static async Task RunAsync(StoreProvider provider, string? postgres, List<byte[]> traffic, int travelers, int pnrs, ITravelerCheck check, bool receiveFirst, int senders, int batch, bool report)
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigil-ingestbench-" + Guid.NewGuid().ToString("N"));
        var database = "vigil_bench_" + Guid.NewGuid().ToString("N");
        VigilStoreOptions options;
        if (provider == StoreProvider.Sqlite)
        {
            options = VigilStoreOptions.Sqlite(folder);
        }
        else
        {
            await ExecuteAsync(postgres!, $"CREATE DATABASE {database}");
            options = VigilStoreOptions.PostgreSql(new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
        }

        try
        {
            var store = await VigilStore.OpenAsync(options);
            var pipeline = new IngestPipeline(store, [check], new IngestOptions { MessagesPerBatch = batch });
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var ioBefore = FileIo.Now();
            var clock = Stopwatch.StartNew();
            var received = TimeSpan.Zero;
            // Sender k sends messages k, k + senders, … one after another, as one airline's link does.
            var receiving = Task.Run(async () =>
            {
                await Task.WhenAll(Enumerable.Range(0, senders).Select(k => Task.Run(async () =>
                {
                    for (var i = k; i < traffic.Count; i += senders)
                    {
                        await pipeline.ReceiveAsync(traffic[i], senders == 1 ? "bench" : $"bench-{k + 1}", CancellationToken.None);
                    }
                })));
                received = clock.Elapsed;
            });
            if (receiveFirst)
            {
                await receiving;
            }

            // As the service's ingest worker does: process what is stored while the sender goes on sending.
            var processed = 0;
            while (true)
            {
                var finished = receiving.IsCompleted;
                var count = await pipeline.ProcessPendingAsync(CancellationToken.None);
                processed += count;
                if (finished && count == 0)
                {
                    break;
                }

                if (count == 0)
                {
                    await Task.Delay(5);
                }
            }

            await receiving;
            var total = clock.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var io = FileIo.Now() - ioBefore;
            if (!report)
            {
                return;
            }

            var counts = await store.CountAsync();
            using var process = Process.GetCurrentProcess();
            var t = pipeline.Timings;
            var seconds = total.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                {provider}: {traffic.Count} messages received in {received.TotalSeconds:F1} s and {processed} processed, {total.TotalSeconds:F1} s end to end
                  {traffic.Count / seconds,10:N0} messages/s   {travelers / seconds,10:N0} travelers/s   {pnrs / seconds,10:N0} PNRs/s
                  stored: {counts.Travelers:N0} travelers, {counts.Bookings:N0} bookings, {counts.Persons:N0} persons, {counts.Hits:N0} hits; {counts.MessagesIn(Data.Entities.MessageStatus.Failed)} quarantined
                  stages: receive {t.Receive.TotalSeconds:F1} s, parse {t.Parse.TotalSeconds:F1} s, upsert {t.Upsert.TotalSeconds:F1} s, identity {t.Identity.TotalSeconds:F1} s, screen {t.Screen.TotalSeconds:F1} s, complete {t.Complete.TotalSeconds:F1} s
                  resident memory {process.WorkingSet64 / 1048576.0:N0} MiB (peak {process.PeakWorkingSet64 / 1048576.0:N0} MiB), managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MiB
                  files: {io.Written / 1048576.0:N0} MiB written in {io.Writes:N0} calls, {io.Read / 1048576.0:N0} MiB read in {io.Reads:N0} calls (the store's file, its log and the checkpoints)
                  processor time {cpu.TotalSeconds:F1} s ({cpu.TotalSeconds / total.TotalSeconds / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores)
                  garbage collection (whole process): {GC.CollectionCount(0):N0} / {GC.CollectionCount(1):N0} / {GC.CollectionCount(2):N0} collections of generation 0 / 1 / 2, paused {GC.GetTotalPauseDuration().TotalSeconds:F1} s, {GC.GetTotalAllocatedBytes() / 1073741824.0:F1} GiB allocated; {(GCSettings.IsServerGC ? "server" : "workstation")} GC
                """));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            // The store's background checkpoint may still hold the file for a moment after the run.
            for (var attempt = 1; Directory.Exists(folder); attempt++)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException) when (attempt < 20)
                {
                    await Task.Delay(100);
                }
            }

            if (provider == StoreProvider.PostgreSql)
            {
                await ExecuteAsync(postgres!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    /// <summary>Waits until the JIT has compiled nothing new for a second (at most ten), so that the timed run pays no tiering.</summary>
    private static async Task JitSettledAsync()
    {
        var waited = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(1000);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
