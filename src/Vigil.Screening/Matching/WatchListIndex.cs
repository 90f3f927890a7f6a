using Vigil.Screening.Names;
using Vigil.Screening.Names.Transliteration;
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
    /// <summary>The vocabulary units filed under each candidate key, with the counts that judge most of them.</summary>
    private readonly Dictionary<string, FiledUnderKey> vocabularyByKey;

    /// <summary>
    /// The names holding each vocabulary unit, all in one array: unit <c>u</c>'s are from
    /// <c>holdingOf[u].Start</c> up to <c>holdingOf[u].End</c>. One array per unit cost a header each and a
    /// second memory read per unit a query gathers candidates from.
    /// </summary>
    private readonly Holder[] holders;

    /// <summary>
    /// Per vocabulary unit, where its holders are and its weight: a query reads both for each of dozens of similar
    /// units at scattered places, and kept in two arrays they were two waits for memory.
    /// </summary>
    private readonly UnitHolding[] holdingOf;

    /// <summary>
    /// Per vocabulary unit, its kind and whether it opens a compound: a search asks them of every unit of the
    /// candidates it passes over, and reading each unit's record for them was a wait for memory.
    /// </summary>
    private readonly UnitTraits[] traitsOf;

    private readonly Dictionary<string, int[]> personsByDocument;
    private readonly int[] firstNameOfPerson;
    private readonly Dictionary<int, int[]> aliasVariants;
    private readonly SimilarUnit[]?[] neighbours;

    /// <summary>
    /// The indexed names, side by side: a list of a million people holds two million names, and an object graph per
    /// name (record, prepared name, unit array, id array) cost more than the rest of the index. A name's unit ids
    /// are <c>unitIds[unitStart[n]..unitStart[n + 1]]</c>; its prepared form is made again when it is scored.
    /// Gathering candidates reads the weights and kinds for thousands of names per query.
    /// </summary>
    private readonly NameTable names;

    /// <summary>The vocabulary's sketches side by side: most key neighbours are ruled out here, without visiting their units.</summary>
    private readonly UnitSketch[] sketches;

    /// <summary>
    /// The vocabulary's letter counts as filed with its keys, by unit: a candidate's units that no key lookup reached
    /// are compared with the traveler's directly, and most of those pairs are ruled out here in one read.
    /// </summary>
    private readonly FiledUnit[] filed;

    /// <summary>The vocabulary as an array, read without an interface call where neighbours are compared.</summary>
    private readonly PreparedUnit[] vocabularyUnits;

    /// <summary>
    /// Every unit the index knows by its name, in one table so that a traveler's unit is looked up once: the lists'
    /// own units, and the name spellings of the variant dictionary that the lists lack with their similar list units.
    /// The spellings the dictionary attests (Wikidata's Latin spellings of Arabic names seen at least twice, the
    /// table's own bar) are compared when the index is built: they are names travelers often carry. Its other
    /// spellings (seen once, about 49,000) are compared after the build on one background thread, and the table is
    /// replaced by one that holds them too: in the build they cost 1.4–1.7 s on both cores, which a one-off
    /// <c>vigil match</c> over a short file would pay in full; a running service has them a few seconds after it
    /// starts, and a query meanwhile compares the unit itself, with the same result. An index too large to compare
    /// its own units in the build compares both kinds of spelling in the background too (<see cref="ComputeInBackground"/>).
    /// </summary>
    private Dictionary<NameUnit, IndexedUnit> knownUnits;

    /// <summary>
    /// Up to this many distinct units (the UN and OFAC lists hold 20,000) neighbours are computed in the build;
    /// above it, in the background after it.
    /// </summary>
    private const int NeighboursComputedUpTo = 100_000;

    private static int indexesBuilt;

    /// <summary>
    /// Tells this index from the ones before it. Per-thread working memory remembers the index it was made for by
    /// this number rather than by reference, so that it does not keep a replaced index alive.
    /// </summary>
    internal int Identity { get; } = Interlocked.Increment(ref indexesBuilt);

    private WatchListIndex(
        ListedPerson[] persons,
        NameTable names,
        IReadOnlyList<PreparedUnit> vocabulary,
        Dictionary<string, int[]> vocabularyByKey,
        List<List<int>> namesByUnit,
        Dictionary<string, int[]> personsByDocument,
        Dictionary<NameUnit, int> vocabularyIds,
        NamePreparer preparer,
        int neighboursComputedUpTo)
    {
        Persons = persons;
        this.names = names;
        Names = new NameView(this);
        Vocabulary = vocabulary;
        holdingOf = new UnitHolding[namesByUnit.Count];
        for (int unit = 0, start = 0; unit < namesByUnit.Count; start += namesByUnit[unit].Count, unit++)
        {
            holdingOf[unit] = new UnitHolding(start, start + namesByUnit[unit].Count, vocabulary[unit].Weight, -1);
        }

        this.personsByDocument = personsByDocument;
        Preparer = preparer;
        neighbours = new SimilarUnit[vocabulary.Count][];
        sketches = vocabulary.Select(u => u.Sketch).ToArray();
        filed = [.. sketches.Select((sketch, id) => new FiledUnit(id, sketch))];
        this.vocabularyByKey = new Dictionary<string, FiledUnderKey>(vocabularyByKey.Count, StringComparer.Ordinal);
        foreach (var (key, ids) in vocabularyByKey)
        {
            this.vocabularyByKey.Add(key, new FiledUnderKey(ids, filed, sketches));
        }

        vocabularyUnits = [.. vocabulary];
        traitsOf = Array.ConvertAll(vocabularyUnits, unit => new UnitTraits(unit.Kind, unit.OpensCompound));
        knownUnits = new Dictionary<NameUnit, IndexedUnit>(vocabularyIds.Count);
        foreach (var (unit, id) in vocabularyIds)
        {
            knownUnits.Add(unit, vocabularyUnits[id].Indexed = new IndexedUnit(Identity, id, null));
        }

        personList = persons;
        Attributes = AttributeTable.Build(persons);
        outlineOfName = new AttributeTable.Outline[names.Count];
        for (var name = 0; name < outlineOfName.Length; name++)
        {
            outlineOfName[name] = Attributes.OutlineOf(names.Person[name]);
        }

        holders = new Holder[namesByUnit.Sum(holding => holding.Count)];
        for (var unit = 0; unit < namesByUnit.Count; unit++)
        {
            var at = holdingOf[unit].Start;
            foreach (var name in namesByUnit[unit])
            {
                holders[at++] = new Holder(name, outlineOfName[name].BirthYears, names.TotalWeight[name]);
            }
        }

        HoldersByYear = new HoldersByBirthYear(holders, Array.ConvertAll(holdingOf, holding => (holding.Start, holding.End)), out var arrangementOf);
        for (var unit = 0; unit < holdingOf.Length; unit++)
        {
            holdingOf[unit] = holdingOf[unit] with { Arrangement = arrangementOf[unit] };
        }

        var computesNeighbours = vocabulary.Count <= neighboursComputedUpTo;
        if (computesNeighbours)
        {
            ComputeNeighbours();
            knownUnits = WithNeighboursOf(DictionarySpellings(attested: true), parallel: true);
        }

        aliasVariants = AliasVariants.Learn(this);
        Compounds = CompoundUnits.Find(vocabularyUnits, names);
        LongestName = 1;
        for (var name = 0; name < names.Count; name++)
        {
            LongestName = Math.Max(LongestName, names.UnitIdsOf(name).Length);
        }

        firstNameOfPerson = new int[persons.Length];
        for (int person = 0, name = 0; person < persons.Length; person++)
        {
            while (name < names.Count && names.Person[name] < person)
            {
                name++;
            }

            firstNameOfPerson[person] = name;
        }

        SimilarUnitsReady = Task.Run(computesNeighbours ? ComputeLaterDictionarySpellings : ComputeInBackground);
    }

    public IReadOnlyList<ListedPerson> Persons { get; }

    /// <summary>
    /// Completes once the similar list units of every list unit and every spelling in the variant dictionary are
    /// known: a few seconds after the build for lists of the size of UN and OFAC, whose own units are compared in the
    /// build; a few minutes after it for a million identities, whose units are compared on one background thread.
    /// Queries need not wait: until then a unit is compared when first met, with the same result.
    /// </summary>
    public Task SimilarUnitsReady { get; }

    /// <summary>The persons as an array, read without an interface call in the query's inner loops.</summary>
    private readonly ListedPerson[] personList;

    /// <summary>The persons' attributes as candidates are weighed on them.</summary>
    internal AttributeTable Attributes { get; }

    /// <summary>Per name, its person's <see cref="AttributeTable.Outline"/>, read in name order as candidates are bounded.</summary>
    private readonly AttributeTable.Outline[] outlineOfName;

    internal ref readonly AttributeTable.Outline OutlineOf(int name) => ref outlineOfName[name];

    /// <summary>One indexed name with its prepared form, made anew: for scoring and explaining a candidate.</summary>
    internal IndexedName Name(int name)
    {
        var ids = names.UnitIdsOf(name);
        var units = new PreparedUnit[ids.Length];
        for (var u = 0; u < units.Length; u++)
        {
            units[u] = vocabularyUnits[ids[u]];
        }

        return new IndexedName(names.Person[name], new PreparedName(units, names.LinksOf(name)), ids.ToArray(), names.Listed[name]);
    }

    internal ReadOnlySpan<int> UnitIdsOf(int name) => names.UnitIdsOf(name);

    /// <summary>
    /// The prepared form of a name with its units written into <paramref name="units"/> (of the name's length), for
    /// scoring without copying the name's unit ids.
    /// </summary>
    internal PreparedName PreparedOf(int name, PreparedUnit[] units)
    {
        var ids = names.UnitIdsOf(name);
        for (var u = 0; u < ids.Length; u++)
        {
            units[u] = vocabularyUnits[ids[u]];
        }

        return new PreparedName(units, names.LinksOf(name));
    }

    internal ListedName ListedOf(int name) => names.Listed[name];

    internal PreparedUnit UnitOf(int unitId) => vocabularyUnits[unitId];

    internal UnitTraits TraitsOf(int unitId) => traitsOf[unitId];

    /// <summary>What a search asks of a vocabulary unit before it needs the unit itself.</summary>
    internal readonly record struct UnitTraits(UnitKind Kind, bool OpensCompound)
    {
        /// <summary>A unit the scorer may leave over and join with a neighbour: not a link, not an initial.</summary>
        public bool MayBeLeftOver => Kind is not (UnitKind.Link or UnitKind.Initial);
    }

    internal int PersonOf(int name) => names.Person[name];

    /// <summary>How many units or candidates are read ahead at once: a few hundred fit the processor's caches.</summary>
    internal const int ReadAheadChunk = 256;

    /// <summary>
    /// Reads what a search reads first of each candidate (its person and unit ids, the person's attributes), all the
    /// candidates in two passes: each lies at its own place in tables of millions of entries, and met one candidate at
    /// a time, each read was a wait for memory; read together, the waits overlap. The returned sum makes the reading
    /// happen.
    /// </summary>
    internal int ReadAheadPersons(ReadOnlySpan<(int Name, double Bound)> candidates)
    {
        var sum = 0;
        foreach (var (name, _) in candidates)
        {
            sum += names.Person[name] + names.UnitIdsOf(name).Length;
        }

        foreach (var (name, _) in candidates)
        {
            sum += Attributes.ReadAhead(names.Person[name]) + (names.UnitIdsOf(name) is [var first, ..] ? first : 0);
        }

        return sum;
    }

    /// <summary>Reads the records of a candidate name's units, which filling its similarities reads; see <see cref="ReadAheadPersons"/>.</summary>
    internal int ReadAheadUnits(int name)
    {
        var sum = 0;
        foreach (var unit in names.UnitIdsOf(name))
        {
            sum += filed[unit].Unit + (int)traitsOf[unit].Kind;
        }

        return sum;
    }

    internal ListedPerson Person(int person) => personList[person];

    internal double TotalWeightOf(int name) => names.TotalWeight[name];

    /// <summary>Every indexed name, person by person; each record is made when read.</summary>
    public IReadOnlyList<IndexedName> Names { get; }

    internal int NameCount => names.Count;

    public IReadOnlyList<PreparedUnit> Vocabulary { get; }

    public NamePreparer Preparer { get; }

    public int KeyCount => vocabularyByKey.Count;

    /// <summary>The most units any listed name has.</summary>
    public int LongestName { get; }

    public static WatchListIndex Build(IEnumerable<ListedPerson> persons, NamePreparer? preparer = null) =>
        Build(persons, preparer, NeighboursComputedUpTo);

    /// <summary>
    /// <see cref="Build(IEnumerable{ListedPerson}, NamePreparer?)"/> with the vocabulary size above which the units
    /// are compared in the background rather than in the build.
    /// </summary>
    internal static WatchListIndex Build(IEnumerable<ListedPerson> persons, NamePreparer? preparer, int neighboursComputedUpTo)
    {
        preparer ??= new NamePreparer(TokenWeights.Default);
        var personList = persons.ToArray();
        var names = new NameTable.Builder();
        var vocabulary = new List<PreparedUnit>();
        var vocabularyIds = new Dictionary<NameUnit, int>();
        var keys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        var documents = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unitKeys = new HashSet<string>(StringComparer.Ordinal);
        var unitIds = new List<int>();

        for (var p = 0; p < personList.Length; p++)
        {
            var person = personList[p];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in person.Names)
            foreach (var form in ListedNameForms.Of(name.FullName))
            foreach (var reading in NameParser.Readings(form))
            {
                var prepared = preparer.Prepare(reading);
                if (prepared.Units.Count == 0 || !seen.Add(prepared.ToString()))
                {
                    continue;
                }

                unitIds.Clear();
                double weight = 0;
                foreach (var unit in prepared.Units)
                {
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

                    unitIds.Add(id);
                    weight += unit.Weight;
                    var posting = postings[id];
                    if (posting.Count == 0 || posting[^1] != names.Count)
                    {
                        posting.Add(names.Count);
                    }
                }

                names.Add(p, unitIds, prepared.Links, name, weight);
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
            names.ToTable(),
            vocabulary,
            keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal),
            postings,
            documents.ToDictionary(d => d.Key, d => d.Value.ToArray(), StringComparer.Ordinal),
            vocabularyIds,
            preparer,
            neighboursComputedUpTo);
    }

    /// <summary>
    /// Vocabulary units similar to <paramref name="unit"/>, with their similarity. A unit the lists themselves
    /// contain (most travelers' names do) was compared with its neighbours when the index was built.
    /// </summary>
    internal void SimilarUnits(PreparedUnit unit, SimilarUnitTable similar, int queryUnit, HashSet<string> keyBuffer)
    {
        SimilarByKeys(unit, similar, queryUnit, keyBuffer);
        AddAliasVariants(similar, queryUnit);
        AddNicknames(unit, similar, queryUnit);
    }

    /// <summary>
    /// A traveler's nickname brings the listed names it stands for, and a traveler's name the listed nicknames of it
    /// (Bob, Robert): their letters are too far apart for any key to find.
    /// </summary>
    private void AddNicknames(PreparedUnit unit, SimilarUnitTable similar, int queryUnit)
    {
        if (unit.Kind != UnitKind.Word || unit.Unit.HasArticle)
        {
            return;
        }

        var symbols = NameSymbols.Default;
        AddAsNicknames(symbols.NamesOfNickname(unit.Text), similar, queryUnit);
        AddAsNicknames(symbols.NicknamesOf(unit.Text), similar, queryUnit);
    }

    private void AddAsNicknames(IReadOnlyList<string> related, SimilarUnitTable similar, int queryUnit)
    {
        foreach (var name in related)
        {
            if (Known(new NameUnit(name, name, UnitKind.Word)) is { VocabularyId: >= 0 and var id } && similar.Get(queryUnit, id) < UnitSimilarity.Nickname)
            {
                similar.Set(queryUnit, id, UnitSimilarity.Nickname);
            }
        }
    }

    /// <summary>The number of spelling pairs learnt from the lists' alias clusters.</summary>
    public int LearntVariants => aliasVariants.Count;

    /// <summary>Whether the lists hold the unit itself.</summary>
    internal bool Holds(PreparedUnit unit) => (IndexedOf(unit) ?? Known(unit.Unit)) is { VocabularyId: >= 0 };

    /// <summary>The vocabulary units that are two others written as one, and those a listed name writes apart.</summary>
    internal CompoundUnits Compounds { get; }

    /// <summary>A unit the query matches (near) exactly brings the spellings the lists' aliases give for it.</summary>
    private void AddAliasVariants(SimilarUnitTable similar, int queryUnit)
    {
        if (aliasVariants.Count == 0)
        {
            return;
        }

        // Those alike enough are among the lists' spellings of the unit's name, a few of the hundreds of units met.
        List<int[]>? variantsOfSame = null;
        foreach (var id in similar.SameNameAs(queryUnit))
        {
            if (similar.Get(queryUnit, id) >= SameName && aliasVariants.TryGetValue(id, out var variants))
            {
                (variantsOfSame ??= []).Add(variants);
            }
        }

        if (variantsOfSame is null)
        {
            return;
        }

        foreach (var variants in variantsOfSame)
        {
            foreach (var variant in variants)
            {
                if (similar.Get(queryUnit, variant) < LearntVariant)
                {
                    similar.Set(queryUnit, variant, LearntVariant);
                }
            }
        }
    }

    private const double SameName = 0.97;
    private const double LearntVariant = 0.92;

    private void SimilarByKeys(PreparedUnit unit, SimilarUnitTable similar, int queryUnit, HashSet<string> keyBuffer)
    {
        // A unit the lists lack that no table knows is compared with its key neighbours, and what was found is kept
        // on the prepared unit: the preparer keeps the units of recent travelers (up to its bound), so a name that
        // recurs is compared once.
        var indexed = IndexedOf(unit);
        var noted = indexed is not null;
        indexed ??= Known(unit.Unit);
        if (indexed?.SimilarUnits is { } similarUnits)
        {
            Copy(similarUnits, similar, queryUnit);
        }
        else if (indexed is { VocabularyId: var known })
        {
            // A large vocabulary's units are compared in the background after the build; one a query meets before
            // then is compared here and kept. Two threads may compute the same entry at once; both results are
            // equal, either may be kept.
            var found = Volatile.Read(ref neighbours[known]);
            if (found is null)
            {
                found = NeighboursOf(Vocabulary[known], keyBuffer);
                Volatile.Write(ref neighbours[known], found);
            }

            Copy(found, similar, queryUnit);
        }
        else
        {
            indexed = new IndexedUnit(Identity, -1, NeighboursOf(unit, keyBuffer));
            Copy(indexed.SimilarUnits!, similar, queryUnit);
        }

        if (!noted)
        {
            unit.Indexed = indexed;
        }
    }

    private static void Copy(SimilarUnit[] found, SimilarUnitTable similar, int queryUnit)
    {
        foreach (var (id, similarity) in found)
        {
            similar.Set(queryUnit, id, similarity);
        }
    }

    /// <summary>What this index found for the unit before, when the unit says so.</summary>
    private IndexedUnit? IndexedOf(PreparedUnit unit) => unit.Indexed is { } indexed && indexed.Index == Identity ? indexed : null;

    /// <summary>What the index knows of a unit by its name: a unit of the lists, or a dictionary spelling compared (so far).</summary>
    private IndexedUnit? Known(NameUnit unit) => Volatile.Read(ref knownUnits).GetValueOrDefault(unit);

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
                ComputeNeighboursOf(id, keyBuffer);

                return keyBuffer;
            },
            _ => { });

    /// <summary>
    /// The known units with these spellings added, each with its similar list units. The attested spellings are done
    /// in the build, on all cores: about a quarter of the new units the dev queries bring are among them. The
    /// spellings seen once would cover a third more but cost the build three times as much, and are done after it,
    /// on one thread only, so that the other core is left to the queries that arrive meanwhile.
    /// </summary>
    private Dictionary<NameUnit, IndexedUnit> WithNeighboursOf(List<NameUnit> spellings, bool parallel)
    {
        var found = new SimilarUnit[spellings.Count][];
        Parallel.For(
            0,
            spellings.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallel ? -1 : 1 },
            () => new HashSet<string>(StringComparer.Ordinal),
            (i, _, keyBuffer) =>
            {
                found[i] = NeighboursOf(Preparer.PrepareUnremembered(spellings[i]), keyBuffer);
                return keyBuffer;
            },
            _ => { });
        var known = new Dictionary<NameUnit, IndexedUnit>(knownUnits);
        for (var i = 0; i < spellings.Count; i++)
        {
            known.Add(spellings[i], new IndexedUnit(Identity, -1, found[i]));
        }

        return known;
    }

    /// <summary>The similar list units kept for a dictionary spelling the lists lack, or null when none are kept (yet).</summary>
    internal SimilarUnit[]? KeptForSpelling(NameUnit unit) => Known(unit)?.SimilarUnits;

    /// <summary>The similar list units of a unit as a query meets it for the first time: compared with its key neighbours.</summary>
    internal SimilarUnit[] ComparedWithKeyNeighbours(PreparedUnit unit) =>
        NeighboursOf(unit, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>
    /// For an index too large to compare its units in the build (two threads took about a minute for a million
    /// identities, against 16 s for the rest): the dictionary spellings travelers often carry, then the list units,
    /// those most names hold first, then the other dictionary spellings, on one thread so that the other core is
    /// left to the queries. The work holds the index until it is done: an index replaced by a newer list before
    /// then is freed a few minutes late.
    /// </summary>
    private void ComputeInBackground()
    {
        Volatile.Write(ref knownUnits, WithNeighboursOf(DictionarySpellings(attested: true), parallel: false));
        var keyBuffer = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in UnitsMostHeldFirst())
        {
            if (Volatile.Read(ref neighbours[id]) is null)
            {
                ComputeNeighboursOf(id, keyBuffer);
            }
        }

        ComputeLaterDictionarySpellings();
    }

    private void ComputeNeighboursOf(int id, HashSet<string> keyBuffer)
    {
        if (Vocabulary[id].Kind != UnitKind.Link)
        {
            Volatile.Write(ref neighbours[id], NeighboursOf(Vocabulary[id], keyBuffer));
        }
    }

    /// <summary>The similar units computed so far for a list unit (all of them once <see cref="SimilarUnitsReady"/>), or null.</summary>
    internal SimilarUnit[]? NeighboursComputed(int unit) => Volatile.Read(ref neighbours[unit]);

    private int[] UnitsMostHeldFirst()
    {
        var order = Enumerable.Range(0, Vocabulary.Count).ToArray();
        // Negated counts of holders: sorted ascending, the most held unit comes first.
        var held = Array.ConvertAll(order, unit => holdingOf[unit].Start - holdingOf[unit].End);
        Array.Sort(held, order);
        return order;
    }

    private void ComputeLaterDictionarySpellings() =>
        Volatile.Write(ref knownUnits, WithNeighboursOf(DictionarySpellings(attested: false), parallel: false));

    /// <summary>
    /// The one-unit Latin spellings of the variant dictionary that the lists lack: those it attests (seen at least
    /// twice), or the others.
    /// </summary>
    private List<NameUnit> DictionarySpellings(bool attested)
    {
        var units = new List<NameUnit>();
        var seen = new HashSet<NameUnit>();
        foreach (var spelling in ArabicLatinSpellings.All)
        {
            if (spelling.Count >= ArabicLatinSpellings.MinimumCount == attested
                && NameParser.Parse(spelling.Latin).Units is [{ Kind: not UnitKind.Link } unit]
                && !knownUnits.ContainsKey(unit)
                && seen.Add(unit))
            {
                units.Add(unit);
            }
        }

        return units;
    }

    private SimilarUnit[] NeighboursOf(PreparedUnit unit, HashSet<string> keyBuffer)
    {
        // A unit is filed under several keys, and a neighbour under several of the same ones: each passes once. The
        // counts are judged first: they are read in one sweep, while the record of units met is read at random places,
        // which on a large vocabulary (a megabyte for a million identities) is a wait for memory; most units fail.
        var visits = UnitVisits.For(this);
        visits.Start();
        var passed = visits.Passed;
        passed.Clear();
        keyBuffer.Clear();
        CandidateKeys.ForQuery(unit, keyBuffer);
        var notRuledOut = visits.NotRuledOut;
        var lanes = FiledUnderKey.LanesFor(unit.Sketch);
        foreach (var key in keyBuffer)
        {
            if (vocabularyByKey.TryGetValue(key, out var underKey))
            {
                notRuledOut.Clear();
                underKey.AddNotRuledOut(unit.Sketch, lanes, filed, sketches, notRuledOut);
                foreach (var listed in notRuledOut)
                {
                    if (visits.First(listed))
                    {
                        passed.Add(listed);
                    }
                }
            }
        }

        // The units left are scattered over the heap, each a record, its strings, its sketch (three cache lines inside
        // the record) and its dictionary entry: reading each part a comparison reads, for a chunk of them first, lets
        // the processor fetch them side by side instead of waiting for each in the middle of a comparison. A chunk,
        // not all: where a common unit lets thousands through, the first read would leave the caches before use.
        var found = new List<SimilarUnit>();
        var letters = 0;
        for (var chunk = 0; chunk < passed.Count; chunk += ReadAheadChunk)
        {
            var end = Math.Min(passed.Count, chunk + ReadAheadChunk);
            for (var k = chunk; k < end; k++)
            {
                var listed = vocabularyUnits[passed[k]];
                letters += listed.Phonetic.Length + listed.Text.Length + listed.Unit.Core.Length + (listed.Variants?.Length ?? 0)
                    + UnitSketch.PhoneticOf(listed.Sketch).Length + UnitSketch.TextOf(listed.Sketch).Length + UnitSketch.CoreOf(listed.Sketch).Length;
            }

            for (var k = chunk; k < end; k++)
            {
                if (UnitSimilarity.OfNotRuledOut(unit, vocabularyUnits[passed[k]]) is var similarity and > 0)
                {
                    found.Add(new SimilarUnit(passed[k], similarity));
                }
            }
        }

        visits.LettersRead = letters;
        return found.ToArray();
    }

    /// <summary>Which vocabulary units one neighbour search has judged, kept per thread and index.</summary>
    private sealed class UnitVisits(WatchListIndex index)
    {
        /// <summary>Per vocabulary unit, the last search that met it.</summary>
        private readonly int[] visitedIn = new int[index.Vocabulary.Count];
        private int search;

        /// <summary>The units of one search that its sketches did not rule out, in the order met.</summary>
        public List<int> Passed { get; } = [];

        /// <summary>The units under one key that the counts did not rule out, met before or not.</summary>
        public List<int> NotRuledOut { get; } = [];

        /// <summary>What reading the passed units ahead of comparing them summed, kept so that the reading is done.</summary>
        public int LettersRead { get; set; }

        public static UnitVisits For(WatchListIndex index) => ScratchOfIndex<UnitVisits>.For(index, static i => new UnitVisits(i));

        public void Start()
        {
            if (++search == int.MaxValue)
            {
                Array.Clear(visitedIn);
                search = 1;
            }
        }

        /// <summary>True the first time the search meets <paramref name="unit"/>.</summary>
        public bool First(int unit)
        {
            if (visitedIn[unit] == search)
            {
                return false;
            }

            visitedIn[unit] = search;
            return true;
        }
    }

    /// <summary>A vocabulary unit's counts as filed under its keys.</summary>
    internal ref readonly FiledUnit FiledOf(int unitId) => ref filed[unitId];

    /// <summary>
    /// False when <see cref="UnitSimilarity.Of"/> of a unit and a vocabulary unit surely gives 0, judged from the
    /// vocabulary unit's filed counts and, where they cannot tell, its sketch, read from the index's arrays: most pairs
    /// end there, without reaching the vocabulary unit's record.
    /// </summary>
    internal bool MayBeAlike(in UnitSketch sketch, int unitId) =>
        !UnitSketch.RulesOut(sketch, filed[unitId], out var askSketch) && !(askSketch && UnitSketch.RulesOut(sketch, sketches[unitId]));

    /// <summary><see cref="UnitSimilarity.Of"/> of a unit and a vocabulary unit that <see cref="MayBeAlike"/> did not rule out.</summary>
    internal double SimilarityOfAlike(PreparedUnit unit, int unitId) => UnitSimilarity.OfNotRuledOut(unit, vocabularyUnits[unitId]);

    /// <summary>Every unit's holders back to back, each unit's in index order; a unit's are at <see cref="HoldersRange"/>.</summary>
    internal ReadOnlySpan<Holder> AllHolders => holders;

    /// <summary>Where <see cref="AllHolders"/> keeps the names holding <paramref name="unitId"/>: from Start up to End.</summary>
    internal (int Start, int End) HoldersRange(int unitId) => (holdingOf[unitId].Start, holdingOf[unitId].End);

    internal double WeightOf(int unitId) => holdingOf[unitId].Weight;

    /// <summary>The holders of the units many names hold, arranged again by birth year.</summary>
    internal HoldersByBirthYear HoldersByYear { get; }

    /// <summary>
    /// Adds the ranges of <see cref="HoldersByBirthYear.Holders"/> that hold every holder of <paramref name="unitId"/>
    /// whose person's birth years <paramref name="year"/> may not contradict; false, adding none, for a unit held by
    /// too few names to be arranged, whose holders are read at <see cref="HoldersRange"/>.
    /// </summary>
    internal bool HoldersNotContradicting(int unitId, int year, List<(int Start, int End)> ranges)
    {
        if (holdingOf[unitId].Arrangement < 0)
        {
            return false;
        }

        HoldersByYear.RangesFor(holdingOf[unitId].Arrangement, year, ranges);
        return true;
    }

    /// <summary>
    /// Reads what finding the holders of <paramref name="units"/> reads (<see cref="HoldersRange"/>, and with
    /// <paramref name="arranged"/> <see cref="HoldersNotContradicting"/>), returning a sum so that the reading is done.
    /// </summary>
    internal int ReadAheadHoldings(List<int> units, bool arranged)
    {
        var sum = 0;
        foreach (var unit in units)
        {
            sum += holdingOf[unit].Start;
        }

        if (arranged)
        {
            foreach (var unit in units)
            {
                sum += holdingOf[unit].Arrangement is var arrangement and >= 0 ? HoldersByYear.ReadAhead(arrangement) : 0;
            }
        }

        return sum;
    }

    /// <summary>
    /// Where a vocabulary unit's holders are in <see cref="AllHolders"/>, the unit's weight, and its number in
    /// <see cref="HoldersByYear"/> (-1 when it is not arranged).
    /// </summary>
    private readonly record struct UnitHolding(int Start, int End, double Weight, int Arrangement);

    /// <summary>The indexed names of one listed person (names are stored person by person, so they form a range).</summary>
    internal IEnumerable<int> NamesOf(int person)
    {
        var start = firstNameOfPerson[person];
        var end = person + 1 < firstNameOfPerson.Length ? firstNameOfPerson[person + 1] : names.Count;
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

/// <summary>
/// The indexed names as parallel arrays (see <see cref="WatchListIndex"/>). Names are added person by person, so a
/// person's names form one range.
/// </summary>
internal sealed class NameTable
{
    private readonly int[] unitStart;
    private readonly int[] unitIds;

    /// <summary>Genealogical links, for the few names that have any.</summary>
    private readonly Dictionary<int, (int Son, int Father)[]> links;

    private NameTable(int[] unitStart, int[] unitIds, int[] person, ListedName[] listed, double[] totalWeight, Dictionary<int, (int, int)[]> links)
    {
        this.unitStart = unitStart;
        this.unitIds = unitIds;
        Person = person;
        Listed = listed;
        TotalWeight = totalWeight;
        this.links = links;
    }

    public int Count => Person.Length;

    public int[] Person { get; }

    public ListedName[] Listed { get; }

    public double[] TotalWeight { get; }

    public ReadOnlySpan<int> UnitIdsOf(int name) => unitIds.AsSpan(unitStart[name], unitStart[name + 1] - unitStart[name]);

    public IReadOnlyList<(int Son, int Father)> LinksOf(int name) => links.TryGetValue(name, out var found) ? found : [];

    public sealed class Builder
    {
        private readonly List<int> unitStart = [0];
        private readonly List<int> unitIds = [];
        private readonly List<int> person = [];
        private readonly List<ListedName> listed = [];
        private readonly List<double> totalWeight = [];
        private readonly Dictionary<int, (int, int)[]> links = [];

        public int Count => person.Count;

        public void Add(int personIndex, List<int> ids, IReadOnlyList<(int Son, int Father)> nameLinks, ListedName name, double weight)
        {
            if (nameLinks.Count > 0)
            {
                links.Add(Count, [.. nameLinks]);
            }

            unitIds.AddRange(ids);
            unitStart.Add(unitIds.Count);
            person.Add(personIndex);
            listed.Add(name);
            totalWeight.Add(weight);
        }

        public NameTable ToTable() =>
            new([.. unitStart], [.. unitIds], [.. person], [.. listed], [.. totalWeight], links);
    }
}

/// <summary>The indexed names as records, each made when it is read: for callers outside the query's inner loops.</summary>
internal sealed class NameView(WatchListIndex index) : IReadOnlyList<IndexedName>
{
    public int Count => index.NameCount;

    public IndexedName this[int name] => (uint)name < (uint)Count ? index.Name(name) : throw new ArgumentOutOfRangeException(nameof(name));

    public IEnumerator<IndexedName> GetEnumerator()
    {
        for (var name = 0; name < Count; name++)
        {
            yield return index.Name(name);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
