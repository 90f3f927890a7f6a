using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>
/// A listed person found for a query: the combined score in [0, 1], whether it reaches the list's alert threshold,
/// and the explanation — the listed name that matched best with its aligned units, and what each attribute added.
/// </summary>
public sealed record ScreeningMatch(ListedPerson Person, double Score, bool Alert, MatchExplanation Explanation)
{
    public string List => Person.List;

    public string ListId => Person.ListId;

    public string MatchedName => Explanation.ListedName;
}

/// <param name="ListedName">The listed name (primary, alias or original script) that matched best.</param>
/// <param name="NameScore">The name comparison: score, aligned units with their similarity, what was left unmatched.</param>
/// <param name="Evidence">What date of birth, nationality, gender and document added or took away.</param>
/// <param name="Threshold">The alert threshold applied (the list's own or the default).</param>
public sealed record MatchExplanation(string ListedName, NameKind NameKind, NameScore NameScore, IReadOnlyList<Evidence> Evidence, double Threshold)
{
    public override string ToString()
    {
        var pairs = string.Join(", ", NameScore.Pairs.Select(p => $"{p.Query}~{p.Listed} {p.Similarity:0.00}"));
        var evidence = string.Join("; ", Evidence.Select(e => $"{e.Attribute} {e.Contribution:+0.00;-0.00}: {e.Detail}"));
        return $"name \"{ListedName}\" ({NameKind}) {NameScore.Score:0.000} [{pairs}]"
            + (NameScore.ChainReversed ? " chain reversed" : "")
            + (evidence.Length > 0 ? $"; {evidence}" : "");
    }
}
