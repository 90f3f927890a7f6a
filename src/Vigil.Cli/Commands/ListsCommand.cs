using System.CommandLine;
using Spectre.Console;
using Vigil.Screening.Watchlists;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil lists show &lt;path&gt; [--code CODE]</c>: reads a watch list in any supported format and shows what
/// was understood of it, so an operator can check an import against the publisher's own figures before the list
/// is used for screening.
/// </summary>
internal static class ListsCommand
{
    private const int ShownProblems = 20;

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A list file (UN, OFAC or EU XML; FollowTheMoney or national JSON; national CSV) or a folder holding OFAC's sdn.csv." };
        var code = new Option<string?>("--code") { Description = "List code to give the entries (default: the publisher's, or the file name)." };
        var show = new Command("show", "Read a watch list and print its version, counts and parse problems.") { path, code };
        show.SetAction(result => Show(result.GetValue(path)!, result.GetValue(code), AnsiConsole.Console));

        var command = new Command("lists", "Work with watch lists.");
        command.Subcommands.Add(show);
        return command;
    }

    /// <summary>0 when the list was read without problems, 1 when some records had problems, 2 when it could not be read at all.</summary>
    internal static int Show(string path, string? code, IAnsiConsole console)
    {
        WatchList list;
        try
        {
            list = WatchListReader.Read(path, code);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]vigil lists show:[/] {Markup.Escape(e.Message)}");
            return 2;
        }

        var stats = WatchListStatistics.Of(list);
        console.Write(new Rule($"[bold]{Markup.Escape(path)}[/]") { Justification = Justify.Left });
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        table.AddRow("List code", Markup.Escape(list.Code));
        table.AddRow("Format", Markup.Escape(list.Format));
        table.AddRow("Version", Markup.Escape(list.Version));
        table.AddRow("Entries", $"{list.Entries.Count}: {stats.Individuals} individuals, {stats.Entities} entities, {stats.Others} others (vessels, aircraft)");
        table.AddRow("Names", Markup.Escape(Names(stats)));
        table.AddRow("Original-script names", stats.OriginalScriptNames.ToString());
        table.AddRow("Dates of birth", Markup.Escape(string.Join(", ", Enum.GetValues<BirthDatePrecision>().Select(p => $"{Precision(p)} {stats.BirthDates(p)}")))
            + $" ({stats.EntriesWithoutBirthDate} individuals without)");
        table.AddRow("Places of birth", stats.BirthPlaces.ToString());
        table.AddRow("Nationalities", $"{stats.Nationalities} ({stats.UnmappedNationalities} kept as text, not a country code)");
        table.AddRow("Documents", stats.Documents.ToString());
        table.AddRow("Gender given", $"{stats.EntriesWithGender} entries");
        table.AddRow("Problems", list.Problems.Count.ToString());
        console.Write(table);

        if (list.Problems.Count > 0)
        {
            console.MarkupLine(list.Problems.Count > ShownProblems
                ? $"[yellow]Problems[/] (first {ShownProblems} of {list.Problems.Count}):"
                : $"[yellow]Problems[/] ({list.Problems.Count}):");
            foreach (var problem in list.Problems.Take(ShownProblems))
            {
                console.MarkupLine($"  {Markup.Escape(problem.Position)}: {Markup.Escape(problem.Message)}");
            }
        }

        return list.Problems.Count > 0 ? 1 : 0;
    }

    private static string Names(WatchListStatistics stats)
    {
        var parts = new List<string>();
        foreach (var kind in Enum.GetValues<NameKind>())
        {
            var byQuality = Enum.GetValues<NameQuality>()
                .Where(q => stats.Names(kind, q) > 0)
                .Select(q => $"{q.ToString().ToLowerInvariant()} {stats.Names(kind, q)}");
            parts.Add($"{kind.ToString().ToLowerInvariant()} {stats.Names(kind)} ({string.Join(", ", byQuality)})");
        }

        return string.Join("; ", parts).Replace(" ()", "", StringComparison.Ordinal);
    }

    private static string Precision(BirthDatePrecision precision) => precision switch
    {
        BirthDatePrecision.Exact => "exact",
        BirthDatePrecision.Month => "month",
        BirthDatePrecision.Year => "year",
        BirthDatePrecision.Approximate => "approximate year",
        _ => "year range",
    };
}
