using Vigil.Travel.Model;

namespace Vigil.Screening.Hits;

/// <summary>
/// One way of screening a traveler — the watch lists, or the analysts' risk rules. The service screens every traveler
/// through every active check and stores what each finds as hits; it knows nothing else about how a check decides.
/// </summary>
public interface ITravelerCheck
{
    /// <summary>What this check is, as hits record it: <c>watchlist</c> or <c>rule</c>.</summary>
    string Kind { get; }

    /// <summary>The findings for one traveler in context; empty when nothing fired.</summary>
    IReadOnlyList<ScreeningFinding> Check(ScreeningSubject subject);
}

/// <summary>
/// A traveler as screening sees them: the message's traveler, the flight and booking that place them, the trips the
/// resolved person made before, and the hits already recorded against them.
/// </summary>
public sealed record ScreeningSubject(Traveler Traveler, Flight? Flight, Booking? Booking)
{
    /// <summary>Earlier trips of the same resolved person, most recent first.</summary>
    public IReadOnlyList<PastTrip> History { get; init; } = [];

    /// <summary>Hits already recorded for this traveler or their person.</summary>
    public IReadOnlyList<PriorHit> PriorHits { get; init; } = [];

    /// <summary>The other travelers of the same booking, for checks that look at co-travelers.</summary>
    public IReadOnlyList<Traveler> CoTravelers { get; init; } = [];
}

/// <summary>One earlier trip of a resolved person: the flight's route and the departure day.</summary>
public sealed record PastTrip(string? Carrier, string? FlightNumber, string? Origin, string? Destination, DateTimeOffset? Departure, IReadOnlyList<string> Countries);

/// <summary>A hit recorded earlier, with the analyst's status (new, in review, confirmed, dismissed).</summary>
public sealed record PriorHit(string Kind, string Reference, string Status);

/// <summary>
/// What a check found: the list entry or rule that fired (<paramref name="Reference"/>, e.g. <c>UN:QDi.001</c> or a
/// rule id), a score in [0, 1], a severity, a one-line title and the explanation as JSON, stored on the hit as is.
/// </summary>
public sealed record ScreeningFinding(string Kind, string Reference, string Title, double Score, FindingSeverity Severity, string ExplanationJson);

/// <summary>How urgently an analyst should look at a finding.</summary>
public enum FindingSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
