using System.Collections.Frozen;
using Vigil.Screening.Names.Transliteration;

namespace Vigil.Screening.Names;

/// <summary>What the name table says about two spellings.</summary>
public enum VariantRelation
{
    /// <summary>The table does not know both spellings well enough to say.</summary>
    Unknown,

    /// <summary>Both are spellings of one Arabic name (Mohamed, Muhammad).</summary>
    SameName,

    /// <summary>Both are well-attested spellings of different Arabic names (Mohamed, Mahmoud; Hassan, Ihsan).</summary>
    DifferentNames,
}

/// <summary>
/// The variant dictionary: Latin spellings grouped by the Arabic name they write, from the Wikidata Arabic–Latin
/// table. It settles what letter similarity cannot: Mohamed and Mahmoud look alike in Latin letters but are two
/// names, Youcef and Yusuf look apart but are one. Only spellings seen at least twice count, and a spelling must
/// be seen three times before the table may call two names different.
/// </summary>
public static class NameVariants
{
    private const int SeenForSame = 2;
    private const int SeenForDifferent = 3;

    private static readonly Lazy<FrozenDictionary<string, Entry>> Table = new(Build);

    public static VariantRelation Relation(string first, string second)
    {
        if (string.Equals(first, second, StringComparison.Ordinal)
            || !Table.Value.TryGetValue(first, out var a)
            || !Table.Value.TryGetValue(second, out var b))
        {
            return VariantRelation.Unknown;
        }

        foreach (var name in a.ArabicNames)
        {
            if (Array.IndexOf(b.ArabicNames, name) >= 0)
            {
                return VariantRelation.SameName;
            }
        }

        return a.Seen >= SeenForDifferent && b.Seen >= SeenForDifferent ? VariantRelation.DifferentNames : VariantRelation.Unknown;
    }

    private sealed record Entry(string[] ArabicNames, int Seen);

    private static FrozenDictionary<string, Entry> Build()
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spelling in ArabicLatinSpellings.All)
        {
            if (spelling.Count < SeenForSame)
            {
                continue;
            }

            var latin = NameFolding.Fold(spelling.Latin);
            if (latin.Length < 2 || latin.Contains(' '))
            {
                continue;
            }

            if (!names.TryGetValue(latin, out var arabic))
            {
                names.Add(latin, arabic = []);
            }

            arabic.Add(NormalizeArabic(spelling.Arabic));
            seen[latin] = seen.GetValueOrDefault(latin) + spelling.Count;
        }

        return names.ToFrozenDictionary(n => n.Key, n => new Entry(n.Value.ToArray(), seen[n.Key]), StringComparer.Ordinal);
    }

    /// <summary>Letters Arabic and Persian writers interchange in names: hamza-carrying alefs, teh marbuta, final yeh, kaf.</summary>
    private static string NormalizeArabic(string arabic) => string.Create(arabic.Length, arabic, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '\u0623' or '\u0625' or '\u0622' => '\u0627',
                '\u0629' => '\u0647',
                '\u0649' or '\u06CC' => '\u064A',
                '\u06A9' => '\u0643',
                var c => c,
            };
        }
    });
}
