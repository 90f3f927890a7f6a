namespace Vigil.Screening.Matching;

/// <summary>
/// A query's candidate names handed out best bound first, ties in the order the names were reached. A common given
/// name reaches thousands of names, but the search stops after a few dozen: sorting them all cost more than scoring
/// the ones taken, so they are kept as a heap and each is put in its place only when the search asks for it.
/// </summary>
internal sealed class BestBoundFirst
{
    private (int Name, double Bound, int Reached)[] heap = new (int, double, int)[256];
    private int count;
    private int added;

    public int Count => count;

    public void Clear()
    {
        count = 0;
        added = 0;
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

    /// <summary>Arranges the candidates added so far as a heap, in time linear in their number.</summary>
    public void Order()
    {
        for (var parent = (count / 2) - 1; parent >= 0; parent--)
        {
            SiftDown(parent);
        }
    }

    /// <summary>Takes the best remaining candidate: highest bound, then the one reached first.</summary>
    public bool TryTake(out int name, out double bound)
    {
        if (count == 0)
        {
            name = -1;
            bound = 0;
            return false;
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
