using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Vigil.Travel;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil demo</c>: the main job of this release. Generates a day's worth of synthetic API traffic, reads every
/// list back through the same path real messages take, checks each traveler against what was generated, and
/// reports what was read and how fast. Needs no file, database or network.
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
        var generated = new PaxlstGenerator(seed).Generate(flightCount).ToList();
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
        console.MarkupLine("Next: [bold]vigil parse <file> --json[/] on real messages; [bold]vigil generate paxlst[/] to write this traffic to files.");
        return mismatches == 0 && travelers.Count == expected ? 0 : 1;
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
