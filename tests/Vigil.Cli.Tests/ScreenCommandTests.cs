using System.Text.Json;
using Vigil.Tests;

namespace Vigil.Cli.Tests;

/// <summary>The command-line contract of <c>vigil screen</c>, exercised through the real executable.</summary>
public class ScreenCommandTests
{
    /// <summary>
    /// A passenger list written by hand after the GTAS sample: a UN-listed person (QDi.006, listed as
    /// "AIMAN MUHAMMED RABI AL-ZAWAHIRI", born 1951-06-19, Egyptian) under another spelling, and an ordinary traveler.
    /// </summary>
    private const string ListedPaxlst =
        "UNA:+.?*'UNB+UNOA:4+XY+VIGILPIU+260301:0930+000000777'UNH+PAX001+PAXLST:D:05B:UN:IATA'BGM+745'RFF+TN:XY5120301:::001'"
        + "NAD+MS+++OPS DESK'TDT+20+XY512+++XY'LOC+125+CAI'DTM+189:2603011105:201'LOC+87+IST'DTM+232:2603011430:201'"
        + "NAD+FL+++EL ZAWAHIRI:AYMAN MOHAMMED RABIE'ATT+2++M'DTM+329:510619'NAT+2+EGY'RFF+AVF:QX7K2M'DOC+P:110:111+A12345678'DTM+36:301231'LOC+91+EGY'"
        + "NAD+FL+++HANSEN:INGRID'ATT+2++F'DTM+329:880214'NAT+2+NOR'RFF+AVF:QX7K2N'DOC+P:110:111+N98765432'DTM+36:310101'LOC+91+NOR'"
        + "CNT+42:2'UNT+27+PAX001'UNZ+1+000000777'";

    private static (int ExitCode, string Stdout, string Stderr) RunVigil(params string[] arguments) => ParseCommandTests.RunVigil(arguments);

    private static string WriteTemporary(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-screen-{Guid.NewGuid():N}.edi");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Json_lists_every_traveler_of_the_shared_samples_and_no_alert()
    {
        var files = SharedData.Files(Path.Combine("data", "messages", "paxlst"))
            .Concat(SharedData.Files(Path.Combine("data", "messages", "pnrgov"))).ToArray();
        var (exit, stdout, stderr) = RunVigil(["screen", .. files, "--json"]);

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var parsed = document.RootElement.GetProperty("files");
        Assert.Equal(files.Length, parsed.GetArrayLength());
        var travelers = parsed.EnumerateArray().SelectMany(f => f.GetProperty("travelers").EnumerateArray()).ToList();
        foreach (var traveler in travelers)
        {
            foreach (var key in (string[])["surname", "givenNames", "dateOfBirth", "recordLocator", "flight", "alert", "matches"])
            {
                Assert.True(traveler.TryGetProperty(key, out _), $"traveler lacks '{key}'");
            }
        }

        // Every traveler that `vigil parse` reads is screened: the same count in both outputs.
        var (_, parsedJson, _) = ParseCommandTests.RunVigil(["parse", .. files, "--json"]);
        using var parseDocument = JsonDocument.Parse(parsedJson);
        var expected = parseDocument.RootElement.GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("messages").EnumerateArray())
            .Sum(m => m.GetProperty("travelers").GetArrayLength());
        Assert.Equal(expected, travelers.Count);
        Assert.True(travelers.Count > 100);

        var apis = parsed.EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith("gtas-apisMessage.txt", StringComparison.Ordinal));
        var clark = apis.GetProperty("travelers")[0];
        Assert.Equal("CLARK", clark.GetProperty("surname").GetString());
        Assert.Equal("AA123", clark.GetProperty("flight").GetString());
        Assert.Equal("TYR123", clark.GetProperty("recordLocator").GetString());

        var pnr = parsed.EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith("gtas-pnr1.txt", StringComparison.Ordinal));
        Assert.Equal("MFN4TI", pnr.GetProperty("travelers")[0].GetProperty("recordLocator").GetString());

        // The GTAS samples carry invented people (CLARK, SMITH, JONES …): none of them is on the UN list.
        Assert.DoesNotContain(travelers, t => t.GetProperty("alert").GetBoolean());
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal(travelers.Count, summary.GetProperty("travelers").GetInt32());
        Assert.Equal(0, summary.GetProperty("travelersWithAlerts").GetInt32());
        Assert.Equal(0, summary.GetProperty("unreadableFiles").GetInt32());
    }

    [Fact]
    public void A_listed_person_under_another_spelling_alerts_on_the_right_UN_entry()
    {
        var path = WriteTemporary(ListedPaxlst);
        try
        {
            var (exit, stdout, stderr) = RunVigil("screen", path, "--json");

            Assert.True(exit == 0, stderr);
            using var document = JsonDocument.Parse(stdout);
            var travelers = document.RootElement.GetProperty("files")[0].GetProperty("travelers");
            Assert.Equal(2, travelers.GetArrayLength());
            var listed = travelers[0];
            Assert.Equal("EL ZAWAHIRI", listed.GetProperty("surname").GetString());
            Assert.True(listed.GetProperty("alert").GetBoolean());
            Assert.Equal("XY512", listed.GetProperty("flight").GetString());
            Assert.Equal("QX7K2M", listed.GetProperty("recordLocator").GetString());
            var match = listed.GetProperty("matches")[0];
            Assert.Equal("un", match.GetProperty("list").GetString());
            Assert.Equal("QDi.006", match.GetProperty("listId").GetString());
            Assert.True(match.GetProperty("alert").GetBoolean());
            Assert.Contains("dateOfBirth", match.GetProperty("explanation").GetString());
            Assert.False(travelers[1].GetProperty("alert").GetBoolean());
            Assert.Equal(0, travelers[1].GetProperty("matches").GetArrayLength());
            Assert.Equal(1, document.RootElement.GetProperty("summary").GetProperty("travelersWithAlerts").GetInt32());

            var (tableExit, table, _) = RunVigil("screen", path);
            Assert.Equal(0, tableExit);
            Assert.Contains("QDi.006", table);
            Assert.Contains("EL ZAWAHIRI", table);
            Assert.DoesNotContain("HANSEN", table);
            Assert.Contains("2 traveler(s) screened, 1 with alerts", table);
            Assert.DoesNotContain("\u001b[", table); // no progress bar or colour codes when redirected

            var (_, everyone, _) = RunVigil("screen", path, "--all");
            Assert.Contains("HANSEN", everyone);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_explicit_list_replaces_the_bundled_one()
    {
        var path = WriteTemporary(ListedPaxlst);
        try
        {
            var (exit, stdout, stderr) = RunVigil("screen", path, "--json", "--list", SharedData.PathOf("data", "lists", "un", "consolidated.xml"));

            Assert.True(exit == 0, stderr);
            using var document = JsonDocument.Parse(stdout);
            Assert.Equal("QDi.006", document.RootElement.GetProperty("files")[0].GetProperty("travelers")[0].GetProperty("matches")[0].GetProperty("listId").GetString());
            Assert.EndsWith("consolidated.xml", document.RootElement.GetProperty("summary").GetProperty("lists").GetString(), StringComparison.Ordinal);

            var (badList, _, listError) = RunVigil("screen", path, "--list", "/nonexistent/list.xml");
            Assert.Equal(2, badList);
            Assert.Contains("/nonexistent/list.xml", listError);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unreadable_files_are_reported_and_the_rest_still_screened_with_exit_code_1()
    {
        var garbage = WriteTemporary("this is not an EDIFACT message\n");
        try
        {
            var sample = SharedData.PathOf("data", "messages", "paxlst", "gtas-apisMessage.txt");
            var (exit, stdout, stderr) = RunVigil("screen", "--json", sample, "/nonexistent/file.edi", garbage);

            Assert.Equal(1, exit);
            Assert.Contains("/nonexistent/file.edi: no such file", stderr);
            Assert.Contains($"{garbage}: not a readable API or PNR message", stderr);
            using var document = JsonDocument.Parse(stdout);
            var files = document.RootElement.GetProperty("files");
            Assert.Equal(3, files.GetArrayLength());
            Assert.Equal(JsonValueKind.Null, files[0].GetProperty("error").ValueKind);
            Assert.Equal(2, files[0].GetProperty("travelers").GetArrayLength());
            Assert.Equal("no such file", files[1].GetProperty("error").GetString());
            Assert.Equal(2, document.RootElement.GetProperty("summary").GetProperty("unreadableFiles").GetInt32());
        }
        finally
        {
            File.Delete(garbage);
        }
    }
}
