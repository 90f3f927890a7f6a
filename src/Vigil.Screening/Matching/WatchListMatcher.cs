using Vigil.Screening.Names;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>
/// Screens travelers against an index of watch lists: finds candidate names through the index, scores each name,
/// keeps the best name per listed person, adds the attribute evidence and applies the list's alert threshold.
/// Thread-safe: the index is immutable and each call keeps its own working state.
/// </summary>
public sealed class WatchListMatcher(WatchListIndex index, MatchingOptions? options = null)
{
    /// <summary>A weak alias (UN "Low" quality, OFAC weak a.k.a.) is poorer evidence than a name the list vouches for.</summary>
    private const double WeakNameFactor = 0.9;

    public WatchListIndex Index { get; } = index;

    public MatchingOptions Options { get; } = options ?? new MatchingOptions();

    public IReadOnlyList<ScreeningMatch> Screen(ScreeningQuery query, int top = 5)
    {
        var prepared = Index.Preparer.Prepare(query.Name);
        var bestByPerson = BestNamePerPerson(prepared);
        AddDocumentHolders(query, bestByPerson);

        var matches = new List<ScreeningMatch>(bestByPerson.Count);
        foreach (var (personIndex, (name, nameScore)) in bestByPerson)
        {
            var person = Index.Persons[personIndex];
            var evidence = AttributeEvidence.Weigh(query, person);
            var score = nameScore.Score;
            foreach (var item in evidence)
            {
                score += item.Contribution;
            }

            score = Math.Round(Math.Clamp(score, 0, 1), 4);
            if (score < MatchingOptions.ReportFloor)
            {
                continue;
            }

            var threshold = Options.ThresholdFor(person.List);
            var explanation = new MatchExplanation(name?.FullName ?? person.PrimaryName, name?.Kind ?? NameKind.Primary, nameScore, evidence, threshold);
            matches.Add(new ScreeningMatch(person, score, score >= threshold, explanation));
        }

        matches.Sort((a, b) => b.Score.CompareTo(a.Score));
        return matches.Count > top ? matches.GetRange(0, top) : matches;
    }

    private Dictionary<int, (ListedName? Name, NameScore Score)> BestNamePerPerson(PreparedName query)
    {
        var keyBuffer = new HashSet<string>(StringComparer.Ordinal);
        var similarByUnit = new Dictionary<int, double>[query.Units.Count];
        var candidates = new HashSet<int>();
        for (var i = 0; i < query.Units.Count; i++)
        {
            similarByUnit[i] = [];
            if (query.Units[i].Kind == UnitKind.Link)
            {
                continue;
            }

            Index.SimilarUnits(query.Units[i], similarByUnit[i], keyBuffer);
            foreach (var (unitId, similarity) in similarByUnit[i])
            {
                if (similarity > 0)
                {
                    candidates.UnionWith(Index.NamesHolding(unitId));
                }
            }
        }

        var best = new Dictionary<int, (ListedName?, NameScore)>();
        foreach (var nameIndex in candidates)
        {
            var name = Index.Names[nameIndex];
            if (!Options.IncludeEntities && Index.Persons[name.Person].Kind != PartyKind.Individual)
            {
                continue;
            }

            var similarities = new double[query.Units.Count, name.UnitIds.Length];
            for (var i = 0; i < query.Units.Count; i++)
            {
                for (var j = 0; j < name.UnitIds.Length; j++)
                {
                    similarities[i, j] = SimilarityOf(query.Units[i], similarByUnit[i], name.UnitIds[j]);
                }
            }

            var score = NameScorer.Score(query, name.Prepared, similarities);
            if (name.Listed.Quality == NameQuality.Weak)
            {
                score = score with { Score = score.Score * WeakNameFactor };
            }

            if (!best.TryGetValue(name.Person, out var current) || score.Score > current.Item2.Score)
            {
                best[name.Person] = (name.Listed, score);
            }
        }

        return best;
    }

    /// <summary>
    /// Units of a candidate name that the key lookup did not bring up are compared directly: a slip can move a unit
    /// away from every key of its listed spelling while another unit of the name found the candidate.
    /// </summary>
    private double SimilarityOf(PreparedUnit unit, Dictionary<int, double> known, int unitId)
    {
        if (unit.Kind == UnitKind.Link)
        {
            return 0;
        }

        if (!known.TryGetValue(unitId, out var similarity))
        {
            similarity = UnitSimilarity.Of(unit, Index.Vocabulary[unitId]);
            known.Add(unitId, similarity);
        }

        return similarity;
    }

    private void AddDocumentHolders(ScreeningQuery query, Dictionary<int, (ListedName? Name, NameScore Score)> bestByPerson)
    {
        if (query.DocumentNumber is null)
        {
            return;
        }

        foreach (var person in Index.PersonsWithDocument(ListedDocument.Normalize(query.DocumentNumber)))
        {
            if (!Options.IncludeEntities && Index.Persons[person].Kind != PartyKind.Individual)
            {
                continue;
            }

            bestByPerson.TryAdd(person, (null, NameScore.None));
        }
    }
}
