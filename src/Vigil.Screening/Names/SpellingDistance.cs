namespace Vigil.Screening.Names;

/// <summary>
/// Edit distance between two phonetic forms, weighted by how romanisations and typists really differ: vowels are
/// cheap to change, add or drop (Arabic script rarely writes short vowels), an "h" is cheap to add or drop, the
/// consonants romanisations swap (s/t/x, d/z, k/g/j, b/p, f/v, w/v, y/j) are cheap to substitute, and swapping two
/// neighbouring letters (the commonest typing slip) costs less than two substitutions.
/// </summary>
public static class SpellingDistance
{
    private const double VowelSubstitution = 0.3;
    private const double VowelIndel = 0.4;

    /// <summary>A vowel added at the end often makes another name (Ahmad / Ahmadi, Aziz / Azizi).</summary>
    private const double FinalVowelIndel = 0.8;
    private const double HIndel = 0.5;
    private const double ConsonantClassSubstitution = 0.5;
    private const double Transposition = 0.8;

    /// <summary>1 for the same form, falling with the weighted distance relative to the longer form; never below 0.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var distance = Distance(a, b);
        return Math.Max(0, 1 - (distance / Math.Max(a.Length, b.Length)));
    }

    /// <summary>
    /// Similarity by plain letter edits, every edit costing one: a typing slip is an edit of the written letters,
    /// which phonetic reduction can make look bigger (or smaller) than it was.
    /// </summary>
    public static double PlainSimilarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        return Math.Max(0, 1 - (Distance(a, b, plain: true) / Math.Max(a.Length, b.Length)));
    }

    public static double Distance(string a, string b) => Distance(a, b, plain: false);

    private static double Distance(string a, string b, bool plain)
    {
        var columns = b.Length + 1;
        Span<double> rows = columns <= 128 ? stackalloc double[3 * columns] : new double[3 * columns];
        var twoBack = rows[..columns];
        var previous = rows.Slice(columns, columns);
        var current = rows.Slice(2 * columns, columns);

        previous[0] = 0;
        for (var j = 1; j <= b.Length; j++)
        {
            previous[j] = previous[j - 1] + (plain ? 1 : Indel(b, j - 1));
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var deleteA = plain ? 1 : Indel(a, i - 1);
            current[0] = previous[0] + deleteA;
            for (var j = 1; j <= b.Length; j++)
            {
                var best = Math.Min(previous[j] + deleteA, current[j - 1] + (plain ? 1 : Indel(b, j - 1)));
                best = Math.Min(best, previous[j - 1] + (plain ? (a[i - 1] == b[j - 1] ? 0 : 1) : Substitution(a[i - 1], b[j - 1])));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2])
                {
                    best = Math.Min(best, twoBack[j - 2] + (plain ? 1 : Transposition));
                }

                current[j] = best;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    private static double Indel(string word, int index)
    {
        var c = word[index];
        return PhoneticForm.IsVowel(c) ? (index == word.Length - 1 && index > 0 ? FinalVowelIndel : VowelIndel)
            : c is 'h' or 'w' or 'y' ? HIndel
            : 1;
    }

    private static double Substitution(char x, char y)
    {
        if (x == y)
        {
            return 0;
        }

        if (PhoneticForm.IsVowel(x) && PhoneticForm.IsVowel(y))
        {
            return VowelSubstitution;
        }

        return ClassOf(x) != 0 && ClassOf(x) == ClassOf(y) ? ConsonantClassSubstitution : 1;
    }

    private static int ClassOf(char c) => c switch
    {
        's' or 't' or PhoneticForm.Sh => 1,
        'd' or 'z' => 2,
        'k' or 'g' or 'j' => 3,
        'b' or 'p' => 4,
        'f' or 'v' or 'w' => 5,
        'y' => 6,
        _ => 0,
    };
}
