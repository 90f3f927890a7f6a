using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.Cli.Input;

/// <summary>Reads the lists named on the command line and builds one matching index over all of them.</summary>
internal static class ListLoading
{
    public static WatchListIndex Index(IEnumerable<string> paths, TextWriter problems) =>
        WatchListIndex.Build(Read(paths, problems).SelectMany(l => l.Entries));

    /// <summary>The lists named, each read once; problems with single records are reported, not fatal.</summary>
    public static List<WatchList> Read(IEnumerable<string> paths, TextWriter problems)
    {
        var lists = new List<WatchList>();
        foreach (var path in paths)
        {
            var list = WatchListReader.Read(path);
            if (list.Problems.Count > 0)
            {
                problems.WriteLine($"{path}: {list.Problems.Count} records could not be read (see `vigil lists show`).");
            }

            lists.Add(list);
        }

        return lists;
    }

    /// <summary>The lists named, or the bundled UN list when none is.</summary>
    public static List<WatchList> ReadOrEmbedded(IReadOnlyCollection<string> paths, TextWriter problems) =>
        paths.Count == 0 ? [EmbeddedList.Read()] : Read(paths, problems);
}
