using System.Text.RegularExpressions;
using Vigil.Tests;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil ingest</c> and <c>vigil messages</c> through the real executable on a SQLite store in a temporary folder.</summary>
public sealed partial class IngestCommandTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "vigil-cli-ingest-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Ingest_reports_what_it_did_quarantines_what_it_cannot_read_and_messages_shows_and_replays_it()
    {
        var good = SharedData.PathOf("data", "messages", "paxlst", "gtas-apisMessage.txt");
        var bad = Path.Combine(data, "not-edifact.txt");
        Directory.CreateDirectory(data);
        File.WriteAllText(bad, "This is a letter, not a message.");

        var (exit, stdout, stderr) = ParseCommandTests.RunVigil("ingest", good, bad, "--data", data);

        Assert.True(exit == 1, $"exit {exit}: {stdout} {stderr}");
        Assert.Contains("Received 2 file(s): 2 stored, 0 duplicate(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("1 processed, 1 quarantined", stdout, StringComparison.Ordinal);
        Assert.Contains("Travelers: 2 new", stdout, StringComparison.Ordinal);

        var quarantined = ParseCommandTests.RunVigil("messages", "quarantined", "--data", data);
        Assert.Equal(0, quarantined.ExitCode);
        Assert.Contains("no PAXLST or PNRGOV message", quarantined.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 message(s) in quarantine", quarantined.Stdout, StringComparison.Ordinal);
        var id = QuarantinedId().Match(quarantined.Stdout).Groups[1].Value;

        var replay = ParseCommandTests.RunVigil("messages", "replay", id, "--data", data);
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("failed again and is back in quarantine", replay.Stdout, StringComparison.Ordinal);

        var list = ParseCommandTests.RunVigil("messages", "list", "--data", data);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Processed  PAXLST", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("Failed", list.Stdout, StringComparison.Ordinal);

        var notQuarantined = ParseCommandTests.RunVigil("messages", "replay", "999", "--data", data);
        Assert.Equal(2, notQuarantined.ExitCode);
        Assert.Contains("no message 999", notQuarantined.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*(\d+)\s", RegexOptions.Multiline)]
    private static partial Regex QuarantinedId();
}
