using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Edifact;
using Vigil.Travel;
using Vigil.Travel.Model;

namespace Vigil.Cli.Output;

/// <summary>
/// Writes the public JSON contract of <c>vigil parse --json</c> (documented in docs/formats.md): camelCase keys,
/// every key always present, absent values as null, dates as ISO 8601 without zone.
/// </summary>
internal static class ParseJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream output, IEnumerable<(string Path, TravelFile File)> files)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartArray("files");
        foreach (var (path, file) in files)
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteStartArray("messages");
            foreach (var message in file.Messages)
            {
                WriteMessage(json, message);
            }

            json.WriteEndArray();
            WriteDiagnostics(json, file.Diagnostics);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string ToJson(IEnumerable<(string Path, TravelFile File)> files)
    {
        using var buffer = new MemoryStream();
        Write(buffer, files);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMessage(Utf8JsonWriter json, TravelMessage message)
    {
        var list = message as PassengerList;
        var push = message as BookingPush;
        json.WriteStartObject();
        json.WriteString("type", message.Type);
        json.WriteString("version", message.Version);
        json.WriteString("sender", message.Sender);
        json.WriteString("recipient", message.Recipient);
        json.WriteString("interchangeRef", message.InterchangeReference);
        json.WriteString("messageRef", message.MessageReference);
        json.WriteString("commonAccessRef", message.CommonAccessReference);
        if (message.Part is { } part)
        {
            json.WriteStartObject("part");
            json.WriteNumber("sequence", part.Sequence);
            json.WriteBoolean("final", part.Final);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("part");
        }

        json.WriteStartArray("partsReceived");
        foreach (var sequence in list?.PartsReceived ?? push?.PartsReceived ?? [])
        {
            json.WriteNumberValue(sequence);
        }

        json.WriteEndArray();
        json.WriteBoolean("incomplete", list?.Incomplete ?? push?.Incomplete ?? false);
        json.WriteString("documentCode", list?.Purpose.DocumentCode);
        json.WriteString("function", list?.Purpose.Function);
        json.WriteString("transactionRef", list?.TransactionReference);
        if (list?.ReportingParty is { } party)
        {
            json.WriteStartObject("reportingParty");
            json.WriteString("name", party.Name);
            WriteContacts(json, party.Contacts);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("reportingParty");
        }

        json.WriteStartArray("flights");
        foreach (var flight in list?.Flights ?? (push?.PushedFlight is { } pushed ? [pushed] : []))
        {
            WriteFlight(json, flight);
        }

        json.WriteEndArray();
        json.WriteStartArray("travelers");
        foreach (var traveler in list?.Travelers ?? push?.Travelers ?? [])
        {
            WriteTraveler(json, traveler);
        }

        json.WriteEndArray();
        WriteNumber(json, "declaredPassengers", list?.DeclaredPassengers);
        WriteNumber(json, "declaredCrew", list?.DeclaredCrew);
        if (push is not null)
        {
            json.WriteString("pushKind", push.Kind switch { PushKind.Full => "full", PushKind.Update => "update", _ => null });
            json.WriteString("originator", push.Originator);
            WriteNumber(json, "declaredBookings", push.DeclaredBookings);
            json.WriteStartArray("bookings");
            foreach (var booking in push.Bookings)
            {
                BookingJson.Write(json, booking);
            }

            json.WriteEndArray();
        }

        WriteUnmapped(json, list?.UnmappedSegments ?? push?.UnmappedSegments ?? []);
        WriteDiagnostics(json, message.Diagnostics);
        json.WriteEndObject();
    }

    private static void WriteFlight(Utf8JsonWriter json, Flight flight)
    {
        json.WriteStartObject();
        json.WriteString("carrier", flight.Carrier);
        json.WriteString("number", flight.Number);
        json.WriteStartArray("legs");
        foreach (var leg in flight.Legs)
        {
            json.WriteStartObject();
            json.WriteString("origin", leg.Origin);
            json.WriteString("destination", leg.Destination);
            json.WriteString("departure", leg.ScheduledDeparture?.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("arrival", leg.ScheduledArrival?.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteBoolean("crossesBorder", leg.CrossesBorder);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("finalDestination", flight.FinalDestination);
        json.WriteEndObject();
    }

    private static void WriteTraveler(Utf8JsonWriter json, Traveler traveler)
    {
        json.WriteStartObject();
        json.WriteString("role", RoleName(traveler.Role));
        json.WriteString("surname", traveler.Surname);
        json.WriteString("givenNames", traveler.GivenNames);
        json.WriteString("title", traveler.Title);
        json.WriteString("reference", traveler.ReferenceNumber);
        json.WriteString("accompaniedBy", traveler.AccompaniedBy);
        WriteDate(json, "dateOfBirth", traveler.DateOfBirth);
        json.WriteString("gender", traveler.Gender);
        json.WriteString("nationality", traveler.Nationality);
        json.WriteString("residenceCountry", traveler.ResidenceCountry);
        json.WriteString("birthPlace", traveler.BirthPlace);
        json.WriteStartArray("documents");
        foreach (var document in traveler.Documents)
        {
            json.WriteStartObject();
            json.WriteString("type", document.Type);
            json.WriteString("number", document.Number);
            json.WriteString("issuingCountry", document.IssuingCountry);
            WriteDate(json, "issueDate", document.IssueDate);
            WriteDate(json, "expiry", document.Expiry);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("recordLocator", traveler.RecordLocator);
        json.WriteString("uniquePassengerRef", traveler.UniquePassengerReference);
        json.WriteString("seat", traveler.Seat);
        json.WriteString("embarkation", traveler.Embarkation);
        json.WriteString("debarkation", traveler.Debarkation);
        json.WriteString("portOfClearance", traveler.PortOfClearance);
        json.WriteStartArray("references");
        foreach (var reference in traveler.References)
        {
            json.WriteStartObject();
            json.WriteString("qualifier", reference.Qualifier);
            json.WriteString("value", reference.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (traveler.Bags is { } bags)
        {
            json.WriteStartObject("bags");
            WriteNumber(json, "count", bags.Count);
            if (bags.Weight is { } weight)
            {
                json.WriteNumber("weight", weight);
            }
            else
            {
                json.WriteNull("weight");
            }

            json.WriteString("weightUnit", bags.WeightUnit);
            WriteTags(json, bags.Tags);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("bags");
        }

        if (traveler.Address is { } address)
        {
            json.WritePropertyName("address");
            WriteAddress(json, address);
        }
        else
        {
            json.WriteNull("address");
        }

        WriteContacts(json, traveler.Contacts);
        if (traveler.Verified is { } verified)
        {
            json.WriteBoolean("verified", verified);
        }
        else
        {
            json.WriteNull("verified");
        }

        json.WriteString("crewFunction", traveler.CrewFunction);
        json.WriteStartArray("frequentFlyers");
        foreach (var account in traveler.FrequentFlyers)
        {
            json.WriteStartObject();
            json.WriteString("carrier", account.Carrier);
            json.WriteString("number", account.Number);
            json.WriteString("tier", account.Tier);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteUnmapped(json, traveler.UnmappedSegments);
        json.WriteEndObject();
    }

    internal static void WriteAddress(Utf8JsonWriter json, PostalAddress address)
    {
        json.WriteStartObject();
        json.WriteString("street", address.Street);
        json.WriteString("city", address.City);
        json.WriteString("region", address.Region);
        json.WriteString("postalCode", address.PostalCode);
        json.WriteString("country", address.Country);
        json.WriteEndObject();
    }

    internal static void WriteTags(Utf8JsonWriter json, IReadOnlyList<BagTagRange> tags)
    {
        json.WriteStartArray("tags");
        foreach (var tag in tags)
        {
            json.WriteStartObject();
            json.WriteString("firstTag", tag.FirstTag);
            json.WriteNumber("count", tag.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void WriteContacts(Utf8JsonWriter json, IReadOnlyList<Contact> contacts)
    {
        json.WriteStartArray("contacts");
        foreach (var contact in contacts)
        {
            json.WriteStartObject();
            json.WriteString("number", contact.Number);
            json.WriteString("channel", contact.Channel);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void WriteUnmapped(Utf8JsonWriter json, IReadOnlyList<RawSegment> segments)
    {
        json.WriteStartArray("unmappedSegments");
        foreach (var segment in segments)
        {
            json.WriteStartObject();
            json.WriteString("text", segment.Text);
            json.WriteNumber("segment", segment.Position.Segment);
            json.WriteNumber("offset", segment.Position.Offset);
            json.WriteNumber("line", segment.Position.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteDiagnostics(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var (name, severity) in (ReadOnlySpan<(string, DiagnosticSeverity)>)[("warnings", DiagnosticSeverity.Warning), ("errors", DiagnosticSeverity.Error)])
        {
            json.WriteStartArray(name);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Severity != severity)
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("code", diagnostic.Code);
                json.WriteNumber("segment", diagnostic.Segment);
                json.WriteNumber("offset", diagnostic.Offset);
                json.WriteNumber("line", diagnostic.Line);
                json.WriteString("message", diagnostic.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    internal static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date) =>
        json.WriteString(name, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    internal static void WriteNumber(Utf8JsonWriter json, string name, int? value)
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

    internal static string RoleName(TravelerRole role) => role switch
    {
        TravelerRole.Passenger => "passenger",
        TravelerRole.Crew => "crew",
        TravelerRole.InTransitPassenger => "in-transit-passenger",
        TravelerRole.InTransitCrew => "in-transit-crew",
        TravelerRole.Infant => "infant",
        _ => role.ToString().ToLowerInvariant(),
    };
}
