using Vigil.Screening.Names;
using Vigil.Screening.Names.Transliteration;

namespace Vigil.Screening.Matching;

/// <summary>
/// How much a name unit says about identity: a shared "Muhammad" is weak evidence, a shared rare family name strong.
/// Commonness is counted per vowel-blind phonetic form, so the usual spellings of a name share one figure. The default counts
/// come from the Wikidata Arabic–Latin name table (how often each spelling occurs among notable people's names).
/// </summary>
public sealed class TokenWeights
{
    private const double Lightest = 0.15;
    private const double ParticleWeight = 0.1;

    /// <summary>
    /// A country in an organisation's name: omitted, it costs little (Bank Melli Iran, Bank Melli); replaced by
    /// another, enough to keep two state companies apart (National Iranian Oil Company, National Iraqi Oil Company).
    /// </summary>
    private const double CountryWeight = 0.3;

    /// <summary>
    /// A Slavic patronymic (Vladimirovich, Sergeyevna): it names the father, and documents and lists outside the
    /// country mostly leave it out, so omitted it costs little. Replaced by another it still weighs as a replaced name
    /// (<see cref="NameScorer.ReplacedNameWeight"/>): another father is another man.
    /// </summary>
    private const double PatronymicWeight = 0.3;

    /// <summary>The endings of patronymics in phonetic form (ch is x): -ovich, -evich, -ovych, -ovna, -evna, -ivna, -ichna.</summary>
    private static readonly string[] PatronymicEndings = ["ovix", "evix", "avix", "ovna", "evna", "ivna", "ixna"];

    /// <summary>Shorter words with these endings are names of their own (Ovna, Slavix).</summary>
    private const int ShortestPatronymic = 7;

    private readonly Dictionary<string, int> countsByForm;

    /// <summary>The counts looked up by a form not made into a string, where the dictionary's comparer allows it: a traveler's new unit is weighed once.</summary>
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? countsBySpan;
    private readonly double logMaximum;

    /// <param name="countsByForm">How often each vowel-blind phonetic form (<see cref="PhoneticForm.VowelBlind(string)"/>) occurs.</param>
    public TokenWeights(Dictionary<string, int> countsByForm)
    {
        this.countsByForm = countsByForm;
        countsBySpan = countsByForm.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) ? lookup : null;
        var maximum = countsByForm.Count == 0 ? 1 : countsByForm.Values.Max();
        logMaximum = Math.Log(1 + maximum);
    }

    public static TokenWeights Default => DefaultWeights.Value;

    private static readonly Lazy<TokenWeights> DefaultWeights = new(FromNameTable);

    public double Of(UnitKind kind, string phonetic) => kind switch
    {
        UnitKind.Link => 0,
        UnitKind.Honorific or UnitKind.Particle or UnitKind.Initial or UnitKind.Descriptor => ParticleWeight,
        UnitKind.Country => CountryWeight,
        _ => OfWord(phonetic),
    };

    private double OfWord(string phonetic)
    {
        if (phonetic.Length == 0)
        {
            return Lightest;
        }

        if (IsPatronymic(phonetic))
        {
            return PatronymicWeight;
        }

        int count;
        if (countsBySpan is { } lookup)
        {
            Span<char> form = phonetic.Length <= 128 ? stackalloc char[phonetic.Length] : new char[phonetic.Length];
            lookup.TryGetValue(form[..PhoneticForm.VowelBlind(phonetic, form)], out count);
        }
        else
        {
            countsByForm.TryGetValue(PhoneticForm.VowelBlind(phonetic), out count);
        }

        var commonness = Math.Log(1 + count) / logMaximum;
        var weight = 1 - ((1 - Lightest) * commonness);

        // Names of three letters or fewer (Ali, Isa, Gul) collide with many others however rare they are.
        return phonetic.Length <= 3 ? Math.Min(weight, 0.6) : weight;
    }

    private static bool IsPatronymic(string phonetic)
    {
        if (phonetic.Length < ShortestPatronymic)
        {
            return false;
        }

        foreach (var ending in PatronymicEndings)
        {
            if (phonetic.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static TokenWeights FromNameTable()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spelling in ArabicLatinSpellings.All)
        {
            var folded = NameFolding.Fold(spelling.Latin);
            if (folded.Length == 0 || folded.Contains(' '))
            {
                continue;
            }

            var form = PhoneticForm.VowelBlind(PhoneticForm.Of(folded));
            counts[form] = counts.GetValueOrDefault(form) + spelling.Count;
        }

        return new TokenWeights(counts);
    }
}
