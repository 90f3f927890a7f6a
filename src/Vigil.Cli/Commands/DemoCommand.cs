using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Cli.Input;
using Vigil.Cli.Screening;
using Vigil.Travel;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Commands;

/// <summary>What <c>vigil demo</c> was asked for.</summary>
/// <param name="Serve">Keep the service running after the summary; null: only when a person is at the console.</param>
internal sealed record DemoSettings(int Flights, int Seed, string DataFolder, int Port, bool? Serve);

/// <summary>
/// <c>vigil demo</c>: the main job. Generates a synthetic day of traffic — per flight the API list (PAXLST) and the PNR
/// push (PNRGOV) of the same travelers — with a few persons of the UN list planted in it under other spellings; starts
/// the service over a fresh SQLite store; imports the bundled UN list and posts every message through the REST API as
/// an airline would; and reports, from the API, what the service stored, linked and found. The service then keeps
/// running for the user to explore until Ctrl+C. Needs no configuration, file or network beyond 127.0.0.1.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDataFolder = "vigil-demo";
    public const int DefaultPort = 5080;

    public static Command Create()
    {
        var flights = new Option<int>("--flights") { Description = "Flights to generate.", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic traffic.", DefaultValueFactory = _ => 2396 };
        var data = new Option<string>("--data") { Description = "Folder of the demo's SQLite store (its store files are replaced on each run).", DefaultValueFactory = _ => DefaultDataFolder };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (a free one is taken when it is busy; 0: any).", DefaultValueFactory = _ => DefaultPort };
        var serve = new Option<bool>("--serve") { Description = "Keep the service running after the summary, even without a console." };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop the service after the summary." };
        var command = new Command("demo", "Generate a synthetic day of API and PNR traffic, run it through the service and show what Vigil found.")
        {
            flights, seed, data, port, serve, noServe,
        };

        // On the option, not the command: a command's validator reads an option the user left out as 0, not as its
        // default, and refused a plain "vigil demo".
        flights.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 2000)
            {
                result.AddError("--flights must be between 1 and 2000.");
            }
        });
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        command.SetAction((result, cancellationToken) => RunAsync(
            new DemoSettings(
                result.GetValue(flights),
                result.GetValue(seed),
                result.GetValue(data)!,
                result.GetValue(port),
                result.GetValue(noServe) ? false : result.GetValue(serve) ? true : null),
            AnsiConsole.Console,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(DemoSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var unList = EmbeddedList.Read();
        var traffic = DemoTraffic.Generate(settings.Flights, settings.Seed, unList);
        var mismatches = ReadBack(console, traffic);

        await using var service = await DemoService.StartAsync(settings.DataFolder, settings.Port, cancellationToken);
        var clock = Stopwatch.StartNew();
        await service.ImportListAsync(EmbeddedList.Bytes(), "un-consolidated.xml", "un", cancellationToken);
        var importTime = clock.Elapsed;

        clock.Restart();
        var messages = traffic.Messages().ToList();
        foreach (var (_, content) in messages)
        {
            await service.PostMessageAsync(content, cancellationToken);
        }

        await service.SettledAsync(TimeSpan.FromMinutes(10), cancellationToken);
        var ingestTime = clock.Elapsed;

        var processed = await service.CountAsync("Processed", cancellationToken);
        var quarantined = await service.CountAsync("Failed", cancellationToken);
        var flights = await service.GetAsync("/api/flights?limit=1000", cancellationToken);
        var travelers = flights.EnumerateArray().Sum(f => f.GetProperty("travelers").GetInt32());
        var hits = await DemoHits.ReadAsync(service, traffic.Planted, cancellationToken);

        console.Write(new Rule($"[bold]The service[/] at {Markup.Escape(service.Address.ToString())}") { Justification = Justify.Left });
        var summary = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        summary.AddRow("Watch list", $"{Markup.Escape(EmbeddedList.Description)}: {unList.Entries.Count} entries, imported through the API in {importTime.TotalSeconds:F1} s");
        summary.AddRow("Messages posted by the demo airline", $"{messages.Count}: {traffic.Flights.Count} PAXLST, {traffic.Flights.Count(f => f.Push is not null)} PNRGOV pushes ({traffic.PnrCount} PNRs)");
        summary.AddRow("Processed / quarantined", $"{processed} / {quarantined}");
        summary.AddRow("Flights and traveler records stored", $"{flights.GetArrayLength()} flights, {travelers} travelers (API and PNR records)");
        summary.AddRow("Ingest, end to end", string.Create(CultureInfo.InvariantCulture,
            $"{ingestTime.TotalSeconds:F1} s: store raw, parse, store, link identities, screen ({travelers / Math.Max(ingestTime.TotalSeconds, 1e-9):N0} traveler records/s)"));
        summary.AddRow("Hits", $"{hits.Rows.Count} on {hits.Rows.Select(r => r.TravelerId).Distinct().Count()} traveler records");
        summary.AddRow("Planted persons found", $"{hits.Found} of {traffic.Planted.Count}");
        summary.AddRow("Planted persons whose API and PNR records were linked to one person", $"{hits.LinkedAcrossApiAndPnr} of {traffic.Planted.Count}");
        summary.AddRow("False alerts among the synthetic travelers", $"{hits.FalseAlerts} traveler records");
        console.Write(summary);

        if (hits.Rows.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("Flight", "Traveler", "From", "List id", "Listed name", "Score", "Planted as", "Explanation");
            foreach (var row in hits.Rows.OrderByDescending(r => r.Score).ThenBy(r => r.TravelerId))
            {
                table.AddRow(
                    Markup.Escape(row.Flight), Markup.Escape(row.Traveler), Markup.Escape(row.Source), Markup.Escape(row.ListId), Markup.Escape(row.ListedName),
                    row.Score.ToString("0.000", CultureInfo.InvariantCulture),
                    row.PlantedAs is null ? "[yellow]not planted[/]" : Markup.Escape(row.PlantedAs),
                    Markup.Escape(row.Explanation));
            }

            console.MarkupLine("The hits, each for an analyst to decide (status [bold]New[/]):");
            console.Write(table);
        }

        foreach (var missed in hits.Missed)
        {
            console.MarkupLine($"[red]Missed[/] {Markup.Escape(missed.ListId)} {Markup.Escape(missed.ListedName)}, planted as {Markup.Escape($"{missed.Traveler.Surname}, {missed.Traveler.GivenName} {missed.Traveler.MiddleName}".TrimEnd())} ({Markup.Escape(missed.Variation)}).");
        }

        WhereThingsAre(console, service);
        var passed = mismatches == 0 && quarantined == 0 && processed == messages.Count && hits.Found == traffic.Planted.Count;
        if (settings.Serve ?? IsInteractive())
        {
            console.MarkupLine("The service keeps running with this data; press [bold]Ctrl+C[/] to stop it.");
            try
            {
                await service.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how the user ends the demo.
            }
        }
        else
        {
            console.MarkupLine($"The service has stopped. [bold]vigil serve --data {Markup.Escape(service.DataFolder)}[/] serves the same data again (with API keys configured, see docs/operations.md).");
        }

        return passed ? 0 : 1;
    }

    /// <summary>Reads every generated list back through the path real messages take and reports what differs.</summary>
    private static int ReadBack(IAnsiConsole console, DemoTraffic traffic)
    {
        var lists = traffic.PassengerLists;
        var read = lists.Select(file => TravelFileReader.Read(file.Content)).ToList();
        var pushes = traffic.Flights.Where(f => f.Push is not null).Select(f => TravelFileReader.Read(f.Push!.Content)).ToList();
        var expected = lists.Sum(f => f.Travelers.Count);
        var travelers = read.SelectMany(f => f.Messages).OfType<PassengerList>().Sum(l => l.Travelers.Count);
        var mismatches = lists.Zip(read).Sum(pair => Mismatches(pair.First, pair.Second));
        var pnrs = pushes.SelectMany(f => f.Messages).OfType<BookingPush>().Sum(p => p.Bookings.Count);
        var bytes = lists.Sum(f => (long)f.Content.Length) + traffic.Flights.Sum(f => (long)(f.Push?.Content.Length ?? 0));

        console.Write(new Rule("[bold]Vigil demo[/]: a synthetic day of API and PNR traffic") { Justification = Justify.Left });
        var summary = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        summary.AddRow("Flights", $"{lists.Count} ({lists.Count(l => l.IsCrewList)} with a crew list only)");
        summary.AddRow("Files generated", string.Create(CultureInfo.InvariantCulture,
            $"{lists.Count} PAXLST ({lists.Select(g => g.Layout.Name).Distinct().Count()} separator/line layouts) and {pushes.Count} PNRGOV pushes, {bytes / 1024.0:F0} KiB"));
        summary.AddRow("Travelers read back from PAXLST", $"{travelers} of {expected} generated");
        summary.AddRow("Travelers differing from what was generated", mismatches.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("PNRs read back from PNRGOV", $"{pnrs} of {traffic.PnrCount} generated");
        summary.AddRow("Listed persons planted", $"{traffic.Planted.Count}, written into the PAXLST lists and their bookings under other spellings");
        console.Write(summary);
        return mismatches + Math.Abs(travelers - expected) + Math.Abs(pnrs - traffic.PnrCount);
    }

    private static void WhereThingsAre(IAnsiConsole console, DemoService service)
    {
        var address = service.Address.ToString().TrimEnd('/');
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Where", "");
        table.AddRow("Data (SQLite)", Markup.Escape(Path.Combine(service.DataFolder, Vigil.Data.VigilStoreOptions.SqliteFileName)));
        table.AddRow("REST API", Markup.Escape($"{address}/api (header X-Api-Key: {service.AnalystKey}, analyst and admin, valid for this run)"));
        table.AddRow("OpenAPI document", Markup.Escape($"{address}/openapi/v1.json"));
        table.AddRow("Health and metrics", Markup.Escape($"{address}/health/ready, {address}/metrics"));
        table.AddRow("Try", Markup.Escape($"curl -H 'X-Api-Key: {service.AnalystKey}' {address}/api/hits"));
        console.Write(table);
    }

    private static bool IsInteractive() => !Console.IsInputRedirected && !Console.IsOutputRedirected && Environment.UserInteractive;

    /// <summary>Travelers whose name, date of birth, nationality or passport number differ from what was generated.</summary>
    internal static int Mismatches(GeneratedFile generated, TravelFile read)
    {
        var travelers = read.Messages.OfType<PassengerList>().SelectMany(l => l.Travelers).ToList();
        var count = Math.Abs(travelers.Count - generated.Travelers.Count);
        foreach (var (expected, actual) in generated.Travelers.Zip(travelers))
        {
            var given = expected.MiddleName is null ? expected.GivenName : $"{expected.GivenName} {expected.MiddleName}";
            if (actual.Surname != expected.Surname || actual.GivenNames != given || actual.DateOfBirth != expected.DateOfBirth
                || actual.Nationality != expected.Nationality || actual.Documents.FirstOrDefault()?.Number != expected.DocumentNumber)
            {
                count++;
            }
        }

        return count;
    }
}
