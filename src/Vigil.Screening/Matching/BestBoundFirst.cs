namespace Vigil.Screening.Matching;

/// <summary>
/// A query's candidate names handed out best bound first, ties in the order the names were reached. A common given
/// name reaches thousands of names, but the search stops after a few dozen: sorting them all cost more than scoring
/// the ones taken, so they are kept as a heap and each is put in its place only when the search asks for it. Those
/// the search will surely take (every one that could alert, when screening for alerts) are sorted instead, which
/// costs less than taking each off the heap.
/// </summary>
internal sealed class BestBoundFirst
{
    private (int Name, double Bound, int Reached)[] sorted = new (int, double, int)[256];
    private (int Name, double Bound, int Reached)[] heap = new (int, double, int)[256];
    private double[] sortKeys = [];
    private int[] sortPositions = [];
    private (int Name, double Bound, int Reached)[] reordered = [];
    private int sortedCount;
    private int nextSorted;
    private int count;
    private int added;
    private bool heapOrdered;

    public int Count => count + sortedCount - nextSorted;

    public void Clear()
    {
        count = 0;
        added = 0;
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

        heap[count++] = (name, bound, added++);
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
    /// Sorts the taken candidates, which are in the order they were reached, by falling bound: a primitive sort of the
    /// bounds, then each run of equal bounds put back in the order reached (the sort is not stable).
    /// </summary>
    private void SortTaken()
    {
        if (sortedCount < 2)
        {
            return;
        }

        if (reordered.Length < sortedCount)
        {
            sortKeys = new double[sorted.Length];
            sortPositions = new int[sorted.Length];
            reordered = new (int, double, int)[sorted.Length];
        }

        for (var k = 0; k < sortedCount; k++)
        {
            sortKeys[k] = -sorted[k].Bound;
            sortPositions[k] = k;
        }

        Array.Sort(sortKeys, sortPositions, 0, sortedCount);
        for (var start = 0; start < sortedCount;)
        {
            var end = start + 1;
            while (end < sortedCount && sortKeys[end] == sortKeys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(sortPositions, start, end - start);
            }

            start = end;
        }

        for (var k = 0; k < sortedCount; k++)
        {
            reordered[k] = sorted[sortPositions[k]];
        }

        (sorted, reordered) = (reordered, sorted);
    }

    /// <summary>Takes the best remaining candidate: highest bound, then the one reached first.</summary>
    public bool TryTake(out int name, out double bound)
    {
        if (nextSorted < sortedCount)
        {
            (name, bound, _) = sorted[nextSorted++];
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

        (name, bound, _) = heap[0];
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

    private static bool Before((int Name, double Bound, int Reached) a, (int Name, double Bound, int Reached) b) =>
        a.Bound > b.Bound || (a.Bound == b.Bound && a.Reached < b.Reached);
}
