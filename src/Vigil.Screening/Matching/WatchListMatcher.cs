using Vigil.Screening.Names;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>
/// Screens travelers against an index of watch lists: finds candidate names through the index, scores each name,
/// keeps the best name per listed person, adds the attribute evidence and applies the list's alert threshold.
/// Thread-safe: the index is immutable and each call keeps its own working state.
/// </summary>
public sealed partial class WatchListMatcher(WatchListIndex index, MatchingOptions? options = null)
{
    /// <summary>A weak alias (UN "Low" quality, OFAC weak a.k.a.) is poorer evidence than a name the list vouches for.</summary>
    internal const double WeakNameFactor = 0.9;

    /// <summary>
    /// The most that agreeing attributes can add besides a document number (exact date of birth and nationality);
    /// document holders are found through the document index on their own.
    /// </summary>
    internal const double MostAttributesAdd = AttributeEvidence.ExactDateAgrees + AttributeEvidence.NationalityAgrees;

    public WatchListIndex Index { get; } = index;

    public MatchingOptions Options { get; } = OrDefault(options);

    /// <summary>The alert threshold of each of the index's lists, in <see cref="AttributeTable.Lists"/> order.</summary>
    private readonly double[] listThresholds = [.. index.Attributes.Lists.Select(OrDefault(options).ThresholdFor)];

    /// <summary>
    /// Whether the search stops at the first candidate that could neither alert nor be taken as a weak one, and
    /// leaves out the candidates the traveler's own attributes could not lift to the report floor (the default). Off
    /// only in tests, which check that stopping there changes no result: the search then scores every candidate it
    /// gathers down to the report floor, with no limit on weak ones.
    /// </summary>
    internal bool StopsBelowAlertFloor { get; init; } = true;

    /// <summary>
    /// Whether a candidate whose own units show it cannot score what is needed is passed over unscored (the
    /// default). Off only in tests, which check that passing over changes no result.
    /// </summary>
    internal bool PassesOverWhatCannotReach { get; init; } = true;

    /// <summary>How many candidates searches have passed over unscored since the matcher was made: for tests.</summary>
    internal long PassedOver => Interlocked.Read(ref passedOver);

    private long passedOver;

    /// <summary>
    /// The best listed persons for a query, alerting or not (down to the report floor), best first. Every alert
    /// <see cref="Alerts"/> finds comes first (up to <paramref name="top"/>); the places left go to the best near
    /// misses. A search for the top results alone ranks candidates by bounds that a direct comparison of a slip or a
    /// join may exceed, and takes only a few of those beyond its bounds: it could leave out an alert that screening for
    /// alerts, which takes every candidate that could alert, finds.
    /// </summary>
    public IReadOnlyList<ScreeningMatch> Screen(ScreeningQuery query, int top = 5)
    {
        var best = new Dictionary<int, (int Person, ScreeningMatch Match)>();
        foreach (var name in ReadingsOf(query.Name))
        {
            // Each search is explained before the next one starts: both work in this thread's scratch memory.
            var alerts = Run(new CandidateSearch(this, name, query, int.MaxValue, alertsOnly: true));
            KeepBetter(best, Explained(alerts.Count >= top ? alerts.Take(top) : alerts));
            if (alerts.Count < top)
            {
                KeepBetter(best, Explained(Run(new CandidateSearch(this, name, query, top))));
            }
        }

        return [.. best.Values.OrderByDescending(found => found.Match.Alert).ThenByDescending(found => found.Match.Score)
            .ThenBy(found => found.Person).Take(top).Select(found => found.Match)];
    }

    /// <summary>
    /// Every listed person the query alerts on, best first, and nothing below the alert thresholds: what screening
    /// a traveler needs, with no limit on how many. The same search as <see cref="Screen"/>, so that both find the
    /// same alerts.
    /// </summary>
    public IReadOnlyList<ScreeningMatch> Alerts(ScreeningQuery query)
    {
        var best = new Dictionary<int, (int Person, ScreeningMatch Match)>();
        foreach (var name in ReadingsOf(query.Name))
        {
            KeepBetter(best, Explained(Run(new CandidateSearch(this, name, query, int.MaxValue, alertsOnly: true))));
        }

        return [.. best.Values.OrderByDescending(found => found.Match.Score).ThenBy(found => found.Person).Select(found => found.Match)];
    }

    /// <summary>
    /// The traveler's name as written and, when it ends in a word that only ever precedes a name, as written family
    /// name first (<see cref="NameParser.ParseTraveler"/>): Manan Abdul may be Abdul Manan, or a surname Abdul.
    /// </summary>
    private IEnumerable<PreparedName> ReadingsOf(string name)
    {
        var (asWritten, familyNameFirst) = NameParser.ParseTraveler(name);
        yield return Index.Preparer.Prepare(asWritten);
        if (familyNameFirst is not null)
        {
            yield return Index.Preparer.Prepare(familyNameFirst);
        }
    }

    private static void KeepBetter(Dictionary<int, (int Person, ScreeningMatch Match)> best, List<(int Person, ScreeningMatch Match)> found)
    {
        foreach (var (person, match) in found)
        {
            if (!best.TryGetValue(person, out var held) || match.Score > held.Match.Score)
            {
                best[person] = (person, match);
            }
        }
    }

    /// <summary>A listed person a search found, with the search that scored them, which explains the match.</summary>
    private readonly record struct Found(CandidateSearch Search, int Person, int Name, double Score, IReadOnlyList<Evidence> Evidence);

    private List<Found> Run(CandidateSearch search)
    {
        search.ScoreCandidates();
        if (search.PassedOver > 0)
        {
            Interlocked.Add(ref passedOver, search.PassedOver);
        }

        return [.. search.Ranked().Select(ranked => new Found(search, ranked.Person, ranked.Name, ranked.Score, ranked.Evidence))];
    }

    private List<(int Person, ScreeningMatch Match)> Explained(IEnumerable<Found> found)
    {
        var matches = new List<(int, ScreeningMatch)>();
        foreach (var (search, personIndex, nameIndex, score, evidence) in found)
        {
            var person = Index.Persons[personIndex];
            var threshold = Options.ThresholdFor(person.List);
            var explanation = nameIndex < 0
                ? new MatchExplanation(person.PrimaryName, NameKind.Primary, NameScore.None, evidence, threshold)
                : search.Explain(Index.Names[nameIndex], evidence, threshold);
            matches.Add((personIndex, new ScreeningMatch(person, score, score >= threshold, explanation)));
        }

        return matches;
    }

    private static MatchingOptions OrDefault(MatchingOptions? options) => options ?? new MatchingOptions();

    private double ThresholdOfList(int list) => listThresholds[list];

    private bool Screens(ListedPerson person) => Options.IncludeEntities || person.Kind == PartyKind.Individual;

    private bool Screens(in AttributeTable.Outline person) => Options.IncludeEntities || person.Individual;
}
