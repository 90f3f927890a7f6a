using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Screening.Matching;
using Vigil.Screening.Names;
using Vigil.Screening.Watchlists;
using Vigil.Travel.Model;

namespace Vigil.Data.Identity;

/// <summary>A stored traveler as identity resolution compares them.</summary>
internal sealed record IdentityCandidate(
    long TravelerId,
    long FlightId,
    TravelerSource Source,
    string? Surname,
    string? GivenNames,
    DateOnly? DateOfBirth,
    string? Nationality,
    string? RecordLocator,
    IReadOnlyList<DocumentKey> Documents)
{
    private string? nameKey;
    private bool keyed;

    /// <summary>Given names and surname, as resolution scores them (once per candidate: it compares a name many times).</summary>
    public string Name { get; } = string.Join(' ', new[] { GivenNames, Surname }.Where(n => !string.IsNullOrWhiteSpace(n)));

    /// <summary>The traveler's <see cref="PersonNameKey"/>, worked out once: resolution asks for it several times.</summary>
    public string? NameKey
    {
        get
        {
            if (!keyed)
            {
                nameKey = PersonNameKey.Of(DateOfBirth, Surname);
                keyed = true;
            }

            return nameKey;
        }
    }

    /// <param name="evidence">What was gathered for the batch: the traveler's name key and documents are taken from it.</param>
    public static IdentityCandidate From(long travelerId, long flightId, TravelerSource source, Traveler traveler, string? recordLocator, IdentityEvidence evidence)
    {
        var candidate = new IdentityCandidate(
            travelerId,
            flightId,
            source,
            traveler.Surname,
            traveler.GivenNames,
            traveler.DateOfBirth,
            traveler.Nationality,
            traveler.RecordLocator ?? recordLocator,
            evidence.DocumentsOf.GetValueOrDefault(traveler) ?? DocumentsOf(traveler));
        if (evidence.NameKeyOf.TryGetValue(traveler, out var key))
        {
            (candidate.nameKey, candidate.keyed) = (key, true);
        }

        return candidate;
    }

    public static IReadOnlyList<DocumentKey> DocumentsOf(Traveler traveler) =>
        [.. traveler.Documents.Where(d => !string.IsNullOrWhiteSpace(d.Number)).Select(d => new DocumentKey(ListedDocument.Normalize(d.Number!), d.IssuingCountry))];
}

/// <summary>
/// What the store held, before a batch is written, about the batch's travelers: the linked travelers who carried their
/// document numbers, and the persons with their birth date and surname key — with each traveler's key and documents
/// worked out once. It is gathered on another thread and connection while the batch's rows are written: the batch
/// adds no persons and no links before identity runs, so the store's last commit is what the write transaction would
/// read itself.
/// </summary>
internal sealed class IdentityEvidence
{
    private IdentityEvidence()
    {
    }

    public Dictionary<Traveler, string?> NameKeyOf { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<Traveler, IReadOnlyList<DocumentKey>> DocumentsOf { get; } = new(ReferenceEqualityComparer.Instance);

    public List<DocumentHolder> Documents { get; private set; } = [];

    public List<KeyedPerson> Persons { get; private set; } = [];

    /// <summary>Reads the evidence for <paramref name="travelers"/> from what <paramref name="store"/> has committed, on a context of its own.</summary>
    public static async Task<IdentityEvidence> GatherAsync(IEnumerable<Traveler> travelers, VigilStore store, CancellationToken cancellationToken)
    {
        var evidence = new IdentityEvidence();
        foreach (var traveler in travelers)
        {
            evidence.NameKeyOf.TryAdd(traveler, PersonNameKey.Of(traveler.DateOfBirth, traveler.Surname));
            evidence.DocumentsOf.TryAdd(traveler, IdentityCandidate.DocumentsOf(traveler));
        }

        var numbers = evidence.DocumentsOf.Values.SelectMany(d => d).Select(d => d.Number).Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
        var keys = evidence.NameKeyOf.Values.OfType<string>().Distinct().ToList();
        var dates = evidence.NameKeyOf.Keys.Where(t => t.DateOfBirth is not null).Select(t => t.DateOfBirth).Distinct().ToList();
        if (numbers.Count > 0 || dates.Count > 0)
        {
            await store.ReadAsync(async db =>
            {
                evidence.Documents = numbers.Count > 0 ? await LinkedTravelersWithDocumentsAsync(db, numbers, cancellationToken) : [];
                evidence.Persons = dates.Count > 0 ? await PersonsAsync(db, keys, dates, cancellationToken) : [];
                return true;
            });
        }

        return evidence;
    }

    private static Task<List<DocumentHolder>> LinkedTravelersWithDocumentsAsync(VigilDbContext db, List<string?> numbers, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking()
            .Where(d => numbers.Contains(d.NormalizedNumber))
            .Join(db.Travelers, d => d.TravelerId, t => t.Id, (d, t) => new { d.NormalizedNumber, d.IssuingCountry, d.TravelerId, t.FlightId, t.Source })
            .Join(db.PersonLinks, d => d.TravelerId, l => l.TravelerId, (d, l) => new DocumentHolder(d.NormalizedNumber, d.IssuingCountry, d.TravelerId, d.FlightId, d.Source, l.PersonId))
            .ToListAsync(cancellationToken);

    private static async Task<List<KeyedPerson>> PersonsAsync(VigilDbContext db, List<string> keys, List<DateOnly?> dates, CancellationToken cancellationToken)
    {
        var born = await db.Persons.AsNoTracking()
            .Where(p => p.NameKey != null && keys.Contains(p.NameKey))
            .Select(p => new KeyedPerson(p.Id, p.Surname, p.GivenNames, p.DateOfBirth, p.NameKey))
            .ToListAsync(cancellationToken);
        // Persons stored before name keys existed have none; they stay candidates by birth date alone.
        born.AddRange(await db.Persons.AsNoTracking()
            .Where(p => p.NameKey == null && dates.Contains(p.DateOfBirth))
            .Select(p => new KeyedPerson(p.Id, p.Surname, p.GivenNames, p.DateOfBirth, p.NameKey))
            .ToListAsync(cancellationToken));
        return born;
    }
}

/// <summary>A linked traveler holding a document, as identity reads it.</summary>
internal sealed record DocumentHolder(string? NormalizedNumber, string? IssuingCountry, long TravelerId, long FlightId, TravelerSource Source, long PersonId);

/// <summary>A stored person with a birth date, as identity reads it.</summary>
internal sealed record KeyedPerson(long Id, string? Surname, string? GivenNames, DateOnly? DateOfBirth, string? NameKey);

/// <summary>A document as identity compares it: the number reduced to A–Z and 0–9, and the issuing country.</summary>
internal sealed record DocumentKey(string? Number, string? IssuingCountry)
{
    /// <summary>Both numbers and both issuing countries are known and equal: a document alone never links on number only.</summary>
    public bool SameAs(DocumentKey other) =>
        !string.IsNullOrEmpty(Number) && Number == other.Number
        && !string.IsNullOrEmpty(IssuingCountry) && string.Equals(IssuingCountry, other.IssuingCountry, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{IssuingCountry} {Number}";
}

/// <summary>
/// A person a link points to: one already stored (its id is known), or one resolution planned for a traveler, whose
/// id is set when the store writes it. Every link to the same planned person holds the same object, so travelers of
/// one batch who are the same person end up on one row.
/// </summary>
internal sealed class PersonRef
{
    private PersonRef(long id) => Id = id;

    /// <summary>The stored person's id; 0 while a planned person is not written yet.</summary>
    public long Id { get; set; }

    /// <summary>True for a person resolution made for a traveler nobody matched.</summary>
    public bool IsPlanned { get; private init; }

    public static PersonRef Stored(long id) => new(id);

    public static PersonRef Planned() => new(0) { IsPlanned = true };
}

/// <summary>What resolution decided for one traveler: the person to join (a planned one when nobody matched) and why.</summary>
internal sealed record PlannedLink(IdentityCandidate Traveler, PersonRef Person, LinkReason Reason, string Detail, double? Score);

/// <summary>The links already stored for the travelers, and the links still to be written.</summary>
internal sealed record IdentityResolution(IReadOnlyDictionary<long, long> Known, IReadOnlyList<PlannedLink> Links)
{
    /// <summary>Each traveler's person id; call it once the links are written, so that planned persons have their ids.</summary>
    public Dictionary<long, long> PersonOf()
    {
        var personOf = new Dictionary<long, long>(Known);
        foreach (var link in Links)
        {
            personOf.TryAdd(link.Traveler.TravelerId, link.Person.Id);
        }

        return personOf;
    }

    /// <summary>
    /// The persons that may have other trips or hits: those stored before, and those planned here for more than one
    /// traveler. A person made for a single traveler has no other trip, so nobody needs to look its history up.
    /// </summary>
    public HashSet<long> WithHistory()
    {
        var persons = new HashSet<long>(Known.Values);
        foreach (var link in Links)
        {
            if (!link.Person.IsPlanned)
            {
                persons.Add(link.Person.Id);
            }
        }

        foreach (var planned in Links.Where(l => l.Person.IsPlanned).GroupBy(l => l.Person).Where(g => g.Count() > 1))
        {
            persons.Add(planned.Key.Id);
        }

        return persons;
    }
}

/// <summary>
/// Decides which person each newly stored traveler is. On the same flight a traveler reported by the other kind of
/// message (API against PNR) is the same person when they share a document, or a record locator and a strictly
/// matching name, or a strictly matching name and the same date of birth. Across flights a traveler joins a person
/// with the same document number and issuing country, otherwise one with the same birth date and surname key
/// (<see cref="PersonNameKey"/>) whose name matches strictly — scored by the screening name scorer both
/// ways, never by string equality. Anyone else is a new person. Travelers are decided in order and each decision is
/// visible to the next, so the same person twice in one batch is one person. Reads are batched, a few queries whatever
/// the number of travelers: the documents and persons are gathered beforehand (<see cref="IdentityEvidence"/>), the
/// travelers of the batch's flights on the caller's connection so that they include the batch's own uncommitted rows.
/// </summary>
internal sealed class IdentityResolver
{
    /// <summary>
    /// The name score both ways that links two travelers: far above the screening alert threshold, because a wrong
    /// link merges two people's travel histories, while a missed link only leaves two persons that an analyst can join.
    /// </summary>
    public const double StrictNameScore = 0.92;

    private readonly NamePreparer preparer = new(TokenWeights.Default);

    /// <param name="evidence">What the store held about the travelers' documents and persons (see <see cref="IdentityEvidence"/>).</param>
    public async Task<IdentityResolution> ResolveAsync(VigilDbContext db, IReadOnlyList<IdentityCandidate> travelers, IdentityEvidence evidence, CancellationToken cancellationToken)
    {
        if (travelers.Count == 0)
        {
            return new IdentityResolution(new Dictionary<long, long>(), []);
        }

        var ids = travelers.Select(t => t.TravelerId).ToList();
        var known = await db.PersonLinks.AsNoTracking().Where(l => ids.Contains(l.TravelerId)).ToDictionaryAsync(l => l.TravelerId, l => l.PersonId, cancellationToken);
        var open = travelers.Where(t => !known.ContainsKey(t.TravelerId)).DistinctBy(t => t.TravelerId).ToList();
        if (open.Count == 0)
        {
            return new IdentityResolution(known, []);
        }

        var book = new LinkedTravelers(preparer);
        await book.LoadAsync(db, open, evidence, cancellationToken);
        var links = new List<PlannedLink>(open.Count);
        foreach (var traveler in open)
        {
            var link = book.OnSameFlight(traveler) ?? book.ByDocument(traveler) ?? book.ByNameAndBirth(traveler)
                ?? new PlannedLink(traveler, PersonRef.Planned(), LinkReason.NewPerson, "no earlier traveler matched by document, record locator or name and date of birth", null);
            links.Add(link);
            book.Add(link);
        }

        return new IdentityResolution(known, links);
    }

    /// <summary>The lower of the two directions' name scores: the scorer weighs the query's units, so one way alone can flatter.</summary>
    private static double NameScore(PreparedName? left, PreparedName? right) =>
        left is null || right is null || left.Units.Count == 0 || right.Units.Count == 0
            ? 0
            : Math.Min(NameScorer.Score(left, right).Score, NameScorer.Score(right, left).Score);

    /// <summary>
    /// The travelers and persons a batch's travelers can join, indexed the ways resolution asks: by flight, by document
    /// number, and by birth date with surname key. It starts with what the store holds and grows with every decision.
    /// </summary>
    private sealed class LinkedTravelers(NamePreparer preparer)
    {
        private readonly Dictionary<long, List<Linked>> byFlight = [];
        private readonly Dictionary<string, List<LinkedDocument>> byDocument = new(StringComparer.Ordinal);
        private readonly Dictionary<(DateOnly Born, string? Key), List<BornPerson>> byBirth = [];
        private readonly Dictionary<string, PreparedName?> prepared = new(StringComparer.Ordinal);

        public async Task LoadAsync(VigilDbContext db, List<IdentityCandidate> open, IdentityEvidence evidence, CancellationToken cancellationToken)
        {
            var flights = open.Select(t => t.FlightId).Distinct().ToList();
            var sameFlight = await db.Travelers.AsNoTracking()
                .Where(t => flights.Contains(t.FlightId))
                .Join(db.PersonLinks, t => t.Id, l => l.TravelerId, (t, l) => new
                {
                    t.Id,
                    t.FlightId,
                    t.Source,
                    t.Surname,
                    t.GivenNames,
                    t.DateOfBirth,
                    t.Nationality,
                    t.RecordLocator,
                    l.PersonId,
                    Documents = t.Documents.Select(d => new DocumentKey(d.NormalizedNumber, d.IssuingCountry)).ToList(),
                })
                .ToListAsync(cancellationToken);
            var persons = new Dictionary<long, PersonRef>();
            PersonRef Person(long id) => persons.TryGetValue(id, out var person) ? person : persons[id] = PersonRef.Stored(id);
            foreach (var r in sameFlight)
            {
                AddOnFlight(new IdentityCandidate(r.Id, r.FlightId, r.Source, r.Surname, r.GivenNames, r.DateOfBirth, r.Nationality, r.RecordLocator, r.Documents), Person(r.PersonId));
            }

            foreach (var d in evidence.Documents)
            {
                AddDocument(new LinkedDocument(new DocumentKey(d.NormalizedNumber, d.IssuingCountry), d.TravelerId, d.FlightId, d.Source, Person(d.PersonId)));
            }

            foreach (var p in evidence.Persons)
            {
                AddBorn(p.DateOfBirth!.Value, p.NameKey, new BornPerson(Person(p.Id), JoinName(p.GivenNames, p.Surname)));
            }
        }

        /// <summary>Makes the decision visible to the travelers after it.</summary>
        public void Add(PlannedLink link)
        {
            var traveler = link.Traveler;
            AddOnFlight(traveler, link.Person);
            foreach (var document in traveler.Documents)
            {
                AddDocument(new LinkedDocument(document, traveler.TravelerId, traveler.FlightId, traveler.Source, link.Person));
            }

            if (link.Reason == LinkReason.NewPerson && traveler.DateOfBirth is { } born)
            {
                AddBorn(born, traveler.NameKey, new BornPerson(link.Person, traveler.Name));
            }
        }

        public PlannedLink? OnSameFlight(IdentityCandidate traveler)
        {
            foreach (var document in traveler.Documents)
            {
                var same = (byDocument.GetValueOrDefault(document.Number ?? "") ?? [])
                    .Find(d => d.FlightId == traveler.FlightId && d.Source != traveler.Source && document.SameAs(d.Document));
                if (same is not null)
                {
                    return new PlannedLink(traveler, same.Person, LinkReason.Document,
                        $"same document {document} as {same.Source} traveler {same.TravelerId} on this flight", 1);
                }
            }

            foreach (var other in byFlight.GetValueOrDefault(traveler.FlightId) ?? [])
            {
                var candidate = other.Candidate;
                if (candidate.Source == traveler.Source || BirthDatesDiffer(traveler, candidate))
                {
                    continue;
                }

                var sameLocator = traveler.RecordLocator is { Length: > 0 } locator && string.Equals(locator, candidate.RecordLocator, StringComparison.OrdinalIgnoreCase);
                var sameBirth = traveler.DateOfBirth is not null && traveler.DateOfBirth == candidate.DateOfBirth;
                if (!sameLocator && !sameBirth)
                {
                    continue;
                }

                var score = NameScore(Prepared(traveler.Name), Prepared(candidate.Name));
                if (score >= StrictNameScore)
                {
                    return sameLocator
                        ? new PlannedLink(traveler, other.Person, LinkReason.RecordLocator,
                            $"record locator {traveler.RecordLocator} and name {score:0.00} agree with {candidate.Source} traveler {candidate.TravelerId} on this flight", score)
                        : new PlannedLink(traveler, other.Person, LinkReason.NameAndBirthDate,
                            $"name {score:0.00} and date of birth {traveler.DateOfBirth:yyyy-MM-dd} agree with {candidate.Source} traveler {candidate.TravelerId} on this flight", score);
                }
            }

            return null;
        }

        public PlannedLink? ByDocument(IdentityCandidate traveler)
        {
            foreach (var document in traveler.Documents)
            {
                var found = (byDocument.GetValueOrDefault(document.Number ?? "") ?? []).Find(d => document.SameAs(d.Document) && d.TravelerId != traveler.TravelerId);
                if (found is not null)
                {
                    return new PlannedLink(traveler, found.Person, LinkReason.Document, $"same document {document} as traveler {found.TravelerId}", 1);
                }
            }

            return null;
        }

        public PlannedLink? ByNameAndBirth(IdentityCandidate traveler)
        {
            if (traveler.DateOfBirth is not { } born)
            {
                return null;
            }

            var candidates = (byBirth.GetValueOrDefault((born, traveler.NameKey)) ?? []).Concat(byBirth.GetValueOrDefault((born, null)) ?? []);
            var best = (Person: (BornPerson?)null, Score: 0.0);
            foreach (var person in candidates)
            {
                var score = NameScore(Prepared(traveler.Name), Prepared(person.Name));
                if (score >= StrictNameScore && score > best.Score)
                {
                    best = (person, score);
                }
            }

            return best.Person is { } match
                ? new PlannedLink(traveler, match.Person, LinkReason.NameAndBirthDate,
                    match.Person.Id == 0
                        ? $"name {best.Score:0.00} and date of birth {born:yyyy-MM-dd} agree with a traveler received with this one"
                        : $"name {best.Score:0.00} and date of birth {born:yyyy-MM-dd} agree with person {match.Person.Id}",
                    best.Score)
                : null;
        }

        private static string JoinName(string? givenNames, string? surname) =>
            string.Join(' ', new[] { givenNames, surname }.Where(n => !string.IsNullOrWhiteSpace(n)));

        private static bool BirthDatesDiffer(IdentityCandidate a, IdentityCandidate b) =>
            a.DateOfBirth is { } x && b.DateOfBirth is { } y && x != y;

        private PreparedName? Prepared(string name)
        {
            if (!prepared.TryGetValue(name, out var found))
            {
                found = prepared[name] = name.Length == 0 ? null : preparer.Prepare(name);
            }

            return found;
        }

        private void AddOnFlight(IdentityCandidate traveler, PersonRef person)
        {
            if (!byFlight.TryGetValue(traveler.FlightId, out var onFlight))
            {
                byFlight[traveler.FlightId] = onFlight = [];
            }

            onFlight.Add(new Linked(traveler, person));
        }

        private void AddDocument(LinkedDocument document)
        {
            if (string.IsNullOrEmpty(document.Document.Number))
            {
                return;
            }

            if (!byDocument.TryGetValue(document.Document.Number, out var same))
            {
                byDocument[document.Document.Number] = same = [];
            }

            same.Add(document);
        }

        private void AddBorn(DateOnly born, string? key, BornPerson person)
        {
            if (!byBirth.TryGetValue((born, key), out var same))
            {
                byBirth[(born, key)] = same = [];
            }

            same.Add(person);
        }
    }

    private sealed record Linked(IdentityCandidate Candidate, PersonRef Person);

    private sealed record LinkedDocument(DocumentKey Document, long TravelerId, long FlightId, TravelerSource Source, PersonRef Person);

    private sealed record BornPerson(PersonRef Person, string Name);
}

/// <summary>
/// The key a person is found by: the date of birth and the consonant skeleton (the matcher's candidate key, which
/// spellings of one name share: Abdullah and Abdallah, Qureshi and Qurashi) of the surname's words, articles and
/// particles left out, after the date (<c>yyyy-MM-dd skeleton</c>). Only persons with the traveler's key are scored,
/// so a birth date shared by thousands costs a handful of comparisons. A surname written with its article glued on
/// one side only (ELRACHID against EL RACHID) keys differently and is not linked by name; a document still links it.
/// </summary>
internal static class PersonNameKey
{
    private const int MaxLength = 64;

    public static string? Of(DateOnly? dateOfBirth, string? surname)
    {
        if (dateOfBirth is not { } born || string.IsNullOrWhiteSpace(surname))
        {
            return null;
        }

        var skeleton = string.Concat(NameParser.Parse(surname).Units
            .Where(u => u.Kind == UnitKind.Word)
            .Select(u => PhoneticForm.Skeleton(PhoneticForm.Of(u.Core))));
        if (skeleton.Length == 0)
        {
            return null;
        }

        var key = born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " " + skeleton;
        return key.Length > MaxLength ? key[..MaxLength] : key;
    }
}
