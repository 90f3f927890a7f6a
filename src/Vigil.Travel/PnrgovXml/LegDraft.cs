using Vigil.Travel.Model;

namespace Vigil.Travel.PnrgovXml;

/// <summary>An itinerary leg while its PNR is read: seat SSRs elsewhere in the PNR may still add to it.</summary>
internal sealed class LegDraft
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

    public List<SeatAssignment> Seats { get; } = [];

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
        Seats = [.. Seats],
    };
}
