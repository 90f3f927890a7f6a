using System.CommandLine;
using System.Globalization;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil generate paxlst|pnrgov</c>: writes synthetic PAXLST lists or PNRGOV pushes for demos, tests and load runs.</summary>
internal static class GenerateCommand
{
    internal static Command Create()
    {
        var generate = new Command("generate", "Write synthetic messages that look like real traffic but describe no real person.");
        generate.Subcommands.Add(CreatePaxlst());
        generate.Subcommands.Add(CreatePnrgov());
        return generate;
    }

    private static Command CreatePaxlst()
    {
        var flights = new Option<int>("--flights")
        {
            Description = "Number of flights; one PAXLST file is written per flight.",
            DefaultValueFactory = _ => 10,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed; the same seed always writes the same files.",
            DefaultValueFactory = _ => 1,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write the files to (created when missing).",
            Required = true,
        };
        var passengers = new Option<int?>("--passengers")
        {
            Description = "Passengers per flight; without it each flight draws 100–300.",
        };

        var command = new Command("paxlst", "Synthetic PAXLST passenger and crew lists, one interchange per flight.")
        {
            flights, seed, output, passengers,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(flights) < 1)
            {
                result.AddError("--flights must be at least 1.");
            }

            if (result.GetValue(passengers) is < 1)
            {
                result.AddError("--passengers must be at least 1.");
            }
        });
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetRequiredValue(output);
            folder.Create();
            var files = 0;
            var travelers = 0;
            long bytes = 0;
            foreach (var file in new PaxlstGenerator(parseResult.GetValue(seed)).Generate(parseResult.GetValue(flights), parseResult.GetValue(passengers)))
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, file.FileName), file.Content);
                files++;
                travelers += file.Travelers.Count;
                bytes += file.Content.Length;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {files} PAXLST files ({travelers} travelers, {bytes / 1024.0:F0} KiB) to {folder.FullName}."));
            return 0;
        });
        return command;
    }

    private static Command CreatePnrgov()
    {
        var flights = new Option<int>("--flights")
        {
            Description = "Number of flights; one PNRGOV push is written per flight.",
            DefaultValueFactory = _ => 10,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed; the same seed always writes the same files.",
            DefaultValueFactory = _ => 1,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write the files to (created when missing).",
            Required = true,
        };
        var bookings = new Option<int?>("--bookings")
        {
            Description = $"PNRs per push; without it each push draws {PnrgovGenerator.DefaultMinimumBookings}–{PnrgovGenerator.DefaultMaximumBookings}.",
        };

        var command = new Command("pnrgov", "Synthetic PNRGOV pushes (full and update), one interchange per flight.")
        {
            flights, seed, output, bookings,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(flights) < 1)
            {
                result.AddError("--flights must be at least 1.");
            }

            if (result.GetValue(bookings) is < 1)
            {
                result.AddError("--bookings must be at least 1.");
            }
        });
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetRequiredValue(output);
            folder.Create();
            var files = 0;
            var pnrs = 0;
            var travelers = 0;
            long bytes = 0;
            foreach (var push in new PnrgovGenerator(parseResult.GetValue(seed)).Generate(parseResult.GetValue(flights), parseResult.GetValue(bookings)))
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, push.FileName), push.Content);
                files++;
                pnrs += push.Bookings.Count;
                travelers += push.Travelers.Count();
                bytes += push.Content.Length;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {files} PNRGOV pushes ({pnrs} PNRs, {travelers} travelers, {bytes / 1024.0:F0} KiB) to {folder.FullName}."));
            return 0;
        });
        return command;
    }
}
