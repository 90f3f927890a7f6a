using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Screening.Matching;
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
    public string Name => string.Join(' ', new[] { GivenNames, Surname }.Where(n => !string.IsNullOrWhiteSpace(n)));

    public static IdentityCandidate From(long travelerId, long flightId, TravelerSource source, Traveler traveler, string? recordLocator) => new(
        travelerId,
        flightId,
        source,
        traveler.Surname,
        traveler.GivenNames,
        traveler.DateOfBirth,
        traveler.Nationality,
        traveler.RecordLocator ?? recordLocator,
        [.. traveler.Documents.Where(d => !string.IsNullOrWhiteSpace(d.Number)).Select(d => new DocumentKey(ListedDocument.Normalize(d.Number!), d.IssuingCountry))]);
}

/// <summary>A document as identity compares it: the number reduced to A–Z and 0–9, and the issuing country.</summary>
internal sealed record DocumentKey(string? Number, string? IssuingCountry)
{
    /// <summary>Both numbers and both issuing countries are known and equal: a document alone never links on number only.</summary>
    public bool SameAs(DocumentKey other) =>
        !string.IsNullOrEmpty(Number) && Number == other.Number
        && !string.IsNullOrEmpty(IssuingCountry) && string.Equals(IssuingCountry, other.IssuingCountry, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{IssuingCountry} {Number}";
}

/// <summary>What resolution decided for one traveler: the person to join (null: a new person) and why.</summary>
internal sealed record PlannedLink(IdentityCandidate Traveler, long? PersonId, LinkReason Reason, string Detail, double? Score);

/// <summary>The persons the travelers of a message belong to, and the links still to be written.</summary>
internal sealed record IdentityResolution(IReadOnlyDictionary<long, long> PersonOf, IReadOnlyList<PlannedLink> Links);

/// <summary>
/// Decides which person each newly stored traveler is. On the same flight a traveler reported by the other kind of
/// message (API against PNR) is the same person when they share a document, or a record locator and a strictly
/// matching name, or a strictly matching name and the same date of birth. Across flights a traveler joins a person
/// with the same document number and issuing country, otherwise one whose name matches strictly — scored by the
/// screening name scorer both ways, never by string equality — with the same full date of birth. Anyone else is a new
/// person. Reads are batched per message: a handful of queries whatever the number of travelers.
/// </summary>
internal sealed class IdentityResolver
{
    /// <summary>
    /// The name score both ways that links two travelers: far above the screening alert threshold, because a wrong
    /// link merges two people's travel histories, while a missed link only leaves two persons that an analyst can join.
    /// </summary>
    public const double StrictNameScore = 0.92;

    private readonly NamePreparer preparer = new(TokenWeights.Default);

    public async Task<IdentityResolution> ResolveAsync(VigilStore store, IReadOnlyList<IdentityCandidate> travelers, CancellationToken cancellationToken)
    {
        if (travelers.Count == 0)
        {
            return new IdentityResolution(new Dictionary<long, long>(), []);
        }

        var ids = travelers.Select(t => t.TravelerId).ToList();
        var known = await store.ReadAsync(db => db.PersonLinks.Where(l => ids.Contains(l.TravelerId)).ToDictionaryAsync(l => l.TravelerId, l => l.PersonId, cancellationToken));
        var open = travelers.Where(t => !known.ContainsKey(t.TravelerId)).ToList();
        if (open.Count == 0)
        {
            return new IdentityResolution(known, []);
        }

        var sameFlight = await SameFlightAsync(store, open, cancellationToken);
        var byDocument = await LinkedDocumentsAsync(store, open, cancellationToken);
        var byBirth = await PersonsBornAsync(store, open, cancellationToken);

        var personOf = new Dictionary<long, long>(known);
        var links = new List<PlannedLink>(open.Count);
        foreach (var traveler in open)
        {
            var link = OnSameFlight(traveler, sameFlight) ?? ByDocument(traveler, byDocument) ?? ByNameAndBirth(traveler, byBirth)
                ?? new PlannedLink(traveler, null, LinkReason.NewPerson, "no earlier traveler matched by document, record locator or name and date of birth", null);
            links.Add(link);
            if (link.PersonId is { } person)
            {
                personOf[traveler.TravelerId] = person;
            }
        }

        return new IdentityResolution(personOf, links);
    }

    /// <summary>The lower of the two directions' name scores: the scorer weighs the query's units, so one way alone can flatter.</summary>
    internal double NameScore(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var left = preparer.Prepare(a);
        var right = preparer.Prepare(b);
        return Math.Min(NameScorer.Score(left, right).Score, NameScorer.Score(right, left).Score);
    }

    private PlannedLink? OnSameFlight(IdentityCandidate traveler, List<LinkedTraveler> others)
    {
        foreach (var other in others)
        {
            if (other.Candidate.FlightId != traveler.FlightId || other.Candidate.Source == traveler.Source)
            {
                continue;
            }

            var document = traveler.Documents.FirstOrDefault(d => other.Candidate.Documents.Any(d.SameAs));
            if (document is not null)
            {
                return new PlannedLink(traveler, other.PersonId, LinkReason.Document,
                    $"same document {document} as {other.Candidate.Source} traveler {other.Candidate.TravelerId} on this flight", 1);
            }
        }

        foreach (var other in others)
        {
            if (other.Candidate.FlightId != traveler.FlightId || other.Candidate.Source == traveler.Source || BirthDatesDiffer(traveler, other.Candidate))
            {
                continue;
            }

            var sameLocator = traveler.RecordLocator is { Length: > 0 } locator && string.Equals(locator, other.Candidate.RecordLocator, StringComparison.OrdinalIgnoreCase);
            var sameBirth = traveler.DateOfBirth is not null && traveler.DateOfBirth == other.Candidate.DateOfBirth;
            if (!sameLocator && !sameBirth)
            {
                continue;
            }

            var score = NameScore(traveler.Name, other.Candidate.Name);
            if (score >= StrictNameScore)
            {
                return sameLocator
                    ? new PlannedLink(traveler, other.PersonId, LinkReason.RecordLocator,
                        $"record locator {traveler.RecordLocator} and name {score:0.00} agree with {other.Candidate.Source} traveler {other.Candidate.TravelerId} on this flight", score)
                    : new PlannedLink(traveler, other.PersonId, LinkReason.NameAndBirthDate,
                        $"name {score:0.00} and date of birth {traveler.DateOfBirth:yyyy-MM-dd} agree with {other.Candidate.Source} traveler {other.Candidate.TravelerId} on this flight", score);
            }
        }

        return null;
    }

    private static PlannedLink? ByDocument(IdentityCandidate traveler, List<LinkedDocument> documents)
    {
        foreach (var document in traveler.Documents)
        {
            var found = documents.FirstOrDefault(d => document.SameAs(d.Document) && d.TravelerId != traveler.TravelerId);
            if (found is not null)
            {
                return new PlannedLink(traveler, found.PersonId, LinkReason.Document, $"same document {document} as traveler {found.TravelerId}", 1);
            }
        }

        return null;
    }

    private PlannedLink? ByNameAndBirth(IdentityCandidate traveler, List<BornPerson> persons)
    {
        if (traveler.DateOfBirth is not { } born)
        {
            return null;
        }

        var best = (Person: (BornPerson?)null, Score: 0.0);
        foreach (var person in persons)
        {
            if (person.DateOfBirth != born)
            {
                continue;
            }

            var score = NameScore(traveler.Name, string.Join(' ', new[] { person.GivenNames, person.Surname }.Where(n => !string.IsNullOrWhiteSpace(n))));
            if (score >= StrictNameScore && score > best.Score)
            {
                best = (person, score);
            }
        }

        return best.Person is { } match
            ? new PlannedLink(traveler, match.Id, LinkReason.NameAndBirthDate, $"name {best.Score:0.00} and date of birth {born:yyyy-MM-dd} agree with person {match.Id}", best.Score)
            : null;
    }

    private static bool BirthDatesDiffer(IdentityCandidate a, IdentityCandidate b) =>
        a.DateOfBirth is { } x && b.DateOfBirth is { } y && x != y;

    private static Task<List<LinkedTraveler>> SameFlightAsync(VigilStore store, List<IdentityCandidate> open, CancellationToken cancellationToken)
    {
        var flights = open.Select(t => t.FlightId).Distinct().ToList();
        var sources = open.Select(t => t.Source).Distinct().ToList();
        return store.ReadAsync(async db =>
        {
            var rows = await db.Travelers.AsNoTracking()
                .Where(t => flights.Contains(t.FlightId) && !sources.Contains(t.Source))
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
            return rows.Select(r => new LinkedTraveler(
                new IdentityCandidate(r.Id, r.FlightId, r.Source, r.Surname, r.GivenNames, r.DateOfBirth, r.Nationality, r.RecordLocator, r.Documents),
                r.PersonId)).ToList();
        });
    }

    private static Task<List<LinkedDocument>> LinkedDocumentsAsync(VigilStore store, List<IdentityCandidate> open, CancellationToken cancellationToken)
    {
        var numbers = open.SelectMany(t => t.Documents).Select(d => d.Number).Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
        return numbers.Count == 0 ? Task.FromResult(new List<LinkedDocument>()) : store.ReadAsync(db => db.Documents.AsNoTracking()
            .Where(d => numbers.Contains(d.NormalizedNumber))
            .Join(db.PersonLinks, d => d.TravelerId, l => l.TravelerId, (d, l) => new LinkedDocument(new DocumentKey(d.NormalizedNumber, d.IssuingCountry), d.TravelerId, l.PersonId))
            .ToListAsync(cancellationToken));
    }

    private static Task<List<BornPerson>> PersonsBornAsync(VigilStore store, List<IdentityCandidate> open, CancellationToken cancellationToken)
    {
        var dates = open.Where(t => t.DateOfBirth is not null).Select(t => t.DateOfBirth).Distinct().ToList();
        return dates.Count == 0 ? Task.FromResult(new List<BornPerson>()) : store.ReadAsync(db => db.Persons.AsNoTracking()
            .Where(p => dates.Contains(p.DateOfBirth))
            .Select(p => new BornPerson(p.Id, p.Surname, p.GivenNames, p.DateOfBirth))
            .ToListAsync(cancellationToken));
    }

    private sealed record LinkedTraveler(IdentityCandidate Candidate, long PersonId);

    private sealed record LinkedDocument(DocumentKey Document, long TravelerId, long PersonId);

    private sealed record BornPerson(long Id, string? Surname, string? GivenNames, DateOnly? DateOfBirth);
}
