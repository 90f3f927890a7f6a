using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>
/// The vocabulary units that are two other vocabulary units written as one word (Aliakbar = Ali + Akbar). The scorer
/// joins two leftover units of one name to match a unit of the other, so a candidate can score above what its units
/// alone bound. A search for alerts asks here which of the traveler's units a listed name may write apart, and which
/// pairs of the traveler's units a listed name may write as one: only candidates leaving those over can be lifted.
/// </summary>
internal sealed class CompoundUnits
{
    /// <summary>The shortest part a compound is split into: "Abu Ali", "Al Amin".</summary>
    private const int ShortestPart = 2;

    private readonly bool[] writtenApart;

    /// <summary>Every split of a unit into two vocabulary units, as first and second part in one number.</summary>
    private readonly HashSet<long> splits;

    /// <summary>Per unit, whether it is the first or the second part of a split: most units are neither.</summary>
    private readonly bool[] isFirstPart;
    private readonly bool[] isSecondPart;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> joinableUnits;

    /// <summary>Per unit, the unit that stands for its text (-1 for links and initials).</summary>
    private readonly int[] sameText;

    private CompoundUnits(Dictionary<string, int> joinableUnits, int[] sameText, bool[] writtenApart, HashSet<long> splits, bool[] isFirstPart, bool[] isSecondPart)
    {
        this.isFirstPart = isFirstPart;
        this.isSecondPart = isSecondPart;
        this.sameText = sameText;
        this.joinableUnits = joinableUnits.GetAlternateLookup<ReadOnlySpan<char>>();
        this.writtenApart = writtenApart;
        this.splits = splits;
    }

    /// <summary>
    /// Splits every vocabulary unit at each place where both parts are vocabulary units. Any such split is kept as a
    /// compound a traveler may write apart; a unit counts as written apart on the list only where some listed name
    /// holds its two parts as a pair the scorer may join: on a list of a million generated identities half the
    /// units split into two others ("Hassan" = "Has" + "San"), and few of those are ever written apart.
    /// </summary>
    public static CompoundUnits Find(IReadOnlyList<PreparedUnit> vocabulary, NameTable names)
    {
        // Units of other kinds are joined too (Seyed Mohammad ~ Seyedmohammad); a text held by units of several
        // kinds stands for all of them.
        var byText = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        var sameText = new int[vocabulary.Count];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            sameText[id] = Joinable(vocabulary[id]) && byText.TryAdd(vocabulary[id].Text, id) ? id : byText.GetValueOrDefault(vocabulary[id].Text, -1);
        }

        var listedPairs = JoinablePairs(vocabulary, names, sameText);
        var texts = byText.GetAlternateLookup<ReadOnlySpan<char>>();
        var writtenApart = new bool[vocabulary.Count];
        var splits = new HashSet<long>();
        var isFirstPart = new bool[vocabulary.Count];
        var isSecondPart = new bool[vocabulary.Count];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var text = vocabulary[id].Text;
            if (!Joinable(vocabulary[id]))
            {
                continue;
            }

            for (var split = ShortestPart; split <= text.Length - ShortestPart; split++)
            {
                if (texts.TryGetValue(text.AsSpan(0, split), out var first) && texts.TryGetValue(text.AsSpan(split), out var second))
                {
                    writtenApart[id] |= Array.BinarySearch(listedPairs, Pair(first, second)) >= 0;
                    splits.Add(Pair(first, second));
                    isFirstPart[first] = isSecondPart[second] = true;
                }
            }
        }

        return new CompoundUnits(byText, sameText, writtenApart, splits, isFirstPart, isSecondPart);
    }

    /// <summary>Every pair of units of a listed name that the scorer may join, as sorted numbers.</summary>
    private static long[] JoinablePairs(IReadOnlyList<PreparedUnit> vocabulary, NameTable names, int[] sameText)
    {
        // Counted first: on a million identities they are millions, and a growing list would hold twice as many.
        var count = 0;
        ForEachJoinablePair(vocabulary, names, (_, _) => count++);
        var pairs = new long[count];
        var at = 0;
        ForEachJoinablePair(vocabulary, names, (first, second) => pairs[at++] = Pair(sameText[first], sameText[second]));
        Array.Sort(pairs);
        return pairs;
    }

    private static void ForEachJoinablePair(IReadOnlyList<PreparedUnit> vocabulary, NameTable names, Action<int, int> pair)
    {
        for (var name = 0; name < names.Count; name++)
        {
            var unitIds = names.UnitIdsOf(name);
            for (var first = 0; first < unitIds.Length; first++)
            {
                for (var second = 0; second < unitIds.Length; second++)
                {
                    if (second != first && Joinable(vocabulary[unitIds[first]])
                        && NameScorer.Joinable(vocabulary[unitIds[first]], vocabulary[unitIds[second]], adjacent: second == first + 1))
                    {
                        pair(unitIds[first], unitIds[second]);
                    }
                }
            }
        }
    }

    /// <summary>The scorer joins leftovers only, and links and initials are never left over.</summary>
    private static bool Joinable(PreparedUnit unit) => unit.Kind is not (UnitKind.Link or UnitKind.Initial);

    private static long Pair(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>
    /// Whether a spelling the lists lack splits into two vocabulary units. Which listed names hold the parts as a
    /// pair is not kept (on a million identities, millions of pairs), so any two parts count.
    /// </summary>
    public bool SplitsIntoTwo(string text)
    {
        for (var split = ShortestPart; split <= text.Length - ShortestPart; split++)
        {
            if (joinableUnits.ContainsKey(text.AsSpan(0, split)) && joinableUnits.ContainsKey(text.AsSpan(split)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the unit is two vocabulary units that some listed name writes apart, where the scorer may join them.</summary>
    public bool IsWrittenApart(int unit) => writtenApart[unit];

    /// <summary>Whether some vocabulary unit is one of the <paramref name="firsts"/> and one of the <paramref name="seconds"/> written as one.</summary>
    public bool MakeOneUnit(List<int> firsts, List<int> seconds)
    {
        foreach (var first in firsts)
        {
            if (sameText[first] is not (>= 0 and var firstText) || !isFirstPart[firstText])
            {
                continue;
            }

            foreach (var second in seconds)
            {
                if (sameText[second] is >= 0 and var secondText && isSecondPart[secondText] && splits.Contains(Pair(firstText, secondText)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
