namespace Vigil.Screening.Matching;

/// <summary>
/// Of the candidates offered, the <see cref="Capacity"/> that <see cref="BestBoundFirst"/> would hand out first (best
/// bound first, ties by name), picked as they come without sorting the others: a search that will take no more than a
/// budget of some kind of candidate need not sort the hundred thousand a list of a million people may offer.
/// </summary>
internal sealed class FirstTaken(int capacity)
{
    private readonly PriorityQueue<int, (double Bound, int Name)> kept = new(LastTakenFirst.Instance);

    public int Capacity { get; } = capacity;

    public void Clear() => kept.Clear();

    public void Offer(int name, double bound)
    {
        if (kept.Count < Capacity)
        {
            kept.Enqueue(name, (bound, name));
        }
        else if (kept.TryPeek(out _, out var last) && (bound > last.Bound || (bound == last.Bound && name < last.Name)))
        {
            kept.DequeueEnqueue(name, (bound, name));
        }
    }

    /// <summary>The candidates kept, in no particular order.</summary>
    public IEnumerable<(int Name, double Bound)> Kept => kept.UnorderedItems.Select(item => (item.Element, item.Priority.Bound));

    /// <summary>Orders the kept candidates with the one that would be taken last at the top, where it is replaced.</summary>
    private sealed class LastTakenFirst : IComparer<(double Bound, int Name)>
    {
        public static readonly LastTakenFirst Instance = new();

        public int Compare((double Bound, int Name) x, (double Bound, int Name) y) =>
            x.Bound != y.Bound ? x.Bound.CompareTo(y.Bound) : y.Name.CompareTo(x.Name);
    }
}
