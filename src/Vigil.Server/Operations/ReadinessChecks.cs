using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vigil.Server.Operations;

/// <summary>Ready only when the store answers a query, not merely when a connection opens.</summary>
internal sealed class StoreReachable(VigilStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = store.CreateContext();
            // The newest id, read through the primary key: a real query that stays cheap however many messages there are.
            var last = await db.Messages.OrderByDescending(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.Provider} store answers; last message id {last?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.Provider} store does not answer: {e.Message}", e);
        }
    }
}

/// <summary>Ready only when screening has at least one watch list loaded in memory, not merely stored.</summary>
internal sealed class WatchListsLoaded(ScreeningLists lists, ServerOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = lists.Loaded;
        if (loaded.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Screening against " + string.Join(", ", loaded.Select(l => $"{l.Code} {l.Version} ({l.Entries} entries)")) + "."));
        }

        return Task.FromResult(options.RequireWatchLists
            ? HealthCheckResult.Unhealthy("No watch list is loaded; import one (POST /api/watchlists) before travelers are screened.")
            : HealthCheckResult.Degraded("No watch list is loaded; Vigil:Server:RequireWatchLists is off, so the service reports ready anyway."));
    }
}

/// <summary>Writes a health report as JSON: the overall status and each check's status and sentence.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
