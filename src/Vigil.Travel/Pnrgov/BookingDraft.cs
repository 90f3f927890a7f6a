using Vigil.Travel.Model;

namespace Vigil.Travel.Pnrgov;

/// <summary>A booking (one SRC group) while its segments are read; SSRs are tied to travelers only at its end,
/// because a PNR-level SSR may name a traveler whose TIF comes later.</summary>
internal sealed class BookingDraft(SourcePosition position, BookingDraft? previous = null)
{
    public SourcePosition Position { get; } = position;

    public List<RecordLocatorReference> Locators { get; } = [];

    public bool EmptyOriginator { get; set; }

    public DateTime? LastChanged { get; set; }

    public BookingAgency? Agency { get; set; }

    // Travelers, legs and pending SSRs are working lists: the built booking keeps arrays made from them, so each
    // booking of a push takes over the previous booking's lists, cleared, instead of growing new ones.
    public List<PnrTravelerDraft> Travelers { get; } = Reuse(previous?.Travelers);

    public List<LegDraft> Legs { get; } = Reuse(previous?.Legs);

    public List<string> Emails { get; } = [];

    public List<string> Phones { get; } = [];

    public List<PostalAddress> Addresses { get; } = [];

    public List<Ticket> Tickets { get; } = [];

    public List<Payment> Payments { get; } = [];

    public List<CheckedBag> Bags { get; } = [];

    // Split bookings, non-air segments, history, removals and unmapped segments are rare: made on first use.
    public List<string>? SplitBookings { get; set; }

    public List<string>? NonAirSegments { get; set; }

    public List<Remark> Remarks { get; } = [];

    public List<HistoryEntry>? History { get; set; }

    public List<RawSegment>? Unmapped { get; set; }

    public List<PendingSsr> Ssrs { get; } = Reuse(previous?.Ssrs);

    private SortedDictionary<string, int>? _removed;

    private static List<T> Reuse<T>(List<T>? list)
    {
        if (list is null)
        {
            return [];
        }

        list.Clear();
        return list;
    }

    public void Remove(string category)
    {
        _removed ??= new(StringComparer.Ordinal);
        _removed[category] = _removed.GetValueOrDefault(category) + 1;
    }

    /// <summary>What sensitive data was removed, by category in ordinal order, with a count each.</summary>
    public IReadOnlyList<SensitiveRemoval> Removals()
    {
        if (_removed is null)
        {
            return [];
        }

        var removals = new SensitiveRemoval[_removed.Count];
        var i = 0;
        foreach (var (category, count) in _removed)
        {
            removals[i++] = new SensitiveRemoval(category, count);
        }

        return removals;
    }

    public PnrTravelerDraft? TravelerByReference(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        // References are sent as "1" or "1.1"; a reference of one form still finds a traveler given the other.
        foreach (var traveler in Travelers)
        {
            if (traveler.Reference == reference)
            {
                return traveler;
            }
        }

        var major = Major(reference);
        foreach (var traveler in Travelers)
        {
            if (traveler.Reference is { } other && traveler.Role != TravelerRole.Infant && Major(other).SequenceEqual(major))
            {
                return traveler;
            }
        }

        return null;

        static ReadOnlySpan<char> Major(string r) => r.AsSpan(0, r.IndexOf('.') is var dot and >= 0 ? dot : r.Length);
    }
}

internal sealed class PnrTravelerDraft(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    public TravelerRole Role { get; set; } = TravelerRole.Passenger;

    public string? Surname { get; set; }

    public string? GivenNames { get; set; }

    public string? Title { get; set; }

    public string? Reference { get; set; }

    public bool HasInfant { get; set; }

    public string? AccompaniedBy { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Gender { get; set; }

    public string? Nationality { get; set; }

    public string? BirthPlace { get; set; }

    public string? PassengerReference { get; set; }

    public PostalAddress? Address { get; set; }

    public List<TravelDocument> Documents { get; } = [];

    public List<FrequentFlyerAccount> FrequentFlyers { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<RawSegment>? Unmapped { get; set; }

    public bool NameMatches(string? surname, string? givenNames) =>
        surname is not null && Same(Surname, surname) && (givenNames is null || GivenNames is null || Same(GivenNames, givenNames)
            || Compact(givenNames).StartsWith(Compact(GivenNames), StringComparison.Ordinal)
            || Compact(GivenNames).StartsWith(Compact(givenNames), StringComparison.Ordinal));

    public Traveler Build(string? recordLocator) => new()
    {
        Role = Role,
        Surname = Surname,
        GivenNames = GivenNames,
        Title = Title,
        ReferenceNumber = Reference,
        AccompaniedBy = AccompaniedBy,
        DateOfBirth = DateOfBirth,
        Gender = Gender,
        Nationality = Nationality,
        BirthPlace = BirthPlace,
        RecordLocator = recordLocator,
        UniquePassengerReference = PassengerReference,
        Documents = Documents,
        FrequentFlyers = FrequentFlyers,
        Contacts = Contacts,
        Address = Address,
        UnmappedSegments = Unmapped.OrEmpty(),
        Position = Position,
    };

    // Senders split and space names differently ("TESTSUR NAMETWO" in DOCS for TIF "TESTSURNAMETWO").
    private static bool Same(string? a, string? b) => a is not null && b is not null && Compact(a) == Compact(b);

    private static string Compact(string? s) =>
        s is null ? "" : string.Concat(s.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}

/// <summary>A leg while its group is read: TRA, RPI and APD fill in what the TVL left open.</summary>
internal sealed class LegDraft
{
    public string? MarketingCarrier { get; init; }

    public string? MarketingNumber { get; init; }

    public string? OperatingCarrier { get; set; }

    public string? OperatingNumber { get; set; }

    public string? Origin { get; init; }

    public string? Destination { get; init; }

    public DateTime? ScheduledDeparture { get; init; }

    public DateTime? ScheduledArrival { get; init; }

    public string? BookingClass { get; init; }

    public string? Status { get; set; }

    public string? Equipment { get; set; }

    public List<SeatAssignment> Seats { get; } = [];

    /// <summary>Made on first use: only legs of a departure-control push have check-ins.</summary>
    public List<CheckIn>? CheckIns { get; set; }

    public ItineraryLeg Build() => new()
    {
        MarketingCarrier = MarketingCarrier,
        MarketingNumber = MarketingNumber,
        OperatingCarrier = OperatingCarrier,
        OperatingNumber = OperatingNumber,
        Origin = Origin,
        Destination = Destination,
        ScheduledDeparture = ScheduledDeparture,
        ScheduledArrival = ScheduledArrival,
        BookingClass = BookingClass,
        Status = Status,
        Equipment = Equipment,
        Seats = Seats,
        CheckIns = CheckIns.OrEmpty(),
    };
}

internal static class DraftLists
{
    /// <summary>A list made on first use as the model takes it: the shared empty array when it was never made.</summary>
    public static IReadOnlyList<T> OrEmpty<T>(this List<T>? list) => list is null ? Array.Empty<T>() : list;
}

/// <summary>An SSR as read, with where it stood, waiting to be tied to its traveler.</summary>
internal sealed record PendingSsr(
    string Code,
    string? Status,
    string? Carrier,
    string? Text,
    string? Reference,
    PnrTravelerDraft? ContextTraveler,
    LegDraft? ContextLeg,
    SourcePosition Position);
