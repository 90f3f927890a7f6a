namespace Vigil.Travel.Model;

/// <summary>A flight as an airline reports it: carrier and number, flown over one or more legs.</summary>
public sealed record Flight
{
    /// <summary>Airline designator, e.g. <c>AA</c>.</summary>
    public string? Carrier { get; init; }

    /// <summary>Flight number as printed, without the carrier, e.g. <c>0989</c>.</summary>
    public string? Number { get; init; }

    /// <summary>Transport stage qualifier: <c>20</c> main carriage, <c>34</c> over-flight.</summary>
    public string? Stage { get; init; }

    public IReadOnlyList<Leg> Legs { get; init; } = [];

    /// <summary>Final destination when the list names one beyond its legs (LOC 130).</summary>
    public string? FinalDestination { get; init; }
}

/// <summary>
/// One take-off and landing. Times are scheduled local times as printed by the carrier: the message carries no
/// zone, so no UTC instant is invented here.
/// </summary>
public sealed record Leg
{
    public string? Origin { get; init; }

    public string? Destination { get; init; }

    public DateTime? ScheduledDeparture { get; init; }

    public DateTime? ScheduledArrival { get; init; }

    /// <summary>True for the leg that crosses the reporting border (LOC 125 → 87).</summary>
    public bool CrossesBorder { get; init; }
}
