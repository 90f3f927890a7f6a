using System.Runtime.InteropServices;

namespace Vigil.Screening.Matching;

/// <summary>
/// Sketches of two units read as one word, kept per thread and index: a search asks of most candidates it does not
/// score whether a join could match, the listed names' units meet in the same pairs traveler after traveler, and a
/// traveler's own units recur on the next flight. Each kind is forgotten all at once when full.
/// </summary>
internal sealed class JoinedSketches
{
    private const int Remembered = 1 << 15;

    private readonly Dictionary<long, UnitSketch> listed = [];
    private readonly Dictionary<(PreparedUnit, PreparedUnit), UnitSketch> travelers = new(NameScorer.SameUnits.Instance);

    public static JoinedSketches For(WatchListIndex index) => ScratchOfIndex<JoinedSketches>.For(index, static _ => new JoinedSketches());

    /// <summary>The sketch of two listed units read as one; the reference is good until the next call.</summary>
    public ref readonly UnitSketch OfListed(PreparedUnit first, int firstId, PreparedUnit second, int secondId)
    {
        if (listed.Count >= Remembered)
        {
            listed.Clear();
        }

        ref var sketch = ref CollectionsMarshal.GetValueRefOrAddDefault(listed, ((long)firstId << 32) | (uint)secondId, out var known);
        if (!known)
        {
            sketch = UnitSketch.OfJoined(first.Text, second.Text);
        }

        return ref sketch;
    }

    /// <summary>The sketch of two of the traveler's units read as one.</summary>
    public UnitSketch OfTraveler(PreparedUnit first, PreparedUnit second)
    {
        if (!travelers.TryGetValue((first, second), out var sketch))
        {
            if (travelers.Count >= Remembered)
            {
                travelers.Clear();
            }

            sketch = UnitSketch.OfJoined(first.Text, second.Text);
            travelers.Add((first, second), sketch);
        }

        return sketch;
    }
}
