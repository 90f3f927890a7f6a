using System.Runtime.InteropServices;
using Vigil.Screening.Names;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

public sealed partial class WatchListMatcher
{
    /// <summary>
    /// How many candidates that only a join could lift are considered at most, passed over or scored: only the first
    /// this many are kept once bounded.
    /// </summary>
    internal const int JoinLiftedConsidered = 128;

    /// <summary>
    /// The working state of one query. Candidate names are those holding a unit similar to one of the query's
    /// heavier units; each gets an upper bound on its score from those similarities alone, and candidates are
    /// scored in falling order of that bound until no remaining one could enter the top results. With
    /// <paramref name="alertsOnly"/> the results are every alert and nothing else. The bounds are not exact where
    /// units are compared directly or joined: a few candidates that cannot alert by their bounds are scored too,
    /// unless every unit of the traveler's name is spelled as the lists spell it; then only a join can lift a
    /// candidate, and those a join may lift are bounded with the joined units matched.
    /// </summary>
    private sealed class CandidateSearch(WatchListMatcher matcher, PreparedName query, ScreeningQuery screening, int top, bool alertsOnly = false)
    {
        private readonly WatchListIndex index = matcher.Index;
        private readonly SearchScratch work = SearchScratch.Start();
        private readonly SimilarUnitTable similar = SimilarUnitTable.Start(matcher.Index, query.Units.Count);

        /// <summary>The traveler's attributes as compared with every candidate's, prepared once.</summary>
        private readonly AttributeTable.Traveler traveler = new(screening);

        /// <summary>Scores are rounded to four places: a name score this far below what is needed may still round up to it.</summary>
        private const double RoundingMargin = 1e-4;

        /// <summary>How many candidates that cannot alert are scored at most to fill the top results.</summary>
        private const int WeakCandidateBudget = 16;

        /// <summary>
        /// How many candidates that only a join could lift to an alert are scored at most: on a list of a million
        /// people, a traveler's name that some listed names write apart leaves hundreds of candidates over. Those whose
        /// units show no join could match are passed over without counting: a traveler's common name beside a unit
        /// the lists write apart (Ali Darassamahamat) lifts every listed Ali, and the one listed Ali Darassa Mahamat
        /// came after the budget.
        /// </summary>
        private const int JoinLiftedBudget = 64;

        public PreparedName Query { get; } = query;

        /// <summary>Candidates passed over unscored because their own units showed they could not reach what was needed.</summary>
        public int PassedOver { get; private set; }

        /// <summary>A listed document number finds its holder whatever the name; every name of the holder is scored.</summary>
        private void ScoreDocumentHolders(double[,] similarities)
        {
            if (screening.DocumentNumber is null)
            {
                return;
            }

            foreach (var person in index.PersonsWithDocument(ListedDocument.Normalize(screening.DocumentNumber)))
            {
                if (!matcher.Screens(index.Person(person)))
                {
                    continue;
                }

                var attributes = index.Attributes.Contribution(traveler, person);
                Record(person, -1, 0, attributes);
                foreach (var nameIndex in index.NamesOf(person))
                {
                    ScoreName(nameIndex, similarities, floor: 0, attributes);
                }
            }
        }

        private void ScoreName(int nameIndex, double[,] similarities, double floor, double attributes)
        {
            var unitIds = index.UnitIdsOf(nameIndex);
            Fill(similarities, unitIds, exact: true);
            ScoreFilled(nameIndex, index.PreparedOf(nameIndex, work.UnitsOfLength(unitIds.Length)), similarities, floor, attributes);
        }

        private void ScoreFilled(int nameIndex, PreparedName listed, double[,] similarities, double floor, double attributes)
        {
            var score = work.Aligner.ScoreOnly(Query, listed, similarities);
            if (index.ListedOf(nameIndex).Quality == NameQuality.Weak)
            {
                score *= WeakNameFactor;
            }

            if (score >= floor)
            {
                Record(index.PersonOf(nameIndex), nameIndex, score, attributes);
            }
        }

        public void ScoreCandidates()
        {
            var keyBuffer = work.KeyBuffer;
            for (var i = 0; i < Query.Units.Count; i++)
            {
                if (Query.Units[i].Kind != UnitKind.Link)
                {
                    index.SimilarUnits(Query.Units[i], similar, i, keyBuffer);
                }
            }

            var similarities = work.Similarities(Query.Units.Count, index.LongestName);
            ScoreDocumentHolders(similarities);
            var reportable = MatchingOptions.ReportFloor - MostAttributesAdd;
            var cannotAlertBelow = matcher.StopsBelowAlertFloor ? CannotAlertBelow() : double.NegativeInfinity;

            // A candidate that even this traveler's best attributes would leave below the report floor is skipped once
            // its person's attributes are read, whatever it is searched for; it is not gathered at all. Screening for
            // alerts takes every candidate that could alert: those are sorted rather than kept in the heap.
            var gatheredFrom = matcher.StopsBelowAlertFloor
                ? Math.Max(reportable, MatchingOptions.ReportFloor - traveler.MostAdded - RoundingMargin)
                : reportable;

            // Screening for alerts, a candidate scores above its bound only where a join matches or a unit the
            // lists spell nowhere alike is compared directly. Those a join may lift are bounded with the units it may
            // concern matched; the weak candidates are taken only among those a direct comparison could lift, and
            // when the lists spell every unit of the name alike, none is. Walking every candidate (in tests) takes
            // all the weak ones.
            var weakBudget = alertsOnly && !matcher.StopsBelowAlertFloor ? int.MaxValue : WeakCandidateBudget;
            var everyUnitFound = false;
            var mayBeJoined = alertsOnly && matcher.StopsBelowAlertFloor ? UnitsAJoinMayMatch(out everyUnitFound) : null;
            if (everyUnitFound)
            {
                gatheredFrom = Math.Max(gatheredFrom, cannotAlertBelow);
                weakBudget = 0;
            }

            var candidates = Bounded(gatheredFrom, alertsOnly ? cannotAlertBelow : double.PositiveInfinity, mayBeJoined);
            var weakScored = 0;
            var joinLiftedScored = 0;
            var readAhead = 0;

            // Candidates whose bound and attributes could not reach an alert are taken only as weak ones.
            var unitsWorthReading = alertsOnly && weakBudget == 0 ? matcher.Options.LowestThreshold - RoundingMargin : MatchingOptions.ReportFloor;
            while (candidates.TryTake(out var nameIndex, out var bound))
            {
                ReadAheadOf(candidates, ref readAhead, unitsWorthReading);

                // Candidates come best bound first: once no attribute could lift one into the results, none can;
                // and once no more weak candidates are taken, only those that could alert are left to score.
                if (bound < Math.Max(reportable, KthBest() - MostAttributesAdd)
                    || ((work.BestByPerson.Count >= top || weakScored >= weakBudget) && bound < cannotAlertBelow))
                {
                    break;
                }

                var joinLifted = work.JoinLifted.Count > 0 && work.JoinLifted.Contains(nameIndex);
                if (joinLifted && joinLiftedScored >= JoinLiftedBudget)
                {
                    continue;
                }

                // The person's own attributes are known before the name is scored: a date of birth that contradicts
                // the traveler's rules a candidate out as surely as a poor name.
                var person = index.PersonOf(nameIndex);
                var attributes = AttributesOf(person);

                var best = bound + attributes;
                if (best < MatchingOptions.ReportFloor || best <= KthBest())
                {
                    continue;
                }

                // Every candidate that could alert is considered; below that, candidates are scored only to fill the
                // top results, and only a few, so that a common name does not make a traveler slow to screen.
                var threshold = matcher.ThresholdOfList(index.Attributes.ListOf(person));
                if (best < threshold && (joinLifted || work.BestByPerson.Count >= top || ++weakScored > weakBudget))
                {
                    continue;
                }

                if (Consider(nameIndex, person, attributes, threshold, reportable, similarities) && joinLifted)
                {
                    joinLiftedScored++;
                }
            }

            // Screening for alerts, the candidates only a direct comparison could lift come last, the likeliest first
            // (the most a direct comparison and the person's attributes could give): bound order, which leaves the unit
            // compared directly out, sent the one a slip in a short name hid behind others alike.
            var weak = work.Weak;
            weak.Order();
            while (weakScored < weakBudget && weak.TryTake(out var nameIndex, out _))
            {
                var person = index.PersonOf(nameIndex);
                var attributes = AttributesOf(person);
                var threshold = matcher.ThresholdOfList(index.Attributes.ListOf(person));
                if (work.ReachOf[nameIndex] + attributes >= threshold)
                {
                    weakScored++;
                    Consider(nameIndex, person, attributes, threshold, reportable, similarities);
                }
            }
        }

        /// <summary>
        /// Scores a candidate name, unless its units (and the joins they allow) show it cannot reach what is needed;
        /// false when it was passed over.
        /// </summary>
        private bool Consider(int nameIndex, int person, double attributes, double threshold, double reportable, double[,] similarities)
        {
            // A person one of whose names scored perfectly keeps that name, whatever another scores.
            if (work.BestByPerson.TryGetValue(person, out var held) && held.Name >= 0 && held.NameScore >= 1)
            {
                return false;
            }

            // The name score that would change the results: an alert, or (for the top results) a place in them.
            var needed = (alertsOnly ? threshold - attributes : reportable) - RoundingMargin;
            var unitIds = index.UnitIdsOf(nameIndex);
            var settled = Fill(similarities, unitIds, exact: !matcher.PassesOverWhatCannotReach);
            if (!settled && Unjoined(needed, similarities, unitIds, nameIndex).Below)
            {
                settled = Fill(similarities, unitIds, exact: true);
            }

            if (matcher.PassesOverWhatCannotReach && settled && Unjoined(needed, similarities, unitIds, nameIndex) is { Below: true } unjoined
                && !AJoinMayMatch(similarities, unitIds, unjoined))
            {
                PassedOver++;
                return false;
            }

            if (!settled)
            {
                Fill(similarities, unitIds, exact: true);
            }

            ScoreFilled(nameIndex, index.PreparedOf(nameIndex, work.UnitsOfLength(unitIds.Length)), similarities, reportable, attributes);
            return true;
        }

        /// <summary>
        /// Reads the next candidates surely taken ahead of taking them, a chunk each time the last chunk is used up: a
        /// chunk read shortly before it is needed stays in the caches, where thousands read at once did not.
        /// </summary>
        private void ReadAheadOf(BestBoundFirst candidates, ref int left, double unitsWorthReading)
        {
            if (left-- <= 0)
            {
                var sorted = candidates.SortedLeft;
                var chunk = sorted[..Math.Min(sorted.Length, WatchListIndex.ReadAheadChunk)];
                work.ReadAhead += index.ReadAheadPersons(chunk);

                // Most candidates are let go once their person's attributes are known: their units are read only
                // for those the attributes leave in.
                foreach (var (name, bound) in chunk)
                {
                    if (bound + AttributesOf(index.PersonOf(name)) >= unitsWorthReading)
                    {
                        work.ReadAhead += index.ReadAheadUnits(name);
                    }
                }

                left = chunk.Length == 0 ? int.MaxValue : chunk.Length - 1;
            }
        }

        /// <summary>What the person's attributes add for this traveler, worked out once per person and query.</summary>
        private double AttributesOf(int person)
        {
            ref var attributes = ref CollectionsMarshal.GetValueRefOrAddDefault(work.AttributesOf, person, out var known);
            if (!known)
            {
                attributes = index.Attributes.Contribution(traveler, person);
            }

            return attributes;
        }

        /// <summary>
        /// How near a candidate's units alone come to <paramref name="needed"/> (<see cref="UnjoinedReach.Below"/>: no
        /// one-to-one alignment reaches it). A score reaches it exactly when the
        /// matched pairs' similarity above it, Σ (s − needed)·w, pays for needed times the penalties. Each query unit
        /// adds at most its best such gain (none if negative: it could be left out), the penalties are at least what
        /// they are with every query unit that has a similar unit matched to its heaviest, and more units left over
        /// never lower them.
        /// </summary>
        private UnjoinedReach Unjoined(double needed, double[,] similarities, ReadOnlySpan<int> unitIds, int nameIndex)
        {
            double gain = 0, listedMatched = 0, queryLeft = 0, replaceable = 0;
            for (var i = 0; i < Query.Units.Count; i++)
            {
                var unit = Query.Units[i];
                if (unit.Kind == UnitKind.Link)
                {
                    continue;
                }

                var bestGain = double.NegativeInfinity;
                double heaviest = 0;
                for (var j = 0; j < unitIds.Length; j++)
                {
                    var similarity = similarities[i, j];
                    if (similarity > 0)
                    {
                        var listedWeight = index.WeightOf(unitIds[j]);
                        bestGain = Math.Max(bestGain, (similarity - needed) * (unit.Weight + listedWeight) / 2);
                        heaviest = Math.Max(heaviest, listedWeight);
                    }
                }

                if (bestGain > double.NegativeInfinity)
                {
                    gain += Math.Max(0, bestGain);
                    listedMatched += heaviest;
                }
                else
                {
                    queryLeft += unit.Weight;
                    replaceable += NameScorer.Replaceable(unit);
                }
            }

            return new UnjoinedReach(needed, gain, queryLeft, replaceable, Math.Max(0, index.TotalWeightOf(nameIndex) - listedMatched));
        }

        /// <summary>
        /// What <see cref="Unjoined"/> found of a candidate: the most its matched pairs gain above <see cref="Needed"/>,
        /// and the query's weight, replaceable weight and the listed weight left over, which the penalties are at least
        /// made of.
        /// </summary>
        private readonly record struct UnjoinedReach(double Needed, double Gain, double QueryLeft, double Replaceable, double ListedLeft)
        {
            /// <summary>Whether no alignment without a join reaches <see cref="Needed"/>.</summary>
            public bool Below => Gain < (Needed * Penalties(QueryLeft, Replaceable, ListedLeft)) - 1e-9;

            /// <summary>
            /// Whether even one join matching perfectly (two leftovers of one side and one of the other, weighing
            /// <paramref name="queryWeight"/> and <paramref name="listedWeight"/> together) leaves the score below
            /// <see cref="Needed"/>: it gains at most 1 − needed on its weight and takes its units off the leftovers.
            /// </summary>
            public bool BelowWithOneJoin(double queryWeight, double queryReplaceable, double listedWeight) =>
                Gain + (Math.Max(0, 1 - Needed) * (queryWeight + listedWeight) / 2)
                < (Needed * Penalties(Math.Max(0, QueryLeft - queryWeight), Math.Max(0, Replaceable - queryReplaceable), Math.Max(0, ListedLeft - listedWeight))) - 1e-9;

            private static double Penalties(double queryLeft, double replaceable, double listedLeft)
            {
                var replaced = Math.Min(replaceable, listedLeft);
                return (NameScorer.Conflict * replaced)
                    + (NameScorer.QueryOnly * Math.Max(0, queryLeft - replaced))
                    + (NameScorer.ListedOnly * Math.Max(0, listedLeft - replaced));
            }
        }

        /// <summary>
        /// Whether two units of the traveler's name, or two of the candidate's, read as one could match a unit of the
        /// other name (Abdul Rahim ~ Abdulrahim, Seifallah ~ Seif Allah): the scorer joins units its one-to-one
        /// alignment leaves over on both sides, and a join can lift a score above what the units alone allow. Judged
        /// from letter counts, as the scorer's own comparison first does, once <paramref name="unjoined"/> shows that
        /// the join, matching perfectly, could lift the score to what is needed.
        /// </summary>
        private bool AJoinMayMatch(double[,] similarities, ReadOnlySpan<int> unitIds, in UnjoinedReach unjoined)
        {
            Span<bool> queryLeft = stackalloc bool[Query.Units.Count];
            Span<bool> listedLeft = stackalloc bool[unitIds.Length];
            for (var i = 0; i < queryLeft.Length; i++)
            {
                queryLeft[i] = Query.Units[i].Kind is not (UnitKind.Link or UnitKind.Initial);
            }

            for (var j = 0; j < listedLeft.Length; j++)
            {
                listedLeft[j] = index.TraitsOf(unitIds[j]).MayBeLeftOver;
            }

            MarkSurelyAligned(similarities, unjoined.Needed, queryLeft, listedLeft);
            var queryLeftovers = queryLeft.Count(true);
            var listedLeftovers = listedLeft.Count(true);

            // A join takes two leftovers of one side and one of the other. Where no second join can follow, a join
            // that even matching perfectly could not lift the score to what is needed need not be sketched.
            if (queryLeftovers == 0 || listedLeftovers == 0 || queryLeftovers + listedLeftovers < 3)
            {
                return false;
            }

            var oneJoinAtMost = queryLeftovers < 2 || listedLeftovers < 2 || queryLeftovers + listedLeftovers < 6;

            var joins = JoinedSketches.For(index);
            for (var first = 0; first < queryLeft.Length && queryLeftovers >= 2; first++)
            {
                if (!queryLeft[first])
                {
                    continue;
                }

                for (var second = 0; second < queryLeft.Length; second++)
                {
                    if (second == first || !queryLeft[second] || !NameScorer.Joinable(Query, first, second))
                    {
                        continue;
                    }

                    var pairWeight = Query.Units[first].Weight + Query.Units[second].Weight;
                    var pairReplaceable = NameScorer.Replaceable(Query.Units[first]) + NameScorer.Replaceable(Query.Units[second]);
                    var joined = joins.OfTraveler(Query.Units[first], Query.Units[second]);
                    for (var j = 0; j < listedLeft.Length; j++)
                    {
                        if (listedLeft[j]
                            && !(oneJoinAtMost && unjoined.BelowWithOneJoin(pairWeight, pairReplaceable, index.WeightOf(unitIds[j])))
                            && index.MayBeAlike(joined, unitIds[j]))
                        {
                            return true;
                        }
                    }
                }
            }

            Span<bool> mayLift = stackalloc bool[queryLeft.Length];
            var leftoversWriteKnownNames = false;
            for (var i = 0; i < queryLeft.Length; i++)
            {
                leftoversWriteKnownNames |= queryLeft[i] && UnitSketch.VariantNamesOf(Query.Units[i].Sketch) != 0;
            }

            for (var first = 0; first < listedLeft.Length && listedLeftovers >= 2; first++)
            {
                if (!listedLeft[first])
                {
                    continue;
                }

                var opensCompound = index.TraitsOf(unitIds[first]).OpensCompound;
                for (var second = 0; second < listedLeft.Length; second++)
                {
                    if (second == first || !listedLeft[second]
                        || !NameScorer.Joinable(opensCompound, index.TraitsOf(unitIds[second]).Kind, adjacent: second == first + 1))
                    {
                        continue;
                    }

                    var pairWeight = index.WeightOf(unitIds[first]) + index.WeightOf(unitIds[second]);
                    var anyMayLift = false;
                    for (var i = 0; i < queryLeft.Length; i++)
                    {
                        mayLift[i] = queryLeft[i] && !(oneJoinAtMost && unjoined.BelowWithOneJoin(Query.Units[i].Weight, NameScorer.Replaceable(Query.Units[i]), pairWeight));
                        anyMayLift |= mayLift[i];
                    }

                    if (!anyMayLift)
                    {
                        continue;
                    }

                    var firstUnit = index.UnitOf(unitIds[first]);
                    var secondUnit = index.UnitOf(unitIds[second]);

                    ref readonly var joined = ref joins.OfListed(firstUnit, index.FiledOf(unitIds[first]), secondUnit, index.FiledOf(unitIds[second]), lookUpNames: leftoversWriteKnownNames);
                    for (var i = 0; i < queryLeft.Length; i++)
                    {
                        if (mayLift[i]
                            && !(UnitSketch.RulesOut(Query.Units[i].Sketch, joined, out var askSketch)
                                || (askSketch && UnitSketch.RulesOut(Query.Units[i].Sketch, joins.SketchOfListed(firstUnit, unitIds[first], secondUnit, unitIds[second])))))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Takes out of the possible leftovers the units the scorer's alignment surely matches. A unit with a similar
        /// unit in the other name may still be left over: another unit may take its partner (a traveler's Omar takes
        /// the listed Omar, and the listed Omari is left to join with Bashir), or leaving a poor match out may score
        /// more. But a unit that is the only similar unit of some unit of the other name, at least as alike as
        /// <paramref name="needed"/>, is matched: no alignment reaches what is needed (that is why a join is asked
        /// for), and adding a pair more alike than its score to an alignment that leaves both over raises the score.
        /// </summary>
        private static void MarkSurelyAligned(double[,] similarities, double needed, Span<bool> queryLeft, Span<bool> listedLeft)
        {
            Span<int> listedPartners = stackalloc int[listedLeft.Length];
            Span<int> queryPartners = stackalloc int[queryLeft.Length];
            for (var i = 0; i < queryLeft.Length; i++)
            {
                for (var j = 0; j < listedLeft.Length; j++)
                {
                    if (similarities[i, j] > 0)
                    {
                        queryPartners[i]++;
                        listedPartners[j]++;
                    }
                }
            }

            for (var i = 0; i < queryLeft.Length; i++)
            {
                for (var j = 0; j < listedLeft.Length; j++)
                {
                    if (similarities[i, j] >= needed)
                    {
                        listedLeft[j] &= queryPartners[i] != 1;
                        queryLeft[i] &= listedPartners[j] != 1;
                    }
                }
            }
        }

        public List<(int Person, int Name, double Score, IReadOnlyList<Evidence> Evidence)> Ranked()
        {
            var ranked = new List<(int Person, int Name, double Score)>(work.BestByPerson.Count);
            foreach (var (person, (name, _, score)) in work.BestByPerson)
            {
                if (score >= (alertsOnly ? matcher.Options.ThresholdFor(index.Person(person).List) : MatchingOptions.ReportFloor))
                {
                    ranked.Add((person, name, score));
                }
            }

            ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Person.CompareTo(b.Person));
            var result = new List<(int, int, double, IReadOnlyList<Evidence>)>(Math.Min(top, ranked.Count));
            foreach (var (person, name, score) in ranked.Take(top))
            {
                result.Add((person, name, score, AttributeEvidence.Weigh(screening, index.Person(person))));
            }

            return result;
        }

        public MatchExplanation Explain(IndexedName name, IReadOnlyList<Evidence> evidence, double threshold)
        {
            var similarities = new double[Query.Units.Count, name.UnitIds.Length];
            Fill(similarities, name.UnitIds, exact: true);
            var nameScore = NameScorer.Score(Query, name.Prepared, similarities);
            if (name.Listed.Quality == NameQuality.Weak)
            {
                nameScore = nameScore with { Score = nameScore.Score * WeakNameFactor };
            }

            return new MatchExplanation(name.Listed.FullName, name.Listed.Kind, nameScore, evidence, threshold);
        }

        private void Record(int person, int name, double nameScore, double attributes)
        {
            if (work.BestByPerson.TryGetValue(person, out var current) && current.NameScore >= nameScore && (current.Name >= 0 || name < 0))
            {
                return;
            }

            var score = Math.Round(Math.Clamp(nameScore + attributes, 0, 1), 4);
            work.BestByPerson[person] = (name, nameScore, score);
            if (!alertsOnly)
            {
                work.TopPersons.Set(person, score, top);
            }
        }

        /// <summary>
        /// A candidate whose bound is below this cannot alert whatever its person's attributes: they add at most an
        /// exact date of birth and a nationality, and a document number only when the traveler gives one. Screening
        /// for alerts counts only what this traveler's own date and nationality can add; the top results keep the
        /// general figure, so that their near misses do not depend on it. The margin keeps rounding from deciding.
        /// </summary>
        private double CannotAlertBelow() =>
            matcher.Options.LowestThreshold - (alertsOnly ? traveler.MostAdded : MostAttributesAdd + traveler.MostADocumentAdds) - RoundingMargin;

        /// <summary>The score a new candidate must beat to enter the top results (0 while there is room, and for alerts).</summary>
        private double KthBest() => alertsOnly || work.TopPersons.Count < top ? 0 : work.TopPersons.Lowest;

        /// <summary>
        /// Candidate names with an upper bound on their name score: every query unit matched at its best similarity
        /// to a unit of the name, every other query unit merely omitted, nothing the list adds counted against it.
        /// The lightest query units are not searched at all when together they could not reach the report floor.
        /// Names bounded below <paramref name="reportable"/> are left out: no attribute could lift them into the results.
        /// </summary>
        private BestBoundFirst Bounded(double reportable, double sortedFrom, bool[]? mayBeJoined)
        {
            var scratch = BoundScratch.For(index);
            try
            {
                return Bounded(scratch, reportable, sortedFrom, mayBeJoined);
            }
            finally
            {
                scratch.ReleaseBlock();
            }
        }

        private BestBoundFirst Bounded(BoundScratch scratch, double reportable, double sortedFrom, bool[]? mayBeJoined)
        {
            var searched = UnitsThatCanCarryAMatch();
            var width = Query.Units.Count;

            // The query's units are read for every candidate: their weights are taken out once.
            Span<double> queryWeights = stackalloc double[width];
            Span<double> queryReplaceable = stackalloc double[width];
            for (var i = 0; i < width; i++)
            {
                queryWeights[i] = Query.Units[i].Weight;
                queryReplaceable[i] = NameScorer.Replaceable(Query.Units[i]);
            }

            // Screening for alerts, a person whose dates of birth all contradict the traveler's cannot alert however
            // well a name agrees (1 - 0.30 + 0.03 < 0.75); only a traveler's document could lift it. Nothing else an
            // outline shows takes as much off, so for other travelers no name is asked.
            var lowestThreshold = matcher.Options.LowestThreshold - RoundingMargin;
            var leavesOut = mayBeJoined is not null && screening.DateOfBirth is not null && traveler.MostADocumentAdds == 0
                && 1 + AttributeTable.Outline.MostAddedWhenTheYearContradicts(traveler) < lowestThreshold;
            var leftOut = new PersonsLeftOut(leavesOut ? screening.DateOfBirth!.Value.Year : null);

            // Each similar unit's record, and the runs of a unit arranged by birth year, lie at random places: read
            // for every unit first, their waits overlap instead of coming one after another.
            foreach (var i in searched)
            {
                work.ReadAhead += index.ReadAheadHoldings(similar.ComparedWith(i), arranged: leftOut.Any);
            }

            // A unit many names hold is read only where the traveler's year leaves its holders in.
            var streams = scratch.Streams;
            streams.Clear();
            var runs = scratch.Runs;
            foreach (var i in searched)
            {
                foreach (var unitId in similar.ComparedWith(i))
                {
                    var similarity = similar.Get(i, unitId);
                    var (start, end) = index.HoldersRange(unitId);
                    if (similarity > 0 && start < end)
                    {
                        var listedWeight = index.WeightOf(unitId);
                        var pairWeight = (queryWeights[i] + listedWeight) / 2;
                        runs.Clear();
                        if (leftOut.Any && index.HoldersNotContradicting(unitId, leftOut.Year, runs))
                        {
                            foreach (var (runStart, runEnd) in runs)
                            {
                                streams.Add(new HolderStream(runStart, runEnd, i, similarity * pairWeight, pairWeight, listedWeight, arranged: true));
                            }
                        }
                        else
                        {
                            streams.Add(new HolderStream(start, end, i, similarity * pairWeight, pairWeight, listedWeight, arranged: false));
                        }
                    }
                }
            }

            var holders = index.AllHolders;
            var arranged = index.HoldersByYear.Holders;
            scratch.Touched = TouchHeads(streams, holders, arranged);

            // Units not searched (the lightest, and those no key found) may still match in a candidate: the bound
            // counts them as matched perfectly, with the heaviest list unit they could pair with.
            double unsearchedMatched = 0;
            Span<bool> isSearched = stackalloc bool[width];
            foreach (var i in searched)
            {
                isSearched[i] = true;
            }

            for (var i = 0; i < width; i++)
            {
                if (!isSearched[i] && Query.Units[i].Kind != UnitKind.Link)
                {
                    unsearchedMatched += MatchedAsUnsearched(Query.Units[i].Weight);
                }
            }

            Span<bool> unfound = stackalloc bool[width];
            for (var i = 0; i < width; i++)
            {
                unfound[i] = Query.Units[i].Kind != UnitKind.Link && IsUnfound(i);
            }

            // Only the bounds for alerts ask whether a unit compared directly may be joined as well.
            Span<bool> twoUnits = stackalloc bool[width];
            for (var i = 0; i < width && mayBeJoined is not null; i++)
            {
                twoUnits[i] = unfound[i] && index.Compounds.IsTwoUnits(Query.Units[i].Text);
            }

            var inputs = new BoundingInputs(queryWeights, queryReplaceable, isSearched, unfound, twoUnits, mayBeJoined, unsearchedMatched, reportable, sortedFrom)
            {
                MostAttributesAdd = traveler.MostAdded,
                AnyUnfound = unfound.Contains(true),
                LowestThreshold = lowestThreshold,
                BoundsDirectComparisons = alertsOnly && !matcher.StopsBelowAlertFloor,
            };
            var bounded = work.Bounded;
            bounded.Clear();
            var outlined = scratch.Outlined;
            outlined.Clear();
            var open = CollectionsMarshal.AsSpan(streams);
            while (NextBlock(open) is var blockStart and >= 0)
            {
                Gather(scratch, open, holders, arranged, blockStart, width, leftOut);
                BoundGathered(scratch, blockStart, inputs, outlined);
            }

            KeepOutlined(outlined, inputs, bounded);

            bounded.Order(sortedFrom);
            return bounded;
        }

        /// <summary>What bounding a candidate needs from the query, the same for every candidate.</summary>
        private readonly ref struct BoundingInputs(
            Span<double> queryWeights,
            Span<double> queryReplaceable,
            Span<bool> isSearched,
            Span<bool> unfound,
            Span<bool> twoUnits,
            ReadOnlySpan<bool> mayBeJoined,
            double unsearchedMatched,
            double reportable,
            double alertFloor)
        {
            public readonly Span<double> QueryWeights = queryWeights;
            public readonly Span<double> QueryReplaceable = queryReplaceable;
            public readonly Span<bool> IsSearched = isSearched;

            /// <summary>Per query unit, whether a join may match it where a candidate leaves it over; empty outside screening for alerts.</summary>
            public readonly ReadOnlySpan<bool> MayBeJoined = mayBeJoined;
            public readonly double UnsearchedMatched = unsearchedMatched;
            public readonly double Reportable = reportable;

            /// <summary>Per query unit, whether no listed spelling is alike to it: compared directly, it may lift a candidate.</summary>
            public readonly Span<bool> Unfound = unfound;

            /// <summary>Per query unit, whether it is <see cref="Unfound"/> and two of the lists' units written as one.</summary>
            public readonly Span<bool> TwoUnits = twoUnits;

            /// <summary>Whether some unit has no listed spelling alike (<see cref="Unfound"/>).</summary>
            public bool AnyUnfound { get; init; }

            /// <summary>Below this no candidate can alert by its bound.</summary>
            public readonly double AlertFloor = alertFloor;

            /// <summary>The most any person's attributes add for this traveler.</summary>
            public double MostAttributesAdd { get; init; }

            /// <summary>The lowest alert threshold, less the rounding margin.</summary>
            public double LowestThreshold { get; init; }

            /// <summary>
            /// Whether a bound counts what a direct comparison could lift, for walking every candidate that could alert
            /// (in tests): the search takes those as weak candidates, even where the bound without it is below the report floor.
            /// </summary>
            public bool BoundsDirectComparisons { get; init; }
        }

        /// <summary>
        /// Reads the first holder of every stream before any is gathered, and notes its name, then the rest of the
        /// streams a cache line at a time, up to <see cref="HoldersReadAhead"/> holders. Each holder list lies at its
        /// own place in a large array, which a traveler seen for the first time finds out of the caches, and the
        /// gathering reads a few holders of each list block after block: read one after another, it waited for
        /// nearly every line; read together here, the waits overlap.
        /// </summary>
        private static double TouchHeads(List<HolderStream> streams, ReadOnlySpan<Holder> holders, ReadOnlySpan<Holder> arranged)
        {
            double sum = 0;
            foreach (ref var stream in CollectionsMarshal.AsSpan(streams))
            {
                ref readonly var head = ref stream.At(stream.Next, holders, arranged);
                stream.NextName = head.Name;
                sum += head.TotalWeight;
            }

            var left = HoldersReadAhead;
            foreach (ref readonly var stream in CollectionsMarshal.AsSpan(streams))
            {
                for (var at = stream.Next + HoldersPerLine; at < stream.End && left > 0; at += HoldersPerLine, left -= HoldersPerLine)
                {
                    sum += stream.At(at, holders, arranged).TotalWeight;
                }
            }

            return sum;
        }

        /// <summary>Holders in a 64-byte cache line.</summary>
        private const int HoldersPerLine = 64 / 16;

        /// <summary>
        /// How many holders <see cref="TouchHeads"/> reads ahead: 256 KB, which stay in the processor's cache until
        /// gathered (a traveler in the middle of the million list reads about 4,500).
        /// </summary>
        private const int HoldersReadAhead = 1 << 14;

        /// <summary>The first name of the block holding the next unread name of any stream; -1 when all are read.</summary>
        private static int NextBlock(Span<HolderStream> streams)
        {
            var first = int.MaxValue;
            foreach (ref readonly var stream in streams)
            {
                first = Math.Min(first, stream.NextName);
            }

            return first == int.MaxValue ? -1 : first & ~(BoundScratch.BlockSize - 1);
        }

        /// <summary>
        /// Which names the gathering leaves out as it first reaches them: those whose person's birth years the
        /// traveler's <paramref name="year"/> of birth contradicts, when that keeps even a perfect name below the lowest
        /// alert threshold (null for none). They are most of the candidates on a list of a million people, where a
        /// traveler's date of birth contradicts nearly every person's. The years are read beside the holders.
        /// </summary>
        private readonly struct PersonsLeftOut(int? year)
        {
            private readonly int year = year ?? 0;

            public bool Any { get; } = year is not null;

            public int Year => year;

            public bool LeavesOut(in Holder holder) => AttributeTable.Outline.YearContradicts(holder.BirthYears, year);
        }

        /// <summary>Reads every stream up to the block's end, keeping per name reached its best pair for each query unit.</summary>
        private static void Gather(
            BoundScratch scratch, Span<HolderStream> streams, ReadOnlySpan<Holder> holders, ReadOnlySpan<Holder> arranged, int blockStart, int width, in PersonsLeftOut leftOut)
        {
            const int Fields = 3;
            var stride = width * Fields;
            var blockEnd = blockStart + BoundScratch.BlockSize;
            var slotInBlock = scratch.SlotInBlock;
            var candidates = scratch.Candidates;
            var best = scratch.Best;
            var totalWeight = scratch.TotalWeight;
            foreach (ref var stream in streams)
            {
                if (stream.NextName >= blockEnd)
                {
                    continue;
                }

                var next = stream.Next;
                var contribution = stream.Contribution;
                var unitAt = stream.QueryUnit * Fields;
                stream.NextName = int.MaxValue;
                for (; next < stream.End; next++)
                {
                    ref readonly var holder = ref stream.At(next, holders, arranged);
                    var place = holder.Name - blockStart;
                    if (place >= BoundScratch.BlockSize)
                    {
                        stream.NextName = holder.Name;
                        break;
                    }

                    var slot = slotInBlock[place];
                    if (slot == BoundScratch.LeftOut)
                    {
                        continue;
                    }

                    if (slot < 0 && leftOut.Any && leftOut.LeavesOut(holder))
                    {
                        slotInBlock[place] = BoundScratch.LeftOut;
                        scratch.LeftOutPlaces.Add(place);
                        continue;
                    }

                    if (slot < 0)
                    {
                        slot = candidates.Count;
                        slotInBlock[place] = slot;
                        candidates.Add(place);
                        if ((slot + 1) * stride > best.Length || slot >= totalWeight.Length)
                        {
                            best = scratch.Reserve(slot + 1, stride);
                            totalWeight = scratch.TotalWeight;
                        }

                        best.AsSpan(slot * stride, stride).Clear();
                        totalWeight[slot] = holder.TotalWeight;
                    }

                    var at = (slot * stride) + unitAt;
                    if (contribution > best[at])
                    {
                        best[at] = contribution;
                        best[at + 1] = stream.PairWeight;
                        best[at + 2] = stream.ListedWeight;
                    }
                }

                stream.Next = next;
            }
        }

        /// <summary>Bounds the block's candidates, keeps those bounded at or above the report floor for their outlines to judge, and empties the block.</summary>
        private void BoundGathered(BoundScratch scratch, int blockStart, in BoundingInputs query, List<BoundedName> outlined)
        {
            const int Fields = 3;
            var width = query.QueryWeights.Length;
            var stride = width * Fields;
            var candidates = scratch.Candidates;
            var best = scratch.Best;
            var totalWeight = scratch.TotalWeight;
            for (var slot = 0; slot < candidates.Count; slot++)
            {
                double matched = query.UnsearchedMatched, matchedWeight = query.UnsearchedMatched, listedMatched = query.UnsearchedMatched * 2, queryLeft = 0, replaceable = 0;
                double joinable = 0, joinableFound = 0, joinableTwoUnits = 0;

                // What the bound would be with every unit compared directly matched perfectly, as an unsearched one.
                double directMatched = 0, directWeight = 0, directListed = 0, directLeft = 0, directReplaceable = 0;
                for (var i = 0; i < width; i++)
                {
                    if (!query.IsSearched[i])
                    {
                        continue;
                    }

                    var at = (slot * stride) + (i * Fields);
                    if (best[at] > 0)
                    {
                        matched += best[at];
                        matchedWeight += best[at + 1];
                        listedMatched += best[at + 2];
                        if (query.Unfound[i])
                        {
                            var perfect = MatchedAsUnsearched(query.QueryWeights[i]);
                            directMatched += perfect - best[at];
                            directWeight += perfect - best[at + 1];
                            directListed += 1 - best[at + 2];
                        }
                    }
                    else
                    {
                        queryLeft += query.QueryWeights[i];
                        replaceable += query.QueryReplaceable[i];
                        var mayBeJoined = query.MayBeJoined.Length > 0 && query.MayBeJoined[i];
                        joinable += mayBeJoined ? query.QueryWeights[i] : 0;
                        joinableFound += mayBeJoined && !query.Unfound[i] ? query.QueryWeights[i] : 0;
                        joinableTwoUnits += mayBeJoined && query.TwoUnits[i] ? query.QueryWeights[i] : 0;
                        if (query.Unfound[i])
                        {
                            var perfect = MatchedAsUnsearched(query.QueryWeights[i]);
                            directMatched += perfect;
                            directWeight += perfect;
                            directListed += 1;
                            directLeft += query.QueryWeights[i];
                            directReplaceable += query.QueryReplaceable[i];
                        }
                    }
                }

                var denominator = Denominator(matchedWeight, listedMatched, queryLeft, replaceable, totalWeight[slot]);
                var nameIndex = blockStart + candidates[slot];
                if (query.MayBeJoined.Length == 0)
                {
                    var reportableBound = SurelyBelow(matched, denominator, query.Reportable) ? 0 : matched / denominator;
                    if (query.BoundsDirectComparisons && query.AnyUnfound)
                    {
                        reportableBound = Math.Max(reportableBound, (matched + directMatched) / Denominator(
                            matchedWeight + directWeight, listedMatched + directListed, queryLeft - directLeft, replaceable - directReplaceable, totalWeight[slot]));
                    }

                    if (reportableBound >= query.Reportable)
                    {
                        outlined.Add(new BoundedName(nameIndex, reportableBound, 0, JoinLifted: false));
                    }

                    continue;
                }

                // Most candidates cannot alert by either bound; those are told without dividing. A bound surely below
                // the floor is taken as 0, which only a join can then replace: the direct bound is below the joined one.
                var directDenominator = query.AnyUnfound
                    ? Denominator(matchedWeight + directWeight, listedMatched + directListed, queryLeft - directLeft, replaceable - directReplaceable, totalWeight[slot])
                    : denominator;
                var bothBelow = SurelyBelow(matched, denominator, query.AlertFloor) && SurelyBelow(matched + directMatched, directDenominator, query.AlertFloor);
                var bound = bothBelow ? 0 : matched / denominator;
                var direct = bothBelow ? 0 : (matched + directMatched) / directDenominator;
                var joinLifted = false;
                if (bound < query.AlertFloor)
                {
                    // Screening for alerts, a candidate that cannot alert by its bound can be lifted above it by a
                    // join, or by a direct comparison of a unit the lists spell nowhere alike. One that a join may lift
                    // counts the leftovers the join concerns as matched perfectly, with all the listed weight left
                    // over, which only raises the bound; where a direct comparison may lift it too, that is so only
                    // when the unit compared directly is two of the lists' units written as one (Sajabarzan against
                    // Saja Barzan). One that only a direct comparison may lift is a weak candidate; any other is left out.
                    var mayBeLifted = joinable > 0 && (direct < query.AlertFloor || joinableTwoUnits > 0);
                    var lifted = mayBeLifted ? JoinedBound(matched, matchedWeight, queryLeft, joinable, totalWeight[slot] - listedMatched) : 0;
                    if (lifted >= query.AlertFloor)
                    {
                        // Many such bounds are 1 (every leftover joined): among equal ones, the name that matches
                        // more without a join comes first, a hair above; raising a bound never loses an alert.
                        bound = lifted + (bound * TieBreak);
                        joinLifted = true;
                    }
                    else if (direct < query.AlertFloor)
                    {
                        continue;
                    }
                }

                if (bound < query.Reportable)
                {
                    continue;
                }

                // The most the name could score counts direct comparisons and joins together.
                var reach = Math.Max(bound, direct);
                if (joinableFound > 0)
                {
                    reach = Math.Max(reach, JoinedBound(
                        matched + directMatched, matchedWeight + directWeight, queryLeft - directLeft, joinableFound, totalWeight[slot] - listedMatched - directListed));
                }

                outlined.Add(new BoundedName(nameIndex, bound, reach, joinLifted));
            }

            scratch.ReleaseBlock();
        }

        /// <summary>
        /// Keeps the bounded names whose person's outline (<see cref="AttributeTable.Outline"/>) does not leave them out.
        /// The outlines lie at random places of an array over every name: read one at a time among the bounds, each was
        /// a wait for memory (on the list of a million identities, most of the time spent bounding); read together
        /// first, the waits overlap.
        /// </summary>
        private void KeepOutlined(List<BoundedName> outlined, in BoundingInputs query, BestBoundFirst bounded)
        {
            var individuals = 0;
            foreach (var name in CollectionsMarshal.AsSpan(outlined))
            {
                individuals += index.OutlineOf(name.Name).Individual ? 1 : 0;
            }

            work.ReadAhead += individuals;
            foreach (var name in CollectionsMarshal.AsSpan(outlined))
            {
                ref readonly var outline = ref index.OutlineOf(name.Name);
                if (!matcher.Screens(outline))
                {
                    continue;
                }

                var attributes = outline.MostAdded(traveler);
                if (query.MayBeJoined.Length == 0)
                {
                    // The candidates that even the most the person's outline allows would leave below the report floor
                    // are skipped by the search anyway, once their person's attributes are read one at a time.
                    if (name.Bound + attributes >= MatchingOptions.ReportFloor)
                    {
                        bounded.Add(name.Name, name.Bound);
                    }

                    continue;
                }

                // A person whose dates of birth all contradict the traveler's, or whose nationalities or gender differ,
                // takes that much off any score: a candidate that even its best name could not then lift to an alert is
                // left out.
                if (attributes < query.MostAttributesAdd && name.Reach + attributes < query.LowestThreshold)
                {
                    continue;
                }

                if (name.JoinLifted)
                {
                    // Only those the search would take before its budget is spent are kept: on a list of a million
                    // people a word the lists write apart lifted a hundred thousand names, each sorted and taken only
                    // to be skipped.
                    work.FirstJoinLifted.Offer(name.Name, name.Bound);
                    continue;
                }

                if (name.Bound < query.AlertFloor)
                {
                    // Only a direct comparison could lift it: among those, the name that matches more without one
                    // comes first, a hair above its equals.
                    work.Weak.Add(name.Name, name.Reach + attributes + (name.Bound * TieBreak));
                    work.ReachOf[name.Name] = name.Reach;
                    continue;
                }

                bounded.Add(name.Name, name.Bound);
            }

            outlined.Clear();
            foreach (var (name, bound) in work.FirstJoinLifted.Kept)
            {
                work.JoinLifted.Add(name);
                bounded.Add(name, bound);
            }

            work.FirstJoinLifted.Clear();
        }

        /// <summary>How much of a name's bound without a join or direct comparison is added to what orders it, to order equal ones.</summary>
        private const double TieBreak = 1e-7;

        /// <summary>
        /// The bound of a candidate whose <paramref name="joinable"/> query weight left over a join matches perfectly,
        /// together with all the listed weight left over: the other query units left over are merely omitted.
        /// </summary>
        private static double JoinedBound(double matched, double matchedWeight, double queryLeft, double joinable, double listedLeft)
        {
            var joined = (joinable + Math.Max(0, listedLeft)) / 2;
            return (matched + joined) / (matchedWeight + joined + (NameScorer.QueryOnly * Math.Max(0, queryLeft - joinable)));
        }

        /// <summary>What a query unit that may match unseen adds to a bound: matched perfectly with the heaviest list unit.</summary>
        private static double MatchedAsUnsearched(double weight) => (weight + 1) / 2;

        /// <summary>
        /// What a candidate's bound divides its matched pairs' similarity-weighted sum by, from their weight and listed
        /// weight and the query's weight left over: lower bounds of what the scorer will charge, the list's leftover
        /// weight being at least its total less what the matched units could weigh, and the replaced weight at least
        /// the smaller leftover.
        /// </summary>
        private static double Denominator(double matchedWeight, double listedMatched, double queryLeft, double replaceable, double totalWeight)
        {
            var listedLeft = Math.Max(0, totalWeight - listedMatched);
            var replaced = Math.Min(replaceable, listedLeft);
            return matchedWeight + (NameScorer.Conflict * replaced)
                + (NameScorer.QueryOnly * Math.Max(0, queryLeft - replaced))
                + (NameScorer.ListedOnly * Math.Max(0, listedLeft - replaced));
        }

        /// <summary>
        /// Whether <paramref name="matched"/> / <paramref name="denominator"/> is below <paramref name="floor"/>, told
        /// by a product with a margin far wider than rounding: where the product cannot tell, the bound is divided out.
        /// </summary>
        private static bool SurelyBelow(double matched, double denominator, double floor) => matched < floor * (1 - 1e-9) * denominator;

        /// <summary>
        /// Fills the unit similarities of a candidate name from what the key lookup found, then compares the query
        /// units directly with the name's units that no key lookup reached: a slip can move a unit away from every
        /// key of its listed spelling while another unit found the candidate. A query unit the lists spell nowhere
        /// alike and alike to none of the name's units is also compared with those another query unit found, when
        /// some query unit found two: the traveler's Muhamkmad beside a Muhammad, against a listed Muhammad Muhammad.
        /// Not <paramref name="exact"/>, a pair whose letters do not rule it out is not yet compared and counts as
        /// alike (1); false when there was one.
        /// </summary>
        private bool Fill(double[,] similarities, ReadOnlySpan<int> unitIds, bool exact)
        {
            var settled = true;
            var units = unitIds.Length;
            Span<bool> listedFound = stackalloc bool[units];
            Span<byte> partners = stackalloc byte[Query.Units.Count];
            for (var j = 0; j < units; j++)
            {
                var compared = similar.Compared(unitIds[j]);
                for (var i = 0; i < Query.Units.Count; i++)
                {
                    var similarity = compared.IsEmpty || double.IsNaN(compared[i]) ? 0 : compared[i];
                    similarities[i, j] = similarity;
                    if (similarity > 0)
                    {
                        listedFound[j] = true;
                        partners[i]++;
                    }
                }
            }

            // Only where one query unit found two of the name's units can another be left without a partner it has.
            var someFoundTwice = partners.IndexOfAnyExceptInRange((byte)0, (byte)1) >= 0;

            for (var i = 0; i < Query.Units.Count; i++)
            {
                var unit = Query.Units[i];
                if (unit.Kind == UnitKind.Link)
                {
                    continue;
                }

                for (var j = 0; j < units; j++)
                {
                    var unitId = unitIds[j];
                    if (listedFound[j] && (!someFoundTwice || partners[i] > 0 || !IsUnfound(i)))
                    {
                        continue;
                    }

                    if (!similar.TryGet(i, unitId, out var similarity))
                    {
                        if (!index.MayBeAlike(unit.Sketch, unitId))
                        {
                            similarity = 0;
                            similar.Set(i, unitId, 0);
                        }
                        else if (exact)
                        {
                            similarity = index.SimilarityOfAlike(unit, unitId);
                            similar.Set(i, unitId, similarity);
                        }
                        else
                        {
                            similarity = 1;
                            settled = false;
                        }
                    }

                    similarities[i, j] = similarity;
                }
            }

            return settled;
        }

        /// <summary>
        /// The query units whose similar names are looked up: all but the lightest ones that, even matched perfectly
        /// and with every other query unit merely omitted, could not lift a name to an alert. A name sharing only
        /// "Muhammad Hassan" with a traveler called Muhammad Hassan al-Tikriti is not worth finding; on a list of a
        /// million people it is thousands of names.
        /// </summary>
        private List<int> UnitsThatCanCarryAMatch()
        {
            var floor = matcher.Options.LowestThreshold - MostAttributesAdd;
            var units = new List<int>();
            var searchedAnyway = new List<int>();
            double total = 0, unfound = 0;
            for (var i = 0; i < Query.Units.Count; i++)
            {
                if (Query.Units[i].Kind == UnitKind.Link)
                {
                    continue;
                }

                if (IsUnfound(i))
                {
                    unfound += Query.Units[i].Weight;
                    searchedAnyway.Add(i);
                    continue;
                }

                units.Add(i);
                total += Query.Units[i].Weight;
            }

            units.Sort((a, b) => Query.Units[a].Weight.CompareTo(Query.Units[b].Weight));
            double light = 0;
            var skip = 0;
            while (skip < units.Count - (searchedAnyway.Count > 0 ? 0 : 1))
            {
                var withNext = light + Query.Units[units[skip]].Weight + unfound;
                if (withNext / (withNext + (NameScorer.QueryOnly * (total + unfound - withNext))) >= floor)
                {
                    break;
                }

                light += Query.Units[units[skip]].Weight;
                skip++;
            }

            var searched = units.GetRange(skip, units.Count - skip);
            searched.AddRange(searchedAnyway);
            return searched;
        }

        /// <summary>
        /// Per query unit, whether a join may match it: the unit, or a spelling of it the lists hold, is two units
        /// that a listed name writes apart (a spelling the lists lack, when a part of it is one of their units), or
        /// it and another unit it may be joined with are alike to the two parts of a list unit written as one. Not
        /// <paramref name="everyUnitFound"/> when some unit has no listed spelling alike: compared directly with a
        /// candidate's units, such a unit may lift a candidate above its bound.
        /// </summary>
        private bool[] UnitsAJoinMayMatch(out bool everyUnitFound)
        {
            var compounds = index.Compounds;
            var mayBeJoined = new bool[Query.Units.Count];
            everyUnitFound = true;
            for (var i = 0; i < Query.Units.Count; i++)
            {
                if (Query.Units[i].Kind == UnitKind.Link)
                {
                    continue;
                }

                everyUnitFound &= !IsUnfound(i);

                foreach (var spelling in similar.SameNameAs(i))
                {
                    mayBeJoined[i] |= compounds.IsWrittenApart(spelling);
                }

                mayBeJoined[i] |= !index.Holds(Query.Units[i]) && compounds.MaySplitIntoTwo(Query.Units[i].Text);
            }

            for (var first = 0; first < Query.Units.Count; first++)
            {
                for (var second = 0; second < Query.Units.Count; second++)
                {
                    if (second != first && Query.Units[first].Kind != UnitKind.Link && NameScorer.Joinable(Query, first, second)
                        && (!mayBeJoined[first] || !mayBeJoined[second]) && MayBeWrittenAsOne(first, second))
                    {
                        mayBeJoined[first] = mayBeJoined[second] = true;
                    }
                }
            }

            return mayBeJoined;
        }

        /// <summary>
        /// Whether some list unit is two units written as one, the first alike to the query's <paramref name="first"/>
        /// and the second to its <paramref name="second"/> (Ebu Humam ~ Abuhumam).
        /// </summary>
        private bool MayBeWrittenAsOne(int first, int second)
        {
            foreach (var secondPart in similar.ComparedWith(second))
            {
                var firstParts = index.Compounds.FirstPartsBefore(secondPart);
                if (firstParts.IsEmpty || similar.Get(second, secondPart) <= 0)
                {
                    continue;
                }

                foreach (var firstPart in firstParts)
                {
                    if (similar.Get(first, firstPart) > 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A unit for which the key lookup found no listed spelling of the same name — a slip in a short name, or a
        /// name the lists lack. It may still match a unit of a candidate when compared directly, so the search
        /// counts it as possibly matched rather than let it decide which other units are worth searching.
        /// </summary>
        private bool IsUnfound(int unit) => similar.SameNameAs(unit).Count == 0;
    }
}
