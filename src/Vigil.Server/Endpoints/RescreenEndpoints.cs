using System.Security.Claims;

namespace Vigil.Server.Endpoints;

/// <summary>
/// <c>/api/rescreen</c>: screens older data again on request. Upcoming flights are re-screened on their own after a
/// list import; travelers who already flew are only screened again when an administrator asks, for a period they name.
/// </summary>
internal static class RescreenEndpoints
{
    /// <summary>A year at most per request: a longer sweep is better split so that each answer comes in reasonable time.</summary>
    private const int MaxDays = 366;

    public static void MapRescreen(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/rescreen", Rescreen).WithTags("Screening").RequireAuthorization(Policies.Admin)
            .WithSummary("Screen again, through the watch lists and rules in force now, the travelers of every flight with a leg departing or arriving between 'from' and 'to' (dates, inclusive, as the carriers print them). New hits are stored; analysts' decisions on existing hits stand.");
    }

    private static async Task<Results<Ok<RescreenOutcome>, ValidationProblem>> Rescreen(
        RescreenRequest request, ClaimsPrincipal user, IngestPipeline pipeline, VigilStore store, VigilMetrics metrics, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var from = input.Date("from", request.From);
        var to = input.Date("to", request.To);
        if (request.From is null)
        {
            input.Fail("from", "is required: the first day of the period, yyyy-MM-dd.");
        }

        if (request.To is null)
        {
            input.Fail("to", "is required: the last day of the period, yyyy-MM-dd.");
        }

        if (from is { } first && to is { } last)
        {
            if (last < first)
            {
                input.Fail("to", $"{last:yyyy-MM-dd} is before 'from' ({first:yyyy-MM-dd}).");
            }
            else if (last.DayNumber - first.DayNumber >= MaxDays)
            {
                input.Fail("to", $"the period is {last.DayNumber - first.DayNumber + 1} days; ask for {MaxDays} at most at a time.");
            }
        }

        if (!input.IsValid)
        {
            return input.Problem();
        }

        var scope = RescreenScope.Between(from!.Value.ToDateTime(TimeOnly.MinValue), to!.Value.ToDateTime(TimeOnly.MaxValue));
        int screened;
        using (metrics.Time("rescreen"))
        {
            screened = await pipeline.RescreenAsync(scope, cancellationToken);
        }

        await store.RecordAuditAsync(null, "rescreen-requested", AuditOutcome.Succeeded,
            $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {screened} travelers screened again, asked by {user.Identity!.Name}", cancellationToken);
        return TypedResults.Ok(new RescreenOutcome(from.Value, to.Value, screened));
    }
}

/// <summary>The period to screen again, as dates (yyyy-MM-dd).</summary>
internal sealed record RescreenRequest(string? From, string? To);

internal sealed record RescreenOutcome(DateOnly From, DateOnly To, int TravelersScreened);
