using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;

namespace Vigil.Data.Tests;

/// <summary>
/// The ingest writes its bulk rows without EF (<see cref="NewRows"/>); what it stores must be exactly what EF stores for
/// the same values, or EF's queries and comparisons (dates as text on SQLite) would see different data.
/// </summary>
public abstract class NewRowsTests(ITestDatabase database, TimeSpan offset) : OpenedStoreTests(database)
{
    private readonly DateTimeOffset At = new(2026, 1, 15, 8, 30, 15, 123, offset);

    [Fact]
    public async Task Every_bulk_row_is_stored_exactly_as_ef_stores_it()
    {
        var message = (await Store.StoreRawMessageAsync("UNA:+.? 'UNB+x'"u8.ToArray(), "sender", At, Cancel)).Id;
        await using var db = Store.CreateContext();
        var flight = new StoredFlight { FlightKey = "XX1/AAA/2026-01-16", FirstMessageId = message, LastMessageId = message, DepartureDate = new DateOnly(2026, 1, 16), UpdatedAt = At };
        db.Flights.Add(flight);
        await db.SaveChangesAsync(Cancel);

        StoredBooking Booking() => new() { BookingKey = "XX/ABC" + Guid.NewGuid().ToString("N")[..6], RecordLocator = "ABC123", CreatedAt = At };
        StoredTraveler Traveler(long? booking) => new()
        {
            FlightId = flight.Id, Source = TravelerSource.Pnr, ReportKey = "key " + Guid.NewGuid().ToString("N"), Role = "Passenger", Surname = "Ünal-O'Brien", GivenNames = "Ayşe",
            DateOfBirth = new DateOnly(1975, 6, 14), Gender = "F", Nationality = "TUR", RecordLocator = "ABC123", BookingId = booking,
            FirstMessageId = message, LastMessageId = message, UpdatedAt = At.AddTicks(7),
        };
        StoredDocument Document(long traveler) => new() { TravelerId = traveler, Type = "P", Number = "U-123", NormalizedNumber = "U123", IssuingCountry = "TUR", Expiry = new DateOnly(2030, 2, 28) };
        BookingVersion Version(long booking) => new() { BookingId = booking, Version = 1, MessageId = message, FlightId = flight.Id, PushKind = "Full", Cancelled = true, LastChanged = new DateTime(2026, 1, 10, 9, 5, 0), ReceivedAt = At, Content = "{\"a\":1}" };
        Person Person() => new() { Surname = "Ünal", GivenNames = "Ayşe", DateOfBirth = new DateOnly(1975, 6, 14), Nationality = "TUR", NameKey = "1975-06-14 nl", CreatedAt = At };
        PersonLink Link(long person, long traveler) => new() { PersonId = person, TravelerId = traveler, Reason = LinkReason.NameAndBirthDate, Detail = "name 0.97", Score = 0.9712345, LinkedAt = At };
        AuditEntry Audit() => new() { MessageId = message, Step = "upsert", Outcome = AuditOutcome.Succeeded, At = At, Detail = "détail" };

        // EF's rows.
        var byEf = new List<(string Table, long Id)>();
        var booking = Booking();
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(Cancel);
        var traveler = Traveler(booking.Id);
        db.Travelers.Add(traveler);
        await db.SaveChangesAsync(Cancel);
        var document = Document(traveler.Id);
        var version = Version(booking.Id);
        var person = Person();
        var audit = Audit();
        db.AddRange(document, version, person, audit);
        await db.SaveChangesAsync(Cancel);
        var link = Link(person.Id, traveler.Id);
        db.Add(link);
        await db.SaveChangesAsync(Cancel);
        byEf.AddRange([("bookings", booking.Id), ("travelers", traveler.Id), ("travel_documents", document.Id), ("booking_versions", version.Id), ("persons", person.Id), ("person_links", link.Id), ("audit_entries", audit.Id)]);

        // The same values through NewRows (keys differ where they must be unique).
        var byRows = new List<(string Table, long Id)>();
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            await using var rows = new NewRows(db);
            var booking2 = Booking();
            await rows.AddAsync(booking2, Cancel);
            var traveler2 = Traveler(booking2.Id);
            await rows.AddAsync(traveler2, Cancel);
            var document2 = Document(traveler2.Id);
            var version2 = Version(booking2.Id);
            var person2 = Person();
            var audit2 = Audit();
            await rows.AddAsync(document2, Cancel);
            await rows.AddAsync(version2, Cancel);
            await rows.AddAsync(person2, Cancel);
            await rows.AddAsync(audit2, Cancel);
            var link2 = Link(person2.Id, traveler2.Id);
            await rows.AddAsync(link2, Cancel);
            byRows.AddRange([("bookings", booking2.Id), ("travelers", traveler2.Id), ("travel_documents", document2.Id), ("booking_versions", version2.Id), ("persons", person2.Id), ("person_links", link2.Id), ("audit_entries", audit2.Id)]);
            await transaction.CommitAsync(Cancel);
        }

        var unique = new HashSet<string> { "booking_key", "report_key", "booking_id", "traveler_id", "person_id" };
        for (var i = 0; i < byEf.Count; i++)
        {
            Assert.NotEqual(0, byRows[i].Id);
            var ef = await ColumnsAsync(db, byEf[i].Table, byEf[i].Id);
            var rows = await ColumnsAsync(db, byRows[i].Table, byRows[i].Id);
            foreach (var (column, value) in ef.Where(c => c.Key != "id" && !unique.Contains(c.Key)))
            {
                Assert.True(value == rows[column], $"{byEf[i].Table}.{column}: EF stored {value}, NewRows stored {rows[column]}");
            }
        }
    }

    /// <summary>Every column of the row as the database holds it: its type and value, as text.</summary>
    private static async Task<Dictionary<string, string>> ColumnsAsync(VigilDbContext db, string table, long id)
    {
        await db.Database.OpenConnectionAsync(Cancel);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE id = {id}";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        var columns = new Dictionary<string, string>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns[reader.GetName(i)] = reader.IsDBNull(i) ? "null" : $"{reader.GetFieldType(i).Name} {Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return columns;
    }
}

/// <summary>SQLite keeps a time's offset in its text, so a time away from UTC is checked too.</summary>
public sealed class SqliteNewRowsTests() : NewRowsTests(new SqliteTestDatabase(), TimeSpan.FromHours(2));

/// <summary>PostgreSQL's timestamp with time zone takes UTC times only.</summary>
public sealed class PostgresNewRowsTests() : NewRowsTests(new PostgresTestDatabase(), TimeSpan.Zero);
