using Vigil.Cli.Output;
using Vigil.Tests;
using Vigil.Travel;

namespace Vigil.Cli.Tests;

/// <summary>
/// Every shared PAXLST and PNRGOV sample parses without error and exactly as its checked-in golden JSON says.
/// Set VIGIL_UPDATE_GOLDEN=1 to rewrite the goldens after an intended change, then review the diff.
/// </summary>
public class ParseGoldenTests
{
    public static TheoryData<string, string> SharedSamples() =>
    [
        .. ((string[])["paxlst", "pnrgov"]).SelectMany(folder =>
            SharedData.Files(Path.Combine("data", "messages", folder)).Select(f => new TheoryDataRow<string, string>(folder, Path.GetFileName(f)))),
    ];

    [Theory]
    [MemberData(nameof(SharedSamples))]
    public void Shared_sample_matches_its_golden_json(string folder, string name)
    {
        var file = TravelFileReader.Read(File.ReadAllBytes(SharedData.PathOf("data", "messages", folder, name)));
        var json = ParseJsonWriter.ToJson([(name, file)]).ReplaceLineEndings("\n");
        var golden = Path.Combine(SharedData.RepositoryRoot, "tests", "Vigil.Cli.Tests", "Golden", Path.ChangeExtension(name, ".json"));

        Assert.DoesNotContain(file.Diagnostics, d => d.Severity == Edifact.DiagnosticSeverity.Error);
        Assert.All(file.Messages, m => Assert.Empty(m.Errors));
        Assert.NotEmpty(file.Messages.OfType<Travel.Model.PassengerList>().SelectMany(l => l.Travelers)
            .Concat(file.Messages.OfType<Travel.Model.BookingPush>().SelectMany(p => p.Travelers)));

        if (Environment.GetEnvironmentVariable("VIGIL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, json);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}; run with VIGIL_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), json);
    }
}
