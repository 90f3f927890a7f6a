namespace Vigil.Travel.Model;

public enum TravelerRole
{
    Passenger,
    Crew,
    InTransitPassenger,
    InTransitCrew,
    Infant,
}

/// <summary>A person on board, as one message reports them.</summary>
public sealed record Traveler
{
    public TravelerRole Role { get; init; }

    public string? Surname { get; init; }

    /// <summary>Given and middle names in the order sent, separated by spaces, without a title.</summary>
    public string? GivenNames { get; init; }

    /// <summary>Title removed from the name as sent (MR, MRS, DR …), when there was one.</summary>
    public string? Title { get; init; }

    /// <summary>The booking's traveler reference (PNRGOV 9944, XML RPH), which ties SSRs, seats and check-in to the traveler.</summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>For an infant, the reference of the adult traveling with it.</summary>
    public string? AccompaniedBy { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary><c>M</c>, <c>F</c>, <c>U</c> (unknown) or <c>X</c> as sent; null when absent.</summary>
    public string? Gender { get; init; }

    /// <summary>ISO 3166 alpha-3 nationality as sent.</summary>
    public string? Nationality { get; init; }

    public string? ResidenceCountry { get; init; }

    /// <summary>Place or country of birth: a code, a name, or both ("Hartford USA").</summary>
    public string? BirthPlace { get; init; }

    /// <summary>Port where the journey starts (LOC 178).</summary>
    public string? Embarkation { get; init; }

    /// <summary>Port where the journey ends (LOC 179).</summary>
    public string? Debarkation { get; init; }

    /// <summary>Port of first arrival / customs clearance in the reporting country (LOC 22).</summary>
    public string? PortOfClearance { get; init; }

    public string? Seat { get; init; }

    /// <summary>The booking's record locator (RFF AVF).</summary>
    public string? RecordLocator { get; init; }

    /// <summary>The carrier's unique passenger reference (RFF ABO).</summary>
    public string? UniquePassengerReference { get; init; }

    /// <summary>All references sent for the traveler, with their qualifiers (AVF, ABO, SEA, AEA, CR, YZY …).</summary>
    public IReadOnlyList<TravelerReference> References { get; init; } = [];

    public IReadOnlyList<TravelDocument> Documents { get; init; } = [];

    public Baggage? Bags { get; init; }

    public PostalAddress? Address { get; init; }

    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    public IReadOnlyList<FrequentFlyerAccount> FrequentFlyers { get; init; } = [];

    /// <summary>Whether the carrier verified the data against the document (GEI 173 / 174); null when not said.</summary>
    public bool? Verified { get; init; }

    /// <summary>Crew function code (EMP), e.g. <c>CR1</c>.</summary>
    public string? CrewFunction { get; init; }

    public IReadOnlyList<Quantity> Quantities { get; init; } = [];

    /// <summary>Segments of the traveler's group that Vigil does not map, kept as received.</summary>
    public IReadOnlyList<RawSegment> UnmappedSegments { get; init; } = [];

    /// <summary>Where the traveler's group starts in the file.</summary>
    public SourcePosition Position { get; init; }
}

public sealed record TravelerReference(string Qualifier, string Value);

public sealed record Contact(string Number, string? Channel);

public sealed record Quantity(string Qualifier, string Value);

public sealed record PostalAddress(string? Street, string? City, string? Region, string? PostalCode, string? Country);

/// <summary>Checked bags: count, weight and tag ranges (first tag and number of consecutive tags).</summary>
public sealed record Baggage
{
    public int? Count { get; init; }

    public decimal? Weight { get; init; }

    /// <summary><c>KGM</c> or <c>LBR</c> as sent.</summary>
    public string? WeightUnit { get; init; }

    public IReadOnlyList<BagTagRange> Tags { get; init; } = [];
}

public sealed record BagTagRange(string FirstTag, int Count);

/// <summary>A travel document as reported: passport, visa, identity card …</summary>
public sealed record TravelDocument
{
    /// <summary>Document type code: <c>P</c> passport, <c>V</c> visa, <c>I</c>/<c>A</c>/<c>C</c> identity documents …</summary>
    public string? Type { get; init; }

    public string? Number { get; init; }

    public string? IssuingCountry { get; init; }

    public DateOnly? IssueDate { get; init; }

    public DateOnly? Expiry { get; init; }
}

/// <summary>A segment kept as received because Vigil does not map it (unknown tag or qualifier).</summary>
public sealed record RawSegment(string Text, SourcePosition Position);

/// <summary>Where something lies in the received file.</summary>
public readonly record struct SourcePosition(int Segment, long Offset, int Line);
