using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>
/// Scores a query name against a listed name. Units are aligned one-to-one in the order-free way that maximises the
/// score, and the score weighs what was matched against what was not:
/// <code>score = Σ similarity·weight / (Σ weight of matched pairs + Conflict·C + QueryOnly·Oq + ListedOnly·Ol)</code>
/// where C is the weight both sides leave unmatched (a name replaced by another — strong counter-evidence),
/// Oq what only the query leaves unmatched (the traveler carries a name the list does not give) and Ol what only
/// the list leaves unmatched (the document omits one of the person's names, which is common and cheap).
/// Units left over on both sides get a second chance joined with another leftover (Abdul Rahim ~ Abdulrahim with a
/// slip in one of them, or a name moved away from its particle). A name replaced at the start or the end of the
/// listed name — the given name or the family name and nisba that tell relatives apart — costs more than one
/// replaced in the middle. A reversed genealogical chain (the query's son is the list's father) halves the score.
/// </summary>
public static class NameScorer
{
    internal const double Conflict = 1.5;
    internal const double ConflictAtEnds = 2.5;
    internal const double QueryOnly = 0.6;
    internal const double ListedOnly = 0.25;
    internal const double ReversedChainFactor = 0.5;

    /// <summary>
    /// A replaced name weighs at least this much whatever its commonness: sharing "Ali" says little, but "Ali" in
    /// place of "Mohammad" says these are different people.
    /// </summary>
    internal const double ReplacedNameWeight = 0.7;

    /// <summary>
    /// How many joined units a thread keeps. A query meets a few dozen, and the next travelers meet the same listed
    /// names again: with 2,048 kept, a positive development query still made 7.3 joins, with 16,384 it makes 3.
    /// </summary>
    private const int RememberedJoins = 16_384;

    /// <summary>Two leftovers joined must be this alike to count as one name written apart.</summary>
    private const double JoinedFloor = 0.85;

    /// <summary>Beyond this many alignments the search keeps the best found so far; real names never get near it.</summary>
    private const int SearchBudget = 20_000;

    public static NameScore Score(PreparedName query, PreparedName listed)
    {
        var similarities = new double[query.Units.Count, listed.Units.Count];
        for (var i = 0; i < query.Units.Count; i++)
        {
            for (var j = 0; j < listed.Units.Count; j++)
            {
                similarities[i, j] = UnitSimilarity.Of(query.Units[i], listed.Units[j]);
            }
        }

        return Score(query, listed, similarities);
    }

    /// <summary>
    /// Two names compared as screening compares a traveler with a listed name, either way round — with neither known to
    /// be the list's, either may be the fuller name a document shortened — and over the ways each is read
    /// (<see cref="NameParser.Readings"/>: a compound given name written in parts is also read as one word; a name
    /// ending in Abdul or Abu also as written family name first); when either reads as an organisation's, both are
    /// read so. The best score counts; its explanation names <paramref name="name1"/>'s units as the query's.
    /// </summary>
    public static NameScore Score(NamePreparer preparer, string name1, string name2)
    {
        var best = NameScore.None;
        var organisation = NameParser.IsOrganisation(name1) || NameParser.IsOrganisation(name2);
        foreach (var reading1 in NameParser.Readings(name1, organisation, asTraveler: true))
        {
            foreach (var reading2 in NameParser.Readings(name2, organisation, asTraveler: true))
            {
                if (reading1.IsInitials && reading2.IsInitials)
                {
                    continue;
                }

                var (prepared1, prepared2) = (preparer.Prepare(reading1), preparer.Prepare(reading2));
                var forward = Score(prepared1, prepared2);
                best = forward.Score > best.Score ? forward : best;
                var backward = Score(prepared2, prepared1);
                best = backward.Score > best.Score ? Reversed(backward) : best;
            }
        }

        return best;
    }

    /// <summary>A score of name2 against name1 told as name1 against name2.</summary>
    private static NameScore Reversed(NameScore score) => score with
    {
        Pairs = score.Pairs.Select(pair => new AlignedUnits(pair.Listed, pair.Query, pair.Similarity)).ToArray(),
        UnmatchedQuery = score.UnmatchedListed,
        UnmatchedListed = score.UnmatchedQuery,
    };

    internal static double Replaceable(PreparedUnit unit) =>
        unit.Kind == UnitKind.Word ? Math.Max(unit.Weight, ReplacedNameWeight) : unit.Weight;

    /// <summary>Scores with unit similarities already known (the index computes them once per distinct list unit).</summary>
    public static NameScore Score(PreparedName query, PreparedName listed, double[,] similarities)
    {
        var search = new AlignmentSearch(query, listed, similarities);
        search.Run();
        return search.Result();
    }

    /// <summary>The score alone, without building the explanation: for ranking many candidates.</summary>
    public static double ScoreOnly(PreparedName query, PreparedName listed, double[,] similarities) =>
        new Aligner().ScoreOnly(query, listed, similarities);

    /// <summary>
    /// Scores many candidates one after another with the same working arrays: a traveler's search scores dozens
    /// of names, and fresh arrays for each were a good part of what a query allocated. One thread at a time.
    /// </summary>
    internal sealed class Aligner
    {
        private AlignmentSearch? search;

        public double ScoreOnly(PreparedName query, PreparedName listed, double[,] similarities)
        {
            search ??= new AlignmentSearch();
            search.Reset(query, listed, similarities);
            try
            {
                search.Run();
                return search.FinalScore();
            }
            finally
            {
                // A listed name held past the call would keep a replaced index's units alive with this thread's memory.
                search.Forget();
            }
        }
    }

    /// <summary>
    /// Two units may be read as one name when they stand next to each other, or when the first opens a compound
    /// (abd, abu, al) whose word was moved elsewhere in the name.
    /// </summary>
    internal static bool Joinable(PreparedName name, int first, int second) =>
        Joinable(name.Units[first], name.Units[second], adjacent: second == first + 1);

    /// <inheritdoc cref="Joinable(PreparedName, int, int)"/>
    internal static bool Joinable(PreparedUnit first, PreparedUnit second, bool adjacent) => Joinable(first.OpensCompound, second.Kind, adjacent);

    /// <inheritdoc cref="Joinable(PreparedName, int, int)"/>
    internal static bool Joinable(bool firstOpensCompound, UnitKind secondKind, bool adjacent) =>
        secondKind is not (UnitKind.Link or UnitKind.Initial) && (adjacent || firstOpensCompound);

    /// <summary>Two units read as one word: the unit the scorer compares with a leftover of the other name.</summary>
    internal static PreparedUnit Join(PreparedUnit first, PreparedUnit second)
    {
        var text = first.Text + second.Text;
        var phonetic = PhoneticForm.Of(text);
        return new PreparedUnit(new NameUnit(text, text, UnitKind.Word), phonetic, phonetic, PhoneticForm.Skeleton(phonetic), first.Weight + second.Weight);
    }

    /// <summary>One aligned pair: one query unit (or two adjacent ones) with one list unit (or two adjacent ones).</summary>
    private readonly record struct Pair(int Query, int QueryNext, int Listed, int ListedNext, double Similarity);

    /// <summary>
    /// The best one-to-one alignment of two names. The arrays may be longer than the names (they are kept from one
    /// candidate to the next); only the first query-length or listed-length entries are read.
    /// </summary>
    private sealed class AlignmentSearch
    {
        private PreparedName query = null!;
        private PreparedName listed = null!;
        private double[,] similarities = null!;
        private PreparedName? orderedFor;
        private int[] order = [];
        private int[] assignment = [];
        private int[] best = [];
        private bool[] used = [];
        private Pair[] pairBuffer = [];
        private readonly List<Pair> joinedPairs = [];
        private Dictionary<(PreparedUnit, PreparedUnit), PreparedUnit>? joinedUnits;

        /// <summary>Leftovers joined, by position (first * count + second), for one round of <see cref="JoinLeftovers"/>.</summary>
        private PreparedUnit?[] queryJoins = [];
        private PreparedUnit?[] listedJoins = [];
        private int queryCount;
        private int listedCount;
        private double bestScore;
        private int visited;

        public AlignmentSearch()
        {
        }

        public AlignmentSearch(PreparedName query, PreparedName listed, double[,] similarities) =>
            Reset(query, listed, similarities);

        public void Reset(PreparedName query, PreparedName listed, double[,] similarities)
        {
            this.query = query;
            this.listed = listed;
            this.similarities = similarities;
            queryCount = query.Units.Count;
            listedCount = listed.Units.Count;
            if (!ReferenceEquals(orderedFor, query))
            {
                order = OrderByWeight(query);
                orderedFor = query;
            }

            if (assignment.Length < queryCount)
            {
                pairBuffer = new Pair[queryCount];
                assignment = new int[queryCount];
                best = new int[queryCount];
            }

            if (used.Length < listedCount)
            {
                used = new bool[listedCount];
            }

            assignment.AsSpan(0, queryCount).Fill(-1);
            best.AsSpan(0, queryCount).Fill(-1);
            used.AsSpan(0, listedCount).Clear();
            bestScore = -1;
            visited = 0;
        }

        /// <summary>Lets go of the listed name; the traveler's name is kept, so that its next candidate reuses the order.</summary>
        public void Forget()
        {
            listed = null!;
            similarities = null!;
        }

        public void Run() => Visit(0);

        /// <summary>Query units heaviest first, links left out: the search settles the decisive units first.</summary>
        private static int[] OrderByWeight(PreparedName query)
        {
            var count = 0;
            foreach (var unit in query.Units)
            {
                count += unit.Kind == UnitKind.Link ? 0 : 1;
            }

            var order = new int[count];
            var n = 0;
            for (var i = 0; i < query.Units.Count; i++)
            {
                if (query.Units[i].Kind == UnitKind.Link)
                {
                    continue;
                }

                var k = n++;
                while (k > 0 && query.Units[order[k - 1]].Weight < query.Units[i].Weight)
                {
                    order[k] = order[k - 1];
                    k--;
                }

                order[k] = i;
            }

            return order;
        }

        private void Visit(int depth)
        {
            if (depth == order.Length)
            {
                visited++;
                var score = Evaluate(PairsOf(assignment, pairBuffer));
                if (score > bestScore)
                {
                    bestScore = score;
                    assignment.AsSpan(0, queryCount).CopyTo(best);
                }

                return;
            }

            var i = order[depth];
            for (var j = 0; j < listedCount && visited < SearchBudget; j++)
            {
                if (used[j] || similarities[i, j] <= 0)
                {
                    continue;
                }

                used[j] = true;
                assignment[i] = j;
                Visit(depth + 1);
                assignment[i] = -1;
                used[j] = false;
            }

            if (visited < SearchBudget || bestScore < 0)
            {
                Visit(depth + 1);
            }
        }

        private ReadOnlySpan<Pair> PairsOf(int[] aligned, Pair[] buffer)
        {
            var count = 0;
            for (var i = 0; i < queryCount; i++)
            {
                if (aligned[i] >= 0)
                {
                    buffer[count++] = new Pair(i, -1, aligned[i], -1, similarities[i, aligned[i]]);
                }
            }

            return buffer.AsSpan(0, count);
        }

        private double Evaluate(ReadOnlySpan<Pair> pairs)
        {
            Span<bool> queryUsed = stackalloc bool[query.Units.Count];
            Span<bool> listedUsed = stackalloc bool[listed.Units.Count];
            double matched = 0, matchedWeight = 0, queryLeft = 0, listedLeft = 0;
            foreach (var pair in pairs)
            {
                var queryWeight = query.Units[pair.Query].Weight + (pair.QueryNext >= 0 ? query.Units[pair.QueryNext].Weight : 0);
                var listedWeight = listed.Units[pair.Listed].Weight + (pair.ListedNext >= 0 ? listed.Units[pair.ListedNext].Weight : 0);
                var weight = (queryWeight + listedWeight) / 2;
                matched += pair.Similarity * weight;
                matchedWeight += weight;
                queryUsed[pair.Query] = true;
                listedUsed[pair.Listed] = true;
                if (pair.QueryNext >= 0)
                {
                    queryUsed[pair.QueryNext] = true;
                }

                if (pair.ListedNext >= 0)
                {
                    listedUsed[pair.ListedNext] = true;
                }
            }

            if (matched <= 0)
            {
                return 0;
            }

            double queryReplaceable = 0, listedReplaceable = 0;
            for (var i = 0; i < queryUsed.Length; i++)
            {
                if (!queryUsed[i])
                {
                    queryLeft += query.Units[i].Weight;
                    queryReplaceable += Replaceable(query.Units[i]);
                }
            }

            for (var j = 0; j < listedUsed.Length; j++)
            {
                if (!listedUsed[j])
                {
                    listedLeft += listed.Units[j].Weight;
                    listedReplaceable += Replaceable(listed.Units[j]);
                }
            }

            var conflict = Math.Min(queryReplaceable, listedReplaceable);
            var conflictCost = conflict > 0 && EndLeftUnmatched(listedUsed) ? ConflictAtEnds : Conflict;
            var queryOmitted = Math.Max(0, queryLeft - conflict);
            var listedOmitted = Math.Max(0, listedLeft - conflict);
            return matched / (matchedWeight + (conflictCost * conflict) + (QueryOnly * queryOmitted) + (ListedOnly * listedOmitted));
        }



        private bool EndLeftUnmatched(ReadOnlySpan<bool> listedUsed)
        {
            int first = -1, last = -1;
            for (var j = 0; j < listedUsed.Length; j++)
            {
                if (listed.Units[j].Kind == UnitKind.Word)
                {
                    first = first < 0 ? j : first;
                    last = j;
                }
            }

            return (first >= 0 && !listedUsed[first]) || (last >= 0 && !listedUsed[last]);
        }

        public double FinalScore() => Settle(keepPairs: false, out _, out _).Score;

        public NameScore Result()
        {
            var (score, chainReversed) = Settle(keepPairs: true, out var pairs, out var found);
            if (!found || score <= 0)
            {
                return NameScore.None;
            }

            var queryUsed = new bool[query.Units.Count];
            var listedUsed = new bool[listed.Units.Count];
            var aligned = new List<AlignedUnits>(pairs.Length);
            foreach (var pair in pairs)
            {
                aligned.Add(new AlignedUnits(TextOf(query, pair.Query, pair.QueryNext), TextOf(listed, pair.Listed, pair.ListedNext), Math.Round(pair.Similarity, 3)));
                MarkUsed(queryUsed, pair.Query, pair.QueryNext);
                MarkUsed(listedUsed, pair.Listed, pair.ListedNext);
            }

            return new NameScore(score, aligned, Unused(query, queryUsed), Unused(listed, listedUsed), chainReversed);
        }

        /// <summary>
        /// The final score of the best alignment: leftovers joined where possible, a reversed chain halving it.
        /// <paramref name="found"/> is false when there was nothing to align. The pairs are copied out only when
        /// asked for: ranking candidates needs the score alone.
        /// </summary>
        private (double Score, bool ChainReversed) Settle(bool keepPairs, out Pair[] pairs, out bool found)
        {
            pairs = [];
            found = bestScore > 0 || HasWordsOnBothSides();
            if (!found)
            {
                return (0, false);
            }

            var aligned = PairsOf(best, pairBuffer);
            double score;
            if (MayJoinLeftovers())
            {
                joinedPairs.Clear();
                joinedPairs.AddRange(aligned);
                JoinLeftovers(joinedPairs);
                score = Evaluate(CollectionsMarshal.AsSpan(joinedPairs));
                pairs = keepPairs ? joinedPairs.ToArray() : [];
            }
            else
            {
                score = Evaluate(aligned);
                pairs = keepPairs ? aligned.ToArray() : [];
            }

            var chainReversed = score > 0 && IsChainReversed();
            return (chainReversed ? score * ReversedChainFactor : score, chainReversed);
        }

        /// <summary>A join needs two leftovers on one side and one on the other.</summary>
        private bool MayJoinLeftovers()
        {
            Span<bool> listedUsed = stackalloc bool[listed.Units.Count];
            int queryLeft = 0, listedLeft = 0;
            for (var i = 0; i < queryCount; i++)
            {
                if (best[i] >= 0)
                {
                    listedUsed[best[i]] = true;
                }
                else if (query.Units[i].Kind is not (UnitKind.Link or UnitKind.Initial))
                {
                    queryLeft++;
                }
            }

            for (var j = 0; j < listedUsed.Length; j++)
            {
                listedLeft += !listedUsed[j] && listed.Units[j].Kind is not (UnitKind.Link or UnitKind.Initial) ? 1 : 0;
            }

            return (queryLeft >= 1 && listedLeft >= 2) || (queryLeft >= 2 && listedLeft >= 1);
        }

        private bool HasWordsOnBothSides() => HasWeight(query) && HasWeight(listed);

        private static bool HasWeight(PreparedName name)
        {
            for (var i = 0; i < name.Units.Count; i++)
            {
                if (name.Units[i].Weight > 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Tries units left unmatched on both sides once more, two leftovers of one side joined against one of the
        /// other: writers join and split names (Abdul Rahim / Abdulrahim, Noor ud Din / Nooruddin) beyond what the
        /// particle rules foresee, especially with a slip in one of the parts or the parts moved apart.
        /// </summary>
        private void JoinLeftovers(List<Pair> pairs)
        {
            Span<bool> queryUsed = stackalloc bool[query.Units.Count];
            Span<bool> listedUsed = stackalloc bool[listed.Units.Count];
            while (true)
            {
                queryUsed.Clear();
                listedUsed.Clear();
                foreach (var pair in pairs)
                {
                    MarkUsed(queryUsed, pair.Query, pair.QueryNext);
                    MarkUsed(listedUsed, pair.Listed, pair.ListedNext);
                }

                // Each leftover pair of one side is joined once per round, not once per leftover of the other side.
                var queryLeftover = HasLeftover(query, queryUsed);
                var listedLeftover = HasLeftover(listed, listedUsed);
                JoinPairs(query, queryUsed, listedLeftover, ref queryJoins);
                JoinPairs(listed, listedUsed, queryLeftover, ref listedJoins);
                var bestJoin = default(Pair?);
                for (var i = 0; i < queryUsed.Length; i++)
                {
                    if (!IsLeftover(query, queryUsed, i))
                    {
                        continue;
                    }

                    for (var j = 0; j < listedUsed.Length; j++)
                    {
                        if (!IsLeftover(listed, listedUsed, j))
                        {
                            continue;
                        }

                        for (var k = 0; k < listedUsed.Length; k++)
                        {
                            if (listedJoins[(j * listedUsed.Length) + k] is { } joined)
                            {
                                Consider(ref bestJoin, new Pair(i, -1, j, k, UnitSimilarity.Of(query.Units[i], joined)));
                            }
                        }

                        for (var k = 0; k < queryUsed.Length; k++)
                        {
                            if (queryJoins[(i * queryUsed.Length) + k] is { } joined)
                            {
                                Consider(ref bestJoin, new Pair(i, k, j, -1, UnitSimilarity.Of(joined, listed.Units[j])));
                            }
                        }
                    }
                }

                if (bestJoin is not { } join)
                {
                    return;
                }

                pairs.Add(join);
            }
        }

        private static bool IsLeftover(PreparedName name, ReadOnlySpan<bool> used, int unit) =>
            !used[unit] && name.Units[unit].Kind is not (UnitKind.Link or UnitKind.Initial);

        private static bool HasLeftover(PreparedName name, ReadOnlySpan<bool> used)
        {
            for (var unit = 0; unit < used.Length; unit++)
            {
                if (IsLeftover(name, used, unit))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Every leftover of <paramref name="name"/> joined with each unit it may be joined with, at
        /// <c>first * count + second</c>; none when the other side has no leftover to compare them with.
        /// </summary>
        private void JoinPairs(PreparedName name, ReadOnlySpan<bool> used, bool otherSideHasLeftover, ref PreparedUnit?[] joins)
        {
            var count = used.Length;
            if (joins.Length < count * count)
            {
                joins = new PreparedUnit?[count * count];
            }

            Array.Clear(joins, 0, count * count);
            if (!otherSideHasLeftover)
            {
                return;
            }

            for (var first = 0; first < count; first++)
            {
                if (!IsLeftover(name, used, first))
                {
                    continue;
                }

                for (var second = 0; second < count; second++)
                {
                    if (second != first && !used[second] && Joinable(name, first, second))
                    {
                        joins[(first * count) + second] = Joined(name.Units[first], name.Units[second]);
                    }
                }
            }
        }

        private static void Consider(ref Pair? best, Pair candidate)
        {
            if (candidate.Similarity >= JoinedFloor && candidate.Similarity > (best?.Similarity ?? 0))
            {
                best = candidate;
            }
        }

        /// <summary>
        /// The two units read as one, made once per pair of units and thread: the same leftovers meet every
        /// candidate of a query (and common listed pairs every query), and making the unit costs several strings.
        /// </summary>
        private PreparedUnit Joined(PreparedUnit first, PreparedUnit second)
        {
            joinedUnits ??= new Dictionary<(PreparedUnit, PreparedUnit), PreparedUnit>(SameUnits.Instance);
            if (joinedUnits.TryGetValue((first, second), out var known))
            {
                return known;
            }

            if (joinedUnits.Count >= RememberedJoins)
            {
                joinedUnits.Clear();
            }

            var joined = Join(first, second);
            joinedUnits.Add((first, second), joined);
            return joined;
        }

        /// <summary>
        /// True when one name says "A bin B" and the other "B bin A" for units similar to the same two, without also
        /// saying "A bin B". Decided on the similarities, not on one alignment, because a name repeated in a chain
        /// (Muhammad … bin Muhammad) lets an alignment hide the reversal. Asked both ways round: Mohamed ben Mehdi ben
        /// Mohamed also says Mehdi ben Mohamed, which the list's Mehdi ben Mohamed ben Mohamed says too, but the
        /// list's Mohamed ben Mohamed is nowhere in the query's name the other way round.
        /// </summary>
        private bool IsChainReversed()
        {
            foreach (var (son, father) in query.Links)
            {
                if (listed.Links.Count == 0)
                {
                    if (ReversedByOrder(son, father))
                    {
                        return true;
                    }

                    continue;
                }

                if (LinkReversed(son, father, listed.Links, askedOfQuery: true))
                {
                    return true;
                }
            }

            foreach (var (son, father) in listed.Links)
            {
                if (LinkReversed(son, father, query.Links, askedOfQuery: false))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the other name's <paramref name="links"/> reverse the link from <paramref name="son"/> to
        /// <paramref name="father"/> (of the query when <paramref name="askedOfQuery"/>, else of the list) and none repeats it.
        /// </summary>
        private bool LinkReversed(int son, int father, IReadOnlyList<(int Son, int Father)> links, bool askedOfQuery)
        {
            var reversed = false;
            foreach (var link in links)
            {
                if (Alike(son, link.Son, askedOfQuery) && Alike(father, link.Father, askedOfQuery))
                {
                    return false;
                }

                reversed |= Alike(son, link.Father, askedOfQuery) && Alike(father, link.Son, askedOfQuery);
            }

            return reversed;
        }

        private bool Alike(int unit, int other, bool unitOfQuery) => (unitOfQuery ? similarities[unit, other] : similarities[other, unit]) > 0;

        /// <summary>
        /// A listed name without links still reads as a chain, a person's own name before the father's (Ali Omar: Ali
        /// son of Omar). The query's "A bin B" is reversed when every listed unit similar to B comes before every one
        /// similar to A (Umar ben Ali against Ali Omar; Abdallah ben Ali against Ali Thafir Abdallah).
        /// </summary>
        private bool ReversedByOrder(int son, int father)
        {
            bool fatherFirst = false, sonFirst = false;
            for (var j = 0; j < listed.Units.Count; j++)
            {
                for (var k = 0; k < listed.Units.Count; k++)
                {
                    if (j != k && similarities[son, j] > 0 && similarities[father, k] > 0)
                    {
                        fatherFirst |= k < j;
                        sonFirst |= j < k;
                    }
                }
            }

            return fatherFirst && !sonFirst;
        }

        private static void MarkUsed(Span<bool> used, int first, int second)
        {
            used[first] = true;
            if (second >= 0)
            {
                used[second] = true;
            }
        }

        private static string TextOf(PreparedName name, int first, int second) =>
            second < 0 ? name.Units[first].Text : name.Units[first].Text + " " + name.Units[second].Text;

        private static string[] Unused(PreparedName name, bool[] used)
        {
            var texts = new List<string>();
            for (var i = 0; i < used.Length; i++)
            {
                if (!used[i] && name.Units[i].Weight > 0)
                {
                    texts.Add(name.Units[i].Text);
                }
            }

            return texts.ToArray();
        }
    }

    /// <summary>Units are the same when they are the same object: a joined unit is remembered for the units it was made of.</summary>
    internal sealed class SameUnits : IEqualityComparer<(PreparedUnit, PreparedUnit)>
    {
        public static readonly SameUnits Instance = new();

        public bool Equals((PreparedUnit, PreparedUnit) x, (PreparedUnit, PreparedUnit) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((PreparedUnit, PreparedUnit) pair) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Item1), RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
