using System.Runtime.InteropServices;

namespace Vigil.Screening.Matching;

/// <summary>
/// Two units read as one word, as the scorer's join makes them, per thread and index: a search asks of most candidates
/// it does not score whether a join could match. A listed pair's filed counts are made each time, from the parts'
/// written counts and the joined phonetic form: on a list of a million identities three pairs in four were new to a
/// table of 32,768, and the table cost more than making them. Where the counts cannot tell, the whole sketches of
/// listed pairs are kept, and those of the traveler's own few pairs, which recur on the next flight (168 bytes, under
/// 1 MB when full); each table is forgotten all at once when full.
/// </summary>
internal sealed class JoinedSketches
{
    /// <summary>
    /// Whole sketches are 168 bytes; a traveler's pairs, and the listed pairs whose counts cannot tell, are few and
    /// are remade in a few hundred nanoseconds.
    /// </summary>
    private const int RememberedSketches = 1 << 12;

    private FiledUnit listedPair;
    private readonly Dictionary<long, UnitSketch> listedSketches = [];
    private readonly Dictionary<(PreparedUnit, PreparedUnit), UnitSketch> travelers = new(NameScorer.SameUnits.Instance);

    public static JoinedSketches For(WatchListIndex index) => ScratchOfIndex<JoinedSketches>.For(index, static _ => new JoinedSketches());

    /// <summary>
    /// The filed counts of two listed units read as one; where they cannot tell (<see cref="FiledUnit.Standing.AskSketch"/>
    /// or a shared compound opener), <see cref="SketchOfListed"/> gives the whole sketch. The reference is good
    /// until the next call. Without <paramref name="lookUpNames"/> the counts say the joined word writes no name the
    /// dictionary knows.
    /// </summary>
    public ref readonly FiledUnit OfListed(PreparedUnit first, in FiledUnit firstFiled, PreparedUnit second, in FiledUnit secondFiled, bool lookUpNames)
    {
        listedPair = FiledUnit.Joined(first.Text, firstFiled, second.Text, secondFiled, lookUpNames);
        return ref listedPair;
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
