using System.Globalization;
using System.Text.Json;
using Vigil.Travel.Model;

namespace Vigil.Cli.Output;

/// <summary>The <c>bookings</c> part of the <c>vigil parse --json</c> contract (docs/formats.md).</summary>
internal static class BookingJson
{
    public static void Write(Utf8JsonWriter json, Booking booking)
    {
        json.WriteStartObject();
        json.WriteString("recordLocator", booking.RecordLocator);
        json.WriteStartArray("locators");
        foreach (var locator in booking.Locators)
        {
            json.WriteStartObject();
            json.WriteString("carrier", locator.Carrier);
            json.WriteString("locator", locator.Locator);
            json.WriteString("type", locator.Type);
            WriteTime(json, "created", locator.Created);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("cancelled", booking.Cancelled);
        WriteTime(json, "created", booking.Created);
        WriteTime(json, "lastChanged", booking.LastChanged);
        Strings(json, "travelers", booking.Travelers.Select(t => t.ReferenceNumber));
        json.WriteStartArray("itinerary");
        foreach (var leg in booking.Itinerary)
        {
            WriteLeg(json, leg);
        }

        json.WriteEndArray();
        json.WriteStartObject("contacts");
        Strings(json, "emails", booking.Contacts.Emails);
        Strings(json, "phones", booking.Contacts.Phones);
        json.WriteStartArray("addresses");
        foreach (var address in booking.Contacts.Addresses)
        {
            ParseJsonWriter.WriteAddress(json, address);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("tickets");
        foreach (var ticket in booking.Tickets)
        {
            json.WriteStartObject();
            json.WriteString("traveler", ticket.TravelerReference);
            json.WriteString("number", ticket.Number);
            json.WriteString("kind", ticket.Kind);
            WriteAmount(json, "total", ticket.Total);
            json.WriteString("currency", ticket.Currency);
            json.WriteString("fareBasis", ticket.FareBasis);
            WriteTime(json, "issued", ticket.Issued);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("payments");
        foreach (var payment in booking.Payments)
        {
            json.WriteStartObject();
            json.WriteString("type", payment.Type);
            WriteAmount(json, "amount", payment.Amount);
            json.WriteString("vendor", payment.Vendor);
            json.WriteString("maskedCardNumber", payment.MaskedCardNumber);
            json.WriteString("cardExpiry", payment.CardExpiry);
            json.WriteString("holder", payment.Holder);
            json.WriteString("traveler", payment.TravelerReference);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (booking.Agency is { } agency)
        {
            json.WriteStartObject("agency");
            json.WriteString("system", agency.System);
            json.WriteString("location", agency.Location);
            json.WriteString("agentId", agency.AgentId);
            json.WriteString("officeId", agency.OfficeId);
            json.WriteString("originatorType", agency.OriginatorType);
            json.WriteString("country", agency.Country);
            json.WriteString("currency", agency.Currency);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("agency");
        }

        json.WriteStartArray("bags");
        foreach (var bag in booking.Bags)
        {
            json.WriteStartObject();
            json.WriteString("traveler", bag.TravelerReference);
            ParseJsonWriter.WriteNumber(json, "count", bag.Count);
            WriteAmount(json, "weight", bag.Weight);
            json.WriteString("weightUnit", bag.WeightUnit);
            json.WriteString("pool", bag.Pool);
            ParseJsonWriter.WriteTags(json, bag.Tags);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "splitBookings", booking.SplitBookings);
        Strings(json, "nonAirSegments", booking.NonAirSegments);
        json.WriteStartArray("remarks");
        foreach (var remark in booking.Remarks)
        {
            json.WriteStartObject();
            json.WriteString("kind", remark.Kind);
            json.WriteString("text", remark.Text);
            json.WriteString("traveler", remark.TravelerReference);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("history");
        foreach (var entry in booking.History)
        {
            json.WriteStartObject();
            json.WriteString("action", entry.Action);
            json.WriteString("text", entry.Text);
            WriteTime(json, "at", entry.At);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("removedSensitive");
        foreach (var removal in booking.RemovedSensitive)
        {
            json.WriteStartObject();
            json.WriteString("category", removal.Category);
            json.WriteNumber("count", removal.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        ParseJsonWriter.WriteUnmapped(json, booking.UnmappedSegments);
        json.WriteEndObject();
    }

    private static void WriteLeg(Utf8JsonWriter json, ItineraryLeg leg)
    {
        json.WriteStartObject();
        json.WriteString("marketingCarrier", leg.MarketingCarrier);
        json.WriteString("marketingNumber", leg.MarketingNumber);
        json.WriteString("operatingCarrier", leg.OperatingCarrier);
        json.WriteString("operatingNumber", leg.OperatingNumber);
        json.WriteString("origin", leg.Origin);
        json.WriteString("destination", leg.Destination);
        WriteTime(json, "departure", leg.ScheduledDeparture);
        WriteTime(json, "arrival", leg.ScheduledArrival);
        json.WriteString("bookingClass", leg.BookingClass);
        json.WriteString("status", leg.Status);
        json.WriteString("equipment", leg.Equipment);
        json.WriteStartArray("seats");
        foreach (var seat in leg.Seats)
        {
            json.WriteStartObject();
            json.WriteString("traveler", seat.TravelerReference);
            json.WriteString("seat", seat.Seat);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("checkIns");
        foreach (var checkIn in leg.CheckIns)
        {
            json.WriteStartObject();
            json.WriteString("traveler", checkIn.TravelerReference);
            json.WriteString("sequence", checkIn.SequenceNumber);
            json.WriteString("seat", checkIn.Seat);
            json.WriteString("cabin", checkIn.Cabin);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    internal static void WriteTime(Utf8JsonWriter json, string name, DateTime? value) =>
        json.WriteString(name, value?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));

    private static void WriteAmount(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
