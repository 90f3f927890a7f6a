using System.Diagnostics;
using System.Text.Json;
using Vigil.Tests;

namespace Vigil.Cli.Tests;

/// <summary>The command-line contract of <c>vigil parse</c>, exercised through the real executable.</summary>
public class ParseCommandTests
{
    internal static (int ExitCode, string Stdout, string Stderr) RunVigil(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Json_output_is_one_document_following_the_contract()
    {
        var files = SharedData.Files(Path.Combine("data", "messages", "paxlst")).ToArray();
        var (exit, stdout, _) = RunVigil(["parse", .. files, "--json"]);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var parsed = document.RootElement.GetProperty("files");
        Assert.Equal(files.Length, parsed.GetArrayLength());
        var message = parsed.EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith("gtas-apisMessage.txt", StringComparison.Ordinal))
            .GetProperty("messages")[0];
        foreach (var key in (string[])["type", "version", "sender", "recipient", "interchangeRef", "messageRef", "part", "documentCode", "flights", "travelers", "warnings", "errors"])
        {
            Assert.True(message.TryGetProperty(key, out _), $"message lacks '{key}'");
        }

        Assert.Equal("PAXLST", message.GetProperty("type").GetString());
        Assert.Equal("D:05B", message.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("part").ValueKind);
        var leg = message.GetProperty("flights")[0].GetProperty("legs")[0];
        Assert.Equal("2007-02-19T15:40", leg.GetProperty("departure").GetString());
        var traveler = message.GetProperty("travelers")[0];
        Assert.Equal("passenger", traveler.GetProperty("role").GetString());
        Assert.Equal("CLARK", traveler.GetProperty("surname").GetString());
        Assert.Equal("MICHAEL", traveler.GetProperty("givenNames").GetString());
        Assert.Equal("1972-09-07", traveler.GetProperty("dateOfBirth").GetString());
        Assert.Equal(JsonValueKind.Null, traveler.GetProperty("nationality").ValueKind);
        Assert.Equal(JsonValueKind.Array, traveler.GetProperty("documents").ValueKind);
    }

    [Fact]
    public void Warnings_carry_code_segment_offset_line_and_message()
    {
        var file = SharedData.PathOf("data", "messages", "paxlst", "gtas-multiple_flight_leg_apis.txt");
        var (exit, stdout, _) = RunVigil("parse", "--json", file);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var warning = document.RootElement.GetProperty("files")[0].GetProperty("warnings")[0];
        Assert.Equal("junk-after-interchange", warning.GetProperty("code").GetString());
        Assert.Equal(970, warning.GetProperty("offset").GetInt64());
        Assert.Equal(49, warning.GetProperty("line").GetInt32());
        Assert.Equal(50, warning.GetProperty("segment").GetInt32());
        Assert.Contains("13Nov09", warning.GetProperty("message").GetString());
    }

    [Fact]
    public void Readable_summary_names_the_travelers()
    {
        var (exit, stdout, _) = RunVigil("parse", SharedData.PathOf("data", "messages", "paxlst", "gtas-apisMessage.txt"));

        Assert.Equal(0, exit);
        Assert.Contains("CLARK", stdout);
        Assert.Contains("2 traveler(s)", stdout);
        Assert.Contains("AA123", stdout);
    }

    [Fact]
    public void A_missing_file_is_refused_with_exit_code_2()
    {
        var (exit, _, stderr) = RunVigil("parse", "/nonexistent/file.edi");

        Assert.Equal(2, exit);
        Assert.Contains("no such file", stderr);
    }

    [Fact]
    public void Sensitive_data_never_reaches_either_output()
    {
        var push = "UNA:+.?*'UNB+IATA:1+XY+VIGILPIU+250314:0930+A1'UNH+1+PNRGOV:13:1:IA+XY512'MSG+:22'"
            + "TVL+140325:1105:140325:1830+CMN+IST+XY+512'EQN+1'SRC'RCI+XY:ABC123'ORG+XY:CMN'"
            + "IFT+4:28::XY+KOSHER MEAL PLEASE'TIF+DOE+JOHNMR:A:1'SSR+MOML:HK:1:XY+::1'SSR+MEDA:HK:1:XY+::1'UNT+11+1'UNZ+1+A1'";
        var path = Path.Combine(Path.GetTempPath(), $"vigil-sensitive-{Guid.NewGuid():N}.edi");
        File.WriteAllText(path, push);
        try
        {
            var (jsonExit, json, _) = RunVigil("parse", "--json", path);
            var (textExit, text, _) = RunVigil("parse", path);

            Assert.Equal((0, 0), (jsonExit, textExit));
            foreach (var output in (string[])[json, text])
            {
                Assert.DoesNotContain("MOML", output, StringComparison.Ordinal);
                Assert.DoesNotContain("MEDA", output, StringComparison.Ordinal);
                Assert.DoesNotContain("KOSHER", output, StringComparison.Ordinal);
            }

            using var document = JsonDocument.Parse(json);
            var removed = document.RootElement.GetProperty("files")[0].GetProperty("messages")[0].GetProperty("bookings")[0].GetProperty("removedSensitive");
            Assert.Equal("[{\"category\":\"health\",\"count\":1},{\"category\":\"religion\",\"count\":2}]", removed.GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
            Assert.Contains("religion", text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
