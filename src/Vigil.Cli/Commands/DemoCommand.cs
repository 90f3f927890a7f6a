using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Input;
using Vigil.Cli.Screening;
using Vigil.Screening.Matching;
using Vigil.Travel;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil demo</c>: the main job of this release. Generates a day's worth of synthetic API traffic with a few persons
/// of the UN list planted in it under other spellings, reads every list back through the same path real messages take,
/// checks each traveler against what was generated, screens every traveler against the bundled UN list, and reports
/// what was read and found and how fast. Needs no file, database or network.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var flights = new Option<int>("--flights") { Description = "Flights to generate.", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic traffic.", DefaultValueFactory = _ => 2396 };
        var command = new Command("demo", "Generate synthetic API traffic, read it back and summarise what Vigil found.") { flights, seed };
        command.SetAction(result => Run(result.GetValue(flights), result.GetValue(seed), AnsiConsole.Console));
        return command;
    }

    internal static int Run(int flightCount, int seed, IAnsiConsole console)
    {
        var unList = EmbeddedList.Read();
        var (generated, planted) = PlantedPersons.Plant(new PaxlstGenerator(seed).Generate(flightCount).ToList(), unList, seed);
        // The first pass pays for JIT compilation; the second shows the steady rate a running service sees.
        var read = generated.Select(file => TravelFileReader.Read(file.Content)).ToList();
        var clock = Stopwatch.StartNew();
        read = [.. generated.Select(file => TravelFileReader.Read(file.Content))];
        clock.Stop();

        var lists = read.SelectMany(f => f.Messages).OfType<PassengerList>().ToList();
        var travelers = lists.SelectMany(l => l.Travelers).ToList();
        var expected = generated.Sum(f => f.Travelers.Count);
        var mismatches = generated.Zip(read).Sum(pair => Mismatches(pair.First, pair.Second));
        var warnings = read.Sum(f => f.Diagnostics.Count + f.Messages.Sum(m => m.Diagnostics.Count));
        var bytes = generated.Sum(f => (long)f.Content.Length);

        console.Write(new Rule("[bold]Vigil demo[/]: synthetic Advance Passenger Information") { Justification = Justify.Left });
        var summary = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        summary.AddRow("PAXLST files generated", $"{generated.Count} ({bytes / 1024.0:F0} KiB, {generated.Select(g => g.Layout.Name).Distinct().Count()} separator/line layouts)");
        summary.AddRow("Lists read", $"{lists.Count} ({lists.Count(l => l.Purpose.DocumentCode == "250")} crew lists)");
        summary.AddRow("Travelers read", $"{travelers.Count} of {expected} generated ({travelers.Count(t => t.Role == TravelerRole.Crew)} crew)");
        summary.AddRow("Travelers differing from what was generated", mismatches.ToString());
        summary.AddRow("Warnings and errors", warnings.ToString());
        summary.AddRow("Reading time", $"{clock.Elapsed.TotalMilliseconds:F0} ms ({travelers.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):N0} travelers/s on one core, after warm-up)");
        console.Write(summary);

        var sample = new Table().Border(TableBorder.Simple).AddColumns("Flight", "Surname", "Given names", "Born", "Nat.", "Passport");
        foreach (var (list, traveler) in lists.SelectMany(l => l.Travelers.Select(t => (l, t))).Where((_, i) => i % Math.Max(1, travelers.Count / 12) == 0).Take(12))
        {
            var flight = list.Flights.Count > 0 ? $"{list.Flights[0].Carrier}{list.Flights[0].Number}" : "";
            sample.AddRow(Markup.Escape(flight), Markup.Escape(traveler.Surname ?? ""), Markup.Escape(traveler.GivenNames ?? ""),
                traveler.DateOfBirth?.ToString("yyyy-MM-dd") ?? "", traveler.Nationality ?? "", Markup.Escape(traveler.Documents.FirstOrDefault()?.Number ?? ""));
        }

        console.MarkupLine("A sample of the travelers read:");
        console.Write(sample);

        var found = Screen(console, read, unList, planted);
        console.MarkupLine("Next: [bold]vigil screen <files> [[--list <path>]][/] on real messages; [bold]vigil parse <file> --json[/] to see what was read; "
            + "[bold]vigil generate paxlst[/] to write this traffic to files.");
        return mismatches == 0 && travelers.Count == expected && found == planted.Count ? 0 : 1;
    }

    /// <summary>Screens every traveler read against the UN list and reports alerts, planted persons found and false alerts; returns how many planted persons were found.</summary>
    private static int Screen(IAnsiConsole console, IReadOnlyList<TravelFile> read, Vigil.Screening.Watchlists.WatchList list, IReadOnlyList<PlantedPerson> planted)
    {
        var indexClock = Stopwatch.StartNew();
        var matcher = new WatchListMatcher(WatchListIndex.Build(list.Entries));
        indexClock.Stop();

        var onBoard = read.SelectMany((file, f) => TravelerScreening.Travelers(file).Select((traveler, position) => (File: f, Position: position, Traveler: traveler))).ToList();
        // As for reading, a short warm-up pays for JIT compilation so that the rate shown is the steady one.
        foreach (var (_, _, traveler) in onBoard.Take(100))
        {
            TravelerScreening.Screen(matcher, traveler);
        }

        var clock = Stopwatch.StartNew();
        var screened = onBoard.Select(t => (t.File, t.Position, Result: TravelerScreening.Screen(matcher, t.Traveler))).ToList();
        clock.Stop();

        var plantedAt = planted.ToDictionary(p => (p.File, p.Position));
        var alerts = screened.Where(s => s.Result.Alert).ToList();
        var found = planted.Count(p => screened.Any(s => s.File == p.File && s.Position == p.Position && s.Result.Matches.Any(m => m.Alert && m.ListId == p.ListId)));
        var falseAlerts = alerts.Count(s => !plantedAt.ContainsKey((s.File, s.Position)));

        console.Write(new Rule($"[bold]Screening[/] against the {Markup.Escape(EmbeddedList.Description)}") { Justification = Justify.Left });
        var summary = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        summary.AddRow("Watch list", string.Create(CultureInfo.InvariantCulture,
            $"{list.Entries.Count} entries ({list.Entries.Count(e => e.Kind == Vigil.Screening.Watchlists.PartyKind.Individual)} individuals), indexed in {indexClock.Elapsed.TotalMilliseconds:F0} ms"));
        summary.AddRow("Listed persons planted", $"{planted.Count}, written into the PAXLST files themselves under other spellings (see the table)");
        summary.AddRow("Travelers screened", screened.Count.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Alerts raised", $"{alerts.Count} traveler(s)");
        summary.AddRow("Planted persons found", $"{found} of {planted.Count}");
        summary.AddRow("False alerts among the synthetic travelers", falseAlerts.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Screening time", string.Create(CultureInfo.InvariantCulture,
            $"{clock.Elapsed.TotalMilliseconds:F0} ms ({screened.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):N0} travelers/s on one core, after warm-up)"));
        console.Write(summary);

        if (alerts.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("Flight", "Traveler", "Born", "Nat.", "List id", "Listed name", "Score", "Planted as", "Explanation");
            foreach (var (file, position, result) in alerts.OrderByDescending(a => a.Result.BestScore))
            {
                var match = result.Matches.OrderByDescending(m => m.Score).First();
                var t = result.Traveler.Traveler;
                var plantedAs = plantedAt.TryGetValue((file, position), out var p) ? p.Variation : "[yellow]not planted[/]";
                table.AddRow(
                    Markup.Escape(result.Traveler.Flight ?? ""), Markup.Escape($"{t.Surname}, {t.GivenNames}"),
                    t.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Markup.Escape(t.Nationality ?? ""),
                    Markup.Escape(match.ListId), Markup.Escape(match.Person.PrimaryName), match.Score.ToString("0.000", CultureInfo.InvariantCulture),
                    p is null ? plantedAs : Markup.Escape(plantedAs), Markup.Escape(TravelerScreening.ShortExplanation(match)));
            }

            console.MarkupLine("The alerts, each for an analyst to decide:");
            console.Write(table);
        }

        foreach (var missed in planted.Where(p => !screened.Any(s => s.File == p.File && s.Position == p.Position && s.Result.Matches.Any(m => m.Alert && m.ListId == p.ListId))))
        {
            console.MarkupLine($"[red]Missed[/] {Markup.Escape(missed.ListId)} {Markup.Escape(missed.ListedName)}, planted as {Markup.Escape($"{missed.Traveler.Surname}, {missed.Traveler.GivenName} {missed.Traveler.MiddleName}".TrimEnd())} ({Markup.Escape(missed.Variation)}).");
        }

        return found;
    }

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
