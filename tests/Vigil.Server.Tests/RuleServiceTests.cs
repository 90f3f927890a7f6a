using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Data.Tests;
using Vigil.Data.Tests.Ingest;

namespace Vigil.Server.Tests;

/// <summary>Risk rules in the running service: saved over HTTP, stored with their versions, screening what arrives and what is stored.</summary>
public abstract class RuleServiceTests(ITestDatabase database) : IAsyncLifetime
{
    // Flights a day ahead are inside the re-screen window, so a rule edit reaches their travelers.
    private static readonly DateTime Tomorrow = DateTime.UtcNow.Date.AddDays(1).AddHours(9);

    private VigilStoreOptions? storeOptions;
    private ServerHost? host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ServerHost Host => host ?? throw new InvalidOperationException("The service starts in InitializeAsync.");

    private HttpClient Admin => Host.Client(ServerHost.AdminKey);

    private HttpClient Analyst => Host.Client(ServerHost.AnalystKey);

    public async ValueTask InitializeAsync()
    {
        storeOptions = await database.CreateAsync();
        host = await ServerHost.StartAsync(storeOptions, Cancel);
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
    public async Task A_rule_created_over_the_api_hits_a_planted_traveler_with_its_explanation()
    {
        var rule = Rule("T-ROUTE-001", Term("traveler.nationality", "in", new[] { "SYR" }), Term("flight.origin", "equals", "IST"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Analyst.PostAsJsonAsync("/api/rules", Edit(rule), Cancel)).StatusCode);
        var created = await Admin.PostAsJsonAsync("/api/rules", Edit(rule), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await ServerTests.Json(created)).GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsJsonAsync("/api/rules", Edit(rule), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync("/api/rules/T-NONE-001", Edit(Rule("T-NONE-001", Term("flight.origin", "equals", "IST"))), Cancel)).StatusCode);

        await PostAsync(PaxlstText.List("RUL0001", "TK1821", "IST", "AMS", Tomorrow,
            new PaxPerson("HADDAD", "OMAR", new DateOnly(1991, 4, 2), Nationality: "SYR"),
            new PaxPerson("JANSEN", "PIETER", new DateOnly(1970, 8, 9), Nationality: "NLD")));

        var hit = Assert.Single(await RuleHitsAsync("T-ROUTE-001"));
        Assert.Equal("Medium", hit.GetProperty("severity").GetString());
        var detail = await ServerTests.Json(await Analyst.GetAsync($"/api/hits/{hit.GetProperty("id").GetInt64()}", Cancel));
        Assert.Equal("HADDAD", detail.GetProperty("surname").GetString());
        var explanation = detail.GetProperty("explanation");
        Assert.Equal("T-ROUTE-001", explanation.GetProperty("rule").GetString());
        var terms = explanation.GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal("SYR", terms.Single(t => t.GetProperty("field").GetString() == "traveler.nationality").GetProperty("actual").GetString());
        Assert.Equal("condition.all[1]", terms.Single(t => t.GetProperty("field").GetString() == "flight.origin").GetProperty("path").GetString());
    }

    [Fact]
    public async Task An_invalid_rule_is_refused_with_the_path_of_the_bad_term()
    {
        var rule = Rule("T-BAD-001", Term("flight.origin", "equals", "IST"), Term("passenger.nationality", "in", new[] { "SYR" }));
        var refused = await Admin.PostAsJsonAsync("/api/rules", Edit(rule), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await ServerTests.Json(refused)).GetProperty("errors");
        Assert.Contains("Did you mean traveler.nationality", errors.GetProperty("condition.all[1]")[0].GetString());
        Assert.False(errors.TryGetProperty("condition.all[0]", out _));

        var validated = await Analyst.PostAsJsonAsync("/api/rules/validate", rule, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, validated.StatusCode);
        Assert.True((await ServerTests.Json(validated)).GetProperty("errors").TryGetProperty("condition.all[1]", out _));
        var fine = await Analyst.PostAsJsonAsync("/api/rules/validate", Rule("T-OK-001", Term("flight.origin", "equals", "IST")), Cancel);
        Assert.True((await ServerTests.Json(fine)).GetProperty("valid").GetBoolean());

        var unsigned = await Admin.PostAsJsonAsync("/api/rules", new { rule = Rule("T-OK-001", Term("flight.origin", "equals", "IST")) }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        var unsignedErrors = (await ServerTests.Json(unsigned)).GetProperty("errors");
        Assert.True(unsignedErrors.TryGetProperty("author", out _) && unsignedErrors.TryGetProperty("reason", out _));

        Assert.Equal(0, (await ServerTests.Json(await Analyst.GetAsync("/api/rules", Cancel))).GetArrayLength());
        await using var db = Host.Store.CreateContext();
        Assert.Equal(0, await db.RuleVersions.CountAsync(Cancel));
    }

    [Fact]
    public async Task Updating_a_rule_keeps_both_versions_audits_the_edit_and_rescreens_upcoming_travelers()
    {
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/rules",
            Edit(Rule("T-NAT-002", Term("traveler.nationality", "in", new[] { "RUS" })), "Ann Admin", "Case 2026/31 names this nationality"), Cancel)).StatusCode);
        await PostAsync(PaxlstText.List("RUL0002", "PS101", "KBP", "FRA", Tomorrow, new PaxPerson("KOVALENKO", "ANDRIY", new DateOnly(1988, 1, 20), Nationality: "UKR")));
        Assert.Empty(await RuleHitsAsync("T-NAT-002", wanted: 0));

        var updated = await Admin.PutAsJsonAsync("/api/rules/T-NAT-002",
            Edit(Rule("T-NAT-002", Term("traveler.nationality", "in", new[] { "RUS", "UKR" })), "Bob Admin", "Case 2026/44 widens it"), Cancel);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var versions = (await ServerTests.Json(updated)).GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.StartsWith("Bob Admin", versions[1].GetProperty("author").GetString());
        Assert.Equal("Case 2026/44 widens it", versions[1].GetProperty("reason").GetString());

        var hit = Assert.Single(await RuleHitsAsync("T-NAT-002"));
        var explanation = (await ServerTests.Json(await Analyst.GetAsync($"/api/hits/{hit.GetProperty("id").GetInt64()}", Cancel))).GetProperty("explanation");
        Assert.Equal(2, explanation.GetProperty("version").GetInt32());

        var audit = await Host.Store.ListAuditAsync(null, Cancel);
        var edit = Assert.Single(audit, a => a.Step == VigilStore.RuleEditStep && a.Detail!.Contains("version 2", StringComparison.Ordinal));
        Assert.Contains("Bob Admin", edit.Detail);
        Assert.Contains("Case 2026/44 widens it", edit.Detail);

        await using (var db = Host.Store.CreateContext())
        {
            // Saved versions are append-only in the database itself, not only in the application.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE rule_versions SET reason = 'rewritten'", Cancel));
        }

        // A restarted service screens with what was stored.
        await Host.DisposeAsync();
        host = await ServerHost.StartAsync(storeOptions!, Cancel);
        var reloaded = await ServerTests.Json(await Analyst.GetAsync("/api/rules/T-NAT-002", Cancel));
        Assert.Equal(2, reloaded.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal(["Case 2026/31 names this nationality", "Case 2026/44 widens it"], reloaded.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_backtest_shows_what_a_rule_would_hit_on_a_flight_and_creates_no_hit()
    {
        await PostAsync(PaxlstText.List("RUL0003", "IR721", "IKA", "FRA", Tomorrow,
            new PaxPerson("TEHRANI", "REZA", new DateOnly(1979, 5, 5), Nationality: "IRN"),
            new PaxPerson("TEHRANI", "LEILA", new DateOnly(1982, 2, 3), 'F', Nationality: "IRN"),
            new PaxPerson("SCHMIDT", "KLAUS", new DateOnly(1960, 7, 7), Nationality: "DEU")));
        var flightId = (await ServerTests.Json(await Analyst.GetAsync("/api/flights", Cancel)))[0].GetProperty("id").GetInt64();
        var rescreens = await RescreenCountAsync();
        var draft = Rule("T-DRAFT-003", Term("traveler.nationality", "equals", "IRN")) with { Enabled = false };
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/rules", Edit(draft), Cancel)).StatusCode);

        var backtest = await ServerTests.Json(await Analyst.GetAsync($"/api/rules/T-DRAFT-003/backtest?flight={flightId}", Cancel));
        Assert.Equal(3, backtest.GetProperty("travelers").GetInt32());
        Assert.Equal(2, backtest.GetProperty("matches").GetInt32());
        Assert.Equal(["LEILA", "REZA"], backtest.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("givenNames").GetString()).Order());
        Assert.All(backtest.GetProperty("examples").EnumerateArray(), e => Assert.Equal("IRN", e.GetProperty("explanation").GetProperty("terms")[0].GetProperty("actual").GetString()));

        var day = DateOnly.FromDateTime(Tomorrow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var byPeriod = await ServerTests.Json(await Analyst.GetAsync($"/api/rules/T-DRAFT-003/backtest?from={day}&to={day}", Cancel));
        Assert.Equal(2, byPeriod.GetProperty("matches").GetInt32());
        var unbounded = await Analyst.GetAsync("/api/rules/T-DRAFT-003/backtest", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unbounded.StatusCode);
        Assert.True((await ServerTests.Json(unbounded)).GetProperty("errors").TryGetProperty("from", out _));

        // The edit's re-screen has run through the disabled rule; neither it nor the backtests made a hit.
        await EventuallyAsync(RescreenCountAsync, count => count > rescreens);
        await using var db = Host.Store.CreateContext();
        Assert.Equal(0, await db.Hits.CountAsync(h => h.RuleId != null, Cancel));
    }

    [Fact]
    public async Task A_new_value_list_version_changes_what_memberOf_finds()
    {
        var list = await Admin.PostAsJsonAsync("/api/value-lists", new { name = "origins-of-concern", values = new[] { "CDG" }, author = "Ann Admin", reason = "Initial list" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, list.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsJsonAsync("/api/value-lists", new { name = "origins-of-concern", values = new[] { "X" }, author = "Ann Admin", reason = "again" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync("/api/value-lists/no-such-list", new { values = new[] { "X" }, author = "Ann Admin", reason = "r" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/rules",
            Edit(Rule("T-LIST-004", new { field = "flight.origin", op = "memberOf", list = "origins-of-concern" })), Cancel)).StatusCode);
        await PostAsync(PaxlstText.List("RUL0004", "ME211", "BEY", "CDG", Tomorrow, new PaxPerson("KHOURY", "NADIM", new DateOnly(1984, 3, 3))));
        Assert.Empty(await RuleHitsAsync("T-LIST-004", wanted: 0));

        var updated = await Admin.PutAsJsonAsync("/api/value-lists/origins-of-concern", new { values = new[] { "CDG", "BEY" }, author = "Bob Admin", reason = "Route reported by liaison" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await ServerTests.Json(updated)).GetProperty("current").GetProperty("version").GetInt32());

        var hit = Assert.Single(await RuleHitsAsync("T-LIST-004"));
        var explanation = (await ServerTests.Json(await Analyst.GetAsync($"/api/hits/{hit.GetProperty("id").GetInt64()}", Cancel))).GetProperty("explanation");
        var used = Assert.Single(explanation.GetProperty("lists").EnumerateArray());
        Assert.Equal(2, used.GetProperty("version").GetInt32());
        var audit = await Host.Store.ListAuditAsync(null, Cancel);
        Assert.Contains(audit, a => a.Step == VigilStore.ValueListEditStep && a.Detail!.Contains("Route reported by liaison", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statistics_count_the_evaluations_and_hits_of_the_current_version()
    {
        var rescreens = await RescreenCountAsync();
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/rules", Edit(Rule("T-STAT-005", Term("traveler.nationality", "equals", "SYR"))), Cancel)).StatusCode);
        // The edit's re-screen finds no flight yet; waiting for it keeps it from screening the message below a second time.
        await EventuallyAsync(RescreenCountAsync, count => count > rescreens);
        await PostAsync(PaxlstText.List("RUL0005", "RJ111", "AMM", "LHR", Tomorrow,
            new PaxPerson("NASSER", "SAMI", new DateOnly(1990, 1, 1), Nationality: "SYR"),
            new PaxPerson("SMITH", "JOHN", new DateOnly(1975, 2, 2), Nationality: "GBR"),
            new PaxPerson("SMITH", "JANE", new DateOnly(1977, 3, 3), 'F', Nationality: "GBR"),
            new PaxPerson("ODEH", "RANA", new DateOnly(1995, 4, 4), 'F', Nationality: "JOR")));
        Assert.Single(await RuleHitsAsync("T-STAT-005"));

        var statistics = await ServerTests.Json(await Analyst.GetAsync("/api/rules/T-STAT-005/statistics", Cancel));
        var current = Assert.Single(statistics.GetProperty("versions").EnumerateArray());
        Assert.Equal(4, current.GetProperty("evaluations").GetInt64());
        Assert.Equal(1, current.GetProperty("hits").GetInt64());
        Assert.Equal(0.25, current.GetProperty("hitRate").GetDouble(), 6);
        Assert.False(current.GetProperty("flagged").GetBoolean());
        var listed = Assert.Single((await ServerTests.Json(await Analyst.GetAsync("/api/rules", Cancel))).EnumerateArray());
        Assert.Equal(1, listed.GetProperty("statistics").GetProperty("hits").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync("/api/rules/NO-SUCH-RULE/statistics", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_rule_endpoints_with_the_role_each_needs()
    {
        var paths = (await ServerTests.Json(await Host.Client(null).GetAsync("/openapi/v1.json", Cancel))).GetProperty("paths");
        string[] expected =
        [
            "/api/rules", "/api/rules/{id}", "/api/rules/{id}/disable", "/api/rules/validate", "/api/rules/{id}/backtest",
            "/api/rules/{id}/statistics", "/api/value-lists", "/api/value-lists/{name}",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), path));
        Assert.Contains("admin", paths.GetProperty("/api/rules").GetProperty("post").GetProperty("description").GetString());
        Assert.Contains("analyst", paths.GetProperty("/api/rules/{id}/backtest").GetProperty("get").GetProperty("description").GetString());
        Assert.True(paths.GetProperty("/api/rules/{id}").TryGetProperty("delete", out _));
    }

    // ------------------------------------------------------------------ helpers

    private static RuleDraft Rule(string id, params object[] terms) =>
        new(id, $"Test rule {id}", "TEST-PIU", true, new { all = terms });

    private static object Term(string field, string op, object value) =>
        value is string[] values ? new { field, op, values } : new { field, op, value };

    private static object Edit(RuleDraft rule, string author = "Ann Admin", string reason = "Test criterion") => new { author, reason, rule };

    private async Task PostAsync(byte[] message)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Host.Client(ServerHost.SenderKey).PostAsync("/api/messages", ServerTests.Body(message), Cancel)).StatusCode);
        var pending = await EventuallyAsync(
            async () => (await Host.Store.ListMessagesAsync(MessageStatus.Received, cancellationToken: Cancel)).Count + (await Host.Store.ListMessagesAsync(MessageStatus.Parsed, cancellationToken: Cancel)).Count,
            count => count == 0);
        Assert.Equal(0, pending);
    }

    /// <summary>The rule's hits once there are <paramref name="wanted"/> (or the wait is over).</summary>
    private async Task<List<JsonElement>> RuleHitsAsync(string ruleId, int wanted = 1) =>
        await EventuallyAsync(async () => (await ServerTests.Json(await Analyst.GetAsync("/api/hits", Cancel))).EnumerateArray()
            .Where(h => h.GetProperty("ruleId").ValueKind == JsonValueKind.String && h.GetProperty("ruleId").GetString() == ruleId).ToList(),
            hits => hits.Count >= wanted, wanted == 0 ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(60));

    private async Task<int> RescreenCountAsync() => (await Host.Store.ListAuditAsync(null, Cancel)).Count(a => a.Step == "rescreen");

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(60));
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Cancel);
            value = await read();
        }

        return value;
    }

    /// <summary>A rule as the API takes it; the condition is any JSON object.</summary>
    private sealed record RuleDraft(string Id, string Title, string Owner, bool Enabled, object Condition);
}

/// <summary>Rules in the service over SQLite.</summary>
[Collection(nameof(ServerTests))]
public sealed class SqliteRuleServiceTests() : RuleServiceTests(new SqliteTestDatabase());

/// <summary>Rules in the service over PostgreSQL (<c>VIGIL_TEST_POSTGRES</c>); skipped without it.</summary>
[Collection(nameof(ServerTests))]
public sealed class PostgresRuleServiceTests() : RuleServiceTests(new PostgresTestDatabase());
