namespace Vigil.Screening.Matching;

/// <summary>
/// Of the candidates offered, the <see cref="Capacity"/> that <see cref="BestBoundFirst"/> would hand out first (best
/// bound first, ties by name), picked as they come without sorting the others: a search that will take no more than a
/// budget of some kind of candidate need not sort the hundred thousand a list of a million people may offer.
/// </summary>
internal sealed class FirstTaken(int capacity)
{
    private readonly PriorityQueue<int, (int Name, double Bound)> kept = new(LastTakenFirst.Instance);

    public int Capacity { get; } = capacity;

    public void Clear() => kept.Clear();

    public void Offer(int name, double bound)
    {
        if (kept.Count < Capacity)
        {
            kept.Enqueue(name, (name, bound));
        }
        else if (kept.TryPeek(out _, out var last) && BestBoundFirst.Before((name, bound), last))
        {
            kept.DequeueEnqueue(name, (name, bound));
        }
    }

    /// <summary>The candidates kept, in no particular order.</summary>
    public IEnumerable<(int Name, double Bound)> Kept => kept.UnorderedItems.Select(item => item.Priority);

    /// <summary>Orders the kept candidates with the one that would be taken last at the top, where it is replaced.</summary>
    private sealed class LastTakenFirst : IComparer<(int Name, double Bound)>
    {
        public static readonly LastTakenFirst Instance = new();

        public int Compare((int Name, double Bound) x, (int Name, double Bound) y) =>
            BestBoundFirst.Before(x, y) ? 1 : BestBoundFirst.Before(y, x) ? -1 : 0;
    }
}
