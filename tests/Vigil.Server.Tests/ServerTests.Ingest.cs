using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Data.Tests.Ingest;
using Vigil.Tests;
using Vigil.Travel.Synthetic;

namespace Vigil.Server.Tests;

/// <summary>Messages through the whole service: posted over HTTP, processed by the worker, read back over HTTP.</summary>
public abstract partial class ServerTests
{
    private const string ListHeader = "id,name,aliases,dob,nationality,gender,document,document_country,programme";

    // Flights a day ahead are inside the re-screen window, so a list import reaches their travelers.
    private static readonly DateTime Tomorrow = DateTime.UtcNow.Date.AddDays(1).AddHours(9);

    [Fact]
    public async Task Shared_samples_become_flights_travelers_bookings_and_persons()
    {
        var sender = Host.Client(ServerHost.SenderKey);
        var posted = new List<long>();
        foreach (var folder in new[] { "paxlst", "pnrgov" })
        {
            foreach (var file in SharedData.Files(Path.Combine("data", "messages", folder)))
            {
                var response = await sender.PostAsync("/api/messages", Body(await File.ReadAllBytesAsync(file, Cancel)), Cancel);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                posted.Add((await Json(response)).GetProperty("id").GetInt64());
            }
        }

        var analyst = Host.Client(ServerHost.AnalystKey);
        await SettledAsync(analyst);
        var messages = await Json(await analyst.GetAsync("/api/messages?limit=1000", Cancel));
        Assert.Equal(posted.Count, messages.GetArrayLength());
        // The GTAS samples reuse interchange references, and here one sender posts them all: a re-used reference is a
        // duplicate of the first message that carried it, kept but not processed again. Nothing fails.
        var byStatus = messages.EnumerateArray().ToLookup(m => m.GetProperty("status").GetString());
        Assert.Equal(posted.Count, byStatus["Processed"].Count() + byStatus["Duplicate"].Count());
        Assert.All(byStatus["Duplicate"], m => Assert.True(m.GetProperty("duplicateOf").GetInt64() < m.GetProperty("id").GetInt64()));
        var processed = byStatus["Processed"].Count();
        Assert.True(processed >= 10, $"only {processed} samples were processed");

        var flights = await Json(await analyst.GetAsync("/api/flights?limit=1000", Cancel));
        Assert.NotEmpty(flights.EnumerateArray());
        var busiest = flights.EnumerateArray().MaxBy(f => f.GetProperty("travelers").GetInt32());
        var flight = await Json(await analyst.GetAsync($"/api/flights/{busiest.GetProperty("id").GetInt64()}", Cancel));
        var travelers = flight.GetProperty("travelers");
        Assert.Equal(busiest.GetProperty("travelers").GetInt32(), travelers.GetArrayLength());

        var travelerId = travelers[0].GetProperty("id").GetInt64();
        var traveler = await Json(await analyst.GetAsync($"/api/travelers/{travelerId}", Cancel));
        Assert.Equal(busiest.GetProperty("id").GetInt64(), traveler.GetProperty("flight").GetProperty("id").GetInt64());
        var personId = traveler.GetProperty("personId").GetInt64();
        var person = await Json(await analyst.GetAsync($"/api/persons/{personId}", Cancel));
        Assert.Contains(travelerId, person.GetProperty("travel").EnumerateArray().Select(t => t.GetProperty("travelerId").GetInt64()));

        // A PNR traveler leads to their booking and its versions.
        var pnrFlights = flights.EnumerateArray().Select(f => f.GetProperty("id").GetInt64());
        long? bookingId = null;
        foreach (var id in pnrFlights)
        {
            var detail = await Json(await analyst.GetAsync($"/api/flights/{id}", Cancel));
            bookingId = detail.GetProperty("travelers").EnumerateArray()
                .Select(t => t.GetProperty("bookingId"))
                .Where(b => b.ValueKind == JsonValueKind.Number)
                .Select(b => (long?)b.GetInt64())
                .FirstOrDefault();
            if (bookingId is not null)
            {
                break;
            }
        }

        Assert.NotNull(bookingId);
        var booking = await Json(await analyst.GetAsync($"/api/bookings/{bookingId}", Cancel));
        var versions = booking.GetProperty("versions");
        Assert.NotEmpty(versions.EnumerateArray());
        Assert.Equal(JsonValueKind.Object, versions[0].GetProperty("content").ValueKind);
        Assert.Contains(booking.GetProperty("travelers").EnumerateArray(), t => t.GetInt64() > 0);

        Assert.Equal(processed, await MetricAsync(processed, "vigil_messages_processed_total", $"sender=\"{Host.SenderName}\""));
    }

    [Fact]
    public async Task Generated_traffic_is_screened_and_an_analyst_decides_the_hit()
    {
        var admin = Host.Client(ServerHost.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await ImportCsvAsync(admin, "watch.csv", ListHeader, "W-1,Karim BEN SALAH,,1990-01-05,TN,M,,,")).StatusCode);
        await ReadyAsync();

        var sender = Host.Client(ServerHost.SenderKey);
        foreach (var file in new PaxlstGenerator(2396).Generate(3, passengers: 20))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await sender.PostAsync("/api/messages", Body(file.Content), Cancel)).StatusCode);
        }

        var listed = PaxlstText.List("SRV0001", "TN701", "TUN", "CDG", Tomorrow,
            new PaxPerson("BEN SALAH", "KARIM", new DateOnly(1990, 1, 5)), new PaxPerson("DURAND", "CLAIRE", new DateOnly(1985, 6, 1), 'F'));
        Assert.Equal(HttpStatusCode.Accepted, (await sender.PostAsync("/api/messages", Body(listed), Cancel)).StatusCode);

        var analyst = Host.Client(ServerHost.AnalystKey);
        await SettledAsync(analyst);
        Assert.Equal(4, (await Json(await analyst.GetAsync("/api/flights", Cancel))).GetArrayLength());
        var hits = await Json(await analyst.GetAsync("/api/hits?list=watch", Cancel));
        var hit = Assert.Single(hits.EnumerateArray());
        Assert.Equal("W-1", hit.GetProperty("listEntryRef").GetString());
        Assert.Equal(1, await MetricAsync(1, "vigil_hits_total", "list=\"watch\"", "kind=\"watchlist\""));

        var hitId = hit.GetProperty("id").GetInt64();
        var detail = await Json(await analyst.GetAsync($"/api/hits/{hitId}", Cancel));
        Assert.Equal("BEN SALAH", detail.GetProperty("surname").GetString());
        Assert.Equal(JsonValueKind.Object, detail.GetProperty("explanation").ValueKind);

        var decided = await analyst.PostAsJsonAsync($"/api/hits/{hitId}/status", new { status = "Confirmed", reason = "Passport photo matches the listing", actor = "Ann Analyst" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var history = (await Json(decided)).GetProperty("history");
        Assert.Equal(["New", "Confirmed"], history.EnumerateArray().Select(c => c.GetProperty("to").GetString()));
        Assert.Contains("Ann Analyst", history[1].GetProperty("actor").GetString());
        Assert.Contains("analyst-ann", history[1].GetProperty("actor").GetString());

        var again = await analyst.PostAsJsonAsync($"/api/hits/{hitId}/status", new { status = "Confirmed", reason = "again", actor = "Ann Analyst" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single((await Json(await analyst.GetAsync("/api/hits?status=Confirmed", Cancel))).EnumerateArray());
        var audit = await Host.Store.ListAuditAsync(null, Cancel);
        Assert.Contains(audit, a => a.Step == "hit-status" && a.Detail!.Contains("Passport photo matches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_a_list_rescreens_upcoming_travelers_within_seconds()
    {
        var admin = Host.Client(ServerHost.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await ImportCsvAsync(admin, "watch.csv", ListHeader, "W-1,Marta GOMEZ LOPEZ,,1981-11-23,ES,F,,,")).StatusCode);
        await ReadyAsync();

        var sender = Host.Client(ServerHost.SenderKey);
        var list = PaxlstText.List("SRV0002", "IB3456", "MAD", "LHR", Tomorrow, new PaxPerson("SIDOROV", "IVAN PETROVICH", new DateOnly(1970, 3, 2)));
        Assert.Equal(HttpStatusCode.Accepted, (await sender.PostAsync("/api/messages", Body(list), Cancel)).StatusCode);
        var analyst = Host.Client(ServerHost.AnalystKey);
        await SettledAsync(analyst);
        Assert.Empty((await Json(await analyst.GetAsync("/api/hits", Cancel))).EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, (await ImportCsvAsync(admin, "watch.csv", ListHeader,
            "W-1,Marta GOMEZ LOPEZ,,1981-11-23,ES,F,,,",
            "W-2,Ivan Petrovich SIDOROV,,1970-03-02,RU,M,,,")).StatusCode);

        var found = await EventuallyAsync(async () => (await Json(await analyst.GetAsync("/api/hits?list=watch", Cancel))).EnumerateArray().ToList(), h => h.Count > 0);
        Assert.Equal("W-2", Assert.Single(found).GetProperty("listEntryRef").GetString());
    }

    [Fact]
    public async Task Travelers_of_past_flights_are_screened_again_only_when_an_administrator_asks_for_their_period()
    {
        var admin = Host.Client(ServerHost.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await ImportCsvAsync(admin, "watch.csv", ListHeader, "W-1,Marta GOMEZ LOPEZ,,1981-11-23,ES,F,,,")).StatusCode);
        await ReadyAsync();

        // A flight of last month: outside the automatic re-screen window.
        var flown = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 9, 0, 0, DateTimeKind.Utc).AddMonths(-1).AddDays(9);
        var sender = Host.Client(ServerHost.SenderKey);
        var list = PaxlstText.List("SRV0009", "IB7788", "MAD", "LHR", flown, new PaxPerson("KOVALENKO", "OLEG", new DateOnly(1975, 6, 7)));
        Assert.Equal(HttpStatusCode.Accepted, (await sender.PostAsync("/api/messages", Body(list), Cancel)).StatusCode);
        var analyst = Host.Client(ServerHost.AnalystKey);
        await SettledAsync(analyst);

        Assert.Equal(HttpStatusCode.Created, (await ImportCsvAsync(admin, "watch.csv", ListHeader,
            "W-1,Marta GOMEZ LOPEZ,,1981-11-23,ES,F,,,",
            "W-3,Oleg KOVALENKO,,1975-06-07,UA,M,,,")).StatusCode);
        Assert.Empty((await Json(await analyst.GetAsync("/api/hits?list=watch", Cancel))).EnumerateArray());

        var period = new { from = flown.AddDays(-1).ToString("yyyy-MM-dd"), to = flown.AddDays(1).ToString("yyyy-MM-dd") };
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/rescreen", period, Cancel)).StatusCode);
        // The import reaches the screening a moment later (the worker loads the new version), so ask until it has.
        var hits = await EventuallyAsync(async () =>
        {
            var answer = await admin.PostAsJsonAsync("/api/rescreen", period, Cancel);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(1, (await Json(answer)).GetProperty("travelersScreened").GetInt32());
            return (await Json(await analyst.GetAsync("/api/hits?list=watch", Cancel))).EnumerateArray().ToList();
        }, h => h.Count > 0);
        var hit = Assert.Single(hits);
        Assert.Equal("W-3", hit.GetProperty("listEntryRef").GetString());

        var reversed = await admin.PostAsJsonAsync("/api/rescreen", new { from = period.to, to = period.from }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.True((await Json(reversed)).GetProperty("errors").TryGetProperty("to", out _));
        var missing = await admin.PostAsJsonAsync("/api/rescreen", new { to = period.to }, Cancel);
        Assert.True((await Json(missing)).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task A_bad_message_is_quarantined_with_its_reason_and_can_be_replayed()
    {
        var sender = Host.Client(ServerHost.SenderKey);
        var broken = Encoding.ASCII.GetBytes("UNA:+.? 'UNB+UNOA:4+XX+VIGIL+260115:0800+BAD0001'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'NAD+FL+++DOE:JOHN'UNT+4+1'UNZ+1+BAD0001'");
        var id = (await Json(await sender.PostAsync("/api/messages", Body(broken), Cancel))).GetProperty("id").GetInt64();
        var analyst = Host.Client(ServerHost.AnalystKey);
        await SettledAsync(analyst);

        var message = await Json(await analyst.GetAsync($"/api/messages/{id}", Cancel));
        Assert.Equal("Failed", message.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("error").GetProperty("reason").GetString()));
        Assert.Contains(id, (await Json(await analyst.GetAsync("/api/messages?status=Failed", Cancel))).EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal(1, await MetricAsync(1, "vigil_messages_failed_total", $"sender=\"{Host.SenderName}\""));

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/messages/{id}/replay", null, Cancel)).StatusCode);
        var admin = Host.Client(ServerHost.AdminKey);
        var replay = await admin.PostAsync($"/api/messages/{id}/replay", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        // Nothing was fixed, so it is back in quarantine, and the audit shows the replay.
        Assert.Equal("Failed", (await Json(replay)).GetProperty("status").GetString());
        var audit = (await Json(await analyst.GetAsync($"/api/messages/{id}", Cancel))).GetProperty("audit");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("step").GetString() == "replay");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/messages/999999/replay", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_message_sent_twice_is_processed_once()
    {
        var sender = Host.Client(ServerHost.SenderKey);
        var first = PaxlstText.List("SRV0003", "AF1234", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LOUIS", new DateOnly(1979, 2, 2)));
        var resent = PaxlstText.List("SRV0003", "AF1234", "CDG", "JFK", Tomorrow, new PaxPerson("MARTIN", "LOUIS", new DateOnly(1979, 2, 2)), new PaxPerson("MARTIN", "ZOE", new DateOnly(1981, 4, 4), 'F'));
        var original = await Json(await sender.PostAsync("/api/messages", Body(first), Cancel));
        var sameBytes = await Json(await sender.PostAsync("/api/messages", Body(first), Cancel));
        var sameReference = await Json(await sender.PostAsync("/api/messages", Body(resent), Cancel));
        Assert.Equal(original.GetProperty("id").GetInt64(), sameBytes.GetProperty("id").GetInt64());
        Assert.Equal(original.GetProperty("id").GetInt64(), sameReference.GetProperty("duplicateOf").GetInt64());

        var analyst = Host.Client(ServerHost.AnalystKey);
        await SettledAsync(analyst);
        var statuses = (await Json(await analyst.GetAsync("/api/messages", Cancel))).EnumerateArray().Select(m => m.GetProperty("status").GetString()).Order();
        Assert.Equal(["Duplicate", "Processed"], statuses);
        var flight = Assert.Single((await Json(await analyst.GetAsync("/api/flights", Cancel))).EnumerateArray());
        Assert.Equal(1, flight.GetProperty("travelers").GetInt32());
    }

    [Fact]
    public async Task A_file_in_the_drop_folder_is_received_with_its_subfolder_as_sender()
    {
        var carrier = Path.Combine(Host.DropFolder, "carrier-z");
        Directory.CreateDirectory(carrier);
        var list = PaxlstText.List("SRV0004", "LX318", "ZRH", "LHR", Tomorrow, new PaxPerson("MUELLER", "ANNA", new DateOnly(1988, 8, 8), 'F'));
        await File.WriteAllBytesAsync(Path.Combine(carrier, "lx318.edi"), list, Cancel);

        var analyst = Host.Client(ServerHost.AnalystKey);
        var messages = await EventuallyAsync(
            async () => (await Json(await analyst.GetAsync("/api/messages?sender=carrier-z&status=Processed", Cancel))).GetArrayLength(),
            count => count > 0);
        Assert.Equal(1, messages);
        Assert.True(File.Exists(Path.Combine(Host.DropFolder, "done", "carrier-z", "lx318.edi")));
        var ready = await Json(await Host.Client(null).GetAsync("/health/ready", Cancel));
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("dropfolder").GetProperty("status").GetString());
    }

    /// <summary>Waits until the worker has taken every message out of Received and Parsed.</summary>
    private static async Task SettledAsync(HttpClient analyst) =>
        await EventuallyAsync(async () =>
        {
            var received = await Json(await analyst.GetAsync("/api/messages?status=Received", Cancel));
            var parsed = await Json(await analyst.GetAsync("/api/messages?status=Parsed", Cancel));
            return received.GetArrayLength() + parsed.GetArrayLength();
        }, pending => pending == 0);

    private async Task ReadyAsync() =>
        await EventuallyAsync(async () => (await Host.Client(null).GetAsync("/health/ready", Cancel)).StatusCode, s => s == HttpStatusCode.OK);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100, Cancel);
        }
    }
}
