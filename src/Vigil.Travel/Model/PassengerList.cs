namespace Vigil.Travel.Model;

/// <summary>
/// One API passenger or crew list (PAXLST): the envelope facts, the flight, the travelers and what the reading found.
/// A list sent in several parts is one <see cref="PassengerList"/> once reassembled.
/// </summary>
public sealed record PassengerList : TravelMessage
{
    /// <summary>Part numbers that make up this list (empty for a message not sent in parts).</summary>
    public IReadOnlyList<int> PartsReceived { get; init; } = [];

    /// <summary>True when parts of a multi-part list are missing: the travelers are only those received.</summary>
    public bool Incomplete { get; init; }

    public ListPurpose Purpose { get; init; } = new(null, null);

    /// <summary>Transaction reference (RFF TN).</summary>
    public string? TransactionReference { get; init; }

    public ReportingParty? ReportingParty { get; init; }

    public IReadOnlyList<Flight> Flights { get; init; } = [];

    public IReadOnlyList<Traveler> Travelers { get; init; } = [];

    /// <summary>Passenger total declared in CNT 42, if sent.</summary>
    public int? DeclaredPassengers { get; init; }

    /// <summary>Crew total declared in CNT 41, if sent.</summary>
    public int? DeclaredCrew { get; init; }

    /// <summary>Message-level segments Vigil does not map, kept as received.</summary>
    public IReadOnlyList<RawSegment> UnmappedSegments { get; init; } = [];
}

/// <summary>What the list is for, from BGM: document code (745 passengers, 250 crew …) and function (CP, XR, CLOB …).</summary>
public sealed record ListPurpose(string? DocumentCode, string? Function)
{
    public string Description => DocumentCode switch
    {
        "745" => "passenger list",
        "250" => "crew list",
        "266" => "flight status",
        "655" => "gate pass request",
        "336" => "master crew list",
        null => "unspecified",
        _ => $"document {DocumentCode}",
    } + Function switch
    {
        null => "",
        "CP" => ", change",
        "XR" => ", cancel reservation",
        "RP" => ", reduction in party",
        "CL" => ", flight close",
        "CLOB" => ", flight close with passengers on board",
        "CLNB" => ", flight close with no passengers on board",
        "XF" => ", flight cancelled",
        "CF" => ", flight changed",
        _ => $", function {Function}",
    };
}

/// <summary>Who sent the list (NAD MS) and how to reach them.</summary>
public sealed record ReportingParty(string? Name, IReadOnlyList<Contact> Contacts);
