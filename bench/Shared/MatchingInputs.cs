using Vigil.Cli.Input;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.Benchmarks.Matching;

/// <summary>One evaluation query: the traveler as screened and, for a positive, the list entry it should find.</summary>
internal sealed record EvalQuery(string Id, ScreeningQuery Query, string? ExpectedListId)
{
    public bool IsPositive => !string.IsNullOrEmpty(ExpectedListId);
}

/// <summary>
/// The inputs shared by the matching micro-benchmarks (<c>MatchingBenchmarks</c>) and the macro runner
/// (<c>bench/Vigil.MatchBench</c>): the UN and OFAC lists and a fixed mix of the dev evaluation queries, all read
/// from the shared data folder (<c>VIGIL_SHARED</c>, or <c>../shared</c> beside the repository).
/// </summary>
internal static class MatchingInputs
{
    /// <summary>Every dev positive (UN-derived queries with their expected entry).</summary>
    public const int Positives = 1500;

    /// <summary>The first negatives of the dev file: travelers who are on no list.</summary>
    public const int Negatives = 3500;

    public const int QueryMixCount = Positives + Negatives;

    /// <summary>UN consolidated list and the OFAC SDN CSV set, individuals and entities (no vessels or aircraft).</summary>
    public static List<ListedPerson> UnAndOfac()
    {
        var un = WatchListReader.Read(SharedPath("data", "lists", "un", "consolidated.xml"), "un");
        var ofac = WatchListReader.Read(SharedPath("data", "lists", "ofac"), "ofac");
        return [.. un.Entries.Concat(ofac.Entries).Where(p => p.Kind is PartyKind.Individual or PartyKind.Entity)];
    }

    /// <summary>All 1,500 dev positives followed by the first 3,500 dev negatives, in file order.</summary>
    public static List<EvalQuery> QueryMix()
    {
        var positives = ReadQueries(SharedPath("data", "eval", "un-queries-dev.csv"));
        var negatives = ReadQueries(SharedPath("data", "eval", "negatives-dev.csv"));
        if (positives.Count < Positives || negatives.Count < Negatives)
        {
            throw new InvalidDataException(
                $"The dev evaluation files hold {positives.Count} positives and {negatives.Count} negatives; {Positives} and {Negatives} are needed.");
        }

        return [.. positives.Take(Positives), .. negatives.Take(Negatives)];
    }

    /// <summary><paramref name="count"/> queries spread evenly over <paramref name="queries"/>, so the mix keeps its proportions.</summary>
    public static List<T> Spread<T>(IReadOnlyList<T> queries, int count)
    {
        if (count >= queries.Count)
        {
            return [.. queries];
        }

        var sample = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            sample.Add(queries[(int)((long)i * queries.Count / count)]);
        }

        return sample;
    }

    public static List<EvalQuery> ReadQueries(string path)
    {
        var table = CsvTable.Read(path);
        var queries = QueryCsv.From(table, path);
        var result = new List<EvalQuery>(queries.Count);
        for (var r = 0; r < queries.Count; r++)
        {
            var expected = table.Field(table.Rows[r].Fields, "expected_list_id").Trim();
            result.Add(new EvalQuery(queries[r].Id, queries[r].Query, expected.Length == 0 ? null : expected));
        }

        return result;
    }

    /// <summary>A path under the shared data folder: <c>VIGIL_SHARED</c>, or <c>../shared</c> beside the folder holding Vigil.slnx.</summary>
    public static string SharedPath(params string[] parts)
    {
        var shared = Environment.GetEnvironmentVariable("VIGIL_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                dir = dir.Parent;
            }

            shared = dir is null
                ? throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory + "; set VIGIL_SHARED.")
                : Path.Combine(dir.FullName, "..", "shared");
        }

        return Path.GetFullPath(Path.Combine([shared, .. parts]));
    }

}
