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

    /// <summary>The shortest part that alone says a spelling the lists lack may be two names: "Ali".</summary>
    private const int ShortestWholePart = 3;

    /// <summary>For each unit that ends a split of another into two vocabulary units, the units that begin one.</summary>
    private readonly Dictionary<int, int[]> firstsBySecond;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> joinableUnits;

    /// <summary>Per unit, the unit that stands for its text (-1 for links and initials).</summary>
    private readonly int[] sameText;

    /// <summary>
    /// Per unit, <see cref="Part"/> flags: what a search asks of every spelling of a traveler's units, read from one
    /// small array instead of through the unit's text and a table.
    /// </summary>
    private readonly Part[] parts;

    [Flags]
    private enum Part : byte
    {
        None = 0,
        WrittenApart = 1,
        EndsASplit = 2,
    }

    private CompoundUnits(Dictionary<string, int> joinableUnits, int[] sameText, bool[] writtenApart, Dictionary<int, int[]> firstsBySecond)
    {
        this.firstsBySecond = firstsBySecond;
        this.sameText = sameText;
        this.joinableUnits = joinableUnits.GetAlternateLookup<ReadOnlySpan<char>>();
        parts = new Part[sameText.Length];
        for (var unit = 0; unit < parts.Length; unit++)
        {
            if (sameText[unit] is >= 0 and var text)
            {
                parts[unit] = (writtenApart[text] ? Part.WrittenApart : Part.None) | (firstsBySecond.ContainsKey(text) ? Part.EndsASplit : Part.None);
            }
        }
    }

    /// <summary>
    /// Splits every vocabulary unit at each place where both parts are vocabulary units: a traveler may write any
    /// such unit apart. A unit counts as written apart on the list only where some listed name holds its two parts
    /// as a pair the scorer may join: on a list of a million generated identities half the units split into two
    /// others ("Hassan" = "Has" + "San"), and few of those are ever written apart.
    /// </summary>
    public static CompoundUnits Find(PreparedUnit[] vocabulary, NameTable names)
    {
        // Units of other kinds are joined too (Seyed Mohammad ~ Seyedmohammad); a text held by units of several
        // kinds stands for all of them.
        var byText = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Length; id++)
        {
            if (Joinable(vocabulary[id]))
            {
                byText.TryAdd(vocabulary[id].Text, id);
            }
        }

        var sameText = new int[vocabulary.Length];
        for (var id = 0; id < vocabulary.Length; id++)
        {
            sameText[id] = byText.GetValueOrDefault(vocabulary[id].Text, -1);
        }

        var texts = byText.GetAlternateLookup<ReadOnlySpan<char>>();
        var splits = new List<long>();
        foreach (var (text, _) in byText)
        {
            for (var split = ShortestPart; split <= text.Length - ShortestPart; split++)
            {
                if (texts.TryGetValue(text.AsSpan(0, split), out var first) && texts.TryGetValue(text.AsSpan(split), out var second))
                {
                    splits.Add(((long)second << 32) | (uint)first);
                }
            }
        }

        // Sorted by second part, each second part's first parts are side by side.
        splits.Sort();
        var firstsBySecond = new Dictionary<int, int[]>();
        for (var start = 0; start < splits.Count;)
        {
            var second = (int)(splits[start] >> 32);
            var end = start;
            while (end < splits.Count && (int)(splits[end] >> 32) == second)
            {
                end++;
            }

            firstsBySecond.Add(second, [.. splits.GetRange(start, end - start).Select(pair => (int)pair).Distinct()]);
            start = end;
        }

        return new CompoundUnits(byText, sameText, WrittenApart(vocabulary, names, byText), firstsBySecond);
    }

    /// <summary>
    /// The units that some listed name writes as a pair the scorer may join, by the unit standing for their text; the
    /// names are read on all cores (two and a half million on a million identities).
    /// </summary>
    private static bool[] WrittenApart(PreparedUnit[] vocabulary, NameTable names, Dictionary<string, int> byText)
    {
        var writtenApart = new bool[vocabulary.Length];
        Parallel.For(
            0,
            names.Count,
            () => (Texts: byText.GetAlternateLookup<ReadOnlySpan<char>>(), Joined: new char[128]),
            (name, _, local) =>
            {
                var unitIds = names.UnitIdsOf(name);
                for (var first = 0; first < unitIds.Length; first++)
                {
                    var firstUnit = vocabulary[unitIds[first]];
                    for (var second = 0; second < unitIds.Length && Joinable(firstUnit); second++)
                    {
                        var secondUnit = vocabulary[unitIds[second]];
                        var length = firstUnit.Text.Length + secondUnit.Text.Length;
                        if (second != first && length <= local.Joined.Length && NameScorer.Joinable(firstUnit, secondUnit, adjacent: second == first + 1))
                        {
                            firstUnit.Text.CopyTo(local.Joined);
                            secondUnit.Text.CopyTo(local.Joined.AsSpan(firstUnit.Text.Length));
                            if (local.Texts.TryGetValue(local.Joined.AsSpan(0, length), out var unit))
                            {
                                // Only ever set: threads marking the same unit write the same value.
                                writtenApart[unit] = true;
                            }
                        }
                    }
                }

                return local;
            },
            _ => { });
        return writtenApart;
    }

    /// <summary>The scorer joins leftovers only, and links and initials are never left over.</summary>
    private static bool Joinable(PreparedUnit unit) => unit.Kind is not (UnitKind.Link or UnitKind.Initial);

    /// <summary>
    /// Whether a spelling the lists lack may be two of their units written as one: one part of it, of three letters or
    /// more, is a unit of the lists, and the other may be a slip away from one (Alibasher ~ Ali Bashir). Which listed
    /// names hold which pairs is not kept (on a million identities, millions of pairs).
    /// </summary>
    public bool MaySplitIntoTwo(string text)
    {
        for (var split = ShortestPart; split <= text.Length - ShortestPart; split++)
        {
            if ((split >= ShortestWholePart && joinableUnits.ContainsKey(text.AsSpan(0, split)))
                || (text.Length - split >= ShortestWholePart && joinableUnits.ContainsKey(text.AsSpan(split))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a spelling the lists lack is two of their units written as one (Sajabarzan = Saja + Barzan), or one of
    /// them with a link run on (Abubakarbin).
    /// </summary>
    public bool IsTwoUnits(string text)
    {
        for (var split = ShortestPart; split <= text.Length - ShortestPart; split++)
        {
            if (joinableUnits.ContainsKey(text.AsSpan(0, split))
                && (joinableUnits.ContainsKey(text.AsSpan(split)) || NameLexicon.IsLink(text[split..])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the unit is two vocabulary units that some listed name writes apart, where the scorer may join them.</summary>
    public bool IsWrittenApart(int unit) => (parts[unit] & Part.WrittenApart) != 0;

    /// <summary>
    /// The units that begin a vocabulary unit split into two when <paramref name="second"/> ends it (Ali, Abu before
    /// Akbar); empty for most units.
    /// </summary>
    public ReadOnlySpan<int> FirstPartsBefore(int second) =>
        (parts[second] & Part.EndsASplit) != 0 && firstsBySecond.TryGetValue(sameText[second], out var firsts) ? firsts : [];
}
