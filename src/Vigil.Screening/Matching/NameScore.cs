namespace Vigil.Screening.Matching;

/// <summary>Two aligned units: the query's and the list's, with their similarity.</summary>
public sealed record AlignedUnits(string Query, string Listed, double Similarity);

/// <summary>
/// The result of comparing two names: the score in [0, 1], the optimal alignment, the units left unmatched on each
/// side, and whether a genealogical chain was reversed (A bin B against B bin A).
/// </summary>
public sealed record NameScore(double Score, IReadOnlyList<AlignedUnits> Pairs, IReadOnlyList<string> UnmatchedQuery, IReadOnlyList<string> UnmatchedListed, bool ChainReversed)
{
    public static readonly NameScore None = new(0, [], [], [], false);
}
