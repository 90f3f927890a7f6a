using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Travel.Synthetic;

namespace Vigil.Data.Tests.Ingest;

/// <summary>
/// Crash safety of the real <c>vigil ingest</c>: a generated ingest is killed (SIGKILL, no chance to clean up) at
/// random moments again and again, then run to the end; every message must then be processed exactly once, with
/// every traveler stored once and nothing left pending.
/// </summary>
public abstract class IngestCrashTests : IAsyncLifetime
{
    private const int Kills = 3;

    private readonly ITestDatabase database;
    private readonly string input = Path.Combine(Path.GetTempPath(), "vigil-crash-input-" + Guid.NewGuid().ToString("N"));
    private VigilStoreOptions? options;

    protected IngestCrashTests(ITestDatabase database)
    {
        this.database = database;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => options = await database.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await database.DropAsync();
        if (Directory.Exists(input))
        {
            Directory.Delete(input, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_killed_ingest_resumes_and_processes_every_message_exactly_once()
    {
        Directory.CreateDirectory(input);
        var lists = Enumerable.Range(1, 12).Select(i => new PaxlstGenerator(11).GenerateFile(i, passengers: 50)).ToList();
        var pushes = Enumerable.Range(1, 12).Select(i => new PnrgovGenerator(11).GenerateFile(i, bookings: 25)).ToList();
        foreach (var file in lists)
        {
            await File.WriteAllBytesAsync(Path.Combine(input, file.FileName), file.Content, Cancel);
        }

        foreach (var push in pushes)
        {
            await File.WriteAllBytesAsync(Path.Combine(input, push.FileName), push.Content, Cancel);
        }

        var messages = lists.Count + pushes.Count;
        var travelers = lists.Sum(l => l.Travelers.Count) + pushes.Sum(p => p.Travelers.Count());
        // The store exists (migrated) before any run, so runs and this test never race to create it.
        var store = await VigilStore.OpenAsync(options!, cancellationToken: Cancel);
        var random = new Random(20260115);
        var killedMidway = 0;
        for (var run = 0; run < Kills; run++)
        {
            using var process = StartIngest();
            // Kill once the run is under way: the first run soon after it stores its first message, the others soon
            // after they finish one more message, so kills land while receiving and while processing.
            var before = await store.CountAsync(Cancel);
            while (!process.HasExited && !MadeProgress(run, before, await store.CountAsync(Cancel)))
            {
                await Task.Delay(20, Cancel);
            }

            await Task.Delay(random.Next(0, 300), Cancel);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(Cancel);
                var at = await store.CountAsync(Cancel);
                killedMidway += at.AllMessages > 0 && at.MessagesIn(MessageStatus.Processed) < messages ? 1 : 0;
            }
        }

        using (var last = StartIngest())
        {
            var output = last.StandardOutput.ReadToEndAsync(Cancel);
            var errors = last.StandardError.ReadToEndAsync(Cancel);
            if (!last.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                last.Kill(entireProcessTree: true);
                Assert.Fail($"the last run did not finish in 5 minutes; it wrote: {await output} {await errors}");
            }

            Assert.True(last.ExitCode == 0, $"vigil ingest exited with {last.ExitCode}: {await output} {await errors}");
            Assert.Contains("0 pending", await output, StringComparison.Ordinal);
        }

        Assert.True(killedMidway > 0, "no run was killed while ingesting: the kills must land between receiving and the end of processing");
        var counts = await store.CountAsync(Cancel);
        Assert.Equal(messages, counts.AllMessages);
        Assert.Equal(messages, counts.MessagesIn(MessageStatus.Processed));
        Assert.Equal(travelers, counts.Travelers);
        Assert.Equal(pushes.Sum(p => p.Bookings.Count), counts.Bookings);
        await using var db = store.CreateContext();
        // Exactly once: one completing step per message, one booking version per booking (each came in one push),
        // one person link per traveler.
        var completions = await db.Audit.Where(a => a.Step == "complete").GroupBy(a => a.MessageId).Select(g => g.Count()).ToListAsync(Cancel);
        Assert.Equal(messages, completions.Count);
        Assert.All(completions, c => Assert.Equal(1, c));
        Assert.Equal(counts.Bookings, await db.BookingVersions.CountAsync(Cancel));
        Assert.Equal(travelers, await db.PersonLinks.CountAsync(Cancel));
        Assert.Equal(travelers, await db.PersonLinks.Select(l => l.TravelerId).Distinct().CountAsync(Cancel));
    }

    private static bool MadeProgress(int run, StoreCounts before, StoreCounts now) => run == 0
        ? now.AllMessages > before.AllMessages
        : now.MessagesIn(MessageStatus.Processed) > before.MessagesIn(MessageStatus.Processed);

    private Process StartIngest()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        start.ArgumentList.Add("ingest");
        start.ArgumentList.Add(input);
        if (options!.Provider == StoreProvider.Sqlite)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(options.DataFolder);
        }
        else
        {
            start.Environment["Vigil__Store__Provider"] = "postgresql";
            start.Environment["Vigil__Store__ConnectionString"] = options.ConnectionString;
        }

        return Process.Start(start)!;
    }
}

public sealed class SqliteIngestCrashTests() : IngestCrashTests(new SqliteTestDatabase());

public sealed class PostgresIngestCrashTests() : IngestCrashTests(new PostgresTestDatabase());
