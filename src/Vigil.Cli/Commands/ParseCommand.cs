using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Edifact;
using Vigil.Travel;
using Vigil.Travel.Model;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil parse &lt;file&gt;... [--json]</c>: reads messages and shows what Vigil understood of them.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Message files (PAXLST EDIFACT)." };
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON document (the contract in docs/formats.md)." };
        var command = new Command("parse", "Parse API messages and print travelers, flights, warnings and errors.");
        command.Arguments.Add(files);
        command.Options.Add(json);
        command.SetAction(result => Run(result.GetValue(files)!, result.GetValue(json)));
        return command;
    }

    /// <summary>0 when every file was read without error, 1 when data was lost, 2 when a file could not be opened.</summary>
    internal static int Run(FileInfo[] files, bool json)
    {
        var results = new List<(string Path, TravelFile File)>();
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"vigil parse: {file.FullName}: no such file");
                return 2;
            }

            results.Add((file.ToString(), TravelFileReader.Read(File.ReadAllBytes(file.FullName))));
        }

        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            ParseJsonWriter.Write(stdout, results);
            stdout.Write("\n"u8);
        }
        else
        {
            foreach (var (path, file) in results)
            {
                Summarise(path, file);
            }
        }

        var anyError = results.Any(r => r.File.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            || r.File.Messages.Any(m => m.Errors.Any()));
        return anyError ? 1 : 0;
    }

    private static void Summarise(string path, TravelFile file)
    {
        var console = AnsiConsole.Console;
        console.Write(new Rule($"[bold]{Markup.Escape(path)}[/]") { Justification = Justify.Left });
        foreach (var message in file.Messages)
        {
            console.MarkupLine($"[bold]{Markup.Escape(message.Type)}[/] {Markup.Escape(message.Version ?? "?")} "
                + $"from {Markup.Escape(message.Sender ?? "?")} to {Markup.Escape(message.Recipient ?? "?")}, message {Markup.Escape(message.MessageReference ?? "?")}"
                + (message.Part is { } part ? $", part {part.Sequence}{(part.Final ? " (final)" : "")}" : ""));
            if (message is PassengerList list)
            {
                SummariseList(console, list);
            }

            ShowDiagnostics(console, message.Diagnostics);
        }

        ShowDiagnostics(console, file.Diagnostics);
        console.WriteLine();
    }

    private static void SummariseList(IAnsiConsole console, PassengerList list)
    {
        console.MarkupLine($"  {Markup.Escape(list.Purpose.Description)}{(list.Incomplete ? " [yellow](incomplete: parts missing)[/]" : "")}");
        foreach (var flight in list.Flights)
        {
            var legs = string.Join(", ", flight.Legs.Select(l => $"{l.Origin ?? "?"} {l.ScheduledDeparture:yyyy-MM-dd HH:mm} → {l.Destination ?? "?"} {l.ScheduledArrival:yyyy-MM-dd HH:mm}"));
            console.MarkupLine($"  flight [bold]{Markup.Escape($"{flight.Carrier}{flight.Number}")}[/]: {Markup.Escape(legs)}");
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Role", "Surname", "Given names", "Born", "Sex", "Nat.", "Document", "Locator", "Seat");
        foreach (var t in list.Travelers)
        {
            var document = t.Documents.Count > 0 ? $"{t.Documents[0].Type} {t.Documents[0].Number} {t.Documents[0].IssuingCountry}" : "";
            table.AddRow(
                [ParseJsonWriter.RoleName(t.Role), t.Surname ?? "", t.GivenNames ?? "", t.DateOfBirth?.ToString("yyyy-MM-dd") ?? "",
                 t.Gender ?? "", t.Nationality ?? "", document.Trim(), t.RecordLocator ?? "", t.Seat ?? ""],
                Markup.Escape);
        }

        console.MarkupLine($"  {list.Travelers.Count} traveler(s)");
        console.Write(table);
    }

    private static void AddRow(this Table table, string[] cells, Func<string, string> escape) =>
        table.AddRow(cells.Select(escape).ToArray());

    private static void ShowDiagnostics(IAnsiConsole console, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var colour = d.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            console.MarkupLine($"  [{colour}]{d.Severity.ToString().ToLowerInvariant()} {Markup.Escape(d.Code)}[/] segment {d.Segment}, line {d.Line}, byte {d.Offset}: {Markup.Escape(d.Message)}");
        }
    }
}
