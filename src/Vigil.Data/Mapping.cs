using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Data.Entities;
using Vigil.Screening.Hits;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;
using Vigil.Travel.Model;

namespace Vigil.Data;

/// <summary>Turns the canonical travel and screening model into rows; the canonical projects know nothing of the store.</summary>
internal static class Mapping
{
    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private const int MaxKeyLength = 280;

    /// <summary>A booking as its stored version holds it.</summary>
    public static string BookingJson(Booking booking) => JsonSerializer.Serialize(booking, Json);

    /// <summary>Carrier, number without leading zeros, first origin and first local departure date: <c>AA989/JFK/2024-05-01</c>.</summary>
    public static string FlightKey(Flight flight)
    {
        var first = flight.Legs.Count > 0 ? flight.Legs[0] : null;
        var number = (flight.Number ?? "").Trim().TrimStart('0');
        var date = first?.ScheduledDeparture?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        return Upper($"{flight.Carrier?.Trim()}{number}/{first?.Origin?.Trim() ?? "-"}/{date}");
    }

    public static void Apply(StoredFlight row, Flight flight)
    {
        var first = flight.Legs.Count > 0 ? flight.Legs[0] : null;
        row.Carrier = flight.Carrier;
        row.Number = flight.Number;
        row.Origin = first?.Origin;
        row.Destination = flight.Legs.Count > 0 ? flight.Legs[^1].Destination : null;
        row.DepartureDate = first?.ScheduledDeparture is { } departure ? DateOnly.FromDateTime(departure) : null;
        row.Stage = flight.Stage ?? row.Stage;
        row.FinalDestination = flight.FinalDestination ?? row.FinalDestination;
        if (flight.Legs.Count == 0)
        {
            return;
        }

        // The latest report of the legs wins; rows are updated in place so their sequence stays unique.
        for (var i = 0; i < flight.Legs.Count; i++)
        {
            var leg = flight.Legs[i];
            var legRow = i < row.Legs.Count ? row.Legs[i] : null;
            if (legRow is null)
            {
                legRow = new StoredLeg { Sequence = i + 1 };
                row.Legs.Add(legRow);
            }

            legRow.Origin = leg.Origin;
            legRow.Destination = leg.Destination;
            legRow.ScheduledDeparture = Unzoned(leg.ScheduledDeparture);
            legRow.ScheduledArrival = Unzoned(leg.ScheduledArrival);
            legRow.CrossesBorder = leg.CrossesBorder;
        }

        row.Legs.RemoveRange(flight.Legs.Count, row.Legs.Count - flight.Legs.Count);
    }

    /// <summary>
    /// Recognises the same traveler re-sent by the same kind of message: the unique passenger reference, else a
    /// document, else name and date of birth exactly as sent. It is not identity resolution.
    /// </summary>
    public static string ApiReportKey(Traveler traveler)
    {
        if (!string.IsNullOrWhiteSpace(traveler.UniquePassengerReference))
        {
            return Key($"upr:{traveler.UniquePassengerReference.Trim()}");
        }

        var document = traveler.Documents.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d.Number));
        return document is not null
            ? Key($"doc:{document.Type}:{document.IssuingCountry}:{ListedDocument.Normalize(document.Number!)}")
            : Key($"name:{NameAndBirth(traveler)}");
    }

    /// <summary>A booking's traveler: record locator and the booking's traveler reference, else the name as sent.</summary>
    public static string PnrReportKey(string bookingKey, Traveler traveler) =>
        Key(string.IsNullOrWhiteSpace(traveler.ReferenceNumber)
            ? $"pnr:{bookingKey}:name:{NameAndBirth(traveler)}"
            : $"pnr:{bookingKey}:ref:{traveler.ReferenceNumber.Trim()}");

    /// <summary>Owner carrier and record locator (<c>AA/ABC123</c>); a booking without a locator is keyed by where it was.</summary>
    public static string BookingKey(Booking booking, BookingPush push, long messageId, int index)
    {
        if (string.IsNullOrWhiteSpace(booking.RecordLocator))
        {
            return $"message {messageId} booking {index + 1}";
        }

        var owner = booking.Locators.FirstOrDefault(l => l.Locator == booking.RecordLocator)?.Carrier
            ?? push.PushedFlight?.Carrier;
        return Upper($"{owner?.Trim()}/{booking.RecordLocator.Trim()}");
    }

    public static void Apply(StoredTraveler row, Traveler traveler)
    {
        row.Role = traveler.Role.ToString();
        row.Surname = traveler.Surname;
        row.GivenNames = traveler.GivenNames;
        row.Title = traveler.Title;
        row.DateOfBirth = traveler.DateOfBirth;
        row.Gender = traveler.Gender;
        row.Nationality = traveler.Nationality;
        row.ResidenceCountry = traveler.ResidenceCountry;
        row.BirthPlace = traveler.BirthPlace;
        row.Embarkation = traveler.Embarkation;
        row.Debarkation = traveler.Debarkation;
        row.Seat = traveler.Seat;
        row.RecordLocator = traveler.RecordLocator ?? row.RecordLocator;
        row.UniquePassengerReference = traveler.UniquePassengerReference;
        row.ReferenceNumber = traveler.ReferenceNumber;

        for (var i = 0; i < traveler.Documents.Count; i++)
        {
            var document = traveler.Documents[i];
            var documentRow = i < row.Documents.Count ? row.Documents[i] : null;
            if (documentRow is null)
            {
                documentRow = new StoredDocument();
                row.Documents.Add(documentRow);
            }

            documentRow.Type = document.Type;
            documentRow.Number = document.Number;
            documentRow.NormalizedNumber = document.Number is null ? null : ListedDocument.Normalize(document.Number);
            documentRow.IssuingCountry = document.IssuingCountry;
            documentRow.IssueDate = document.IssueDate;
            documentRow.Expiry = document.Expiry;
        }

        row.Documents.RemoveRange(traveler.Documents.Count, row.Documents.Count - traveler.Documents.Count);
    }

    /// <summary>A stored traveler back in the canonical model, for screening them again.</summary>
    public static Traveler ToTraveler(StoredTraveler row) => new()
    {
        Role = Enum.TryParse<TravelerRole>(row.Role, out var role) ? role : TravelerRole.Passenger,
        Surname = row.Surname,
        GivenNames = row.GivenNames,
        Title = row.Title,
        DateOfBirth = row.DateOfBirth,
        Gender = row.Gender,
        Nationality = row.Nationality,
        ResidenceCountry = row.ResidenceCountry,
        BirthPlace = row.BirthPlace,
        Embarkation = row.Embarkation,
        Debarkation = row.Debarkation,
        Seat = row.Seat,
        RecordLocator = row.RecordLocator,
        UniquePassengerReference = row.UniquePassengerReference,
        ReferenceNumber = row.ReferenceNumber,
        Documents = [.. row.Documents.Select(d => new TravelDocument { Type = d.Type, Number = d.Number, IssuingCountry = d.IssuingCountry, IssueDate = d.IssueDate, Expiry = d.Expiry })],
    };

    /// <summary>A stored flight back in the canonical model, legs in order.</summary>
    public static Flight ToFlight(StoredFlight row) => new()
    {
        Carrier = row.Carrier,
        Number = row.Number,
        Stage = row.Stage,
        FinalDestination = row.FinalDestination,
        Legs = [.. row.Legs.OrderBy(l => l.Sequence).Select(l => new Leg
        {
            Origin = l.Origin,
            Destination = l.Destination,
            ScheduledDeparture = l.ScheduledDeparture,
            ScheduledArrival = l.ScheduledArrival,
            CrossesBorder = l.CrossesBorder,
        })],
    };

    public static WatchListEntry Entry(ListedPerson person) => new()
    {
        EntryRef = person.ListId,
        Kind = person.Kind.ToString(),
        PrimaryName = person.PrimaryName,
        Content = JsonSerializer.Serialize(person, Json),
    };

    public static string Explanation(MatchExplanation explanation) => WatchListCheck.ExplanationJson(explanation);

    /// <summary>Local times are kept as printed: no zone is invented for them.</summary>
    public static DateTime? Unzoned(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Unspecified) : null;

    private static string NameAndBirth(Traveler traveler) =>
        $"{traveler.Surname?.Trim()}|{traveler.GivenNames?.Trim()}|{traveler.DateOfBirth:yyyy-MM-dd}";

    private static string Upper(string value) => value.ToUpperInvariant();

    private static string Key(string value)
    {
        var upper = Upper(value);
        return upper.Length <= MaxKeyLength ? upper : upper[..MaxKeyLength];
    }
}
