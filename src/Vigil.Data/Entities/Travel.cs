namespace Vigil.Data.Entities;

/// <summary>
/// A flight on one day. <see cref="FlightKey"/> — carrier, number without leading zeros, first origin and first local
/// departure date — says which reports are about the same flight.
/// </summary>
public sealed class StoredFlight
{
    public long Id { get; set; }

    public required string FlightKey { get; set; }

    public string? Carrier { get; set; }

    public string? Number { get; set; }

    public string? Origin { get; set; }

    public string? Destination { get; set; }

    /// <summary>Local date of the first departure as printed.</summary>
    public DateOnly? DepartureDate { get; set; }

    public string? Stage { get; set; }

    public string? FinalDestination { get; set; }

    public long FirstMessageId { get; set; }

    public long LastMessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<StoredLeg> Legs { get; set; } = [];

    public List<StoredTraveler> Travelers { get; set; } = [];
}

/// <summary>One take-off and landing; times are local as the carrier printed them.</summary>
public sealed class StoredLeg
{
    public long Id { get; set; }

    public long FlightId { get; set; }

    public int Sequence { get; set; }

    public string? Origin { get; set; }

    public string? Destination { get; set; }

    public DateTime? ScheduledDeparture { get; set; }

    public DateTime? ScheduledArrival { get; set; }

    public bool CrossesBorder { get; set; }
}

/// <summary>Which kind of message reported a traveler.</summary>
public enum TravelerSource
{
    /// <summary>Advance passenger information (PAXLST).</summary>
    Api,

    /// <summary>A passenger name record push (PNRGOV).</summary>
    Pnr,
}

/// <summary>
/// A traveler on a flight as the latest report of one kind shows them. <see cref="ReportKey"/> recognises the same
/// traveler re-sent (unique passenger reference, else document, else the name and date of birth exactly as sent);
/// linking different spellings or sources of one person is the job of <see cref="Person"/> links, not of this key.
/// </summary>
public sealed class StoredTraveler
{
    public long Id { get; set; }

    public long FlightId { get; set; }

    public StoredFlight? Flight { get; set; }

    public TravelerSource Source { get; set; }

    public required string ReportKey { get; set; }

    public string Role { get; set; } = "Passenger";

    public string? Surname { get; set; }

    public string? GivenNames { get; set; }

    public string? Title { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Gender { get; set; }

    public string? Nationality { get; set; }

    public string? ResidenceCountry { get; set; }

    public string? BirthPlace { get; set; }

    public string? Embarkation { get; set; }

    public string? Debarkation { get; set; }

    public string? Seat { get; set; }

    public string? RecordLocator { get; set; }

    public string? UniquePassengerReference { get; set; }

    /// <summary>The booking's traveler reference (PNR travelers).</summary>
    public string? ReferenceNumber { get; set; }

    public long? BookingId { get; set; }

    public StoredBooking? Booking { get; set; }

    public long FirstMessageId { get; set; }

    public long LastMessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<StoredDocument> Documents { get; set; } = [];
}

public sealed class StoredDocument
{
    public long Id { get; set; }

    public long TravelerId { get; set; }

    public string? Type { get; set; }

    public string? Number { get; set; }

    /// <summary>The number reduced to A–Z and 0–9 for look-ups.</summary>
    public string? NormalizedNumber { get; set; }

    public string? IssuingCountry { get; set; }

    public DateOnly? IssueDate { get; set; }

    public DateOnly? Expiry { get; set; }
}

/// <summary>A passenger name record, identified by <see cref="BookingKey"/> (owner carrier and record locator).</summary>
public sealed class StoredBooking
{
    public long Id { get; set; }

    public required string BookingKey { get; set; }

    public string? RecordLocator { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<BookingVersion> Versions { get; set; } = [];
}

/// <summary>
/// The booking as one push showed it. Versions are numbered 1, 2, … in arrival order and never change: the store
/// refuses updates and deletes. <see cref="Content"/> is the canonical booking as JSON.
/// </summary>
public sealed class BookingVersion
{
    public long Id { get; set; }

    public long BookingId { get; set; }

    public int Version { get; set; }

    public long MessageId { get; set; }

    public long? FlightId { get; set; }

    public StoredFlight? Flight { get; set; }

    public string PushKind { get; set; } = "Unknown";

    public bool Cancelled { get; set; }

    public DateTime? LastChanged { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Content { get; set; }
}
