using Vigil.Edifact;
using Vigil.Travel.Model;

namespace Vigil.Travel.Synthetic;

/// <summary>
/// One synthetic PNRGOV push (one interchange, one message) and the bookings it was written from, so that a test
/// can compare them with what a parser reads.
/// </summary>
internal sealed record GeneratedPush(
    string FileName,
    byte[] Content,
    PushKind Kind,
    GeneratedFlight Flight,
    IReadOnlyList<GeneratedBooking> Bookings,
    int MessageSegmentCount,
    ServiceCharacters Service,
    bool WritesServiceStringAdvice)
{
    public IEnumerable<GeneratedPnrTraveler> Travelers => Bookings.SelectMany(b => b.Travelers);

    /// <summary>Sensitive codes placed anywhere in the push (one per SSR segment written).</summary>
    public int SensitivePlacements => Bookings.Sum(b => b.SensitivePlacements);
}

/// <summary>A PNR as written into a push.</summary>
internal sealed record GeneratedBooking(
    string Carrier,
    string RecordLocator,
    string? SystemLocator,
    bool Cancelled,
    DateTime Created,
    DateTime LastChanged,
    GeneratedAgency Agency,
    IReadOnlyList<GeneratedPnrTraveler> Travelers,
    IReadOnlyList<GeneratedPnrLeg> Itinerary,
    string? SplitLocator,
    bool CheckedIn,
    bool HasHistory,
    string? HistorySensitiveCode)
{
    /// <summary>SSR segments written with a sensitive code: one per code per traveler, plus a history line repeating one.</summary>
    public int SensitivePlacements => Travelers.Sum(t => t.SensitiveCodes.Count) + (HistorySensitiveCode is null ? 0 : 1);
}

/// <summary>Who made the booking: an airline office (type A) or a travel agency (type T) in a country.</summary>
internal sealed record GeneratedAgency(string System, string Location, string AgentId, string OfficeId, string Type, PnrgovCountry Country);

internal sealed record GeneratedPnrLeg(
    string MarketingCarrier,
    string MarketingNumber,
    string? OperatingCarrier,
    string? OperatingNumber,
    string Origin,
    string Destination,
    DateTime DepartureLocal,
    DateTime ArrivalLocal,
    string BookingClass,
    bool IsPushedFlight);

/// <summary>
/// A traveler as written into a PNR: the invented person, the PNR type (A adult, C child, IN infant), the traveler
/// reference, the title glued to or set apart from the given name, and what was placed about them.
/// </summary>
internal sealed record GeneratedPnrTraveler(
    GeneratedTraveler Person,
    string Type,
    string Reference,
    string? Title,
    bool TitleGlued,
    string? AccompaniedBy,
    string? InfantReference,
    bool HasDocs,
    bool AlphaTwoCodes,
    string? Email,
    string? Mobile,
    string? FrequentFlyer,
    IReadOnlyList<string> SensitiveCodes,
    string? Seat,
    bool CheckedIn,
    string? BagTag)
{
    public string Surname => Person.Surname;

    /// <summary>The given name as in TIF, without the title.</summary>
    public string GivenName => Person.GivenName;

    public string? MiddleName => Person.MiddleName;

    public DateOnly DateOfBirth => Person.DateOfBirth;

    /// <summary>The passport number in DOCS, or null when the traveler has no DOCS.</summary>
    public string? DocumentNumber => HasDocs ? Person.DocumentNumber : null;

    public bool IsInfant => Type == "IN";

    /// <summary>The TIF given-name field exactly as written (before escaping).</summary>
    public string TifGivenName => Title is null ? GivenName : TitleGlued ? GivenName + Title : GivenName + " " + Title;
}
