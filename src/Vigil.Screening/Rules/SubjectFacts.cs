using Vigil.Screening.Hits;
using Vigil.Travel.Model;

namespace Vigil.Screening.Rules;

/// <summary>Whom a link term looks for: a watch-listed person, a traveler with a confirmed hit, or a co-traveler who hit.</summary>
internal enum LinkWith
{
    WatchListed,
    ConfirmedHit,
    BookingHit,
}

/// <summary>One identifier the traveler shares, and whose it is.</summary>
internal sealed record LinkEvidence(string Identifier, string Source);

/// <summary>
/// One subject's facts in the shape compiled rules read them: numbers (dates as day numbers, flags as 0/1, NaN when
/// missing), upper-cased texts (null when missing) and sets of upper-cased texts, each at its field's slot. Built
/// once per subject and shared by every rule, so that a thousand rules cost a thousand delegate calls and not a
/// thousand walks over the booking.
/// </summary>
internal sealed class SubjectFacts
{
    private static readonly int LinkTargets = Enum.GetValues<LinkKind>().Length + 1;

    public readonly double[] Numbers = new double[RuleFields.NumberSlots];
    public readonly string?[] Texts = new string?[RuleFields.TextSlots];
    public readonly string[][] Sets = new string[RuleFields.SetSlots][];

    private readonly (double Day, string[] Countries)[] _trips;
    private readonly ScreeningSubject _subject;
    private readonly LinkDirectory _links;
    private readonly IReadOnlyList<LinkEvidence>?[] _linkCache = new IReadOnlyList<LinkEvidence>?[LinkTargets * 3];

    public SubjectFacts(ScreeningSubject subject, RuleEnvironment environment)
    {
        _subject = subject;
        _links = environment.Links;
        var source = new FactSource(subject, environment);
        ReferenceDay = source.DepartureDay.DayNumber;
        foreach (var field in RuleFields.All)
        {
            if (field.Number is { } number)
            {
                Numbers[field.Slot] = number(source);
            }
            else if (field.Text is { } text)
            {
                Texts[field.Slot] = Fold(text(source));
            }
            else if (field.Set is { } set)
            {
                Sets[field.Slot] = Fold(set(source));
            }
        }

        _trips = [.. subject.History
            .Where(t => t.Departure is not null)
            .Select(t => ((double)DateOnly.FromDateTime(t.Departure!.Value.UtcDateTime).DayNumber, Fold(t.Countries)))];
    }

    /// <summary>Day number of the departure day: what <c>withinDays</c> and history windows count from.</summary>
    public double ReferenceDay { get; }

    /// <summary>Earlier trips that departed in the <paramref name="days"/> days before the departure day.</summary>
    public double HistoryTrips(int days)
    {
        var count = 0;
        foreach (var (day, _) in _trips)
        {
            count += InWindow(day, days) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Countries touched by earlier trips in the <paramref name="days"/> days before the departure day.</summary>
    public string[] HistoryCountries(int days)
    {
        var countries = new List<string>();
        foreach (var (day, touched) in _trips)
        {
            if (InWindow(day, days))
            {
                countries.AddRange(touched);
            }
        }

        return [.. countries.Distinct()];
    }

    /// <summary>Identifiers of kind <paramref name="kind"/> (null: the booking itself) shared with someone <paramref name="with"/>.</summary>
    public IReadOnlyList<LinkEvidence> Links(LinkKind? kind, LinkWith with)
    {
        var index = (((int?)kind ?? LinkTargets - 1) * 3) + (int)with;
        return _linkCache[index] ??= FindLinks(kind, with);
    }

    public IReadOnlyList<LinkEvidence> Links(LinkTerm link)
    {
        var (kind, with) = Target(link);
        return Links(kind, with);
    }

    /// <summary>What a validated link term names: the identifier kind (null for the booking itself) and whom it looks for.</summary>
    internal static (LinkKind? Kind, LinkWith With) Target(LinkTerm link) =>
        (link.Link == "booking" ? null : Enum.Parse<LinkKind>(link.Link, ignoreCase: true), Enum.Parse<LinkWith>(link.With, ignoreCase: true));

    /// <summary>The field's value as an explanation shows it: number, ISO date, flag, text, or array of texts.</summary>
    public object? Value(RuleField field, int? days) => field switch
    {
        { Name: RuleFields.HistoryCountries } => HistoryCountries(days ?? 0),
        { Name: RuleFields.HistoryTrips } => HistoryTrips(days ?? 0),
        { Type: FieldType.Text } => Texts[field.Slot],
        { Type: FieldType.TextSet } => Sets[field.Slot],
        _ when double.IsNaN(Numbers[field.Slot]) => null,
        { Type: FieldType.Date } => DateOnly.FromDayNumber((int)Numbers[field.Slot]).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        { Type: FieldType.Flag } => Numbers[field.Slot] == 1,
        _ => Numbers[field.Slot],
    };

    internal static string? Fold(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static string[] Fold(IEnumerable<string?> values) => [.. values.Select(Fold).OfType<string>().Distinct()];

    private bool InWindow(double day, int days) => day < ReferenceDay && day >= ReferenceDay - days;

    private List<LinkEvidence> FindLinks(LinkKind? kind, LinkWith with)
    {
        var found = new List<LinkEvidence>();
        var traveler = _subject.Traveler;
        var booking = _subject.Booking;
        if (with == LinkWith.BookingHit || kind is null)
        {
            // Co-travelers share the booking's own contacts, card and agency by construction: only what each traveler
            // brought themselves can link them.
            var own = kind is { } k ? Identifiers(k, traveler, booking, bookingLevel: false).ToHashSet() : null;
            foreach (var other in _subject.CoTravelers)
            {
                foreach (var hit in _links.HitsOf(booking, other))
                {
                    if (with switch
                    {
                        LinkWith.WatchListed => hit.Kind == "watchlist",
                        LinkWith.ConfirmedHit => FactSource.IsConfirmed(hit.Status),
                        _ => true,
                    })
                    {
                        found.AddRange(own is null
                            ? [new LinkEvidence($"{other.Surname}/{other.GivenNames}", hit.Reference)]
                            : Identifiers(kind!.Value, other, booking, bookingLevel: false).Where(own.Contains).Select(i => new LinkEvidence(i, hit.Reference)));
                    }
                }
            }

            return found;
        }

        var wanted = with == LinkWith.WatchListed ? LinkSourceKind.WatchListed : LinkSourceKind.ConfirmedHit;
        foreach (var identifier in Identifiers(kind.Value, traveler, booking, bookingLevel: true).Distinct())
        {
            found.AddRange(_links.Sources(kind.Value, identifier).Where(s => s.Kind == wanted).Select(s => new LinkEvidence(identifier, s.Reference)));
        }

        return found;
    }

    /// <summary>The traveler's normalised identifiers of one kind; with <paramref name="bookingLevel"/>, the booking's too.</summary>
    internal static IEnumerable<string> Identifiers(LinkKind kind, Traveler traveler, Booking? booking, bool bookingLevel)
    {
        var written = kind switch
        {
            LinkKind.Phone => traveler.Contacts.Where(c => !IsEmail(c)).Select(c => c.Number)
                .Concat(bookingLevel && booking is not null ? booking.Contacts.Phones : []),
            LinkKind.Email => traveler.Contacts.Where(IsEmail).Select(c => c.Number)
                .Concat(bookingLevel && booking is not null ? booking.Contacts.Emails : []),
            LinkKind.Address => new[] { traveler.Address }.Concat(bookingLevel && booking is not null ? booking.Contacts.Addresses : [])
                .OfType<PostalAddress>().Select(LinkDirectory.AddressKey),
            LinkKind.Card => booking is null ? [] : booking.Payments
                .Where(p => bookingLevel ? p.TravelerReference is null || p.TravelerReference == traveler.ReferenceNumber : p.TravelerReference is not null && p.TravelerReference == traveler.ReferenceNumber)
                .Select(p => p.MaskedCardNumber),
            LinkKind.FrequentFlyer => traveler.FrequentFlyers.Select(f => $"{f.Carrier} {f.Number}"),
            _ => bookingLevel && booking?.Agency is { } agency ? [agency.OfficeId ?? $"{agency.System} {agency.Location} {agency.AgentId}"] : [],
        };
        return written.Select(w => kind == LinkKind.Address ? w : LinkDirectory.Normalise(kind, w)).OfType<string>();
    }

    private static bool IsEmail(Contact contact) => contact.Channel == "EM" || contact.Number.Contains('@', StringComparison.Ordinal);
}
