using System.Collections.Concurrent;
using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>A name unit with everything comparison needs computed once: phonetic forms, candidate key, weight.</summary>
public sealed record PreparedUnit(NameUnit Unit, string Phonetic, string CorePhonetic, string Skeleton, double Weight)
{
    /// <summary>What the variant dictionary knows of the unit's name (without its article), looked up once.</summary>
    public NameVariants.VariantEntry? Variants { get; } = NameVariants.Of(Unit.Core);

    /// <summary>Letter counts and flags for ruling comparisons out without reading the strings.</summary>
    public ref readonly UnitSketch Sketch => ref sketch;

    private readonly UnitSketch sketch = new(Unit, Phonetic, CorePhonetic);

    /// <summary>Whether the unit opens a compound (abd, abu, an article): read for every pair of leftovers tried as one name.</summary>
    internal bool OpensCompound { get; } = NameLexicon.IsCompoundOpener(Unit.Text);

    public string Text => Unit.Text;

    public UnitKind Kind => Unit.Kind;

    /// <summary>
    /// What the index built with this unit's preparer found for it. A traveler's unit was otherwise looked up by value
    /// in up to four tables, and the first time a traveler brings it each look-up waits for memory several times;
    /// the preparer hands out the same unit each time it meets the name. Not part of the unit's value.
    /// </summary>
    internal IndexedUnit? Indexed
    {
        get => Volatile.Read(ref indexed);
        set => Volatile.Write(ref indexed, value);
    }

    private IndexedUnit? indexed;

    public bool Equals(PreparedUnit? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Unit.Equals(other.Unit) && Phonetic == other.Phonetic && CorePhonetic == other.CorePhonetic
            && Skeleton == other.Skeleton && Weight.Equals(other.Weight));

    public override int GetHashCode() => HashCode.Combine(Unit, Phonetic, CorePhonetic, Skeleton, Weight);
}

/// <summary>
/// What one index found for a unit: its vocabulary id, or for a unit the lists lack (-1) its similar list units. A
/// preparer may serve several indexes, so the index is named by its identity.
/// </summary>
internal sealed record IndexedUnit(int Index, int VocabularyId, SimilarUnit[]? SimilarUnits);

/// <summary>
/// A parsed name ready to be compared: its units (links included, with no weight) and its genealogical links. The
/// index keeps millions of these, so they hold nothing but references to shared units.
/// </summary>
public sealed record PreparedName(IReadOnlyList<PreparedUnit> Units, IReadOnlyList<(int Son, int Father)> Links)
{
    public override string ToString() => string.Join(' ', Units.Select(u => u.Text));
}

/// <summary>
/// Parses and prepares names with one weighting of name units. Prepared units are remembered (up to a bound):
/// travelers' names are made of a few thousand common units, and preparing one costs several strings.
/// </summary>
public sealed class NamePreparer(TokenWeights weights)
{
    private const int RememberedUnits = 100_000;

    private ConcurrentDictionary<NameUnit, PreparedUnit> prepared = Remembering();
    private int additions;

    /// <summary>Sized for the bound at once: grown step by step, it was rehashed a dozen times as travelers brought new units.</summary>
    private static ConcurrentDictionary<NameUnit, PreparedUnit> Remembering() => new(Environment.ProcessorCount, RememberedUnits);

    public TokenWeights Weights { get; } = weights;

    public PreparedName Prepare(string name) => Prepare(NameParser.Parse(name));

    public PreparedName Prepare(ParsedName parsed)
    {
        var units = new PreparedUnit[parsed.Units.Count];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = PrepareUnit(parsed.Units[i]);
        }

        return new PreparedName(units, parsed.Links.Count == 0 ? [] : parsed.Links.ToArray());
    }

    public PreparedUnit PrepareUnit(NameUnit unit)
    {
        var remembered = Volatile.Read(ref prepared);
        if (remembered.TryGetValue(unit, out var known))
        {
            return known;
        }

        // ConcurrentDictionary.Count takes every lock; an approximate count of additions is enough for a bound.
        if (Interlocked.Increment(ref additions) > RememberedUnits)
        {
            Volatile.Write(ref prepared, remembered = Remembering());
            Interlocked.Exchange(ref additions, 0);
        }

        return remembered.GetOrAdd(unit, PrepareNew);
    }

    /// <summary>Prepares a unit without remembering it: for units prepared once, in bulk, which would only crowd travelers' out.</summary>
    internal PreparedUnit PrepareUnremembered(NameUnit unit) => PrepareNew(unit);

    private PreparedUnit PrepareNew(NameUnit unit)
    {
        var phonetic = PhoneticForm.Of(unit.Text);
        var core = unit.HasArticle ? PhoneticForm.Of(unit.Core) : phonetic;
        var skeleton = PhoneticForm.Skeleton(unit.HasArticle ? core : phonetic);
        return new PreparedUnit(unit, phonetic, core, skeleton, Weights.Of(unit.Kind, unit.HasArticle ? core : phonetic));
    }
}
