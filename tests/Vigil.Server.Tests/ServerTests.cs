using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Tests;
using Vigil.Tests;

namespace Vigil.Server.Tests;

/// <summary>
/// The service as a caller sees it, over HTTP. Each provider subclass gives a new, empty store per test.
/// </summary>
public abstract partial class ServerTests(ITestDatabase database) : IAsyncLifetime
{
    private ServerHost? host;

    internal ServerHost Host => host ?? throw new InvalidOperationException("The service starts in InitializeAsync.");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await ServerHost.StartAsync(await database.CreateAsync(), Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await database.DropAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Posting_without_a_valid_key_is_refused_with_problem_details()
    {
        var message = Sample("paxlst", "gtas-apisMessage.txt");

        var anonymous = await Host.Client(null).PostAsync("/api/messages", Body(message), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        var problem = await Json(anonymous);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
        Assert.Contains("ApiKey", anonymous.Headers.WwwAuthenticate.ToString());

        var unknown = await Host.Client("not-a-key").PostAsync("/api/messages", Body(message), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("not configured", (await Json(unknown)).GetProperty("detail").GetString());

        var analyst = await Host.Client(ServerHost.AnalystKey).PostAsync("/api/messages", Body(message), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(403, (await Json(analyst)).GetProperty("status").GetInt32());

        // Reading needs a key too: a sender may post but not read.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Client(null).GetAsync("/api/flights", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Host.Client(ServerHost.SenderKey).GetAsync("/api/flights", Cancel)).StatusCode);
        await using var db = Host.Store.CreateContext();
        Assert.Equal(0, await db.Messages.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_posted_message_is_stored_once_and_counted_by_type_and_sender()
    {
        var message = Sample("paxlst", "gtas-apisMessage.txt");
        var sender = Host.Client(ServerHost.SenderKey);

        var first = await sender.PostAsync("/api/messages", Body(message), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var receipt = await Json(first);
        var id = receipt.GetProperty("id").GetInt64();
        Assert.False(receipt.GetProperty("alreadyReceived").GetBoolean());
        Assert.Equal($"/api/messages/{id}", first.Headers.Location?.ToString());

        var again = await Json(await sender.PostAsync("/api/messages", Body(message), Cancel));
        Assert.Equal(id, again.GetProperty("id").GetInt64());
        Assert.True(again.GetProperty("alreadyReceived").GetBoolean());

        var analyst = Host.Client(ServerHost.AnalystKey);
        var stored = await Json(await analyst.GetAsync($"/api/messages/{id}", Cancel));
        Assert.Equal(Host.SenderName, stored.GetProperty("sender").GetString());
        Assert.Equal(receipt.GetProperty("contentHash").GetString(), stored.GetProperty("contentHash").GetString());
        Assert.Equal(message, await Host.Store.ReadContentAsync(id, Cancel));

        await SettledAsync(analyst);
        var listed = await Json(await analyst.GetAsync("/api/messages?status=processed", Cancel));
        Assert.Equal([id], listed.EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        Assert.Empty((await Json(await analyst.GetAsync("/api/messages?status=Failed", Cancel))).EnumerateArray());
        Assert.Equal("PAXLST", (await Json(await analyst.GetAsync($"/api/messages/{id}", Cancel))).GetProperty("type").GetString());

        // The same bytes twice are one receipt.
        Assert.Equal(1, await MetricAsync(1, "vigil_messages_received_total", $"sender=\"{Host.SenderName}\"", "type=\"PAXLST\""));
        Assert.Equal(1, await MetricAsync(1, "vigil_messages_processed_total", $"sender=\"{Host.SenderName}\"", "type=\"PAXLST\""));
        Assert.Equal(2, await MetricAsync(2, "vigil_stage_duration_seconds_count", "stage=\"receive\""));
    }

    [Fact]
    public async Task Invalid_input_is_answered_with_the_field_and_the_reason()
    {
        var analyst = Host.Client(ServerHost.AnalystKey);

        var query = await analyst.GetAsync("/api/hits?status=Open&date=2024-02-30&limit=5000", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal("application/problem+json", query.Content.Headers.ContentType?.MediaType);
        var errors = (await Json(query)).GetProperty("errors");
        Assert.Contains("Open", errors.GetProperty("status")[0].GetString());
        Assert.Contains("yyyy-MM-dd", errors.GetProperty("date")[0].GetString());
        Assert.Contains("1000", errors.GetProperty("limit")[0].GetString());

        var decision = await analyst.PostAsJsonAsync("/api/hits/1/status", new { status = "" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, decision.StatusCode);
        var missing = (await Json(decision)).GetProperty("errors");
        Assert.Equal(["actor", "reason", "status"], missing.EnumerateObject().Select(p => p.Name).Order());

        var empty = await Host.Client(ServerHost.SenderKey).PostAsync("/api/messages", Body([]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", (await Json(empty)).GetProperty("errors").GetProperty("body")[0].GetString());

        var wrongType = await analyst.GetAsync("/api/flights?limit=many", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("limit", (await Json(wrongType)).GetProperty("detail").GetString());
        var notJson = await analyst.PostAsync("/api/hits/1/status", new StringContent("{status: Confirmed", Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("JSON", (await Json(notJson)).GetProperty("detail").GetString());

        var unknownRoute = await analyst.GetAsync("/api/flights/999999", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
        Assert.Contains("999999", (await Json(unknownRoute)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        var document = await Json(await Host.Client(null).GetAsync("/openapi/v1.json", Cancel));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/messages", "/api/messages/{id}", "/api/messages/{id}/replay",
            "/api/flights", "/api/flights/{id}", "/api/travelers/{id}", "/api/persons/{id}", "/api/bookings/{id}",
            "/api/watchlists", "/api/watchlists/{code}/versions", "/api/watchlists/{code}/diff",
            "/api/hits", "/api/hits/{id}", "/api/hits/{id}/status",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.True(document.GetProperty("paths").GetProperty("/api/messages").TryGetProperty("post", out _));

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        var decide = document.GetProperty("paths").GetProperty("/api/hits/{id}/status").GetProperty("post");
        Assert.True(decide.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        Assert.Contains("analyst", decide.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readiness_waits_for_the_store_and_a_watch_list()
    {
        var anonymous = Host.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", Cancel)).StatusCode);

        var notReady = await anonymous.GetAsync("/health/ready", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var checks = (await Json(notReady)).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("watchlists").GetProperty("status").GetString());

        var import = await ImportAsync(Host.Client(ServerHost.AdminKey), SharedData.Files(Path.Combine("data", "lists", "un"), "*.xml").First());
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        await ReadyAsync();
        var ready = await anonymous.GetAsync("/health/ready", Cancel);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("un ", (await Json(ready)).GetProperty("checks").GetProperty("watchlists").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Watch_list_imports_keep_versions_and_show_what_changed()
    {
        var admin = Host.Client(ServerHost.AdminKey);
        var first = await ImportCsvAsync(admin, "national.csv",
            "id,name,aliases,dob,nationality,gender,document,document_country,programme",
            "N-1,Ivan Petrovich SIDOROV,,1970-03-02,RU,M,,,",
            "N-2,Marta GOMEZ LOPEZ,,1981-11-23,ES,F,,,");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = (await Json(first)).GetProperty("version");
        Assert.Equal(2, v1.GetProperty("entries").GetInt32());

        var second = await ImportCsvAsync(admin, "national.csv",
            "id,name,aliases,dob,nationality,gender,document,document_country,programme",
            "N-1,Ivan Petrovich SIDOROV,,1970-03-02,RU,M,,,",
            "N-2,Marta GOMEZ LOPEZ,,1981-11-24,ES,F,,,",
            "N-3,Karim BEN SALAH,,1990-01-05,TN,M,,,");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var v2 = (await Json(second)).GetProperty("version");

        var repeat = await ImportCsvAsync(admin, "national.csv",
            "id,name,aliases,dob,nationality,gender,document,document_country,programme",
            "N-1,Ivan Petrovich SIDOROV,,1970-03-02,RU,M,,,",
            "N-2,Marta GOMEZ LOPEZ,,1981-11-24,ES,F,,,",
            "N-3,Karim BEN SALAH,,1990-01-05,TN,M,,,");
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.False((await Json(repeat)).GetProperty("created").GetBoolean());

        var analyst = Host.Client(ServerHost.AnalystKey);
        var versions = await Json(await analyst.GetAsync("/api/watchlists/national/versions", Cancel));
        Assert.Equal([v2.GetProperty("version").GetString(), v1.GetProperty("version").GetString()], versions.EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.True(versions[0].GetProperty("current").GetBoolean());

        var diff = await Json(await analyst.GetAsync("/api/watchlists/national/diff", Cancel));
        Assert.Equal(["N-3"], diff.GetProperty("added").EnumerateArray().Select(e => e.GetProperty("reference").GetString()));
        Assert.Equal(["N-2"], diff.GetProperty("changed").EnumerateArray().Select(e => e.GetProperty("reference").GetString()));
        Assert.Empty(diff.GetProperty("removed").EnumerateArray());

        var backwards = await Json(await analyst.GetAsync(
            $"/api/watchlists/national/diff?from={Uri.EscapeDataString(v2.GetProperty("version").GetString()!)}&to={Uri.EscapeDataString(v1.GetProperty("version").GetString()!)}", Cancel));
        Assert.Equal(["N-3"], backwards.GetProperty("removed").EnumerateArray().Select(e => e.GetProperty("reference").GetString()));

        var lists = await Json(await analyst.GetAsync("/api/watchlists", Cancel));
        Assert.Equal(2, lists.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "national").GetProperty("versions").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await ImportCsvAsync(analyst, "x.csv", "id,name,dob", "A,B C,")).StatusCode);
        var garbage = await ImportCsvAsync(admin, "notes.txt", "this is not a watch list");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("not a watch list", (await Json(garbage)).GetProperty("errors").GetProperty("file")[0].GetString());
        var unknownList = await analyst.GetAsync("/api/watchlists/nope/versions", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknownList.StatusCode);
        Assert.Contains("nope", (await Json(unknownList)).GetProperty("detail").GetString());
    }

    // ------------------------------------------------------------------ helpers

    internal static byte[] Sample(string folder, string file) => File.ReadAllBytes(SharedData.PathOf("data", "messages", folder, file));

    internal static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/edifact");
        return content;
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    internal async Task<HttpResponseMessage> ImportAsync(HttpClient client, string path, string? code = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(path, Cancel)), "file", Path.GetFileName(path));
        if (code is not null)
        {
            form.Add(new StringContent(code), "code");
        }

        return await client.PostAsync("/api/watchlists", form, Cancel);
    }

    internal static async Task<HttpResponseMessage> ImportCsvAsync(HttpClient client, string fileName, params string[] lines)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")), "file", fileName);
        return await client.PostAsync("/api/watchlists", form, Cancel);
    }

    /// <summary>
    /// The sum of a Prometheus series' samples whose labels include every one given, once it reaches
    /// <paramref name="expected"/> or a few seconds have passed: outcomes are counted just after the worker's run.
    /// </summary>
    internal async Task<double> MetricAsync(double expected, string name, params string[] labels)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var text = await Host.Client(null).GetStringAsync("/metrics", Cancel);
            var value = text.Split('\n')
                .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(line.Contains))
                .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            if (value == expected || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100, Cancel);
        }
    }
}
