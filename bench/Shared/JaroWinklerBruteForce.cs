using System.Globalization;
using System.Text;
using Vigil.Screening.Watchlists;

namespace Vigil.Benchmarks.Matching;

/// <summary>
/// The classic screening baseline (the approach of GTAS and moov-io/watchman): every query is compared with every
/// listed name by Jaro-Winkler similarity, once as written and once with both names' words sorted (token sort),
/// and the best listed persons are kept. List names are normalised once up front (diacritics dropped, upper case,
/// punctuation and MRZ fillers to single spaces, words sorted), so the per-query figure is the scan itself.
/// </summary>
internal sealed class JaroWinklerBruteForce
{
    private const double BoostThreshold = 0.7;
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    private readonly ListedPerson[] persons;
    private readonly int[] personOfName;
    private readonly string[] asWritten;
    private readonly string[] tokenSorted;

    public JaroWinklerBruteForce(IEnumerable<ListedPerson> listed)
    {
        persons = [.. listed];
        var owners = new List<int>();
        var written = new List<string>();
        var sorted = new List<string>();
        for (var p = 0; p < persons.Length; p++)
        {
            foreach (var name in persons[p].Names)
            {
                var normalized = Normalize(name.FullName);
                if (normalized.Length == 0)
                {
                    continue;
                }

                owners.Add(p);
                written.Add(normalized);
                sorted.Add(SortTokens(normalized));
            }
        }

        personOfName = [.. owners];
        asWritten = [.. written];
        tokenSorted = [.. sorted];
    }

    public int NameCount => asWritten.Length;

    /// <summary>The <paramref name="top"/> listed persons whose best name is most similar to <paramref name="name"/>.</summary>
    public List<(ListedPerson Person, double Score)> Screen(string name, int top = 5)
    {
        var query = Normalize(name);
        var querySorted = SortTokens(query);
        var best = new List<(int Person, double Score)>(top + 1);
        var person = -1;
        var personScore = 0.0;
        for (var n = 0; n < asWritten.Length; n++)
        {
            if (personOfName[n] != person)
            {
                Offer(best, person, personScore, top);
                person = personOfName[n];
                personScore = 0;
            }

            var score = Math.Max(JaroWinkler(query, asWritten[n]), JaroWinkler(querySorted, tokenSorted[n]));
            personScore = Math.Max(personScore, score);
        }

        Offer(best, person, personScore, top);
        return best.ConvertAll(b => (persons[b.Person], b.Score));
    }

    /// <summary>Jaro similarity with Winkler's common-prefix boost (prefix up to 4, scale 0.1, above 0.7).</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        var limit = Math.Min(MaxPrefix, Math.Min(a.Length, b.Length));
        var prefix = 0;
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1 - jaro));
    }

    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aMatched = a.Length <= 256 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                halfTranspositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (halfTranspositions / 2)) / m)) / 3;
    }

    /// <summary>Diacritics dropped, letters and digits upper-cased, everything else (spaces, commas, MRZ '&lt;') one space.</summary>
    public static string Normalize(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToUpperInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    public static string SortTokens(string normalized)
    {
        var tokens = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(tokens, StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }

    private static void Offer(List<(int Person, double Score)> best, int person, double score, int top)
    {
        if (person < 0 || (best.Count == top && score <= best[^1].Score))
        {
            return;
        }

        var at = best.Count;
        while (at > 0 && best[at - 1].Score < score)
        {
            at--;
        }

        best.Insert(at, (person, score));
        if (best.Count > top)
        {
            best.RemoveAt(best.Count - 1);
        }
    }
}
