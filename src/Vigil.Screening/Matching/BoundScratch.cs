namespace Vigil.Screening.Matching;

/// <summary>
/// Working memory for gathering one query's candidate names, kept per thread: a common given name reaches
/// thousands of listed names, and a dictionary plus a growing list per query cost more than the bounds themselves.
/// </summary>
internal sealed class BoundScratch
{
    private BoundScratch(WatchListIndex index)
    {
        SlotOfName = new int[index.NameCount];
        Array.Fill(SlotOfName, -1);
    }

    /// <summary>The candidate's slot for every indexed name, -1 for names not reached by this query.</summary>
    public int[] SlotOfName { get; }

    /// <summary>The names reached, in the order they were reached (their slots).</summary>
    public List<int> Candidates { get; } = [];

    /// <summary>Per slot, per query unit: best contribution, its pair weight and its listed unit's weight.</summary>
    public double[] Best { get; private set; } = new double[1024];

    /// <summary>The scratch of this thread for <paramref name="index"/>, made anew when the index was swapped.</summary>
    public static BoundScratch For(WatchListIndex index) => ScratchOfIndex<BoundScratch>.For(index, static i => new BoundScratch(i));

    /// <summary><see cref="Best"/> with room for at least <paramref name="length"/> values, keeping what it holds.</summary>
    public double[] Reserve(int length)
    {
        if (Best.Length < length)
        {
            var grown = new double[Math.Max(length, Best.Length * 2)];
            Array.Copy(Best, grown, Best.Length);
            Best = grown;
        }

        return Best;
    }

    /// <summary>Forgets the query's candidates, leaving every name unreached for the next query.</summary>
    public void Release()
    {
        foreach (var name in Candidates)
        {
            SlotOfName[name] = -1;
        }

        Candidates.Clear();
    }
}
