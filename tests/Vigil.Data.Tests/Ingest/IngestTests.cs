using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Data.Ingest;
using Vigil.Screening.Hits;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;
using Vigil.Tests;
using Vigil.Travel.Synthetic;

namespace Vigil.Data.Tests.Ingest;

/// <summary>
/// The ingest pipeline end to end on each provider: shared samples and generated traffic in, flights, travelers,
/// bookings, persons and hits out; quarantine and replay; duplicates; re-screening; identity across flights.
/// </summary>
public abstract class IngestTests(ITestDatabase database) : OpenedStoreTests(database)
{
    private static readonly Lazy<WatchList> UnList = new(() => WatchListReader.Read(SharedData.PathOf("data", "lists", "un", "consolidated.xml")));
    private static readonly Lazy<WatchListCheck> UnCheck = new(() => new WatchListCheck(new WatchListMatcher(WatchListIndex.Build(UnList.Value.Entries))));

    private static readonly DateTime Tomorrow = new(2026, 1, 16, 9, 30, 0);

    [Fact]
    public async Task Shared_samples_are_all_processed_or_quarantined_with_a_reason_and_none_is_left_pending()
    {
        var pipeline = Pipeline(UnCheck.Value);
        var files = SharedData.Files(Path.Combine("data", "messages", "paxlst")).Concat(SharedData.Files(Path.Combine("data", "messages", "pnrgov"))).ToList();
        var duplicatesOnArrival = 0;
        foreach (var file in files)
        {
            // The GTAS samples reuse a handful of interchange references, so each is sent as from its own sender:
            // from one sender they would rightly be duplicates of each other.
            duplicatesOnArrival += (await pipeline.ReceiveAsync(await File.ReadAllBytesAsync(file, Cancel), Path.GetFileName(file), Cancel)).Duplicate ? 1 : 0;
        }

        var finished = await pipeline.ProcessPendingAsync(Cancel);

        var counts = await Store.CountAsync(Cancel);
        Assert.Equal(files.Count, counts.AllMessages);
        Assert.Equal(files.Count - duplicatesOnArrival, finished);
        Assert.Equal(0, counts.MessagesIn(MessageStatus.Received) + counts.MessagesIn(MessageStatus.Parsed));
        Assert.True(counts.MessagesIn(MessageStatus.Processed) >= files.Count - 3, $"only {counts.MessagesIn(MessageStatus.Processed)} of {files.Count} samples were processed: "
            + string.Join(" | ", (await Store.ListMessagesAsync(cancellationToken: Cancel)).Where(m => m.Status != MessageStatus.Processed).Select(m => $"{m.Id} {m.Status} {m.ErrorText}")));
        Assert.True(counts.Travelers > 100);
        Assert.True(counts.Bookings > 10);
        Assert.Equal(counts.Travelers, counts.Persons + await LinkedToEarlierPersonsAsync());
        foreach (var quarantined in await Store.ListQuarantinedAsync(Cancel))
        {
            Assert.False(string.IsNullOrWhiteSpace(quarantined.ErrorText));
        }

        await using var db = Store.CreateContext();
        var processed = await db.Messages.Where(m => m.Status == MessageStatus.Processed).Select(m => m.Id).FirstAsync(Cancel);
        var steps = await db.Audit.Where(a => a.MessageId == processed).OrderBy(a => a.Id).Select(a => a.Step).ToListAsync(Cancel);
        Assert.Equal(["store-raw", "parse", "upsert", "identity", "screen", "complete"], steps.Where(s => s != "reassemble"));
        Assert.Equal(0, await pipeline.ProcessPendingAsync(Cancel));
    }

    [Fact]
    public async Task Generated_traffic_lands_once_with_every_traveler_and_booking()
    {
        var pipeline = Pipeline(UnCheck.Value);
        var lists = new PaxlstGenerator(7).Generate(4).ToList();
        var pushes = new PnrgovGenerator(7).Generate(4, bookings: 30).ToList();
        foreach (var content in lists.Select(l => l.Content).Concat(pushes.Select(p => p.Content)))
        {
            Assert.False((await pipeline.ReceiveAsync(content, "generated", Cancel)).Duplicate);
        }

        Assert.Equal(8, await pipeline.ProcessPendingAsync(Cancel));
        // Processing again finds nothing to do: a message is processed exactly once.
        Assert.Equal(0, await pipeline.ProcessPendingAsync(Cancel));

        var counts = await Store.CountAsync(Cancel);
        Assert.Equal(8, counts.MessagesIn(MessageStatus.Processed));
        Assert.Equal(lists.Sum(l => l.Travelers.Count) + pushes.Sum(p => p.Travelers.Count()), counts.Travelers);
        Assert.Equal(pushes.Sum(p => p.Bookings.Count), counts.Bookings);
        await using var db = Store.CreateContext();
        Assert.Equal(counts.Travelers, await db.PersonLinks.CountAsync(Cancel));
        Assert.Equal(8, await db.Audit.CountAsync(a => a.Step == "complete", Cancel));
    }

    [Fact]
    public async Task A_broken_message_is_quarantined_with_its_reason_and_position_and_a_replay_processes_it_once_fixed()
    {
        var flaky = new RecordingCheck { FailuresLeft = 1 };
        var pipeline = Pipeline(flaky);
        var garbage = await pipeline.ReceiveAsync("UNA:+.? 'UNB+UNOA:4+XX+VIGIL+260115:0800+77'UNZ+0+77'"u8.ToArray(), "airline-x", Cancel);
        var good = await pipeline.ReceiveAsync(PaxlstText.List("1001", "XX100", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F')), "airline-x", Cancel);

        Assert.Equal(2, await pipeline.ProcessPendingAsync(Cancel));

        var quarantined = await Store.ListQuarantinedAsync(Cancel);
        Assert.Equal([garbage.MessageId, good.MessageId], quarantined.Select(m => m.Id));
        var unreadable = quarantined[0];
        Assert.Contains("no PAXLST or PNRGOV", unreadable.ErrorText, StringComparison.Ordinal);
        Assert.Contains("no-message", unreadable.ErrorText, StringComparison.Ordinal);
        Assert.NotNull(unreadable.ErrorOffset);
        Assert.Contains("check failed on purpose", quarantined[1].ErrorText, StringComparison.Ordinal);

        // The check now works: the replay processes the message; the unreadable one stays in quarantine.
        Assert.True(await pipeline.ReplayAsync(good.MessageId, Cancel));
        Assert.False(await pipeline.ReplayAsync(garbage.MessageId, Cancel));
        Assert.False(await pipeline.ReplayAsync(good.MessageId, Cancel));
        Assert.Equal(MessageStatus.Processed, (await Store.GetMessageAsync(good.MessageId, Cancel))!.Status);
        Assert.Equal([garbage.MessageId], (await Store.ListQuarantinedAsync(Cancel)).Select(m => m.Id));
        var audit = await Store.ListAuditAsync(good.MessageId, Cancel);
        Assert.Contains(audit, a => a is { Step: "screen", Outcome: AuditOutcome.Failed });
        Assert.Contains(audit, a => a.Step == "replay");
        Assert.Equal(1, audit.Count(a => a.Step == "complete"));
        Assert.Equal(1, (await Store.CountAsync(Cancel)).Travelers);
    }

    [Fact]
    public async Task A_message_that_fails_inside_a_batch_is_quarantined_alone_and_the_rest_of_its_batch_is_processed()
    {
        var pipeline = Pipeline(new RecordingCheck { FailsFor = "POISON" });
        var first = await pipeline.ReceiveAsync(PaxlstText.List("2001", "XX200", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F')), "airline-x", Cancel);
        var bad = await pipeline.ReceiveAsync(PaxlstText.List("2002", "XX201", "CDG", "JFK", Tomorrow, new PaxPerson("POISON", "IVY", new DateOnly(1980, 1, 1), 'F')), "airline-x", Cancel);
        var last = await pipeline.ReceiveAsync(PaxlstText.List("2003", "XX202", "CDG", "JFK", Tomorrow, new PaxPerson("ROSSI", "MARIO", new DateOnly(1970, 1, 2))), "airline-x", Cancel);

        Assert.Equal(3, await pipeline.ProcessPendingAsync(Cancel));

        var quarantined = Assert.Single(await Store.ListQuarantinedAsync(Cancel));
        Assert.Equal(bad.MessageId, quarantined.Id);
        Assert.Contains("screen failed", quarantined.ErrorText, StringComparison.Ordinal);
        Assert.Contains("check failed on purpose", quarantined.ErrorText, StringComparison.Ordinal);
        foreach (var good in new[] { first, last })
        {
            Assert.Equal(MessageStatus.Processed, (await Store.GetMessageAsync(good.MessageId, Cancel))!.Status);
            var completed = Assert.Single(await Store.ListAuditAsync(good.MessageId, Cancel), a => a.Step == "complete");
            Assert.Equal("links, hits and status committed together", completed.Detail);
        }

        // Taking the batch apart stored nothing twice: one row and one person link per traveler.
        var counts = await Store.CountAsync(Cancel);
        Assert.Equal(3, counts.Travelers);
        Assert.Equal(3, counts.Persons);
    }

    [Fact]
    public async Task The_same_bytes_or_the_same_interchange_from_a_sender_are_processed_once()
    {
        var pipeline = Pipeline();
        var bytes = PaxlstText.List("2002", "XX200", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F'));
        var first = await pipeline.ReceiveAsync(bytes, "airline-x", Cancel);
        var again = await pipeline.ReceiveAsync(bytes, "airline-x", Cancel);
        var resent = await pipeline.ReceiveAsync(PaxlstText.List("2002", "XX200", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F'), new PaxPerson("DUPONT", "JEAN", new DateOnly(1961, 5, 6))), "airline-x", Cancel);
        var otherSender = await pipeline.ReceiveAsync(PaxlstText.List("2002", "YY200", "CDG", "JFK", Tomorrow, new PaxPerson("ROSSI", "MARIO", new DateOnly(1970, 1, 2))), "airline-y", Cancel);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.True(resent.Duplicate);
        Assert.Equal(first.MessageId, resent.DuplicateOf);
        Assert.False(otherSender.Duplicate);

        Assert.Equal(2, await pipeline.ProcessPendingAsync(Cancel));
        var counts = await Store.CountAsync(Cancel);
        Assert.Equal(3, counts.AllMessages);
        Assert.Equal(1, counts.MessagesIn(MessageStatus.Duplicate));
        Assert.Equal(2, counts.Travelers);
        Assert.Equal(1, (await Store.ListAuditAsync(first.MessageId, Cancel)).Count(a => a.Step == "complete"));
    }

    [Fact]
    public async Task Receipts_arriving_together_are_each_answered_as_if_they_had_come_alone()
    {
        // Receipts that arrive while others are committed are committed together; each sender must still get its own
        // message's answer, and duplicates within one group must be found as they are across groups.
        var pipeline = Pipeline();
        var sends = new List<(string Interchange, byte[] Bytes, string Sender)>();
        for (var i = 0; i < 8; i++)
        {
            var interchange = $"31{i:00}";
            var sender = $"airline-{i % 3}";
            var list = PaxlstText.List(interchange, $"XX3{i:00}", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F'));
            var corrected = PaxlstText.List(interchange, $"XX3{i:00}", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 5), 'F'));
            sends.AddRange([(interchange, list, sender), (interchange, list, sender), (interchange, corrected, sender)]);
        }

        var answers = await Task.WhenAll(sends.Select(s => Task.Run(() => pipeline.ReceiveAsync(s.Bytes, s.Sender, Cancel), Cancel)));

        for (var i = 0; i < sends.Count; i++)
        {
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(sends[i].Bytes)), answers[i].ContentHash);
        }

        foreach (var interchange in sends.Select(s => s.Interchange).Distinct())
        {
            var of = Enumerable.Range(0, sends.Count).Where(i => sends[i].Interchange == interchange).ToList();
            var (list, again, corrected) = (answers[of[0]], answers[of[1]], answers[of[2]]);
            Assert.Equal(list.MessageId, again.MessageId);
            Assert.True(list.Duplicate || again.Duplicate);
            Assert.NotEqual(list.MessageId, corrected.MessageId);

            // Whichever of the two contents was stored first is the original; the other is its duplicate.
            if ((list.DuplicateOf ?? again.DuplicateOf) is { } originalOfList)
            {
                Assert.Equal(corrected.MessageId, originalOfList);
                Assert.False(corrected.Duplicate);
            }
            else
            {
                Assert.Equal(list.MessageId, corrected.DuplicateOf);
            }
        }

        var counts = await Store.CountAsync(Cancel);
        Assert.Equal(16, counts.AllMessages);
        Assert.Equal(8, counts.MessagesIn(MessageStatus.Duplicate));
        Assert.Equal(8, await pipeline.ProcessPendingAsync(Cancel));
        Assert.Equal(8, (await Store.CountAsync(Cancel)).Travelers);
    }

    [Fact]
    public async Task A_listed_person_on_board_yields_one_hit_with_its_explanation()
    {
        var listed = UnList.Value.Entries.First(e => e.ListId == "QDi.006");
        var born = listed.BirthDates.First(d => d.Day is not null);
        await Store.SaveWatchListAsync(UnList.Value, Clock.GetUtcNow(), cancellationToken: Cancel);
        var pipeline = Pipeline(UnCheck.Value);
        var bytes = PaxlstText.List("3003", "XX300", "CAI", "CDG", Tomorrow,
            new PaxPerson("EL ZAWAHRI", "AYMAN MOHAMED RABIE", new DateOnly(born.FromYear, born.Month!.Value, born.Day!.Value), Nationality: "EGY"),
            new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F'));
        await pipeline.ReceiveAsync(bytes, "airline-x", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);
        // Screening the same traveler again (re-screen) updates the hit instead of adding one.
        await pipeline.RescreenAsync(RescreenScope.Upcoming(), Cancel);

        await using var db = Store.CreateContext();
        var hit = Assert.Single(await db.Hits.ToListAsync(Cancel));
        var traveler = await db.Travelers.SingleAsync(t => t.Id == hit.TravelerId, Cancel);
        Assert.Equal("EL ZAWAHRI", traveler.Surname);
        Assert.Equal("list:un:QDi.006", hit.SubjectKey);
        Assert.Equal("un", hit.ListCode);
        Assert.NotNull(hit.WatchListEntryId);
        Assert.Contains("alignedUnits", hit.Explanation.Replace("pairs", "alignedUnits", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("dateOfBirth", hit.Explanation, StringComparison.Ordinal);
        Assert.True(hit.Score >= 0.75);
        Assert.Single(await db.HitStatusChanges.Where(c => c.HitId == hit.Id).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Rescreening_after_a_list_import_finds_a_newly_listed_traveler()
    {
        var pipeline = Pipeline(UnCheck.Value);
        var onBoard = new PaxPerson("KOWALCZYK", "TADEUSZ", new DateOnly(1958, 11, 23), Nationality: "POL");
        await pipeline.ReceiveAsync(PaxlstText.List("4004", "XX400", "WAW", "JFK", Tomorrow, onBoard, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F')), "airline-x", Cancel);
        var later = PaxlstText.List("4005", "XX401", "WAW", "JFK", Tomorrow.AddDays(10), new PaxPerson("KOWALCZYK", "TADEUSZ", new DateOnly(1958, 11, 23), Nationality: "POL"));
        await pipeline.ReceiveAsync(later, "airline-x", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);
        Assert.Equal(0, (await Store.CountAsync(Cancel)).Hits);

        var national = new WatchList("national", "csv", "2026-01-15", [
            new ListedPerson
            {
                List = "national",
                ListId = "N-17",
                Names = [new ListedName("Tadeusz Kowalczyk", NameKind.Primary, NameQuality.Strong)],
                BirthDates = [ListedBirthDate.Exact(onBoard.Born)],
            },
        ], []);
        await Store.SaveWatchListAsync(national, Clock.GetUtcNow(), cancellationToken: Cancel);
        pipeline.UseChecks([UnCheck.Value, new WatchListCheck(new WatchListMatcher(WatchListIndex.Build(national.Entries)))]);

        // Only the flight within the next 72 hours is screened again; the one ten days out waits.
        Assert.Equal(2, await pipeline.RescreenAsync(RescreenScope.Upcoming(), Cancel));
        await using var db = Store.CreateContext();
        var hit = Assert.Single(await db.Hits.ToListAsync(Cancel));
        Assert.Equal("list:national:N-17", hit.SubjectKey);
        Assert.Equal(HitStatus.New, hit.Status);

        Assert.Equal(3, await pipeline.RescreenAsync(RescreenScope.Between(Tomorrow.AddDays(-1), Tomorrow.AddDays(11)), Cancel));
        Assert.Equal(2, await db.Hits.CountAsync(Cancel));
        Assert.Contains(await Store.ListAuditAsync(null, Cancel), a => a.Step == "rescreen");
    }

    [Fact]
    public async Task Travelers_link_across_flights_by_document_or_by_name_and_birth_date_and_say_why()
    {
        var recorder = new RecordingCheck();
        var pipeline = Pipeline(recorder);
        var born = new DateOnly(1975, 6, 14);
        await pipeline.ReceiveAsync(PaxlstText.List("5001", "XX500", "LHR", "JFK", Tomorrow,
            new PaxPerson("OKONKWO", "CHIDI EMEKA", born, Document: "A1234567", Issuer: "NGA"),
            new PaxPerson("ABDULLAH", "MOHAMMED", new DateOnly(1980, 2, 2))), "airline-x", Cancel);
        await pipeline.ReceiveAsync(PaxlstText.List("5002", "XX501", "JFK", "LHR", Tomorrow.AddDays(5),
            new PaxPerson("OKONKWO", "CHIDI", born, Document: "A-1234567", Issuer: "NGA"),
            new PaxPerson("ABDALLAH", "MOHAMED", new DateOnly(1980, 2, 2)),
            new PaxPerson("ABDULLAH", "AHMED", new DateOnly(1980, 2, 2))), "airline-x", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);

        await using var db = Store.CreateContext();
        var links = await db.PersonLinks.Join(db.Travelers, l => l.TravelerId, t => t.Id, (l, t) => new { t.Surname, t.GivenNames, l.PersonId, l.Reason, l.Detail })
            .ToListAsync(Cancel);
        var chidi = links.Where(l => l.Surname == "OKONKWO").ToList();
        Assert.Single(chidi.Select(l => l.PersonId).Distinct());
        Assert.Contains(chidi, l => l.Reason == LinkReason.Document && l.Detail!.Contains("NGA A1234567", StringComparison.Ordinal));
        var mohammed = links.Single(l => l.GivenNames == "MOHAMMED");
        var mohamed = links.Single(l => l.GivenNames == "MOHAMED");
        Assert.Equal(mohammed.PersonId, mohamed.PersonId);
        Assert.Equal(LinkReason.NameAndBirthDate, mohamed.Reason);
        // Same surname and birth date but another given name is another person.
        var ahmed = links.Single(l => l.GivenNames == "AHMED");
        Assert.NotEqual(mohammed.PersonId, ahmed.PersonId);
        Assert.Equal(LinkReason.NewPerson, ahmed.Reason);

        var history = await Store.GetPersonHistoryAsync(chidi[0].PersonId, Cancel);
        Assert.Equal(["XX501", "XX500"], history.Select(t => t.Carrier + t.Number));
        // The second trip was screened knowing the first, and with the same person's prior trip only.
        var secondTrip = recorder.Subjects.Single(s => s.Traveler.GivenNames == "CHIDI");
        Assert.Equal("XX500", Assert.Single(secondTrip.History).Carrier + secondTrip.History[0].FlightNumber);
        Assert.Empty(recorder.Subjects.Single(s => s.Traveler.GivenNames == "AHMED").History);
    }

    [Fact]
    public async Task Api_and_pnr_travelers_of_one_flight_link_by_record_locator_and_name()
    {
        var pipeline = Pipeline();
        var push = new PnrgovGenerator(3).GenerateFile(1, bookings: 5, kind: Vigil.Travel.Model.PushKind.Full);
        await pipeline.ReceiveAsync(push.Content, "carrier", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);

        // The same flight's API list names the first booking's travelers with their record locator.
        var flight = push.Flight.BorderCrossing;
        var booking = push.Bookings[0];
        var people = booking.Travelers.Select(t => new PaxPerson(t.Person.Surname, string.Join(' ', new[] { t.Person.GivenName, t.Person.MiddleName }.OfType<string>()), t.Person.DateOfBirth, t.Person.Sex, Locator: booking.RecordLocator)).ToArray();
        await pipeline.ReceiveAsync(PaxlstText.List("6001", push.Flight.FlightNumber, flight.Departure.Code, flight.Arrival.Code, flight.DepartureLocal, people), "carrier", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);

        await using var db = Store.CreateContext();
        var api = await db.Travelers.Where(t => t.Source == TravelerSource.Api).Select(t => t.Id).ToListAsync(Cancel);
        Assert.Equal(people.Length, api.Count);
        var apiLinks = await db.PersonLinks.Where(l => api.Contains(l.TravelerId)).ToListAsync(Cancel);
        Assert.All(apiLinks, l => Assert.Contains(l.Reason, new[] { LinkReason.RecordLocator, LinkReason.Document, LinkReason.NameAndBirthDate }));
        var pnrPersons = await db.PersonLinks.Join(db.Travelers.Where(t => t.Source == TravelerSource.Pnr && t.RecordLocator == booking.RecordLocator), l => l.TravelerId, t => t.Id, (l, t) => l.PersonId).ToListAsync(Cancel);
        Assert.Equal(pnrPersons.Order(), apiLinks.Select(l => l.PersonId).Order());
    }

    [Fact]
    public async Task A_list_sent_in_parts_across_messages_fills_one_flight_and_the_audit_says_which_parts_came()
    {
        var pipeline = Pipeline();
        var (first, second) = (new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F'), new PaxPerson("ROSSI", "MARIO", new DateOnly(1970, 1, 2)));
        var partOne = await pipeline.ReceiveAsync(PaxlstText.Part("8001", "XX800", "CDG", "JFK", Tomorrow, (1, false), first), "airline-x", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);
        var partTwo = await pipeline.ReceiveAsync(PaxlstText.Part("8002", "XX800", "CDG", "JFK", Tomorrow, (2, true), second), "airline-x", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);

        var flight = await Store.GetFlightAsync("XX800/CDG/2026-01-16", Cancel);
        Assert.NotNull(flight);
        Assert.Equal(["MARTIN", "ROSSI"], flight.Travelers.Select(t => t.Surname).Order());
        var firstAudit = Assert.Single(await Store.ListAuditAsync(partOne.MessageId, Cancel), a => a.Step == "reassemble");
        Assert.Contains("parts 1 in this message; the other parts travel in other messages", firstAudit.Detail, StringComparison.Ordinal);
        Assert.Contains(await Store.ListAuditAsync(partTwo.MessageId, Cancel), a => a.Step == "reassemble");
    }

    [Fact]
    public async Task A_traveler_reported_twice_in_one_batch_is_one_row_with_the_later_report()
    {
        var pipeline = Pipeline();
        var born = new DateOnly(1982, 7, 9);
        var first = await pipeline.ReceiveAsync(PaxlstText.List("9001", "XX900", "CDG", "JFK", Tomorrow,
            new PaxPerson("OKAFOR", "NGOZI", born, 'F', Document: "B7654321", Issuer: "NGA", Nationality: "NGA")), "airline-x", Cancel);
        var second = await pipeline.ReceiveAsync(PaxlstText.List("9002", "XX900", "CDG", "JFK", Tomorrow,
            new PaxPerson("OKAFOR", "NGOZI ADA", born, 'F', Document: "B7654321", Issuer: "NGA", Nationality: "GBR"),
            new PaxPerson("ROSSI", "MARIO", new DateOnly(1970, 1, 2))), "airline-x", Cancel);

        // Both messages are waiting, so they are stored in one batch: the second finds the first's rows in memory.
        Assert.Equal(2, await pipeline.ProcessPendingAsync(Cancel));

        var flight = await Store.GetFlightAsync("XX900/CDG/2026-01-16", Cancel);
        Assert.NotNull(flight);
        Assert.Equal(second.MessageId, flight.LastMessageId);
        Assert.Equal(first.MessageId, flight.FirstMessageId);
        Assert.Equal(["OKAFOR", "ROSSI"], flight.Travelers.Select(t => t.Surname).Order());
        var ngozi = flight.Travelers.Single(t => t.Surname == "OKAFOR");
        Assert.Equal(("NGOZI ADA", "GBR"), (ngozi.GivenNames, ngozi.Nationality));
        Assert.Equal((first.MessageId, second.MessageId), (ngozi.FirstMessageId, ngozi.LastMessageId));
        Assert.Equal("B7654321", Assert.Single(ngozi.Documents).NormalizedNumber);
        Assert.Equal(2, (await Store.CountAsync(Cancel)).MessagesIn(MessageStatus.Processed));
    }

    [Fact]
    public async Task Files_dropped_in_the_folder_are_stored_moved_to_done_and_processed_with_the_subfolder_as_sender()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigil-drop-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "airline-y"));
            var first = PaxlstText.List("7001", "XX700", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LUCIE", new DateOnly(1990, 3, 4), 'F'));
            await File.WriteAllBytesAsync(Path.Combine(folder, "a.edi"), first, Cancel);
            await File.WriteAllBytesAsync(Path.Combine(folder, "airline-y", "b.edi"), PaxlstText.List("7002", "YY700", "CDG", "JFK", Tomorrow, new PaxPerson("ROSSI", "MARIO", new DateOnly(1970, 1, 2))), Cancel);
            await File.WriteAllBytesAsync(Path.Combine(folder, "c.part"), first, Cancel);

            var pipeline = Pipeline();
            await using (var watcher = new DropFolderWatcher(pipeline, new DropFolderOptions { Folder = folder, SweepInterval = TimeSpan.FromMilliseconds(200), SettleTime = TimeSpan.Zero }))
            {
                await watcher.StartAsync(Cancel);
                Assert.True(File.Exists(Path.Combine(folder, "done", "a.edi")));
                Assert.True(File.Exists(Path.Combine(folder, "done", "airline-y", "b.edi")));
                Assert.False(File.Exists(Path.Combine(folder, "a.edi")));
                Assert.True(File.Exists(Path.Combine(folder, "c.part")));

                // A copy finished by renaming is taken while watching; its bytes were received before, so it is a duplicate.
                File.Move(Path.Combine(folder, "c.part"), Path.Combine(folder, "d.edi"));
                for (var waited = 0; waited < 150 && !File.Exists(Path.Combine(folder, "done", "d.edi")); waited++)
                {
                    await Task.Delay(100, Cancel);
                }

                Assert.True(File.Exists(Path.Combine(folder, "done", "d.edi")), $"d.edi was not taken: {watcher.LastError}");
            }

            var messages = await Store.ListMessagesAsync(cancellationToken: Cancel);
            Assert.Equal(["airline-y", "drop-folder"], messages.Select(m => m.Sender).Order());
            Assert.All(messages, m => Assert.Equal(MessageStatus.Processed, m.Status));
            Assert.Equal(2, (await Store.CountAsync(Cancel)).Travelers);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    protected IngestPipeline Pipeline(params ITravelerCheck[] checks) => new(Store, checks, clock: Clock);

    private async Task<int> LinkedToEarlierPersonsAsync()
    {
        await using var db = Store.CreateContext();
        return await db.PersonLinks.CountAsync(l => l.Reason != LinkReason.NewPerson, Cancel);
    }

    /// <summary>A check that keeps every subject it is shown and can fail a set number of times, as a broken check would.</summary>
    private sealed class RecordingCheck : ITravelerCheck
    {
        private int failuresLeft;

        public int FailuresLeft
        {
            get => failuresLeft;
            init => failuresLeft = value;
        }

        public ConcurrentBag<ScreeningSubject> Subjects { get; } = [];

        /// <summary>Travelers with this surname always make the check fail.</summary>
        public string? FailsFor { get; init; }

        public string Kind => "rule";

        public IReadOnlyList<ScreeningFinding> Check(ScreeningSubject subject)
        {
            if (Interlocked.Decrement(ref failuresLeft) >= 0 || (FailsFor is not null && subject.Traveler.Surname == FailsFor))
            {
                throw new InvalidOperationException("check failed on purpose");
            }

            Subjects.Add(subject);
            return [];
        }
    }
}

public sealed class SqliteIngestTests() : IngestTests(new SqliteTestDatabase());

public sealed class PostgresIngestTests() : IngestTests(new PostgresTestDatabase());
