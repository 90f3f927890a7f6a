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
        generate.Subcommands.Add(Traffic(
            "paxlst",
            "Synthetic PAXLST passenger and crew lists, one interchange per flight.",
            "--passengers",
            $"Passengers per flight; without it each flight draws {PaxlstGenerator.DefaultMinimumPassengers}–{PaxlstGenerator.DefaultMaximumPassengers}.",
            (seed, flights, count, folder) =>
            {
                var (files, travelers, bytes) = (0, 0, 0L);
                foreach (var file in new PaxlstGenerator(seed).Generate(flights, count))
                {
                    File.WriteAllBytes(Path.Combine(folder.FullName, file.FileName), file.Content);
                    (files, travelers, bytes) = (files + 1, travelers + file.Travelers.Count, bytes + file.Content.Length);
                }

                return string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {files} PAXLST files ({travelers} travelers, {bytes / 1024.0:F0} KiB) to {folder.FullName}.");
            }));
        generate.Subcommands.Add(Traffic(
            "pnrgov",
            "Synthetic PNRGOV pushes (full and update), one interchange per flight.",
            "--bookings",
            $"PNRs per push; without it each push draws {PnrgovGenerator.DefaultMinimumBookings}–{PnrgovGenerator.DefaultMaximumBookings}.",
            (seed, flights, count, folder) =>
            {
                var (files, pnrs, travelers, bytes) = (0, 0, 0, 0L);
                foreach (var push in new PnrgovGenerator(seed).Generate(flights, count))
                {
                    File.WriteAllBytes(Path.Combine(folder.FullName, push.FileName), push.Content);
                    (files, pnrs, travelers, bytes) = (files + 1, pnrs + push.Bookings.Count, travelers + push.Travelers.Count(), bytes + push.Content.Length);
                }

                return string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {files} PNRGOV pushes ({pnrs} PNRs, {travelers} travelers, {bytes / 1024.0:F0} KiB) to {folder.FullName}.");
            }));
        return generate;
    }

    /// <summary>
    /// A generator subcommand: <c>--flights</c>, <c>--seed</c>, <c>--out</c> and one size option, validated alike;
    /// <paramref name="write"/> writes the files and returns the one-line summary.
    /// </summary>
    private static Command Traffic(string name, string description, string sizeName, string sizeDescription, Func<int, int, int?, DirectoryInfo, string> write)
    {
        var flights = new Option<int>("--flights")
        {
            Description = "Number of flights; one file is written per flight.",
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
        var size = new Option<int?>(sizeName) { Description = sizeDescription };

        var command = new Command(name, description) { flights, seed, output, size };
        // On the options, not the command: a command's validator reads an option the user left out as 0, not as its default.
        flights.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--flights must be at least 1.");
            }
        });
        size.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError($"{sizeName} must be at least 1.");
            }
        });
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetRequiredValue(output);
            folder.Create();
            var summary = write(parseResult.GetValue(seed), parseResult.GetValue(flights), parseResult.GetValue(size), folder);
            parseResult.InvocationConfiguration.Output.WriteLine(summary);
            return 0;
        });
        return command;
    }
}
