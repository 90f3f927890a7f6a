namespace Vigil.Screening.Matching;

/// <summary>
/// Working memory for one query's search, kept per thread and cleared when the next search starts: the service
/// screens every traveler of every flight, and the collections a search filled anew each time were most of what it
/// allocated, which every thread then paid for in collections. Refers to no index (at most to a few units of one,
/// which do not refer back); a cleared collection enumerates in insertion order like a new one, so reusing it changes
/// no result.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? current;

    private double[,] similarities = new double[0, 0];
    private PreparedUnit[][] unitsOfLength = [];

    public Dictionary<int, (int Name, double NameScore, double Score)> BestByPerson { get; } = [];

    /// <summary>The best final scores of distinct persons seen so far, for the top results.</summary>
    public TopPersons TopPersons { get; } = new();

    public Dictionary<int, double> AttributesOf { get; } = [];

    public HashSet<string> KeyBuffer { get; } = new(StringComparer.Ordinal);

    public BestBoundFirst Bounded { get; } = new();

    /// <summary>The candidates whose bound only a join lifted to where they could alert.</summary>
    public HashSet<int> JoinLifted { get; } = [];

    /// <summary>
    /// While bounding, the join-lifted candidates the search could take: it takes them best bound first, ties by name,
    /// and no more than its budget.
    /// </summary>
    public FirstTaken FirstJoinLifted { get; } = new(WatchListMatcher.JoinLiftedConsidered);

    /// <summary>Screening for alerts, the candidates only a direct comparison could lift, likeliest first.</summary>
    public BestBoundFirst Weak { get; } = new();

    /// <summary>The most the <see cref="Weak"/> candidates' names could score, direct comparisons counted.</summary>
    public Dictionary<int, double> ReachOf { get; } = [];

    public NameScorer.Aligner Aligner { get; } = new();

    /// <summary>What reading the candidates ahead of the search summed, kept so that the reading is done.</summary>
    public int ReadAhead { get; set; }

    /// <summary>This thread's working memory, emptied for a new query.</summary>
    public static SearchScratch Start()
    {
        var scratch = current ??= new SearchScratch();
        scratch.BestByPerson.Clear();
        scratch.TopPersons.Clear();
        scratch.AttributesOf.Clear();
        scratch.Bounded.Clear();
        scratch.JoinLifted.Clear();
        scratch.FirstJoinLifted.Clear();
        scratch.Weak.Clear();
        scratch.ReachOf.Clear();
        return scratch;
    }

    /// <summary>A similarity matrix with at least these rows and columns; its old values are overwritten before use.</summary>
    public double[,] Similarities(int rows, int columns)
    {
        if (similarities.GetLength(0) < rows || similarities.GetLength(1) < columns)
        {
            similarities = new double[Math.Max(rows, similarities.GetLength(0)), Math.Max(columns, similarities.GetLength(1))];
        }

        return similarities;
    }

    /// <summary>An array of exactly <paramref name="length"/> units, for a listed name's prepared form while it is scored.</summary>
    public PreparedUnit[] UnitsOfLength(int length)
    {
        if (unitsOfLength.Length <= length)
        {
            Array.Resize(ref unitsOfLength, length + 1);
        }

        return unitsOfLength[length] ??= new PreparedUnit[length];
    }
}
