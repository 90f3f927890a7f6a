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
        var files = new Argument<FileInfo[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Message files: PAXLST or PNRGOV EDIFACT, PNRGOV XML." };
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON document (the contract in docs/formats.md)." };
        var command = new Command("parse", "Parse API and PNR messages and print travelers, flights, bookings, warnings and errors.");
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
            else if (message is BookingPush push)
            {
                SummarisePush(console, push);
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

    private static void SummarisePush(IAnsiConsole console, BookingPush push)
    {
        var flight = push.PushedFlight is { } f
            ? $"{f.Carrier}{f.Number} {f.Legs.FirstOrDefault()?.Origin} → {f.Legs.FirstOrDefault()?.Destination} {f.Legs.FirstOrDefault()?.ScheduledDeparture:yyyy-MM-dd HH:mm}"
            : "no flight";
        console.MarkupLine($"  {push.Kind.ToString().ToLowerInvariant()} push for {Markup.Escape(flight)}: {push.Bookings.Count} booking(s)"
            + (push.Incomplete ? " [yellow](incomplete)[/]" : ""));
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Locator", "Ref", "Role", "Surname", "Given names", "Born", "Nat.", "Document", "Contacts");
        foreach (var booking in push.Bookings)
        {
            foreach (var t in booking.Travelers)
            {
                var document = t.Documents.Count > 0 ? $"{t.Documents[0].Type} {t.Documents[0].Number} {t.Documents[0].IssuingCountry}" : "";
                table.AddRow(
                    [booking.RecordLocator ?? "", t.ReferenceNumber ?? "", ParseJsonWriter.RoleName(t.Role), t.Surname ?? "", t.GivenNames ?? "",
                     t.DateOfBirth?.ToString("yyyy-MM-dd") ?? "", t.Nationality ?? "", document.Trim(), string.Join(" ", t.Contacts.Select(c => c.Number))],
                    Markup.Escape);
            }

            if (booking.RemovedSensitive.Count > 0)
            {
                console.MarkupLine($"  {Markup.Escape(booking.RecordLocator ?? "?")}: sensitive data removed: "
                    + Markup.Escape(string.Join(", ", booking.RemovedSensitive.Select(r => $"{r.Category} ×{r.Count}"))));
            }
        }

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
