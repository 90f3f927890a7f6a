namespace Vigil.Screening.Matching;

/// <summary>
/// A query's candidate names handed out best bound first, ties by their place in the index, so that the order does
/// not depend on how the names were reached. A common given
/// name reaches thousands of names, but the search stops after a few dozen: sorting them all cost more than scoring
/// the ones taken, so they are kept as a heap and each is put in its place only when the search asks for it. Those
/// the search will surely take (every one that could alert, when screening for alerts) are sorted instead, which
/// costs less than taking each off the heap.
/// </summary>
internal sealed class BestBoundFirst
{
    private (int Name, double Bound)[] sorted = new (int, double)[256];
    private (int Name, double Bound)[] heap = new (int, double)[256];
    private double[] sortKeys = [];
    private int[] sortNames = [];
    private int sortedCount;
    private int nextSorted;
    private int count;
    private bool heapOrdered;

    public int Count => count + sortedCount - nextSorted;

    public void Clear()
    {
        count = 0;
        sortedCount = 0;
        nextSorted = 0;
        heapOrdered = false;
    }

    /// <summary>Adds a candidate; call <see cref="Order"/> once every candidate is in.</summary>
    public void Add(int name, double bound)
    {
        if (count == heap.Length)
        {
            Array.Resize(ref heap, heap.Length * 2);
        }

        heap[count++] = (name, bound);
    }

    /// <summary>
    /// Sorts the candidates bounded at or above <paramref name="sortedFrom"/>, to be handed out first; the rest are
    /// arranged as a heap (in time linear in their number) when the search first asks beyond them.
    /// </summary>
    public void Order(double sortedFrom = double.PositiveInfinity)
    {
        var kept = 0;
        for (var k = 0; k < count; k++)
        {
            if (heap[k].Bound >= sortedFrom)
            {
                if (sortedCount == sorted.Length)
                {
                    Array.Resize(ref sorted, sorted.Length * 2);
                }

                sorted[sortedCount++] = heap[k];
            }
            else
            {
                heap[kept++] = heap[k];
            }
        }

        count = kept;
        SortTaken();
    }

    /// <summary>
    /// Sorts the taken candidates by falling bound: a primitive sort of the bounds with the names alongside, then each
    /// run of equal bounds by name (the sort is not stable).
    /// </summary>
    private void SortTaken()
    {
        if (sortedCount < 2)
        {
            return;
        }

        if (sortKeys.Length < sortedCount)
        {
            sortKeys = new double[sorted.Length];
            sortNames = new int[sorted.Length];
        }

        for (var k = 0; k < sortedCount; k++)
        {
            sortKeys[k] = -sorted[k].Bound;
            sortNames[k] = sorted[k].Name;
        }

        Array.Sort(sortKeys, sortNames, 0, sortedCount);
        for (var start = 0; start < sortedCount;)
        {
            var end = start + 1;
            while (end < sortedCount && sortKeys[end] == sortKeys[start])
            {
                end++;
            }

            if (end - start > ShortRun)
            {
                Array.Sort(sortNames, start, end - start);
            }
            else
            {
                SortShortRun(sortNames.AsSpan(start, end - start));
            }

            start = end;
        }

        for (var k = 0; k < sortedCount; k++)
        {
            sorted[k] = (sortNames[k], -sortKeys[k]);
        }
    }

    /// <summary>Runs of equal bounds up to this long are sorted in place: a library sort call cost more than the sorting.</summary>
    private const int ShortRun = 16;

    private static void SortShortRun(Span<int> names)
    {
        for (var k = 1; k < names.Length; k++)
        {
            var name = names[k];
            var at = k - 1;
            while (at >= 0 && names[at] > name)
            {
                names[at + 1] = names[at];
                at--;
            }

            names[at + 1] = name;
        }
    }

    /// <summary>The sorted candidates not yet taken, best first.</summary>
    public ReadOnlySpan<(int Name, double Bound)> SortedLeft => sorted.AsSpan(nextSorted, sortedCount - nextSorted);

    /// <summary>Takes the best remaining candidate: highest bound, then the first in the index.</summary>
    public bool TryTake(out int name, out double bound)
    {
        if (nextSorted < sortedCount)
        {
            (name, bound) = sorted[nextSorted++];
            return true;
        }

        if (count == 0)
        {
            name = -1;
            bound = 0;
            return false;
        }

        if (!heapOrdered)
        {
            for (var parent = (count / 2) - 1; parent >= 0; parent--)
            {
                SiftDown(parent);
            }

            heapOrdered = true;
        }

        (name, bound) = heap[0];
        heap[0] = heap[--count];
        SiftDown(0);
        return true;
    }

    private void SiftDown(int at)
    {
        var moving = heap[at];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Before(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!Before(heap[child], moving))
            {
                break;
            }

            heap[at] = heap[child];
            at = child;
        }

        heap[at] = moving;
    }

    /// <summary>Whether <paramref name="a"/> is handed out before <paramref name="b"/>.</summary>
    internal static bool Before((int Name, double Bound) a, (int Name, double Bound) b) =>
        a.Bound > b.Bound || (a.Bound == b.Bound && a.Name < b.Name);
}
