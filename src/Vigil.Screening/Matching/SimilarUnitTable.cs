namespace Vigil.Screening.Matching;

/// <summary>
/// Per query unit, the vocabulary units found similar to it and their similarity, kept per thread and index. A
/// query's units meet a few hundred vocabulary units, and every candidate name asks for each of its units against
/// each query unit: one dictionary per query unit cost a hash look-up for every such pair. Here a vocabulary unit
/// met by the query gets one row, with a column per query unit, found through a small open-addressed table of the
/// query's own units.
/// </summary>
/// <remarks>
/// The table used to be an array over the whole vocabulary, indexed by unit id: one read, but at a place of its own
/// for every unit met, and a traveler seen for the first time found those places out of the caches (about 70 ns a
/// similar unit copied on UN + OFAC). The query's few hundred units fit in a few kilobytes that stay in the cache.
/// </remarks>
internal sealed class SimilarUnitTable
{
    /// <summary>Per slot, the unit id plus one (0 for an empty slot), and its row.</summary>
    private int[] slotUnit = new int[InitialSlots];
    private int[] slotRow = new int[InitialSlots];
    private int slotBits = InitialSlotBits;

    private const int InitialSlotBits = 10;
    private const int InitialSlots = 1 << InitialSlotBits;

    /// <summary>Per row, the slot that holds it, so that a query empties only the slots it filled.</summary>
    private int[] slotOfRow = new int[InitialSlots / 2];

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

    /// <summary>This thread's table for <paramref name="index"/>, emptied for a query of <paramref name="queryUnits"/> units.</summary>
    public static SimilarUnitTable Start(WatchListIndex index, int queryUnits)
    {
        var table = ScratchOfIndex<SimilarUnitTable>.For(index, static _ => new SimilarUnitTable());
        table.Reset(queryUnits);
        return table;
    }

    private void Reset(int queryUnits)
    {
        for (var row = 0; row < rows; row++)
        {
            slotUnit[slotOfRow[row]] = 0;
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
        var compared = Compared(unit);
        similarity = compared.IsEmpty ? 0 : compared[queryUnit];
        return !compared.IsEmpty && !double.IsNaN(similarity);
    }

    /// <summary>
    /// The similarities of every query unit with <paramref name="unit"/>, NaN where not compared; empty when none was.
    /// Good until the next <see cref="Set"/>.
    /// </summary>
    public ReadOnlySpan<double> Compared(int unit)
    {
        var row = Find(unit, out _);
        return row < 0 ? [] : values.AsSpan(row * width, width);
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
        var row = Find(unit, out var slot);
        if (row >= 0)
        {
            return row;
        }

        if ((rows + 1) * 2 > slotUnit.Length)
        {
            Grow();
            Find(unit, out slot);
        }

        row = rows++;
        if (values.Length < rows * width)
        {
            Array.Resize(ref values, Math.Max(rows * width, values.Length * 2));
        }

        values.AsSpan(row * width, width).Fill(double.NaN);
        slotUnit[slot] = unit + 1;
        slotRow[slot] = row;
        slotOfRow[row] = slot;
        return row;
    }

    /// <summary>The unit's row, or -1 with <paramref name="slot"/> the empty slot where it would go.</summary>
    private int Find(int unit, out int slot)
    {
        var mask = slotUnit.Length - 1;
        slot = (int)((uint)(unit * -1640531535) >> (32 - slotBits));
        while (true)
        {
            var held = slotUnit[slot];
            if (held == unit + 1)
            {
                return slotRow[slot];
            }

            if (held == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Doubles the slots and files every row again; the table stays at most half full.</summary>
    private void Grow()
    {
        var units = new int[rows];
        for (var row = 0; row < rows; row++)
        {
            units[row] = slotUnit[slotOfRow[row]] - 1;
        }

        slotBits++;
        slotUnit = new int[1 << slotBits];
        slotRow = new int[1 << slotBits];
        slotOfRow = new int[1 << (slotBits - 1)];
        for (var row = 0; row < units.Length; row++)
        {
            Find(units[row], out var slot);
            slotUnit[slot] = units[row] + 1;
            slotRow[slot] = row;
            slotOfRow[row] = slot;
        }
    }
}
