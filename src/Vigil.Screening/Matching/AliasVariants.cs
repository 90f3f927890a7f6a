using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>
/// Spelling variants learnt from the lists' own alias clusters: when two names of one listed person agree in all
/// their words but one, and those two words look related (Zadran / Jadran, Abubakr / Abubakar), the list is
/// telling us they are spellings of one name. Unrelated leftovers (al-Masri / al-Iraqi: two names of one man)
/// are not linked, nor two names the variant dictionary knows apart however alike their letters (Khalil Ahmed
/// Haqqani / Khalil al-Rahman Haqqani: a link makes every listed Ahmed a spelling of a traveler's Rahman).
/// </summary>
internal static class AliasVariants
{
    /// <summary>Below this the two words are different names the person goes by, not spellings of one.</summary>
    private const double Related = 0.6;

    public static Dictionary<int, int[]> Learn(WatchListIndex index)
    {
        var vocabulary = index.Vocabulary;
        var links = new Dictionary<int, HashSet<int>>();
        for (var start = 0; start < index.NameCount;)
        {
            var end = start;
            while (end < index.NameCount && index.PersonOf(end) == index.PersonOf(start))
            {
                end++;
            }

            for (var a = start; a < end; a++)
            {
                for (var b = a + 1; b < end; b++)
                {
                    if (SoleDifference(index.UnitIdsOf(a), index.UnitIdsOf(b), vocabulary) is var (x, y) && x != y)
                    {
                        Link(links, x, y);
                        Link(links, y, x);
                    }
                }
            }

            start = end;
        }

        return links.ToDictionary(l => l.Key, l => l.Value.ToArray());
    }

    private static (int, int)? SoleDifference(ReadOnlySpan<int> first, ReadOnlySpan<int> second, IReadOnlyList<PreparedUnit> vocabulary)
    {
        var left = Words(first, vocabulary);
        var right = Words(second, vocabulary);
        if (left.Count != right.Count || left.Count < 2)
        {
            return null;
        }

        var onlyLeft = left.Where(l => !right.Any(r => vocabulary[r].Phonetic == vocabulary[l].Phonetic)).ToList();
        var onlyRight = right.Where(r => !left.Any(l => vocabulary[l].Phonetic == vocabulary[r].Phonetic)).ToList();
        if (onlyLeft.Count != 1 || onlyRight.Count != 1)
        {
            return null;
        }

        var (x, y) = (vocabulary[onlyLeft[0]], vocabulary[onlyRight[0]]);
        if (NameVariants.Relation(x.Variants, y.Variants) == VariantRelation.DifferentNames)
        {
            return null;
        }

        var related = Math.Max(SpellingDistance.Similarity(x.Phonetic, y.Phonetic), SpellingDistance.PlainSimilarity(x.Text, y.Text));
        return related >= Related ? (onlyLeft[0], onlyRight[0]) : null;
    }

    private static List<int> Words(ReadOnlySpan<int> unitIds, IReadOnlyList<PreparedUnit> vocabulary)
    {
        var words = new List<int>(unitIds.Length);
        foreach (var id in unitIds)
        {
            if (vocabulary[id].Kind == UnitKind.Word && vocabulary[id].Text.Length >= 3)
            {
                words.Add(id);
            }
        }

        return words;
    }

    private static void Link(Dictionary<int, HashSet<int>> links, int from, int to)
    {
        if (!links.TryGetValue(from, out var set))
        {
            links.Add(from, set = []);
        }

        set.Add(to);
    }
}
