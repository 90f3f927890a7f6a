namespace Vigil.Screening.Matching;

/// <summary>
/// Working memory for gathering one query's candidate names, kept per thread. The names are gathered a block of the
/// index at a time: a common given name reaches thousands of names spread over a million, and an array over every
/// name cost a wait for memory at each of them, where one over a block stays in the processor's cache.
/// </summary>
internal sealed class BoundScratch
{
    /// <summary>How many consecutive names one block spans.</summary>
    public const int BlockSize = 1 << 15;

    private BoundScratch(WatchListIndex index)
    {
        SlotInBlock = new int[Math.Min(BlockSize, Math.Max(1, index.NameCount))];
        Array.Fill(SlotInBlock, -1);
    }

    /// <summary>The candidate's slot for every name of the block, by its place in the block; -1 for names not reached.</summary>
    public int[] SlotInBlock { get; }

    /// <summary>The block's names reached, by their place in the block, in the order they were reached (their slots).</summary>
    public List<int> Candidates { get; } = [];

    /// <summary>Per slot, per query unit: best contribution, its pair weight and its listed unit's weight.</summary>
    public double[] Best { get; private set; } = new double[1024];

    /// <summary>Per slot, the candidate name's total weight.</summary>
    public double[] TotalWeight { get; private set; } = new double[64];

    /// <summary>What reading the streams' first holders ahead of gathering summed, kept so that the reading is done.</summary>
    public double Touched { get; set; }

    /// <summary>The holder lists being read, one per similar unit of a searched query unit.</summary>
    public List<HolderStream> Streams { get; } = [];

    /// <summary>The runs of one arranged unit's holders that a traveler's year of birth leaves in.</summary>
    public List<(int Start, int End)> Runs { get; } = [];

    /// <summary>The scratch of this thread for <paramref name="index"/>, made anew when the index was swapped.</summary>
    public static BoundScratch For(WatchListIndex index) => ScratchOfIndex<BoundScratch>.For(index, static i => new BoundScratch(i));

    /// <summary>Room for <paramref name="slots"/> candidates of <paramref name="stride"/> values each in <see cref="Best"/>, keeping what it holds.</summary>
    public double[] Reserve(int slots, int stride)
    {
        if (Best.Length < slots * stride)
        {
            var grown = new double[Math.Max(slots * stride, Best.Length * 2)];
            Array.Copy(Best, grown, Best.Length);
            Best = grown;
        }

        if (TotalWeight.Length < slots)
        {
            var grown = new double[Math.Max(slots, TotalWeight.Length * 2)];
            Array.Copy(TotalWeight, grown, TotalWeight.Length);
            TotalWeight = grown;
        }

        return Best;
    }

    /// <summary>The candidates bounded so far whose person's outline is still to be read.</summary>
    public List<BoundedName> Outlined { get; } = [];

    /// <summary>In <see cref="SlotInBlock"/>, a name reached but left out whatever its units: its person cannot alert.</summary>
    public const int LeftOut = -2;

    /// <summary>The block's names left out, by their place in the block.</summary>
    public List<int> LeftOutPlaces { get; } = [];

    /// <summary>Forgets the block's candidates, leaving every name unreached for the next block or query.</summary>
    public void ReleaseBlock()
    {
        foreach (var place in Candidates)
        {
            SlotInBlock[place] = -1;
        }

        foreach (var place in LeftOutPlaces)
        {
            SlotInBlock[place] = -1;
        }

        Candidates.Clear();
        LeftOutPlaces.Clear();
    }
}

/// <summary>
/// A candidate name bounded at or above the report floor, before its person's outline is read: its bound, the most its
/// name could score with direct comparisons and joins counted (screening for alerts), and whether only a join lifts it.
/// </summary>
internal readonly record struct BoundedName(int Name, double Bound, double Reach, bool JoinLifted);

/// <summary>
/// A name holding a vocabulary unit, with what gathering it needs of the name beside it: its total weight, and its
/// person's birth years (<see cref="AttributeTable.Outline.BirthYears"/>), which leave out most of the names a
/// traveler's name reaches on a list of a million people. Read from the name and person tables, each was a wait for
/// memory at every one of thousands of names; side by side, one read of memory brings four holders.
/// </summary>
internal readonly record struct Holder(int Name, int BirthYears, double TotalWeight);

/// <summary>
/// The names holding one vocabulary unit similar to a query unit, read in index order: <see cref="Next"/> is the
/// place of the next name to read, <see cref="End"/> the place after the last, in the index's holder array or, for
/// a run of a unit arranged by birth year, in <see cref="HoldersByBirthYear.Holders"/>.
/// </summary>
internal struct HolderStream(int next, int end, int queryUnit, double contribution, double pairWeight, double listedWeight, bool arranged)
{
    public int Next = next;
    public readonly int End = end;
    public readonly bool Arranged = arranged;

    /// <summary>The name of the holder at <see cref="Next"/>, read as the stream last stopped; int.MaxValue once all are read.</summary>
    public int NextName;
    public readonly int QueryUnit = queryUnit;
    public readonly double Contribution = contribution;
    public readonly double PairWeight = pairWeight;
    public readonly double ListedWeight = listedWeight;

    /// <summary>The holder at <paramref name="at"/> of this stream.</summary>
    public readonly ref readonly Holder At(int at, ReadOnlySpan<Holder> holders, ReadOnlySpan<Holder> arranged) =>
        ref Arranged ? ref arranged[at] : ref holders[at];
}
