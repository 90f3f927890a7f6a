using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.Cli.Input;

/// <summary>Reads the lists named on the command line and builds one matching index over all of them.</summary>
internal static class ListLoading
{
    public static WatchListIndex Index(IEnumerable<string> paths, TextWriter problems)
    {
        var persons = new List<ListedPerson>();
        foreach (var path in paths)
        {
            var list = WatchListReader.Read(path);
            if (list.Problems.Count > 0)
            {
                problems.WriteLine($"{path}: {list.Problems.Count} records could not be read (see `vigil lists show`).");
            }

            persons.AddRange(list.Entries);
        }

        return WatchListIndex.Build(persons);
    }
}
