using System.Runtime.InteropServices;

namespace Vigil.Screening.Matching;

/// <summary>
/// Two units read as one word, as the scorer's join makes them, kept per thread and index: a search asks of most
/// candidates it does not score whether a join could match, the listed names' units meet in the same pairs traveler
/// after traveler, and a traveler's own units recur on the next flight. Listed pairs are kept as filed counts (52
/// bytes, about 2.5 MB a thread when full) and, where those cannot tell, as whole sketches; the traveler's few pairs
/// as whole sketches (168 bytes, under 1 MB when full); each kind is forgotten all at once when full.
/// </summary>
internal sealed class JoinedSketches
{
    private const int RememberedOfListed = 1 << 15;

    /// <summary>
    /// Whole sketches are 168 bytes; a traveler's pairs, and the listed pairs whose counts cannot tell, are few and
    /// are remade in a few hundred nanoseconds.
    /// </summary>
    private const int RememberedSketches = 1 << 12;

    private readonly Dictionary<long, FiledUnit> listed = [];
    private readonly Dictionary<long, UnitSketch> listedSketches = [];
    private readonly Dictionary<(PreparedUnit, PreparedUnit), UnitSketch> travelers = new(NameScorer.SameUnits.Instance);

    public static JoinedSketches For(WatchListIndex index) => ScratchOfIndex<JoinedSketches>.For(index, static _ => new JoinedSketches());

    /// <summary>
    /// The filed counts of two listed units read as one; where they cannot tell (<see cref="FiledUnit.Standing.AskSketch"/>
    /// or a shared compound opener), <see cref="SketchOfListed"/> gives the whole sketch. The reference is good
    /// until the next call.
    /// </summary>
    public ref readonly FiledUnit OfListed(PreparedUnit first, int firstId, PreparedUnit second, int secondId)
    {
        ref var filed = ref Remembered(listed, PairOf(firstId, secondId), RememberedOfListed, out var known);
        if (!known)
        {
            filed = new FiledUnit(-1, UnitSketch.OfJoined(first.Text, second.Text));
        }

        return ref filed;
    }

    /// <summary>
    /// The whole sketch of two listed units read as one, for the pairs whose filed counts cannot tell: the same pairs
    /// come back candidate after candidate, and making the sketch cost more than judging it.
    /// </summary>
    public UnitSketch SketchOfListed(PreparedUnit first, int firstId, PreparedUnit second, int secondId)
    {
        ref var sketch = ref Remembered(listedSketches, PairOf(firstId, secondId), RememberedSketches, out var known);
        if (!known)
        {
            sketch = UnitSketch.OfJoined(first.Text, second.Text);
        }

        return sketch;
    }

    /// <summary>The sketch of two of the traveler's units read as one.</summary>
    public UnitSketch OfTraveler(PreparedUnit first, PreparedUnit second)
    {
        ref var sketch = ref Remembered(travelers, (first, second), RememberedSketches, out var known);
        if (!known)
        {
            sketch = UnitSketch.OfJoined(first.Text, second.Text);
        }

        return sketch;
    }

    private static long PairOf(int firstId, int secondId) => ((long)firstId << 32) | (uint)secondId;

    /// <summary>The entry for <paramref name="key"/>, added if new; a table holding <paramref name="bound"/> entries is forgotten first.</summary>
    private static ref TValue Remembered<TKey, TValue>(Dictionary<TKey, TValue> table, TKey key, int bound, out bool known)
        where TKey : notnull
    {
        if (table.Count >= bound)
        {
            table.Clear();
        }

        return ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out known)!;
    }
}
