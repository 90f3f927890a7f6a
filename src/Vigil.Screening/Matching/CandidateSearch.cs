using Vigil.Screening.Names;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

public sealed partial class WatchListMatcher
{
    /// <summary>
    /// The working state of one query. Candidate names are those holding a unit similar to one of the query's
    /// heavier units; each gets an upper bound on its score from those similarities alone, and candidates are
    /// scored in falling order of that bound until no remaining one could enter the top results.
    /// </summary>
    private sealed class CandidateSearch(WatchListMatcher matcher, PreparedName query, ScreeningQuery screening, int top)
    {
        private readonly Dictionary<int, double>[] similarByUnit = new Dictionary<int, double>[query.Units.Count];
        private readonly Dictionary<int, (int Name, double NameScore, double Score, IReadOnlyList<Evidence> Evidence)> bestByPerson = [];
        private readonly WatchListIndex index = matcher.Index;

        /// <summary>The best final scores seen so far (possibly stale for a person whose score later rose: that only keeps more candidates).</summary>
        private readonly PriorityQueue<double, double> topScores = new();

        public PreparedName Query { get; } = query;

        public void AddDocumentHolders()
        {
            if (screening.DocumentNumber is null)
            {
                return;
            }

            foreach (var person in index.PersonsWithDocument(ListedDocument.Normalize(screening.DocumentNumber)))
            {
                if (matcher.Screens(index.Persons[person]))
                {
                    Record(person, -1, 0);
                }
            }
        }

        public void ScoreCandidates()
        {
            var keyBuffer = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Query.Units.Count; i++)
            {
                similarByUnit[i] = [];
                if (Query.Units[i].Kind != UnitKind.Link)
                {
                    index.SimilarUnits(Query.Units[i], similarByUnit[i], keyBuffer);
                }
            }

            var candidates = Bounded();
            var similarities = new double[Query.Units.Count, 8];
            var floor = MatchingOptions.ReportFloor - MostAttributesAdd;
            foreach (var (nameIndex, bound) in candidates)
            {
                if (bound < Math.Max(floor, KthBest() - MostAttributesAdd))
                {
                    break;
                }

                var name = index.Names[nameIndex];
                if (similarities.GetLength(1) != name.UnitIds.Length)
                {
                    similarities = new double[Query.Units.Count, name.UnitIds.Length];
                }

                Fill(similarities, name);
                var score = NameScorer.ScoreOnly(Query, name.Prepared, similarities);
                if (name.Listed.Quality == NameQuality.Weak)
                {
                    score *= WeakNameFactor;
                }

                if (score >= floor)
                {
                    Record(name.Person, nameIndex, score);
                }
            }
        }

        public List<(int Person, int Name, double Score, IReadOnlyList<Evidence> Evidence)> Ranked()
        {
            var ranked = new List<(int, int, double, IReadOnlyList<Evidence>)>(bestByPerson.Count);
            foreach (var (person, (name, _, score, evidence)) in bestByPerson)
            {
                if (score >= MatchingOptions.ReportFloor)
                {
                    ranked.Add((person, name, score, evidence));
                }
            }

            ranked.Sort((a, b) => b.Item3 != a.Item3 ? b.Item3.CompareTo(a.Item3) : a.Item1.CompareTo(b.Item1));
            return ranked.Count > top ? ranked.GetRange(0, top) : ranked;
        }

        public MatchExplanation Explain(IndexedName name, IReadOnlyList<Evidence> evidence, double threshold)
        {
            var similarities = new double[Query.Units.Count, name.UnitIds.Length];
            Fill(similarities, name);
            var nameScore = NameScorer.Score(Query, name.Prepared, similarities);
            if (name.Listed.Quality == NameQuality.Weak)
            {
                nameScore = nameScore with { Score = nameScore.Score * WeakNameFactor };
            }

            return new MatchExplanation(name.Listed.FullName, name.Listed.Kind, nameScore, evidence, threshold);
        }

        private void Record(int person, int name, double nameScore)
        {
            if (bestByPerson.TryGetValue(person, out var current) && current.NameScore >= nameScore && current.Name >= 0)
            {
                return;
            }

            var evidence = AttributeEvidence.Weigh(screening, index.Persons[person]);
            var score = nameScore;
            foreach (var item in evidence)
            {
                score += item.Contribution;
            }

            score = Math.Round(Math.Clamp(score, 0, 1), 4);
            bestByPerson[person] = (name, nameScore, score, evidence);
            if (topScores.Count < top)
            {
                topScores.Enqueue(score, score);
            }
            else if (score > topScores.Peek())
            {
                topScores.EnqueueDequeue(score, score);
            }
        }

        /// <summary>The score a new candidate must beat to enter the top results (0 while there is room).</summary>
        private double KthBest() => topScores.Count < top ? 0 : topScores.Peek();

        /// <summary>
        /// Candidate names with an upper bound on their name score: every query unit matched at its best similarity
        /// to a unit of the name, every other query unit merely omitted, nothing the list adds counted against it.
        /// The lightest query units are not searched at all when together they could not reach the report floor.
        /// </summary>
        private List<(int Name, double Bound)> Bounded()
        {
            const int Fields = 3;
            var searched = UnitsThatCanCarryAMatch();
            var slots = new Dictionary<int, int>();
            var best = new List<double>();
            var width = Query.Units.Count;
            foreach (var i in searched)
            {
                foreach (var (unitId, similarity) in similarByUnit[i])
                {
                    if (similarity <= 0)
                    {
                        continue;
                    }

                    var listedWeight = index.Vocabulary[unitId].Weight;
                    var pairWeight = (Query.Units[i].Weight + listedWeight) / 2;
                    var contribution = similarity * pairWeight;
                    foreach (var nameIndex in index.NamesHolding(unitId))
                    {
                        if (!slots.TryGetValue(nameIndex, out var slot))
                        {
                            slot = slots.Count;
                            slots.Add(nameIndex, slot);
                            for (var k = 0; k < width * Fields; k++)
                            {
                                best.Add(0);
                            }
                        }

                        var at = (slot * width * Fields) + (i * Fields);
                        if (contribution > best[at])
                        {
                            best[at] = contribution;
                            best[at + 1] = pairWeight;
                            best[at + 2] = listedWeight;
                        }
                    }
                }
            }

            var bounded = new List<(int, double)>(slots.Count);
            foreach (var (nameIndex, slot) in slots)
            {
                var name = index.Names[nameIndex];
                if (!matcher.Screens(index.Persons[name.Person]))
                {
                    continue;
                }

                double matched = 0, matchedWeight = 0, listedMatched = 0, queryLeft = 0, queryReplaceable = 0;
                for (var i = 0; i < width; i++)
                {
                    var at = (slot * width * Fields) + (i * Fields);
                    if (best[at] > 0)
                    {
                        matched += best[at];
                        matchedWeight += best[at + 1];
                        listedMatched += best[at + 2];
                    }
                    else
                    {
                        queryLeft += Query.Units[i].Weight;
                        queryReplaceable += NameScorer.Replaceable(Query.Units[i]);
                    }
                }

                // Lower bounds of what the scorer will charge: the list's leftover weight is at least its total
                // less what the matched units could weigh, and the replaced weight at least the smaller leftover.
                var listedLeft = Math.Max(0, name.TotalWeight - listedMatched);
                var replaced = Math.Min(queryReplaceable, listedLeft);
                var bound = matched / (matchedWeight + (NameScorer.Conflict * replaced)
                    + (NameScorer.QueryOnly * Math.Max(0, queryLeft - replaced))
                    + (NameScorer.ListedOnly * Math.Max(0, listedLeft - replaced)));
                bounded.Add((nameIndex, bound));
            }

            bounded.Sort((a, b) => b.Item2.CompareTo(a.Item2));
            return bounded;
        }

        /// <summary>
        /// Fills the unit similarities of a candidate name from what the key lookup found, then compares the query
        /// units directly with the name's units that no key lookup reached: a slip can move a unit away from every
        /// key of its listed spelling while another unit found the candidate.
        /// </summary>
        private void Fill(double[,] similarities, IndexedName name)
        {
            var units = name.UnitIds.Length;
            Span<bool> listedFound = stackalloc bool[units];
            for (var i = 0; i < Query.Units.Count; i++)
            {
                var known = similarByUnit[i];
                for (var j = 0; j < units; j++)
                {
                    var similarity = known.GetValueOrDefault(name.UnitIds[j]);
                    similarities[i, j] = similarity;
                    listedFound[j] |= similarity > 0;
                }
            }

            for (var i = 0; i < Query.Units.Count; i++)
            {
                var unit = Query.Units[i];
                if (unit.Kind == UnitKind.Link)
                {
                    continue;
                }

                var known = similarByUnit[i];
                for (var j = 0; j < units; j++)
                {
                    var unitId = name.UnitIds[j];
                    if (listedFound[j])
                    {
                        continue;
                    }

                    if (!known.TryGetValue(unitId, out var similarity))
                    {
                        similarity = UnitSimilarity.Of(unit, index.Vocabulary[unitId]);
                        known.Add(unitId, similarity);
                    }

                    similarities[i, j] = similarity;
                }
            }
        }

        /// <summary>
        /// The query units whose similar names are looked up: all but the lightest ones that, even matched perfectly
        /// and with every other query unit merely omitted, would leave a name below the report floor.
        /// </summary>
        private List<int> UnitsThatCanCarryAMatch()
        {
            var floor = MatchingOptions.ReportFloor - MostAttributesAdd;
            var units = new List<int>();
            double total = 0;
            for (var i = 0; i < Query.Units.Count; i++)
            {
                if (Query.Units[i].Kind != UnitKind.Link)
                {
                    units.Add(i);
                    total += Query.Units[i].Weight;
                }
            }

            units.Sort((a, b) => Query.Units[a].Weight.CompareTo(Query.Units[b].Weight));
            double light = 0;
            var skip = 0;
            while (skip < units.Count - 1)
            {
                var withNext = light + Query.Units[units[skip]].Weight;
                if (withNext / (withNext + (NameScorer.QueryOnly * (total - withNext))) >= floor)
                {
                    break;
                }

                light = withNext;
                skip++;
            }

            return units.GetRange(skip, units.Count - skip);
        }
    }
}
