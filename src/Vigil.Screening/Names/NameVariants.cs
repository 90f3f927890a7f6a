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

    private static readonly Lazy<FrozenDictionary<string, VariantEntry>> Table = new(Build);

    public static VariantRelation Relation(string first, string second) =>
        string.Equals(first, second, StringComparison.Ordinal) ? VariantRelation.Unknown : Relation(Of(first), Of(second));

    /// <summary>What the table knows of one spelling, or null: looked up once per unit, compared many times.</summary>
    public static VariantEntry? Of(string spelling) => Table.Value.GetValueOrDefault(spelling);

    /// <summary><see cref="Of(string)"/> for a spelling not made into a string (two units read as one).</summary>
    internal static VariantEntry? Of(ReadOnlySpan<char> spelling) =>
        Table.Value.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(spelling, out var entry) ? entry : null;

    public static VariantRelation Relation(VariantEntry? a, VariantEntry? b)
    {
        if (a is null || b is null || ReferenceEquals(a, b))
        {
            return VariantRelation.Unknown;
        }

        // The table also pairs a name with part of another (Abed, Abdallah): spellings of one name are of like length.
        var likeLength = Math.Max(a.Length, b.Length) <= 1.5 * Math.Min(a.Length, b.Length);
        if (likeLength && MayShareAName(a.NameBits, b.NameBits))
        {
            foreach (var name in a.ArabicNames)
            {
                if (Array.IndexOf(b.ArabicNames, name) >= 0)
                {
                    return VariantRelation.SameName;
                }
            }
        }

        // Words of three letters or fewer are too often something else in the table (wa, "and"; al, the article).
        return a.Seen >= SeenForDifferent && b.Seen >= SeenForDifferent && Math.Min(a.Length, b.Length) > 3
            ? VariantRelation.DifferentNames
            : VariantRelation.Unknown;
    }

    /// <summary>
    /// Whether two spellings may write one Arabic name, from their <see cref="VariantEntry.NameBits"/> (or the same
    /// bits folded to fewer): false means surely not. Most pairs the matcher asks about are different names, settled
    /// here without comparing any.
    /// </summary>
    internal static bool MayShareAName(ulong nameBits, ulong otherNameBits) => (nameBits & otherNameBits) != 0;

    /// <summary>One Latin spelling in the table: the Arabic names it writes, how often it was seen, its length.</summary>
    public sealed class VariantEntry(string[] arabicNames, int seen, int length, ulong nameBits)
    {
        internal string[] ArabicNames { get; } = arabicNames;

        /// <summary>A bit per Arabic name the spelling writes, by the name's number modulo 64; never 0.</summary>
        internal ulong NameBits { get; } = nameBits;

        internal int Seen { get; } = seen;

        internal int Length { get; } = length;
    }

    private static FrozenDictionary<string, VariantEntry> Build()
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

            arabic.Add(WithoutArticle(NormalizeArabic(spelling.Arabic)));
            seen[latin] = seen.GetValueOrDefault(latin) + spelling.Count;
        }

        var numberOf = new Dictionary<string, int>(StringComparer.Ordinal);
        ulong BitsOf(HashSet<string> arabicNames)
        {
            ulong bits = 0;
            foreach (var name in arabicNames)
            {
                if (!numberOf.TryGetValue(name, out var number))
                {
                    numberOf.Add(name, number = numberOf.Count);
                }

                bits |= 1UL << (number % 64);
            }

            return bits;
        }

        return names.ToFrozenDictionary(n => n.Key, n => new VariantEntry(n.Value.ToArray(), seen[n.Key], n.Key.Length, BitsOf(n.Value)), StringComparer.Ordinal);
    }

    /// <summary>The table sometimes spells a name with its article (الحسين for Husayn): the name is what follows.</summary>
    private static string WithoutArticle(string arabic) =>
        arabic.Length > 4 && arabic.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? arabic[2..] : arabic;

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
