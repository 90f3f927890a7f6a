using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using Vigil.Cli.Input;
using Vigil.Cli.Screening;
using Vigil.Edifact;
using Vigil.Screening.Matching;
using Vigil.Travel;
using Vigil.Travel.Model;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil screen &lt;message files…&gt; [--list …] [--json] [--all]</c>: reads API and PNR messages (any mix), screens
/// every traveler against the watch lists (the bundled UN list when none is named) and prints the travelers with hits,
/// best first.
/// </summary>
internal static class ScreenCommand
{
    /// <summary>From this many files on, a terminal shows a progress bar while screening.</summary>
    private const int ProgressFromFiles = 5;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Message files: PAXLST or PNRGOV EDIFACT, PNRGOV XML, in any mix." };
        var lists = new Option<string[]>("--list")
        {
            Description = "A watch list file or folder (format detected); repeat for several. Default: the bundled UN Consolidated List.",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON document with every traveler and their matches." };
        var all = new Option<bool>("--all") { Description = "Also list travelers without a hit (in JSON: keep the best candidates below the threshold too)." };
        var command = new Command("screen", "Screen every traveler in API and PNR messages against watch lists and show the hits.") { files, lists, json, all };
        command.SetAction(result => Run(result.GetValue(files)!, result.GetValue(lists) ?? [], result.GetValue(json), result.GetValue(all)));
        return command;
    }

    /// <summary>0 when every file was read, 1 when some could not be (they are named on stderr), 2 when a list could not be read.</summary>
    internal static int Run(FileInfo[] files, string[] lists, bool json, bool all)
    {
        WatchListMatcher matcher;
        string listNames;
        try
        {
            (matcher, listNames) = Matcher(lists);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"vigil screen: {e.Message}");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var results = new List<FileResult>(files.Length);
        if (!json && !Console.IsOutputRedirected && files.Length >= ProgressFromFiles)
        {
            AnsiConsole.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("Screening", maxValue: files.Length);
                foreach (var file in files)
                {
                    results.Add(ScreenFile(file, matcher, json && all));
                    task.Increment(1);
                }
            });
        }
        else
        {
            results.AddRange(files.Select(file => ScreenFile(file, matcher, json && all)));
        }

        clock.Stop();
        var summary = new ScreeningSummary(
            Files: results.Count,
            Unreadable: results.Count(r => r.Error is not null),
            Messages: results.Sum(r => r.Messages),
            Travelers: results.Sum(r => r.Travelers.Count),
            TravelersWithAlerts: results.Sum(r => r.Travelers.Count(t => t.Alert)),
            Lists: listNames,
            ListedParties: matcher.Index.Persons.Count,
            Elapsed: clock.Elapsed);

        foreach (var failed in results.Where(r => r.Error is not null))
        {
            Console.Error.WriteLine($"vigil screen: {failed.Path}: {failed.Error}");
        }

        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            WriteJson(stdout, results, summary);
            stdout.Write("\n"u8);
        }
        else
        {
            var console = AnsiConsole.Console;
            if (Console.IsOutputRedirected)
            {
                // Nine columns do not fit the 80 a redirected console assumes; a file or pipe has room.
                console.Profile.Width = Math.Max(console.Profile.Width, 180);
            }

            WriteTable(console, results, summary, all);
        }

        return summary.Unreadable > 0 ? 1 : 0;
    }

    private static (WatchListMatcher Matcher, string Names) Matcher(string[] lists)
    {
        if (lists.Length > 0)
        {
            return (new WatchListMatcher(ListLoading.Index(lists, Console.Error)), string.Join(", ", lists));
        }

        var list = EmbeddedList.Read();
        return (new WatchListMatcher(WatchListIndex.Build(list.Entries)), EmbeddedList.Description);
    }

    internal sealed record FileResult(string Path, string? Error, int Messages, IReadOnlyList<ScreenedTraveler> Travelers);

    internal sealed record ScreeningSummary(int Files, int Unreadable, int Messages, int Travelers, int TravelersWithAlerts, string Lists, int ListedParties, TimeSpan Elapsed)
    {
        public double TravelersPerSecond => Travelers / Math.Max(Elapsed.TotalSeconds, 1e-9);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Files} file(s){(Unreadable > 0 ? $" ({Unreadable} unreadable)" : "")}, {Messages} message(s), {Travelers} traveler(s) screened, "
            + $"{TravelersWithAlerts} with alerts, against {ListedParties:N0} list entries ({Lists}), in {Elapsed.TotalMilliseconds:N0} ms ({TravelersPerSecond:N0} travelers/s)");
    }

    private static FileResult ScreenFile(FileInfo file, WatchListMatcher matcher, bool nearMisses)
    {
        var path = file.ToString();
        if (Directory.Exists(file.FullName))
        {
            return new FileResult(path, "is a folder, not a message file", 0, []);
        }

        if (!file.Exists)
        {
            return new FileResult(path, "no such file", 0, []);
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileResult(path, e.Message, 0, []);
        }

        var read = TravelFileReader.Read(content);
        var travelers = TravelerScreening.Travelers(read).ToList();
        if (read.Messages.Count == 0 || (travelers.Count == 0 && !read.Messages.Any(m => m is PassengerList or BookingPush)))
        {
            var why = read.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message
                ?? "no PAXLST or PNRGOV message in it";
            return new FileResult(path, $"not a readable API or PNR message: {why}", read.Messages.Count, []);
        }

        return new FileResult(path, null, read.Messages.Count, [.. travelers.Select(t => TravelerScreening.Screen(matcher, t, nearMisses))]);
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<FileResult> results, ScreeningSummary summary, bool all)
    {
        var screened = results.SelectMany(r => r.Travelers).ToList();
        var shown = screened.Where(t => t.Alert || all).OrderByDescending(t => t.BestScore).ToList();
        if (shown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("Flight", "Traveler", "Born", "Document", "List", "List id", "Listed name", "Score", "Explanation");
            foreach (var traveler in shown)
            {
                var t = traveler.Traveler;
                var cells = new[]
                {
                    t.Flight ?? "", $"{t.Traveler.Surname}, {t.Traveler.GivenNames}".Trim(' ', ','),
                    t.Traveler.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    t.Document is { } d ? $"{d.Number} {d.IssuingCountry}".Trim() : "",
                };
                if (traveler.Matches.Count == 0)
                {
                    table.AddRow([.. cells.Select(Markup.Escape), "", "", "[grey]no hit[/]", "", ""]);
                    continue;
                }

                foreach (var match in traveler.Matches.OrderByDescending(m => m.Score))
                {
                    var score = match.Score.ToString("0.000", CultureInfo.InvariantCulture);
                    var listed = match.MatchedName == match.Person.PrimaryName ? match.MatchedName : $"{match.Person.PrimaryName} (as {match.MatchedName})";
                    table.AddRow([.. cells.Select(Markup.Escape), Markup.Escape(match.List), Markup.Escape(match.ListId), Markup.Escape(listed),
                        match.Alert ? $"[bold red]{score}[/]" : score, Markup.Escape(TravelerScreening.ShortExplanation(match))]);
                    cells = ["", "", "", ""];
                }
            }

            console.Write(table);
        }
        else
        {
            console.MarkupLine(summary.Travelers > 0 ? "[green]No traveler matched a listed person.[/]" : "No traveler was screened.");
        }

        console.WriteLine(summary.ToString());
    }

    private static void WriteJson(Stream stream, IReadOnlyList<FileResult> results, ScreeningSummary summary)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true });
        writer.WriteStartObject();
        writer.WriteStartArray("files");
        foreach (var file in results)
        {
            writer.WriteStartObject();
            writer.WriteString("path", file.Path);
            writer.WriteString("error", file.Error);
            writer.WriteNumber("messages", file.Messages);
            writer.WriteStartArray("travelers");
            foreach (var screened in file.Travelers)
            {
                WriteTraveler(writer, screened);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        writer.WriteNumber("files", summary.Files);
        writer.WriteNumber("unreadableFiles", summary.Unreadable);
        writer.WriteNumber("messages", summary.Messages);
        writer.WriteNumber("travelers", summary.Travelers);
        writer.WriteNumber("travelersWithAlerts", summary.TravelersWithAlerts);
        writer.WriteString("lists", summary.Lists);
        writer.WriteNumber("listedParties", summary.ListedParties);
        writer.WriteNumber("milliseconds", Math.Round(summary.Elapsed.TotalMilliseconds, 1));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteTraveler(Utf8JsonWriter writer, ScreenedTraveler screened)
    {
        var t = screened.Traveler;
        writer.WriteStartObject();
        writer.WriteString("role", Output.ParseJsonWriter.RoleName(t.Traveler.Role));
        writer.WriteString("surname", t.Traveler.Surname);
        writer.WriteString("givenNames", t.Traveler.GivenNames);
        writer.WriteString("dateOfBirth", t.Traveler.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("nationality", t.Traveler.Nationality);
        writer.WriteString("document", t.Document?.Number);
        writer.WriteString("recordLocator", t.RecordLocator);
        writer.WriteString("flight", t.Flight);
        writer.WriteBoolean("alert", screened.Alert);
        Output.MatchJson.WriteMatches(writer, screened.Matches);
        writer.WriteEndObject();
    }
}
