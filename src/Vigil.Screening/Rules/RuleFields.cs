using System.Collections.Frozen;

namespace Vigil.Screening.Rules;

/// <summary>What kind of value a field holds, which decides the operators it accepts.</summary>
internal enum FieldType
{
    Number,
    Date,
    Flag,
    Text,
    TextSet,
}

/// <summary>
/// One field a term may name: its JSON name, type and group, and how its value is read from a subject. Scalar and
/// set fields are read once per subject into the fact view's slots; history fields depend on the term's window, so
/// they are read when the term asks.
/// </summary>
internal sealed record RuleField(string Name, FieldType Type, string Description)
{
    public string Group => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>Slot in the fact view's array for the field's type; -1 for windowed history fields.</summary>
    public int Slot { get; init; } = -1;

    /// <summary>History fields read only trips within the term's <c>days</c>.</summary>
    public bool Windowed { get; init; }

    internal Func<FactSource, double>? Number { get; init; }

    internal Func<FactSource, string?>? Text { get; init; }

    internal Func<FactSource, IEnumerable<string?>>? Set { get; init; }
}

/// <summary>The catalog of fields over the canonical travel model, by group: traveler, document, flight, booking, history, hits.</summary>
internal static class RuleFields
{
    public const string HistoryCountries = "history.countries";
    public const string HistoryTrips = "history.trips";

    public static IReadOnlyList<RuleField> All { get; }

    public static FrozenDictionary<string, RuleField> ByName { get; }

    /// <summary>How many slots of each storage the fact view needs.</summary>
    public static int NumberSlots { get; }

    public static int TextSlots { get; }

    public static int SetSlots { get; }

    static RuleFields()
    {
        var declared = Declare();
        var numbers = 0;
        var texts = 0;
        var sets = 0;
        var all = new List<RuleField>(declared.Count);
        foreach (var field in declared)
        {
            all.Add(field.Windowed ? field : field with
            {
                Slot = field.Type switch
                {
                    FieldType.Text => texts++,
                    FieldType.TextSet => sets++,
                    _ => numbers++,
                },
            });
        }

        All = all;
        ByName = all.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        (NumberSlots, TextSlots, SetSlots) = (numbers, texts, sets);
    }

    private static RuleField Num(string name, string description, Func<FactSource, double> read) => new(name, FieldType.Number, description) { Number = read };

    private static RuleField Date(string name, string description, Func<FactSource, DateOnly?> read) =>
        new(name, FieldType.Date, description) { Number = s => read(s) is { } day ? day.DayNumber : double.NaN };

    private static RuleField Flag(string name, string description, Func<FactSource, bool?> read) =>
        new(name, FieldType.Flag, description) { Number = s => read(s) switch { true => 1, false => 0, null => double.NaN } };

    private static RuleField Text(string name, string description, Func<FactSource, string?> read) => new(name, FieldType.Text, description) { Text = read };

    private static RuleField Set(string name, string description, Func<FactSource, IEnumerable<string?>> read) => new(name, FieldType.TextSet, description) { Set = read };

    private static List<RuleField> Declare() =>
    [
        Num("traveler.age", "Whole years of age on the departure day.", s => s.Age),
        Date("traveler.dateOfBirth", "Date of birth.", s => s.Traveler.DateOfBirth),
        Text("traveler.gender", "M, F, U or X as sent.", s => s.Traveler.Gender),
        Text("traveler.nationality", "Nationality, ISO 3166 alpha-3 as sent.", s => s.Traveler.Nationality),
        Text("traveler.residence", "Country of residence as sent.", s => s.Traveler.ResidenceCountry),
        Text("traveler.birthPlace", "Place or country of birth as sent.", s => s.Traveler.BirthPlace),
        Text("traveler.role", "passenger, crew, inTransitPassenger, inTransitCrew or infant.", s => s.Traveler.Role.ToString()),
        Text("traveler.embarkation", "Port where the traveler's journey starts.", s => s.Traveler.Embarkation),
        Text("traveler.debarkation", "Port where the traveler's journey ends.", s => s.Traveler.Debarkation),
        Flag("traveler.verified", "Whether the carrier verified the data against the document.", s => s.Traveler.Verified),

        Text("document.type", "Type of the main document (the passport when there is one): P, V, I …", s => s.Document?.Type),
        Text("document.issuingCountry", "Issuing country of the main document.", s => s.Document?.IssuingCountry),
        Text("document.number", "Number of the main document.", s => s.Document?.Number),
        Date("document.expiry", "Expiry of the main document.", s => s.Document?.Expiry),
        Num("document.validityDays", "Days from departure to the main document's expiry (negative when expired).",
            s => s.Document?.Expiry is { } expiry ? expiry.DayNumber - s.DepartureDay.DayNumber : double.NaN),
        Set("documents.types", "Types of every document.", s => s.Traveler.Documents.Select(d => d.Type)),
        Set("documents.issuingCountries", "Issuing countries of every document.", s => s.Traveler.Documents.Select(d => d.IssuingCountry)),

        Text("flight.carrier", "Carrier of the reported flight.", s => s.Flight?.Carrier),
        Text("flight.number", "Flight number as printed, without the carrier.", s => s.Flight?.Number),
        Text("flight.origin", "Airport of the first leg's departure.", s => s.Flight?.Legs.FirstOrDefault()?.Origin),
        Text("flight.destination", "Airport of the last leg's arrival, or the final destination named.",
            s => s.Flight?.Legs.LastOrDefault()?.Destination ?? s.Flight?.FinalDestination),
        Date("flight.departure", "Day of the first leg's scheduled departure.", s => s.FlightDeparture is { } d ? DateOnly.FromDateTime(d) : null),
        Num("flight.legs", "Number of legs of the flight.", s => s.Flight is { } f ? f.Legs.Count : double.NaN),
        Set("flight.airports", "Every airport the flight touches.", s => s.FlightAirports),
        Set("flight.countries", "Countries of every airport the flight touches.", s => s.Countries(s.FlightAirports)),
        Set("flight.transitPoints", "Airports where the flight lands between its first departure and last arrival.",
            s => s.Flight is { } f ? f.Legs.Skip(1).Select(l => l.Origin) : []),

        Text("booking.recordLocator", "The booking's record locator.", s => s.Booking?.RecordLocator ?? s.Traveler.RecordLocator),
        Num("booking.daysBeforeDeparture", "Whole days between booking creation and departure.", s => s.DaysBooked),
        Flag("booking.oneWay", "True when the itinerary does not return to where it starts.", s => s.Route?.OneWay),
        Num("booking.tripDays", "Days between the first and the last departure of a return itinerary.", s => s.Route?.TripDays ?? double.NaN),
        Set("booking.transitPoints", "Airports where the itinerary stops less than 24 hours between two legs.", s => s.Route?.TransitPoints ?? []),
        Num("booking.maxDwellHours", "Longest stop at a transit point, in hours.", s => s.Route?.MaxDwellHours ?? double.NaN),
        Set("booking.airports", "Every airport of the booked itinerary.", s => s.Route?.Airports ?? []),
        Set("booking.countries", "Countries of every airport of the booked itinerary.", s => s.Countries(s.Route?.Airports ?? [])),
        Num("booking.travelers", "Number of travelers in the booking.", s => s.Booking is { } b ? b.Travelers.Count : double.NaN),
        Flag("booking.group", $"True for a group booking: {FactSource.GroupSize} travelers or more.", s => s.Booking is { } b ? b.Travelers.Count >= FactSource.GroupSize : null),
        Set("booking.paymentTypes", "Forms of payment: CC card, CA cash, MS miscellaneous …", s => s.Booking?.Payments.Select(p => p.Type) ?? []),
        Flag("booking.cash", "True when any payment was in cash (CA).", s => s.Booking is { } b ? b.Payments.Any(p => string.Equals(p.Type, "CA", StringComparison.OrdinalIgnoreCase)) : null),
        Text("booking.agency", "Office of the booking agency or airline office.", s => s.Booking?.Agency?.OfficeId),
        Text("booking.agencyCountry", "Country of the booking agency.", s => s.Booking?.Agency?.Country),
        Text("booking.channel", "Originator type as sent: A airline, T travel agent …", s => s.Booking?.Agency?.OriginatorType),
        Num("booking.lastChangeHoursBeforeDeparture", "Hours between the booking's last change and departure.", s => s.LastChangeHours),
        Num("booking.changes", "Number of history lines (changes) on the booking.", s => s.Booking is { } b ? b.History.Count : double.NaN),
        Text("booking.seat", "The traveler's seat.", s => s.Seat),
        Num("booking.bags", "The traveler's checked bags.", s => s.BagCount),
        Num("booking.bagWeightKg", "Weight of the traveler's checked bags in kilograms.", s => s.BagWeightKg),

        new(HistoryCountries, FieldType.TextSet, "Countries the resolved person's earlier trips touched within the term's days.") { Windowed = true },
        new(HistoryTrips, FieldType.Number, "Earlier trips of the resolved person within the term's days.") { Windowed = true },
        Flag("history.brokenRoute", "True when an earlier trip arrived at this flight's origin in the two days before: one journey broken across bookings.",
            s => s.BrokenRouteOrigins.Count > 0),
        Set("history.brokenRouteOrigins", "Where the earlier trips that end at this flight's origin started.", s => s.BrokenRouteOrigins),

        Num("hits.count", "Hits already recorded for the traveler or their person.", s => s.Subject.PriorHits.Count),
        Num("hits.confirmed", "Of those, hits an analyst confirmed.", s => s.Subject.PriorHits.Count(h => FactSource.IsConfirmed(h.Status))),
        Set("hits.kinds", "Kinds of the earlier hits: watchlist, rule.", s => s.Subject.PriorHits.Select(h => h.Kind)),
        Set("hits.statuses", "Statuses of the earlier hits.", s => s.Subject.PriorHits.Select(h => h.Status)),
        Set("hits.references", "List entries or rules the earlier hits name.", s => s.Subject.PriorHits.Select(h => h.Reference)),
    ];
}
