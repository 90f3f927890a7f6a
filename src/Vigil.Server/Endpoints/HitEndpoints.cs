using System.Security.Claims;

namespace Vigil.Server.Endpoints;

/// <summary>
/// <c>/api/hits</c>: the review queue. Only an analyst's recorded decision changes a hit's status, and each
/// decision keeps who made it and why (in the hit's history and in the audit).
/// </summary>
internal static class HitEndpoints
{
    private const int MaxReasonLength = 2000;
    private const int MaxActorLength = 200;

    public static void MapHits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/hits").WithTags("Hits").RequireAuthorization(Policies.Analyst);
        group.MapGet("/", List).WithSummary("Hits, newest first, filtered by status, list code, flight id or the flight's departure date.");
        group.MapGet("/{id:long}", Get).WithSummary("One hit with its explanation and status history.");
        group.MapPost("/{id:long}/status", ChangeStatus).WithSummary("Record an analyst's decision: the new status, the reason and the analyst.");
    }

    private static async Task<Results<Ok<List<HitSummary>>, ValidationProblem>> List(
        VigilStore store, string? status, string? list, long? flight, string? date, long? before, int? limit, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var wanted = input.Enum<HitStatus>("status", status);
        var day = input.Date("date", date);
        var take = input.Limit(limit);
        if (!input.IsValid)
        {
            return input.Problem();
        }

        await using var db = store.CreateContext();
        var listCode = string.IsNullOrWhiteSpace(list) ? null : list.Trim().ToLowerInvariant();
        var query = db.Hits.AsNoTracking()
            .WhereGiven(wanted is not null, h => h.Status == wanted)
            .WhereGiven(listCode is not null, h => h.ListCode == listCode)
            .WhereGiven(flight is not null, h => db.Travelers.Any(t => t.Id == h.TravelerId && t.FlightId == flight))
            .WhereGiven(day is not null, h => db.Travelers.Any(t => t.Id == h.TravelerId && t.Flight!.DepartureDate == day))
            .WhereGiven(before is not null, h => h.Id < before);
        var rows = await query.OrderByDescending(h => h.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(ViewMapping.Summary).ToList());
    }

    private static async Task<Results<Ok<HitDetail>, ProblemHttpResult>> Get(long id, ClaimsPrincipal user, VigilStore store, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(store, id, cancellationToken);
        if (detail is null)
        {
            return Problems.NotFound($"No hit {id} is stored.");
        }

        await ReadAudit.RecordAsync(store, user, $"hit {id}", cancellationToken);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<HitDetail>, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        long id, HitStatusRequest? request, ClaimsPrincipal user, VigilStore store, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var status = input.Enum<HitStatus>("status", request?.Status);
        if (request?.Status is null or "")
        {
            input.Fail("status", $"is required: one of {HitStatus.InReview}, {HitStatus.Confirmed}, {HitStatus.Dismissed}.");
        }
        else if (status == HitStatus.New)
        {
            input.Fail("status", $"'{HitStatus.New}' is where screening starts a hit; an analyst sets {HitStatus.InReview}, {HitStatus.Confirmed} or {HitStatus.Dismissed}.");
        }

        var reason = input.Required("reason", request?.Reason, MaxReasonLength);
        var actor = input.Required("actor", request?.Actor, MaxActorLength);
        if (!input.IsValid)
        {
            return input.Problem();
        }

        var hit = await store.GetHitAsync(id, cancellationToken);
        if (hit is null)
        {
            return Problems.NotFound($"No hit {id} is stored.");
        }

        // The key's holder is recorded beside the named analyst: a team may share one key, the audit still shows both.
        var recordedActor = $"{actor} (key {user.Identity?.Name})";
        if (!await store.ChangeHitStatusAsync(id, status!.Value, recordedActor, reason!, cancellationToken))
        {
            return Problems.Conflict($"Hit {id} is already {hit.Status}; nothing was recorded.");
        }

        await store.RecordAuditAsync(null, "hit-status", AuditOutcome.Succeeded, $"hit {id}: {hit.Status} → {status} by {recordedActor}: {reason}", cancellationToken);
        return TypedResults.Ok((await DetailAsync(store, id, cancellationToken))!);
    }

    private static async Task<HitDetail?> DetailAsync(VigilStore store, long id, CancellationToken cancellationToken)
    {
        var hit = await store.GetHitAsync(id, cancellationToken);
        if (hit is null)
        {
            return null;
        }

        await using var db = store.CreateContext();
        var traveler = await db.Travelers.AsNoTracking().Where(t => t.Id == hit.TravelerId)
            .Select(t => new { t.FlightId, t.Surname, t.GivenNames }).FirstAsync(cancellationToken);
        return new HitDetail(
            ViewMapping.Summary(hit), traveler.FlightId, traveler.Surname, traveler.GivenNames, ViewMapping.Json(hit.Explanation),
            [.. hit.History.Select(c => new HitStatusChangeView(c.From, c.To, c.Actor, c.Reason, c.At))]);
    }
}
