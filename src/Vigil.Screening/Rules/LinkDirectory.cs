using System.Text;
using Vigil.Travel.Model;

namespace Vigil.Screening.Rules;

/// <summary>The kind of identifier two people can share.</summary>
public enum LinkKind
{
    Phone,
    Email,
    Address,
    Card,
    FrequentFlyer,
    Agency,
}

/// <summary>Whom an identifier in the directory belongs to.</summary>
public enum LinkSourceKind
{
    /// <summary>A person on a watch list (the list entry's contacts, cards, accounts).</summary>
    WatchListed,

    /// <summary>A traveler whose hit an analyst confirmed.</summary>
    ConfirmedHit,
}

/// <summary>Who an identifier belongs to: the kind of source and its reference (list entry id, hit id).</summary>
public sealed record LinkSource(LinkSourceKind Kind, string Reference);

/// <summary>
/// The identifiers link terms compare against, filled by the service: contacts, cards, frequent-flyer accounts and
/// agencies of watch-listed persons and of travelers with confirmed hits, and the travelers of the current screening
/// that hit. Identifiers are kept normalised (phones as digits, e-mails case-folded, addresses as upper-case words)
/// so that the same identifier written two ways still links. Fill it, then hand it to screening; it is read
/// concurrently and must not change afterwards — build a new one and swap it.
/// </summary>
public sealed class LinkDirectory
{
    /// <summary>Phones are compared on their last digits so that a country prefix written or omitted still links.</summary>
    internal const int PhoneDigits = 9;

    public static LinkDirectory Empty { get; } = new();

    private readonly Dictionary<(LinkKind, string), List<LinkSource>> _identifiers = [];
    private readonly Dictionary<string, List<MarkedHit>> _hitTravelers = new(StringComparer.Ordinal);

    public int Count => _identifiers.Count;

    /// <summary>Records that <paramref name="value"/> (as written anywhere) belongs to <paramref name="source"/>.</summary>
    public LinkDirectory Add(LinkKind kind, string value, LinkSource source)
    {
        RefuseIfShared();
        if (Normalise(kind, value) is { } key)
        {
            AddNormalised(kind, key, source);
        }

        return this;
    }

    private void AddNormalised(LinkKind kind, string key, LinkSource source)
    {
        if (!_identifiers.TryGetValue((kind, key), out var sources))
        {
            _identifiers[(kind, key)] = sources = [];
        }

        sources.Add(source);
    }

    /// <summary>
    /// Records every identifier <paramref name="traveler"/> brings — their own contacts, address and frequent-flyer
    /// accounts, and their booking's contacts, cards and agency — as belonging to <paramref name="source"/>: the same
    /// identifiers a link term reads from a traveler being screened.
    /// </summary>
    public LinkDirectory AddTraveler(Traveler traveler, Booking? booking, LinkSource source)
    {
        ArgumentNullException.ThrowIfNull(traveler);
        RefuseIfShared();
        foreach (var kind in Enum.GetValues<LinkKind>())
        {
            foreach (var identifier in SubjectFacts.Identifiers(kind, traveler, booking, bookingLevel: true).Distinct())
            {
                AddNormalised(kind, identifier, source);
            }
        }

        return this;
    }

    /// <summary>
    /// Records that a traveler of <paramref name="booking"/> hit (check kind <c>watchlist</c> or <c>rule</c>, the hit's
    /// reference and status), so that link terms on their co-travelers can see it.
    /// </summary>
    public LinkDirectory MarkHit(Booking? booking, Traveler traveler, string kind, string reference, string status)
    {
        var key = TravelerKey(booking, traveler);
        if (!_hitTravelers.TryGetValue(key, out var hits))
        {
            _hitTravelers[key] = hits = [];
        }

        hits.Add(new MarkedHit(kind, reference, status));
        return this;
    }

    private void RefuseIfShared()
    {
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("The shared empty directory cannot be filled; create a new LinkDirectory.");
        }
    }

    internal IReadOnlyList<LinkSource> Sources(LinkKind kind, string normalised) =>
        _identifiers.TryGetValue((kind, normalised), out var sources) ? sources : [];

    internal IReadOnlyList<MarkedHit> HitsOf(Booking? booking, Traveler traveler) =>
        _hitTravelers.Count > 0 && _hitTravelers.TryGetValue(TravelerKey(booking, traveler), out var hits) ? hits : [];

    /// <summary>A traveler within a booking: record locator and the booking's traveler reference, or name and birth date without one.</summary>
    private static string TravelerKey(Booking? booking, Traveler traveler) =>
        $"{booking?.RecordLocator ?? traveler.RecordLocator}/{traveler.ReferenceNumber ?? $"{traveler.Surname}/{traveler.GivenNames}/{traveler.DateOfBirth:yyyy-MM-dd}"}";

    /// <summary>The comparable form of an identifier, or null when nothing comparable is left.</summary>
    internal static string? Normalise(LinkKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normalised = kind switch
        {
            LinkKind.Phone => LastDigits(value),
            // PNRs write the at sign of an e-mail as "//".
            LinkKind.Email => value.Trim().Replace("//", "@", StringComparison.Ordinal).ToUpperInvariant(),
            LinkKind.Card or LinkKind.FrequentFlyer => Words(value).Replace(" ", "", StringComparison.Ordinal),
            _ => Words(value),
        };
        return normalised.Length == 0 ? null : normalised;
    }

    internal static string? AddressKey(PostalAddress address) =>
        Normalise(LinkKind.Address, string.Join(' ', new[] { address.Street, address.PostalCode, address.City, address.Country }.Where(p => !string.IsNullOrWhiteSpace(p))));

    private static string LastDigits(string value)
    {
        var digits = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.Length > PhoneDigits ? digits.ToString(digits.Length - PhoneDigits, PhoneDigits) : digits.ToString();
    }

    /// <summary>Letters and digits upper-cased, every other run of characters one space: "12, Rue X" and "12 RUE X" agree.</summary>
    private static string Words(string value)
    {
        var words = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                words.Append(char.ToUpperInvariant(c));
            }
            else if (words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ');
            }
        }

        return words.ToString().TrimEnd();
    }
}

/// <summary>A hit marked on a traveler of the current screening.</summary>
internal sealed record MarkedHit(string Kind, string Reference, string Status);
