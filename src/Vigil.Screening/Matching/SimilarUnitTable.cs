namespace Vigil.Screening.Matching;

/// <summary>
/// Per query unit, the vocabulary units found similar to it and their similarity, kept per thread and index. A
/// query's units meet a few hundred vocabulary units, and every candidate name asks for each of its units against
/// each query unit: one dictionary per query unit cost a hash look-up for every such pair. Here a vocabulary unit
/// met by the query gets one row, with a column per query unit, found through an array indexed by its id.
/// </summary>
internal sealed class SimilarUnitTable
{
    /// <summary>Per vocabulary unit, its row in this query (valid only when its stamp is the query's).</summary>
    private readonly int[] rowOf;
    private readonly int[] stampOf;
    private int stamp;

    /// <summary>Row by row, a similarity per query unit; NaN where the pair was not compared.</summary>
    private double[] values = new double[256];
    private int rows;
    private int width;

    /// <summary>Per query unit, the vocabulary units it has a similarity for, in the order they were first given one.</summary>
    private List<int>[] compared = [];

    /// <summary>Per query unit, the vocabulary units given <see cref="SameNameSpelling"/> or more.</summary>
    private List<int>[] sameName = [];

    /// <summary>A similarity this high says the lists hold the query unit's own name, spelled alike.</summary>
    internal const double SameNameSpelling = 0.95;

    private SimilarUnitTable(WatchListIndex index)
    {
        rowOf = new int[index.Vocabulary.Count];
        stampOf = new int[index.Vocabulary.Count];
    }

    /// <summary>This thread's table for <paramref name="index"/>, emptied for a query of <paramref name="queryUnits"/> units.</summary>
    public static SimilarUnitTable Start(WatchListIndex index, int queryUnits)
    {
        var table = ScratchOfIndex<SimilarUnitTable>.For(index, static i => new SimilarUnitTable(i));
        table.Reset(queryUnits);
        return table;
    }

    private void Reset(int queryUnits)
    {
        if (++stamp == int.MaxValue)
        {
            Array.Clear(stampOf);
            stamp = 1;
        }

        rows = 0;
        width = queryUnits;
        if (compared.Length < queryUnits)
        {
            compared = Grown(compared, queryUnits);
            sameName = Grown(sameName, queryUnits);
        }

        for (var i = 0; i < queryUnits; i++)
        {
            compared[i].Clear();
            sameName[i].Clear();
        }
    }

    private static List<int>[] Grown(List<int>[] lists, int count)
    {
        var grown = new List<int>[count];
        lists.CopyTo(grown, 0);
        for (var i = lists.Length; i < count; i++)
        {
            grown[i] = [];
        }

        return grown;
    }

    /// <summary>The vocabulary units <paramref name="queryUnit"/> has a similarity for, in the order they got it.</summary>
    public List<int> ComparedWith(int queryUnit) => compared[queryUnit];

    /// <summary>
    /// The vocabulary units <paramref name="queryUnit"/> was given <see cref="SameNameSpelling"/> or more: the lists'
    /// spellings of its name. Kept as they are set, since a unit on a list of a million people meets hundreds of others.
    /// </summary>
    public List<int> SameNameAs(int queryUnit) => sameName[queryUnit];

    /// <summary>The similarity of the pair, if it was compared.</summary>
    public bool TryGet(int queryUnit, int unit, out double similarity)
    {
        if (stampOf[unit] != stamp)
        {
            similarity = 0;
            return false;
        }

        similarity = values[(rowOf[unit] * width) + queryUnit];
        return !double.IsNaN(similarity);
    }

    /// <summary>The similarity of the pair, 0 when it was not compared.</summary>
    public double Get(int queryUnit, int unit) => TryGet(queryUnit, unit, out var similarity) ? similarity : 0;

    /// <summary>Gives the pair its similarity, replacing any it had.</summary>
    public void Set(int queryUnit, int unit, double similarity)
    {
        var at = (RowOf(unit) * width) + queryUnit;
        var before = values[at];
        if (double.IsNaN(before))
        {
            compared[queryUnit].Add(unit);
        }

        if (similarity >= SameNameSpelling && !(before >= SameNameSpelling))
        {
            sameName[queryUnit].Add(unit);
        }

        values[at] = similarity;
    }

    private int RowOf(int unit)
    {
        if (stampOf[unit] == stamp)
        {
            return rowOf[unit];
        }

        var row = rows++;
        if (values.Length < rows * width)
        {
            Array.Resize(ref values, Math.Max(rows * width, values.Length * 2));
        }

        values.AsSpan(row * width, width).Fill(double.NaN);
        stampOf[unit] = stamp;
        rowOf[unit] = row;
        return row;
    }
}
