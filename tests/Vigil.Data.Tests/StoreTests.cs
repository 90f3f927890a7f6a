using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;
using Vigil.Tests;
using Vigil.Travel;
using Vigil.Travel.Model;

namespace Vigil.Data.Tests;

/// <summary>
/// The storage behaviour every provider must show. Each subclass gives a new, empty database per test; the store
/// opens it, which applies the migrations.
/// </summary>
public abstract class StoreTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private VigilStore? store;

    protected VigilStore Store => store ?? throw new InvalidOperationException("The store is opened in InitializeAsync.");

    protected TestClock Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = await CreateEmptyDatabaseAsync();
        store = await VigilStore.OpenAsync(options, Clock, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<VigilStoreOptions> CreateEmptyDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    [Fact]
    public async Task Migrations_create_the_whole_schema_from_empty()
    {
        await using var db = Store.CreateContext();
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(Cancel));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        // The migrations and their snapshot describe exactly the model the code has.
        Assert.False(db.Database.HasPendingModelChanges());

        Assert.Equal(0, await db.Messages.CountAsync(Cancel));
        Assert.Equal(0, await db.Flights.CountAsync(Cancel));
        Assert.Equal(0, await db.Travelers.CountAsync(Cancel));
        Assert.Equal(0, await db.BookingVersions.CountAsync(Cancel));
        Assert.Equal(0, await db.Hits.CountAsync(Cancel));
        Assert.Equal(0, await db.HitStatusChanges.CountAsync(Cancel));
        Assert.Equal(0, await db.Audit.CountAsync(Cancel));
        Assert.Equal(0, await db.Persons.CountAsync(Cancel));
        Assert.Equal(0, await db.WatchListEntries.CountAsync(Cancel));
    }

    [Fact]
    public async Task Opening_again_applies_nothing_and_keeps_the_data()
    {
        var receipt = await Store.StoreRawMessageAsync(Bytes("UNA:+.? 'UNB+UNOA:4+A+B'"), "airline-a", Clock.GetUtcNow(), Cancel);
        await using var db = Store.CreateContext();
        await db.Database.MigrateAsync(Cancel);
        Assert.Equal(receipt.Id, (await Store.GetMessageAsync(receipt.Id, Cancel))?.Id);
    }

    [Fact]
    public async Task The_same_bytes_are_stored_once_and_return_the_first_id()
    {
        var bytes = Bytes("UNB+UNOA:4+AIR1+USCBP+070218:1545+000000001'");
        var first = await Store.StoreRawMessageAsync(bytes, "airline-a", Clock.GetUtcNow(), Cancel);
        var again = await Store.StoreRawMessageAsync(bytes, "airline-b", Clock.GetUtcNow().AddMinutes(5), Cancel);
        var other = await Store.StoreRawMessageAsync(Bytes("something else"), "airline-a", Clock.GetUtcNow(), Cancel);

        Assert.False(first.AlreadyStored);
        Assert.True(again.AlreadyStored);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.ContentHash);

        await using var db = Store.CreateContext();
        Assert.Equal(2, await db.Messages.CountAsync(Cancel));
        Assert.Equal(2, await db.Contents.CountAsync(Cancel));
        var message = await Store.GetMessageAsync(first.Id, Cancel);
        Assert.Equal(("airline-a", MessageStatus.Received), (message!.Sender, message.Status));
        Assert.Equal(bytes, await Store.ReadContentAsync(first.Id, Cancel));
    }

    [Fact]
    public async Task The_same_bytes_arriving_at_once_are_stored_once()
    {
        var bytes = Bytes("UNB+UNOA:4+AIR1+USCBP+070218:1545+000000002'");
        var receipts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => Store.StoreRawMessageAsync(bytes, "airline-a", Clock.GetUtcNow(), Cancel), Cancel)));

        Assert.Single(receipts.Select(r => r.Id).Distinct());
        Assert.Single(receipts, r => !r.AlreadyStored);
        await using var db = Store.CreateContext();
        Assert.Equal(1, await db.Messages.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_second_message_with_the_senders_interchange_reference_is_a_duplicate()
    {
        var first = await Store.StoreRawMessageAsync(Bytes("first"), "airline-a", Clock.GetUtcNow(), Cancel);
        var resent = await Store.StoreRawMessageAsync(Bytes("first, sent again with other bytes"), "airline-a", Clock.GetUtcNow(), Cancel);
        var otherSender = await Store.StoreRawMessageAsync(Bytes("another sender"), "airline-b", Clock.GetUtcNow(), Cancel);

        Assert.Equal(MessageStatus.Parsed, await Store.MarkParsedAsync(first.Id, "PAXLST", "000000001", Cancel));
        Assert.Equal(MessageStatus.Duplicate, await Store.MarkParsedAsync(resent.Id, "PAXLST", "000000001", Cancel));
        Assert.Equal(MessageStatus.Parsed, await Store.MarkParsedAsync(otherSender.Id, "PAXLST", "000000001", Cancel));
        // Parsing the original again changes nothing about who is the duplicate.
        Assert.Equal(MessageStatus.Parsed, await Store.MarkParsedAsync(first.Id, "PAXLST", "000000001", Cancel));

        var duplicate = await Store.GetMessageAsync(resent.Id, Cancel);
        Assert.Equal(first.Id, duplicate!.DuplicateOfId);
        Assert.Equal("000000001", duplicate.InterchangeReference);
        Assert.Equal(MessageStatus.Duplicate, await Store.MarkParsedAsync(resent.Id, "PAXLST", "000000001", Cancel));
    }

    [Fact]
    public async Task A_failed_message_is_quarantined_with_its_reason_and_position_until_replayed()
    {
        var good = await Store.StoreRawMessageAsync(Bytes("good"), "airline-a", Clock.GetUtcNow(), Cancel);
        var bad = await Store.StoreRawMessageAsync(Bytes("bad"), "airline-a", Clock.GetUtcNow(), Cancel);
        await Store.MarkParsedAsync(good.Id, "PAXLST", null, Cancel);
        await Store.MarkProcessedAsync(good.Id, Cancel);
        await Store.MarkFailedAsync(bad.Id, "UNH segment 3 names no message type.", new SourcePosition(3, 120, 2), Cancel);

        var quarantined = Assert.Single(await Store.ListQuarantinedAsync(Cancel));
        Assert.Equal(bad.Id, quarantined.Id);
        Assert.Equal(MessageStatus.Failed, quarantined.Status);
        Assert.Equal("UNH segment 3 names no message type.", quarantined.ErrorText);
        Assert.Equal((3, 120L, 2), (quarantined.ErrorSegment, quarantined.ErrorOffset, quarantined.ErrorLine));
        Assert.Equal(Bytes("bad"), await Store.ReadContentAsync(bad.Id, Cancel));

        Assert.True(await Store.ReleaseForReplayAsync(bad.Id, Cancel));
        Assert.False(await Store.ReleaseForReplayAsync(good.Id, Cancel));
        Assert.Empty(await Store.ListQuarantinedAsync(Cancel));
        Assert.Equal(MessageStatus.Parsed, await Store.MarkParsedAsync(bad.Id, "PAXLST", null, Cancel));
        Assert.Null((await Store.GetMessageAsync(bad.Id, Cancel))!.ErrorText);
    }

    [Fact]
    public async Task A_passenger_list_makes_its_flight_and_travelers_once_however_often_it_is_stored()
    {
        var (id, list) = await ReceiveAsync<PassengerList>("paxlst", "gtas-apisMessage.txt");

        var saved = await Store.SavePassengerListAsync(id, list, Cancel);
        var again = await Store.SavePassengerListAsync(id, list, Cancel);

        Assert.Equal(saved.FlightId, again.FlightId);
        Assert.Equal(saved.TravelerIds, again.TravelerIds);
        Assert.Equal(list.Travelers.Count, saved.TravelerIds.Distinct().Count());

        var flight = await Store.GetFlightAsync("AA123/ATL/2007-02-19", Cancel);
        Assert.NotNull(flight);
        Assert.Equal(("AA", "123"), (flight.Carrier, flight.Number));
        var leg = Assert.Single(flight.Legs);
        Assert.Equal(new DateTime(2007, 2, 19, 15, 40, 0), leg.ScheduledDeparture);
        Assert.Equal(list.Travelers.Count, flight.Travelers.Count);
        var clark = flight.Travelers.Single(t => t.Surname == "CLARK" && t.DateOfBirth == new DateOnly(1972, 9, 7));
        Assert.Equal((TravelerSource.Api, "MICHAEL", "TYR123"), (clark.Source, clark.GivenNames, clark.RecordLocator));
    }

    [Fact]
    public async Task The_travelers_are_placed_on_the_flight_that_crosses_the_border_with_their_documents()
    {
        var (id, list) = await ReceiveAsync<PassengerList>("paxlst", "gtas-multiple_flight_leg_apis.txt");

        var saved = await Store.SavePassengerListAsync(id, list, Cancel);

        var flight = await Store.GetFlightAsync("QQ827/IAD/2008-08-10", Cancel);
        Assert.NotNull(flight);
        Assert.Equal(saved.FlightId, flight.Id);
        Assert.Equal([("IAD", "JFK", false), ("JFK", "CDG", true)], flight.Legs.Select(l => (l.Origin, l.Destination, l.CrossesBorder)));
        Assert.Equal(("IAD", "CDG"), (flight.Origin, flight.Destination));
        var barrett = flight.Travelers.Single(t => t.Id == saved.TravelerIds[0]);
        var passport = Assert.Single(barrett.Documents);
        Assert.Equal(("P", "YY3478621G", "FRA", new DateOnly(2008, 12, 30)), (passport.Type, passport.Number, passport.IssuingCountry, passport.Expiry));
        Assert.Equal("UPR:UUI34T543", barrett.ReportKey);
        Assert.Null(await Store.GetFlightAsync("QQ877/MIA/2008-07-10", Cancel));
    }

    [Fact]
    public async Task A_later_list_for_the_flight_updates_the_travelers_it_names_again()
    {
        var (firstId, list) = await ReceiveAsync<PassengerList>("paxlst", "gtas-apisMessage.txt");
        var saved = await Store.SavePassengerListAsync(firstId, list, Cancel);

        var change = await Store.StoreRawMessageAsync(Bytes("a change list"), "airline-a", Clock.GetUtcNow(), Cancel);
        var moved = list with { Travelers = [list.Travelers[0] with { Seat = "31C" }] };
        var updated = await Store.SavePassengerListAsync(change.Id, moved, Cancel);

        Assert.Equal(saved.TravelerIds[0], Assert.Single(updated.TravelerIds));
        var flight = await Store.GetFlightAsync("AA123/ATL/2007-02-19", Cancel);
        Assert.Equal(list.Travelers.Count, flight!.Travelers.Count);
        var traveler = flight.Travelers.Single(t => t.Id == saved.TravelerIds[0]);
        Assert.Equal(("31C", firstId, change.Id), (traveler.Seat, traveler.FirstMessageId, traveler.LastMessageId));
    }

    [Fact]
    public async Task Booking_versions_are_ordered_by_arrival_and_never_change()
    {
        var (firstId, push) = await ReceiveAsync<BookingPush>("pnrgov", "gtas-pnr1.txt");
        var secondId = (await Store.StoreRawMessageAsync(Bytes("the next push"), "DL", Clock.GetUtcNow(), Cancel)).Id;
        var booking = push.Bookings[0];
        var changed = push with { Kind = PushKind.Update, Bookings = [booking with { Cancelled = true }] };

        var first = await Store.SaveBookingPushAsync(firstId, push, Cancel);
        var replayed = await Store.SaveBookingPushAsync(firstId, push, Cancel);
        var second = await Store.SaveBookingPushAsync(secondId, changed, Cancel);

        Assert.Equal(push.Bookings.Count, first.BookingVersionsAdded);
        Assert.Equal(0, replayed.BookingVersionsAdded);
        Assert.Equal(first.TravelerIds, replayed.TravelerIds);
        Assert.Equal(1, second.BookingVersionsAdded);
        Assert.Equal(first.BookingIds[0], second.BookingIds[0]);

        await using var db = Store.CreateContext();
        var key = await db.Bookings.Where(b => b.Id == first.BookingIds[0]).Select(b => b.BookingKey).SingleAsync(Cancel);
        Assert.Equal("DL/MFN4TI", key);
        var versions = await Store.GetBookingVersionsAsync(key, Cancel);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([firstId, secondId], versions.Select(v => v.MessageId));
        Assert.Equal([false, true], versions.Select(v => v.Cancelled));
        Assert.Equal(["Full", "Update"], versions.Select(v => v.PushKind));
        Assert.Contains("MFN4TI", versions[0].Content, StringComparison.Ordinal);

        var travelers = await db.Travelers.Where(t => first.TravelerIds.Contains(t.Id)).ToListAsync(Cancel);
        Assert.All(travelers, t => Assert.Equal(TravelerSource.Pnr, t.Source));
        Assert.Contains(travelers, t => t.BookingId == first.BookingIds[0] && t.RecordLocator == "MFN4TI");

        // Neither the model nor SQL written by hand can rewrite a version.
        var version = await db.BookingVersions.FirstAsync(Cancel);
        version.Cancelled = !version.Cancelled;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        db.ChangeTracker.Clear();
        db.BookingVersions.Remove(await db.BookingVersions.FirstAsync(Cancel));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE booking_versions SET cancelled = NOT cancelled", Cancel));
        Assert.Equal([false, true], (await Store.GetBookingVersionsAsync(key, Cancel)).Select(v => v.Cancelled));
    }

    [Fact]
    public async Task The_audit_only_grows()
    {
        var message = await Store.StoreRawMessageAsync(Bytes("audited"), "airline-a", Clock.GetUtcNow(), Cancel);
        var first = await Store.RecordAuditAsync(message.Id, "replay-requested", AuditOutcome.Succeeded, null, Cancel);
        await Store.RecordAuditAsync(message.Id, "parse", AuditOutcome.Failed, "segment 4: UNH without type", Cancel);
        await Store.RecordAuditAsync(message.Id, "parse", AuditOutcome.Succeeded, "after replay", Cancel);
        await Store.RecordAuditAsync(null, "list-import", AuditOutcome.Skipped, "un 2026-01-14 already stored", Cancel);

        var steps = await Store.ListAuditAsync(message.Id, Cancel);
        Assert.Equal(["store-raw", "replay-requested", "parse", "parse"], steps.Select(s => s.Step));
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Succeeded, AuditOutcome.Failed, AuditOutcome.Succeeded], steps.Select(s => s.Outcome));
        Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.Single(await Store.ListAuditAsync(null, Cancel));

        await using var db = Store.CreateContext();
        var entry = await db.Audit.SingleAsync(a => a.Id == first, Cancel);
        entry.Detail = "rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        db.ChangeTracker.Clear();
        db.Audit.Remove(await db.Audit.SingleAsync(a => a.Id == first, Cancel));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET detail = 'rewritten'", Cancel));
        Assert.Null((await Store.ListAuditAsync(message.Id, Cancel))[1].Detail);
        Assert.Equal(5, await db.Audit.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_traveler_has_one_hit_per_list_entry_and_its_status_history_is_kept()
    {
        var (id, list) = await ReceiveAsync<PassengerList>("paxlst", "gtas-apisMessage.txt");
        var traveler = (await Store.SavePassengerListAsync(id, list, Cancel)).TravelerIds[0];
        var listed = Listed("QDi.001", "Michael Clark");
        var stored = await Store.SaveWatchListAsync(new WatchList("un", "UN consolidated XML", "2026-01-14", [listed], []), Clock.GetUtcNow(), cancellationToken: Cancel);

        var first = await Store.UpsertHitAsync(traveler, HitDraft.FromMatch(Match(listed, 0.91), HitSeverity.High), Cancel);
        await Store.ChangeHitStatusAsync(first.HitId, HitStatus.InReview, "analyst.one", "looking at the passport scan", Cancel);
        var again = await Store.UpsertHitAsync(traveler, HitDraft.FromMatch(Match(listed, 0.95), HitSeverity.High), Cancel);
        var rule = await Store.UpsertHitAsync(traveler, HitDraft.ForRule("42", 1, HitSeverity.Medium, """{"rule":"one-way cash ticket"}"""), Cancel);
        Assert.True(await Store.ChangeHitStatusAsync(first.HitId, HitStatus.Confirmed, "analyst.two", "document number matches the listed passport", Cancel));
        Assert.False(await Store.ChangeHitStatusAsync(first.HitId, HitStatus.Confirmed, "analyst.two", "again", Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ChangeHitStatusAsync(first.HitId, HitStatus.Dismissed, "analyst.two", " ", Cancel));

        Assert.True(first.Created);
        Assert.Equal(new HitUpsert(first.HitId, false), again);
        Assert.True(rule.Created);
        Assert.NotEqual(first.HitId, rule.HitId);
        Assert.Equal(2, (await Store.ListHitsAsync(traveler, Cancel)).Count);

        var hit = await Store.GetHitAsync(first.HitId, Cancel);
        Assert.NotNull(hit);
        Assert.Equal(("list:un:QDi.001", 0.95, HitStatus.Confirmed), (hit.SubjectKey, hit.Score, hit.Status));
        Assert.Equal(await EntryIdAsync(stored.VersionId, "QDi.001"), hit.WatchListEntryId);
        Assert.Contains("Michael Clark", hit.Explanation, StringComparison.Ordinal);
        Assert.Equal(
            [(null, HitStatus.New, "vigil"), (HitStatus.New, HitStatus.InReview, "analyst.one"), (HitStatus.InReview, HitStatus.Confirmed, "analyst.two")],
            hit.History.Select(h => ((HitStatus?)h.From, h.To, h.Actor)));
        Assert.Equal("document number matches the listed passport", hit.History[^1].Reason);

        await using var db = Store.CreateContext();
        await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE hit_status_changes SET actor = 'someone else'", Cancel));
    }

    [Fact]
    public async Task A_list_version_is_stored_once_and_the_newest_import_becomes_current()
    {
        var first = new WatchList("un", "UN consolidated XML", "2026-01-14", [Listed("QDi.001", "Michael Clark"), Listed("QDi.002", "Ann Other")], []);
        var second = first with { Version = "2026-01-15", Entries = [.. first.Entries, Listed("QDi.003", "New Name")] };

        var a = await Store.SaveWatchListAsync(first, Clock.GetUtcNow(), cancellationToken: Cancel);
        var b = await Store.SaveWatchListAsync(first, Clock.GetUtcNow(), cancellationToken: Cancel);
        var c = await Store.SaveWatchListAsync(second, Clock.GetUtcNow(), cancellationToken: Cancel);

        Assert.True(a.Created);
        Assert.Equal(a with { Created = false }, b);
        Assert.True(c.Created);
        Assert.Equal(a.WatchListId, c.WatchListId);
        await using var db = Store.CreateContext();
        Assert.Equal(c.VersionId, await db.WatchLists.Where(w => w.Code == "un").Select(w => w.CurrentVersionId).SingleAsync(Cancel));
        Assert.Equal(5, await db.WatchListEntries.CountAsync(Cancel));
        var entry = await db.WatchListEntries.SingleAsync(e => e.VersionId == c.VersionId && e.EntryRef == "QDi.003", Cancel);
        Assert.Equal("New Name", entry.PrimaryName);
        Assert.Contains("QDi.003", entry.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_traveler_links_to_one_person_and_the_link_says_why()
    {
        var (id, list) = await ReceiveAsync<PassengerList>("paxlst", "gtas-apisMessage.txt");
        var travelers = (await Store.SavePassengerListAsync(id, list, Cancel)).TravelerIds;

        var person = await Store.LinkTravelerAsync(travelers[0], LinkReason.Document, "P 123456789 USA on both", 1.0, cancellationToken: Cancel);
        var same = await Store.LinkTravelerAsync(travelers[0], LinkReason.Analyst, "again", cancellationToken: Cancel);
        await Store.LinkTravelerAsync(travelers[1], LinkReason.NameAndBirthDate, "name 0.97, same date of birth", 0.97, person, Cancel);

        Assert.Equal(person, same);
        var stored = await Store.GetPersonAsync(person, Cancel);
        Assert.NotNull(stored);
        Assert.Equal("CLARK", stored.Surname);
        Assert.Equal([(travelers[0], LinkReason.Document), (travelers[1], LinkReason.NameAndBirthDate)], stored.Links.Select(l => (l.TravelerId, l.Reason)));
    }

    protected static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private async Task<(long Id, T Message)> ReceiveAsync<T>(string folder, string name)
        where T : TravelMessage
    {
        var bytes = await File.ReadAllBytesAsync(SharedData.PathOf("data", "messages", folder, name), Cancel);
        var receipt = await Store.StoreRawMessageAsync(bytes, "airline-a", Clock.GetUtcNow(), Cancel);
        var message = Assert.IsType<T>(TravelFileReader.Read(bytes, Today).Messages.First(m => m is T));
        await Store.MarkParsedAsync(receipt.Id, message.Type, message.InterchangeReference, Cancel);
        return (receipt.Id, message);
    }

    private async Task<long?> EntryIdAsync(long versionId, string entryRef)
    {
        await using var db = Store.CreateContext();
        return await db.WatchListEntries.Where(e => e.VersionId == versionId && e.EntryRef == entryRef).Select(e => (long?)e.Id).SingleAsync(Cancel);
    }

    private static async Task AssertRefusedAsync(Func<Task> update)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(update);
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    private static ListedPerson Listed(string id, string name) => new()
    {
        List = "un",
        ListId = id,
        Names = [new ListedName(name, NameKind.Primary, NameQuality.Strong)],
        BirthDates = [ListedBirthDate.Exact(new DateOnly(1972, 9, 7))],
    };

    private static ScreeningMatch Match(ListedPerson person, double score) => new(
        person,
        score,
        Alert: true,
        new MatchExplanation(
            person.PrimaryName,
            NameKind.Primary,
            new NameScore(score, [new AlignedUnits("clark", "clark", 1), new AlignedUnits("michael", "michael", 1)], [], [], false),
            [new Evidence("dateOfBirth", 0.10, "1972-09-07 against listed 1972-09-07: same date")],
            0.85));
}

/// <summary>A clock that moves one second every time it is read, so recorded times are distinct and ordered.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
