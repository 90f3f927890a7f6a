using System.Collections.Concurrent;
using Vigil.Screening.Names;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>
/// The in-memory candidate index over every name of every listed person. Distinct name units form a vocabulary;
/// a query compares each of its units with the vocabulary units that share a candidate key (once per distinct
/// unit, not once per name), then scores only the names holding a similar unit. Immutable once built: a changed
/// list builds a new index, which replaces the old one in one reference swap.
/// </summary>
public sealed class WatchListIndex
{
    private readonly Dictionary<string, int[]> vocabularyByKey;
    private readonly int[][] namesByUnit;
    private readonly Dictionary<string, int[]> personsByDocument;
    private readonly Dictionary<NameUnit, int> vocabularyIds;
    private readonly int[] firstNameOfPerson;
    private readonly Dictionary<int, int[]> aliasVariants;
    private readonly (int Unit, double Similarity)[][] neighbours;

    /// <summary>
    /// Per indexed name: its summed unit weight and whether it names an individual. Gathering candidates reads these
    /// for thousands of names per query; side by side they cost no visit to each name and person.
    /// </summary>
    private readonly double[] nameWeights;
    private readonly bool[] namesIndividual;

    /// <summary>The vocabulary's sketches side by side: most key neighbours are ruled out here, without visiting their units.</summary>
    private readonly UnitSketch[] sketches;

    /// <summary>
    /// Name units not in the lists recur across travelers (common names the lists lack, frequent spellings): their
    /// neighbours are kept for reuse, up to a bound, after which the memory starts afresh.
    /// </summary>
    private readonly ConcurrentDictionary<NameUnit, (int Unit, double Similarity)[]> recentUnits = new();

    private const int RecentUnitsLimit = 100_000;

    /// <summary>Up to this many distinct units (the UN and OFAC lists hold 20,000) neighbours are computed at build.</summary>
    private const int NeighboursComputedUpTo = 100_000;
    private int recentAdditions;

    private WatchListIndex(
        IReadOnlyList<ListedPerson> persons,
        IReadOnlyList<IndexedName> names,
        IReadOnlyList<PreparedUnit> vocabulary,
        Dictionary<string, int[]> vocabularyByKey,
        int[][] namesByUnit,
        Dictionary<string, int[]> personsByDocument,
        Dictionary<NameUnit, int> vocabularyIds,
        NamePreparer preparer)
    {
        this.vocabularyIds = vocabularyIds;
        Persons = persons;
        Names = names;
        Vocabulary = vocabulary;
        this.vocabularyByKey = vocabularyByKey;
        this.namesByUnit = namesByUnit;
        this.personsByDocument = personsByDocument;
        Preparer = preparer;
        neighbours = new (int, double)[vocabulary.Count][];
        sketches = vocabulary.Select(u => u.Sketch).ToArray();
        nameWeights = names.Select(n => n.TotalWeight).ToArray();
        namesIndividual = names.Select(n => persons[n.Person].Kind == PartyKind.Individual).ToArray();
        nameList = [.. names];
        personList = [.. persons];
        if (vocabulary.Count <= NeighboursComputedUpTo)
        {
            ComputeNeighbours();
        }
        aliasVariants = AliasVariants.Learn(names, vocabulary);
        LongestName = names.Count == 0 ? 1 : names.Max(n => n.UnitIds.Length);
        firstNameOfPerson = new int[persons.Count];
        for (int person = 0, name = 0; person < persons.Count; person++)
        {
            while (name < names.Count && names[name].Person < person)
            {
                name++;
            }

            firstNameOfPerson[person] = name;
        }
    }

    public IReadOnlyList<ListedPerson> Persons { get; }

    /// <summary>The same lists as arrays, read without an interface call in the query's inner loops.</summary>
    private readonly IndexedName[] nameList;
    private readonly ListedPerson[] personList;

    internal IndexedName Name(int name) => nameList[name];

    internal ListedPerson Person(int person) => personList[person];

    internal double TotalWeightOf(int name) => nameWeights[name];

    internal bool NamesIndividual(int name) => namesIndividual[name];

    public IReadOnlyList<IndexedName> Names { get; }

    public IReadOnlyList<PreparedUnit> Vocabulary { get; }

    public NamePreparer Preparer { get; }

    public int KeyCount => vocabularyByKey.Count;

    /// <summary>The most units any listed name has.</summary>
    public int LongestName { get; }

    public static WatchListIndex Build(IEnumerable<ListedPerson> persons, NamePreparer? preparer = null)
    {
        preparer ??= new NamePreparer(TokenWeights.Default);
        var personList = persons.ToArray();
        var names = new List<IndexedName>();
        var vocabulary = new List<PreparedUnit>();
        var vocabularyIds = new Dictionary<NameUnit, int>();
        var keys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        var documents = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unitKeys = new HashSet<string>(StringComparer.Ordinal);

        for (var p = 0; p < personList.Length; p++)
        {
            var person = personList[p];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in person.Names)
            foreach (var form in ListedNameForms.Of(name.FullName))
            {
                var prepared = preparer.Prepare(form);
                if (prepared.Units.Count == 0 || !seen.Add(prepared.ToString()))
                {
                    continue;
                }

                var unitIds = new int[prepared.Units.Count];
                for (var u = 0; u < unitIds.Length; u++)
                {
                    var unit = prepared.Units[u];
                    if (!vocabularyIds.TryGetValue(unit.Unit, out var id))
                    {
                        id = vocabulary.Count;
                        vocabularyIds.Add(unit.Unit, id);
                        vocabulary.Add(unit);
                        postings.Add([]);
                        unitKeys.Clear();
                        if (unit.Kind != UnitKind.Link)
                        {
                            CandidateKeys.ForListed(unit, unitKeys);
                        }

                        foreach (var key in unitKeys)
                        {
                            if (!keys.TryGetValue(key, out var ids))
                            {
                                keys.Add(key, ids = []);
                            }

                            ids.Add(id);
                        }
                    }

                    unitIds[u] = id;
                    var posting = postings[id];
                    if (posting.Count == 0 || posting[^1] != names.Count)
                    {
                        posting.Add(names.Count);
                    }
                }

                // The name keeps the vocabulary's unit instances, not its own copies.
                var shared = new PreparedUnit[unitIds.Length];
                for (var u = 0; u < unitIds.Length; u++)
                {
                    shared[u] = vocabulary[unitIds[u]];
                }

                names.Add(new IndexedName(p, new PreparedName(shared, prepared.Links), unitIds, name));
            }

            foreach (var document in person.Documents)
            {
                foreach (var number in DocumentKeys(document))
                {
                    if (!documents.TryGetValue(number, out var holders))
                    {
                        documents.Add(number, holders = []);
                    }

                    if (holders.Count == 0 || holders[^1] != p)
                    {
                        holders.Add(p);
                    }
                }
            }
        }

        return new WatchListIndex(
            personList,
            names,
            vocabulary,
            keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal),
            postings.Select(p => p.ToArray()).ToArray(),
            documents.ToDictionary(d => d.Key, d => d.Value.ToArray(), StringComparer.Ordinal),
            vocabularyIds,
            preparer);
    }

    /// <summary>
    /// Vocabulary units similar to <paramref name="unit"/>, with their similarity. A unit the lists themselves
    /// contain (most travelers' names do) was compared with its neighbours when the index was built.
    /// </summary>
    internal void SimilarUnits(PreparedUnit unit, Dictionary<int, double> similar, HashSet<string> keyBuffer)
    {
        SimilarByKeys(unit, similar, keyBuffer);
        AddAliasVariants(similar);
    }

    /// <summary>The number of spelling pairs learnt from the lists' alias clusters.</summary>
    public int LearntVariants => aliasVariants.Count;

    /// <summary>A unit the query matches (near) exactly brings the spellings the lists' aliases give for it.</summary>
    private void AddAliasVariants(Dictionary<int, double> similar)
    {
        if (aliasVariants.Count == 0)
        {
            return;
        }

        List<int>? same = null;
        foreach (var (id, similarity) in similar)
        {
            if (similarity >= SameName && aliasVariants.ContainsKey(id))
            {
                (same ??= []).Add(id);
            }
        }

        if (same is null)
        {
            return;
        }

        foreach (var id in same)
        {
            foreach (var variant in aliasVariants[id])
            {
                if (similar.GetValueOrDefault(variant) < LearntVariant)
                {
                    similar[variant] = LearntVariant;
                }
            }
        }
    }

    private const double SameName = 0.97;
    private const double LearntVariant = 0.92;

    private void SimilarByKeys(PreparedUnit unit, Dictionary<int, double> similar, HashSet<string> keyBuffer)
    {
        if (vocabularyIds.TryGetValue(unit.Unit, out var known))
        {
            // Large vocabularies compute a unit's neighbours on first use and keep them: computing them all took
            // longer than 15 minutes for a million identities. Two threads may compute the same entry at once;
            // both results are equal, either may be kept.
            var found = Volatile.Read(ref neighbours[known]);
            if (found is null)
            {
                found = NeighboursOf(Vocabulary[known], keyBuffer);
                Volatile.Write(ref neighbours[known], found);
            }

            foreach (var (id, similarity) in found)
            {
                similar[id] = similarity;
            }

            return;
        }

        if (recentUnits.TryGetValue(unit.Unit, out var recent))
        {
            foreach (var (id, similarity) in recent)
            {
                similar[id] = similarity;
            }

            return;
        }

        var computed = NeighboursOf(unit, keyBuffer);
        foreach (var (id, similarity) in computed)
        {
            similar[id] = similarity;
        }

        // ConcurrentDictionary.Count takes every lock; an approximate count of additions is enough for a bound.
        if (Interlocked.Increment(ref recentAdditions) > RecentUnitsLimit)
        {
            recentUnits.Clear();
            Interlocked.Exchange(ref recentAdditions, 0);
        }

        recentUnits.TryAdd(unit.Unit, computed);
    }


    /// <summary>
    /// Compares every list unit with its key neighbours once, on all cores, so that a traveler whose name the lists
    /// contain pays no comparison at screening time.
    /// </summary>
    private void ComputeNeighbours() =>
        Parallel.For(
            0,
            Vocabulary.Count,
            () => new HashSet<string>(StringComparer.Ordinal),
            (id, _, keyBuffer) =>
            {
                if (Vocabulary[id].Kind != UnitKind.Link)
                {
                    neighbours[id] = NeighboursOf(Vocabulary[id], keyBuffer);
                }

                return keyBuffer;
            },
            _ => { });

    private (int, double)[] NeighboursOf(PreparedUnit unit, HashSet<string> keyBuffer)
    {
        var similar = new Dictionary<int, double>();
        keyBuffer.Clear();
        CandidateKeys.ForQuery(unit, keyBuffer);
        foreach (var key in keyBuffer)
        {
            if (vocabularyByKey.TryGetValue(key, out var ids))
            {
                foreach (var other in ids)
                {
                    if (!UnitSketch.RulesOut(unit.Sketch, sketches[other]) && !similar.ContainsKey(other))
                    {
                        similar[other] = UnitSimilarity.Of(unit, Vocabulary[other]);
                    }
                }
            }
        }

        var found = new List<(int, double)>(similar.Count);
        foreach (var (id, similarity) in similar)
        {
            if (similarity > 0)
            {
                found.Add((id, similarity));
            }
        }

        return found.ToArray();
    }

    internal int[] NamesHolding(int unitId) => namesByUnit[unitId];

    /// <summary>The indexed names of one listed person (names are stored person by person, so they form a range).</summary>
    internal IEnumerable<int> NamesOf(int person)
    {
        var start = firstNameOfPerson[person];
        var end = person + 1 < firstNameOfPerson.Length ? firstNameOfPerson[person + 1] : Names.Count;
        for (var i = start; i < end; i++)
        {
            yield return i;
        }
    }

    /// <summary>Persons holding a document with this normalised number.</summary>
    internal int[] PersonsWithDocument(string normalizedNumber) =>
        personsByDocument.TryGetValue(normalizedNumber, out var holders) ? holders : [];

    /// <summary>
    /// Lists write notes before a number and spaces inside it ("diplomatic passport no. D00000898", "OB 0243318"):
    /// the document is filed under every run of final words that holds a digit, as well as the whole text.
    /// </summary>
    private static IEnumerable<string> DocumentKeys(ListedDocument document)
    {
        if (document.NormalizedNumber.Length > 0)
        {
            yield return document.NormalizedNumber;
        }

        var words = document.Number.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var start = words.Length - 1; start > 0; start--)
        {
            var suffix = ListedDocument.Normalize(string.Join(' ', words[start..]));
            if (suffix.Length >= 5 && suffix.Any(char.IsAsciiDigit))
            {
                yield return suffix;
            }
        }
    }
}

/// <summary>One name of one listed person, prepared, with the vocabulary id of each unit.</summary>
public sealed record IndexedName(int Person, PreparedName Prepared, int[] UnitIds, ListedName Listed)
{
    /// <summary>The summed weight of the name's units, for bounding scores before scoring.</summary>
    public double TotalWeight { get; } = Prepared.Units.Sum(u => u.Weight);
}
