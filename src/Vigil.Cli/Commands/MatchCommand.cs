using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Cli.Input;
using Vigil.Screening.Matching;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil match --list … --input queries.csv [--top K]</c>: screens each row of a CSV of travelers against the
/// lists and prints one JSON object per row (JSON Lines), best match first.
/// </summary>
internal static class MatchCommand
{
    internal static Command Create()
    {
        var lists = new Option<string[]>("--list")
        {
            Description = "A watch list file or folder (format detected); repeat for several lists.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var input = new Option<FileInfo>("--input")
        {
            Description = "CSV with header id,name,dob,nationality,gender,document (extra columns ignored).",
            Required = true,
        };
        var top = new Option<int>("--top")
        {
            Description = "Matches to print per row, best first.",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("match", "Screen travelers from a CSV file against watch lists; prints JSON Lines.") { lists, input, top };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(top);
            if (count < 1)
            {
                Console.Error.WriteLine("--top must be at least 1.");
                return 2;
            }

            WatchListMatcher matcher;
            IReadOnlyList<(string Id, ScreeningQuery Query)> queries;
            try
            {
                matcher = new WatchListMatcher(ListLoading.Index(parse.GetValue(lists)!, Console.Error));
                queries = QueryCsv.Read(parse.GetValue(input)!.FullName);
            }
            catch (Exception e) when (e is FormatException or IOException or InvalidDataException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            using var stdout = Console.OpenStandardOutput();
            using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var (id, query) in queries)
            {
                Write(writer, id, matcher.Screen(query, count));
                writer.Flush();
                writer.Reset();
                stdout.WriteByte((byte)'\n');
            }

            return 0;
        });
        return command;
    }

    private static void Write(Utf8JsonWriter writer, string id, IReadOnlyList<ScreeningMatch> matches)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteBoolean("alert", matches.Any(m => m.Alert));
        Output.MatchJson.WriteMatches(writer, matches);
        writer.WriteEndObject();
    }
}
