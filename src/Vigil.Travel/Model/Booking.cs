using Vigil.Edifact;

namespace Vigil.Travel.Model;

/// <summary>Whether a PNR push carries every booking on the flight or only those changed since the last push.</summary>
public enum PushKind
{
    Unknown,

    /// <summary>MSG 22: a booking absent from the push no longer holds the flight.</summary>
    Full,

    /// <summary>MSG 141: only bookings added, changed or cancelled since the previous push.</summary>
    Update,
}

/// <summary>
/// One PNR push (PNRGOV EDIFACT or XML): the flight it is about and the bookings that hold it. Each push is an
/// immutable version of those bookings.
/// </summary>
public sealed record BookingPush : TravelMessage
{
    public BookingPush(EdifactMessage source)
        : base(source)
    {
    }

    /// <summary>For pushes that did not come as EDIFACT (PNRGOV XML).</summary>
    public BookingPush(string type, SourcePosition position)
    {
        Type = type;
        Position = position;
    }

    public PushKind Kind { get; init; }

    /// <summary>Who pushed (level-0 ORG): airline and system or location codes as sent.</summary>
    public string? Originator { get; init; }

    /// <summary>The flight the push is about (level-0 TVL).</summary>
    public Flight? PushedFlight { get; init; }

    /// <summary>Bookings in the whole push as the sender counts them (level-0 EQN), across all parts.</summary>
    public int? DeclaredBookings { get; init; }

    /// <summary>Part numbers that make up this push (empty when not sent in parts).</summary>
    public IReadOnlyList<int> PartsReceived { get; init; } = [];

    public bool Incomplete { get; init; }

    public IReadOnlyList<Booking> Bookings { get; init; } = [];

    /// <summary>Push-level segments Vigil does not map, kept as received.</summary>
    public IReadOnlyList<RawSegment> UnmappedSegments { get; init; } = [];

    /// <summary>Every traveler of every booking, in order.</summary>
    public IEnumerable<Traveler> Travelers => Bookings.SelectMany(b => b.Travelers);
}

/// <summary>One passenger name record as one push shows it.</summary>
public sealed record Booking
{
    /// <summary>The booking's own record locator: the first one the RCI lists.</summary>
    public string? RecordLocator { get; init; }

    public IReadOnlyList<RecordLocatorReference> Locators { get; init; } = [];

    /// <summary>True when an update push cancels the booking or removes the flight from it (empty ORG).</summary>
    public bool Cancelled { get; init; }

    public DateTime? Created { get; init; }

    /// <summary>Last transaction on the booking (DAT 700), UTC as sent.</summary>
    public DateTime? LastChanged { get; init; }

    /// <summary>Who made the booking (group-1 ORG).</summary>
    public BookingAgency? Agency { get; init; }

    public IReadOnlyList<Traveler> Travelers { get; init; } = [];

    public IReadOnlyList<ItineraryLeg> Itinerary { get; init; } = [];

    public BookingContacts Contacts { get; init; } = new([], [], []);

    public IReadOnlyList<Ticket> Tickets { get; init; } = [];

    public IReadOnlyList<Payment> Payments { get; init; } = [];

    public IReadOnlyList<CheckedBag> Bags { get; init; } = [];

    /// <summary>Record locators of bookings split off from this one (group 8).</summary>
    public IReadOnlyList<string> SplitBookings { get; init; } = [];

    /// <summary>Hotel, car and other non-air segments (group 9), as sent.</summary>
    public IReadOnlyList<string> NonAirSegments { get; init; } = [];

    /// <summary>Free-text remarks (OSI and other IFT texts) that are not sensitive.</summary>
    public IReadOnlyList<Remark> Remarks { get; init; } = [];

    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    /// <summary>What the sensitive-data filter removed: category and count, never the value.</summary>
    public IReadOnlyList<SensitiveRemoval> RemovedSensitive { get; init; } = [];

    public IReadOnlyList<RawSegment> UnmappedSegments { get; init; } = [];

    public SourcePosition Position { get; init; }
}

public sealed record RecordLocatorReference(string? Carrier, string Locator, string? Type, DateTime? Created);

/// <summary>The booking originator: system or airline, location, agent and office, type (A airline, T travel agent), country.</summary>
public sealed record BookingAgency
{
    public string? System { get; init; }

    public string? Location { get; init; }

    public string? AgentId { get; init; }

    public string? OfficeId { get; init; }

    /// <summary>Originator type as sent: <c>A</c> airline, <c>T</c> travel agent, <c>E</c> … .</summary>
    public string? OriginatorType { get; init; }

    public string? Country { get; init; }

    public string? Currency { get; init; }
}

/// <summary>A leg of the booked itinerary; marketing and operating flight differ on codeshares.</summary>
public sealed record ItineraryLeg
{
    public string? MarketingCarrier { get; init; }

    public string? MarketingNumber { get; init; }

    public string? OperatingCarrier { get; init; }

    public string? OperatingNumber { get; init; }

    public string? Origin { get; init; }

    public string? Destination { get; init; }

    public DateTime? ScheduledDeparture { get; init; }

    public DateTime? ScheduledArrival { get; init; }

    public string? BookingClass { get; init; }

    public string? Status { get; init; }

    public string? Equipment { get; init; }

    /// <summary>Seats by traveler reference.</summary>
    public IReadOnlyList<SeatAssignment> Seats { get; init; } = [];

    public IReadOnlyList<CheckIn> CheckIns { get; init; } = [];
}

public sealed record SeatAssignment(string? TravelerReference, string Seat);

public sealed record CheckIn(string? TravelerReference, string? SequenceNumber, string? Seat, string? Cabin, DateTime? At);

public sealed record BookingContacts(IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, IReadOnlyList<PostalAddress> Addresses);

/// <summary>A ticket with its fare: the fare basis (FAR) says which fare was sold, e.g. a military or group fare.</summary>
public sealed record Ticket(string? TravelerReference, string Number, string? Kind, decimal? Total, string? Currency, DateTime? Issued)
{
    public string? FareBasis { get; init; }
}

/// <summary>A form of payment; card numbers are kept only as masked by the sender.</summary>
public sealed record Payment
{
    /// <summary><c>CC</c> card, <c>CA</c> cash, <c>MS</c> miscellaneous, <c>GR</c> government request …</summary>
    public string? Type { get; init; }

    public decimal? Amount { get; init; }

    public string? Vendor { get; init; }

    public string? MaskedCardNumber { get; init; }

    public string? CardExpiry { get; init; }

    public string? Holder { get; init; }

    public string? TravelerReference { get; init; }
}

public sealed record CheckedBag
{
    public string? TravelerReference { get; init; }

    public int? Count { get; init; }

    public decimal? Weight { get; init; }

    /// <summary><c>KGM</c> or <c>LBR</c>.</summary>
    public string? WeightUnit { get; init; }

    /// <summary><c>HP</c> head of pool, <c>MP</c> member of pool, or null.</summary>
    public string? Pool { get; init; }

    public IReadOnlyList<BagTagRange> Tags { get; init; } = [];
}

public sealed record Remark(string Kind, string Text, string? TravelerReference);

/// <summary>One history line: an action (A added, X cancelled) on what it names, when known.</summary>
public sealed record HistoryEntry(string? Action, string Text, DateTime? At);

/// <summary>Data the sensitive-data filter removed at ingest (EU PNR Directive art. 13(4)).</summary>
public sealed record SensitiveRemoval(string Category, int Count);

public sealed record FrequentFlyerAccount(string? Carrier, string Number, string? Tier);
