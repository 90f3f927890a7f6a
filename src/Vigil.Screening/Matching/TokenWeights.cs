using Vigil.Screening.Names;
using Vigil.Screening.Names.Transliteration;

namespace Vigil.Screening.Matching;

/// <summary>
/// How much a name unit says about identity: a shared "Muhammad" is weak evidence, a shared rare family name strong.
/// Commonness is counted per consonant skeleton, so all spellings of a name share one figure. The default counts
/// come from the Wikidata Arabic–Latin name table (how often each spelling occurs among notable people's names).
/// </summary>
public sealed class TokenWeights
{
    private const double Lightest = 0.15;
    private const double ParticleWeight = 0.1;

    private readonly Dictionary<string, int> countsBySkeleton;
    private readonly double logMaximum;

    public TokenWeights(Dictionary<string, int> countsBySkeleton)
    {
        this.countsBySkeleton = countsBySkeleton;
        var maximum = countsBySkeleton.Count == 0 ? 1 : countsBySkeleton.Values.Max();
        logMaximum = Math.Log(1 + maximum);
    }

    public static TokenWeights Default => DefaultWeights.Value;

    private static readonly Lazy<TokenWeights> DefaultWeights = new(FromNameTable);

    public double Of(UnitKind kind, string skeleton) => kind switch
    {
        UnitKind.Link => 0,
        UnitKind.Honorific or UnitKind.Particle or UnitKind.Initial => ParticleWeight,
        _ => OfWord(skeleton),
    };

    private double OfWord(string skeleton)
    {
        if (skeleton.Length == 0)
        {
            return Lightest;
        }

        countsBySkeleton.TryGetValue(skeleton, out var count);
        var commonness = Math.Log(1 + count) / logMaximum;
        var weight = 1 - ((1 - Lightest) * commonness);

        // One- and two-consonant names (Ali, Isa, Aziz) collide with many others however rare they are.
        return skeleton.Length <= 2 ? Math.Min(weight, 0.6) : weight;
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

            var skeleton = PhoneticForm.Skeleton(PhoneticForm.Of(folded));
            counts[skeleton] = counts.GetValueOrDefault(skeleton) + spelling.Count;
        }

        return new TokenWeights(counts);
    }
}
