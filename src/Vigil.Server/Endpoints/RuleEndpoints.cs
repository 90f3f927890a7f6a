using System.Security.Claims;
using System.Text.Json;
using Vigil.Screening.Hits;
using Vigil.Screening.Rules;

namespace Vigil.Server.Endpoints;

/// <summary>
/// <c>/api/rules</c>: analysts read rules, their versions and statistics, validate drafts and backtest rules over
/// stored travelers; administrators create, change and disable them. Every change is a new version with its author
/// and reason, stored and audited before it screens anyone, and re-screens upcoming flights.
/// </summary>
internal static class RuleEndpoints
{
    private const int MaxRuleIdLength = 64;
    private const int MaxBacktestDays = 31;
    private const int BacktestExamples = 100;

    public static void MapRules(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rules").WithTags("Rules");
        group.MapGet("/", List).RequireAuthorization(Policies.Analyst).WithSummary("Every rule's current version with its statistics, by id.");
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.Analyst).WithSummary("A rule's current version and every saved version, oldest first.");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin)
            .WithSummary("Create a rule: { author, reason, rule }. Problems are answered as validation errors keyed by the term's path.");
        group.MapPut("/{id}", Update).RequireAuthorization(Policies.Admin)
            .WithSummary("Save a new version of a rule: { author, reason, rule }; upcoming flights are re-screened.");
        group.MapPost("/{id}/disable", Disable).RequireAuthorization(Policies.Admin)
            .WithSummary("Save a disabled version of the rule: { author, reason }. Its versions and hits stay.");
        group.MapDelete("/{id}", DisableByDelete).RequireAuthorization(Policies.Admin)
            .WithSummary("The same as /disable, with author and reason in the query: a rule is never erased, only disabled.");
        group.MapPost("/validate", Validate).RequireAuthorization(Policies.Analyst)
            .WithSummary("Validate a rule's JSON against the current value lists without saving it; problems name the term's path.");
        group.MapGet("/{id}/backtest", Backtest).RequireAuthorization(Policies.Analyst)
            .WithSummary("What the rule (or ?version=) would hit among the stored travelers of ?flight= or of flights from ?from= to ?to= (yyyy-MM-dd, at most 31 days); creates no hit.");
        group.MapGet("/{id}/statistics", Statistics).RequireAuthorization(Policies.Analyst)
            .WithSummary("Evaluations, hits, hit rate, time per evaluation and flags of each version since the service started.");
    }

    private static Ok<List<RuleSummaryView>> List(RiskCriteria criteria, TimeProvider clock) =>
        TypedResults.Ok(criteria.Rules.CurrentRules().OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => Summary(criteria, r, clock)).ToList());

    private static Results<Ok<RuleDetailView>, ProblemHttpResult> Get(string id, RiskCriteria criteria, TimeProvider clock) =>
        Detail(id, criteria, clock) is { } detail ? TypedResults.Ok(detail) : UnknownRule(id);

    private static RuleDetailView? Detail(string id, RiskCriteria criteria, TimeProvider clock)
    {
        if (criteria.Rules.Current(id) is not { } current)
        {
            return null;
        }

        var versions = criteria.Rules.History(id).Select(e => new RuleVersionView(e.Version, e.Author, e.Reason, e.At, ViewMapping.Json(e.Json))).ToList();
        return new RuleDetailView(Summary(criteria, current, clock), versions[^1].Rule, versions);
    }

    private static async Task<Results<Created<RuleDetailView>, ValidationProblem, ProblemHttpResult>> Create(
        RuleEditRequest? request, ClaimsPrincipal user, RiskCriteria criteria, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (rule, author, reason, problem) = Read(request, user, null);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await criteria.SaveRuleAsync(rule!, author!, reason!, cancellationToken, create: true);
        if (outcome.Existence == RuleExistence.Exists)
        {
            return Problems.Conflict($"Rule '{rule!.Id}' exists; save a new version with PUT /api/rules/{rule.Id}.");
        }

        return outcome.Problems.Count > 0
            ? Invalid(outcome.Problems)
            : TypedResults.Created($"/api/rules/{Uri.EscapeDataString(rule!.Id)}", Detail(rule.Id, criteria, clock)!);
    }

    private static async Task<Results<Ok<RuleDetailView>, ValidationProblem, ProblemHttpResult>> Update(
        string id, RuleEditRequest? request, ClaimsPrincipal user, RiskCriteria criteria, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (criteria.Rules.Current(id) is null)
        {
            return UnknownRule(id);
        }

        var (rule, author, reason, problem) = Read(request, user, id);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await criteria.SaveRuleAsync(rule!, author!, reason!, cancellationToken);
        if (outcome.Existence == RuleExistence.Unknown)
        {
            return UnknownRule(id);
        }

        return outcome.Problems.Count > 0 ? Invalid(outcome.Problems) : TypedResults.Ok(Detail(id, criteria, clock)!);
    }

    private static Task<Results<Ok<RuleDetailView>, ValidationProblem, ProblemHttpResult>> Disable(
        string id, RuleDisableRequest? request, ClaimsPrincipal user, RiskCriteria criteria, TimeProvider clock, CancellationToken cancellationToken) =>
        DisableAsync(id, request?.Author, request?.Reason, user, criteria, clock, cancellationToken);

    private static Task<Results<Ok<RuleDetailView>, ValidationProblem, ProblemHttpResult>> DisableByDelete(
        string id, string? author, string? reason, ClaimsPrincipal user, RiskCriteria criteria, TimeProvider clock, CancellationToken cancellationToken) =>
        DisableAsync(id, author, reason, user, criteria, clock, cancellationToken);

    private static async Task<Results<Ok<RuleDetailView>, ValidationProblem, ProblemHttpResult>> DisableAsync(
        string id, string? author, string? reason, ClaimsPrincipal user, RiskCriteria criteria, TimeProvider clock, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var (who, why) = RuleEditor.Read(input, author, reason, user);
        if (!input.IsValid)
        {
            return input.Problem();
        }

        if (criteria.Rules.Current(id) is not { } current)
        {
            return UnknownRule(id);
        }

        if (!current.Enabled)
        {
            return Problems.Conflict($"Rule '{id}' is already disabled (version {current.Version}); nothing was saved.");
        }

        var outcome = await criteria.SaveRuleAsync(current with { Enabled = false }, who!, why!, cancellationToken);
        return outcome.Problems.Count > 0 ? Invalid(outcome.Problems) : TypedResults.Ok(Detail(id, criteria, clock)!);
    }

    private static Results<Ok<RuleValidationView>, ValidationProblem> Validate([Microsoft.AspNetCore.Mvc.FromBody] JsonElement? rule, RiskCriteria criteria)
    {
        if (rule is not { ValueKind: JsonValueKind.Object } body)
        {
            return Invalid([new RuleProblem("rule", null, null, "Send the rule as a JSON object in the body.")]);
        }

        var (parsed, problems) = RuleValidator.ValidateJson(body.GetRawText(), criteria.Lists.Snapshot());
        problems = [.. problems, .. IdProblems(parsed)];
        return problems.Count > 0 ? Invalid(problems) : TypedResults.Ok(new RuleValidationView(true, parsed?.Id));
    }

    private static async Task<Results<Ok<BacktestView>, ValidationProblem, ProblemHttpResult>> Backtest(
        string id, long? flight, string? from, string? to, int? version, ClaimsPrincipal user, RiskCriteria criteria, IngestPipeline pipeline, VigilStore store,
        CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var first = input.Date("from", from);
        var last = input.Date("to", to);
        if (flight is null && (first is null || last is null) && input.IsValid)
        {
            input.Fail(flight is null && first is null ? "from" : "to", "give ?flight= (a flight id), or both ?from= and ?to= (yyyy-MM-dd).");
        }
        else if (flight is null && first is { } f && last is { } l && (l < f || l.DayNumber - f.DayNumber >= MaxBacktestDays))
        {
            input.Fail("to", l < f ? $"{l:yyyy-MM-dd} is before {f:yyyy-MM-dd}." : $"a backtest covers at most {MaxBacktestDays} days; split the period.");
        }

        if (!input.IsValid)
        {
            return input.Problem();
        }

        var rule = version is { } n ? criteria.Rules.Version(id, n) : criteria.Rules.Current(id);
        if (rule is null)
        {
            return criteria.Rules.Current(id) is null ? UnknownRule(id) : Problems.NotFound($"Rule '{id}' has no version {version}.");
        }

        IReadOnlyList<long> flightIds;
        if (flight is { } flightId)
        {
            await using var db = store.CreateContext();
            if (!await db.Flights.AnyAsync(x => x.Id == flightId, cancellationToken))
            {
                return Problems.NotFound($"No flight {flightId} is stored.");
            }

            flightIds = [flightId];
        }
        else
        {
            flightIds = await pipeline.FlightsAsync(RescreenScope.Between(first!.Value.ToDateTime(TimeOnly.MinValue), last!.Value.ToDateTime(TimeOnly.MaxValue)), cancellationToken);
        }

        RuleSet compiled;
        try
        {
            compiled = RuleSet.Compile([rule], criteria.Lists.Snapshot());
        }
        catch (RuleValidationException e)
        {
            return Invalid(e.Problems);
        }

        var subjects = await pipeline.StoredSubjectsAsync(flightIds, cancellationToken);
        // Subjects are records: two travelers with the same details are equal, so they are told apart by reference.
        var travelerOf = subjects.ToDictionary(s => s.Subject, s => s.TravelerId, (IEqualityComparer<ScreeningSubject>)ReferenceEqualityComparer.Instance);
        var report = RuleBacktest.Run(compiled, subjects.Select(s => s.Subject), criteria.Check.Environment, BacktestExamples);
        var result = report.Rules[0];
        // The examples show travelers' names: reading them is audited like any read of personal data.
        await ReadAudit.RecordAsync(store, user, $"backtest of rule {id} version {rule.Version} over {flightIds.Count} flights ({result.Matches} matches)", cancellationToken);
        return TypedResults.Ok(new BacktestView(id, rule.Version, flightIds.Count, report.Subjects, result.Matches, result.HitRate, report.Elapsed.TotalMilliseconds,
            [.. result.Examples.Select(m => new BacktestMatchView(
                travelerOf[m.Subject], m.Subject.Traveler.Surname, m.Subject.Traveler.GivenNames,
                m.Subject.Flight is { } reported ? $"{reported.Carrier}{reported.Number}" : null, ViewMapping.Json(m.Match.ExplanationJson)))]));
    }

    private static Results<Ok<RuleStatisticsReport>, ProblemHttpResult> Statistics(string id, RiskCriteria criteria)
    {
        if (criteria.Rules.Current(id) is not { } current)
        {
            return UnknownRule(id);
        }

        var versions = criteria.Check.Statistics().Where(s => s.RuleId == id).Select(s => StatisticsView(criteria, s)).ToList();
        return TypedResults.Ok(new RuleStatisticsReport(id, current.Owner, versions));
    }

    private static RuleSummaryView Summary(RiskCriteria criteria, RiskRule rule, TimeProvider clock)
    {
        var edit = criteria.Rules.History(rule.Id)[^1];
        var statistics = criteria.Check.Statistics().FirstOrDefault(s => s.RuleId == rule.Id && s.Version == rule.Version);
        return new RuleSummaryView(rule.Id, rule.Version, rule.Title, rule.Category, rule.Severity, rule.Owner, rule.Enabled,
            rule.InForceOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), rule.EffectiveFrom, rule.EffectiveTo, edit.Author, edit.At,
            statistics is null ? null : StatisticsView(criteria, statistics));
    }

    private static RuleStatisticsView StatisticsView(RiskCriteria criteria, RuleStatistics s) =>
        new(s.Version, s.Evaluations, s.Hits, s.HitRate, s.MeanNanoseconds, s.LastHit, s.Flagged, criteria.FlagOf(s.RuleId, s.Version)?.At);

    /// <summary>Reads an edit request: the rule (whose id must be <paramref name="id"/> when given), the author and the reason.</summary>
    private static (RiskRule? Rule, string? Author, string? Reason, ValidationProblem? Problem) Read(RuleEditRequest? request, ClaimsPrincipal user, string? id)
    {
        var input = new QueryInput();
        var (author, reason) = RuleEditor.Read(input, request?.Author, request?.Reason, user);
        if (request?.Rule is not { ValueKind: JsonValueKind.Object } json)
        {
            input.Fail("rule", "is required: the rule's JSON object (see docs/rules.md).");
            return (null, author, reason, input.Problem());
        }

        RiskRule rule;
        try
        {
            rule = RuleJson.Parse(json.GetRawText());
        }
        catch (RuleFormatException e)
        {
            return (null, author, reason, Invalid([e.Problem], input));
        }

        var problems = IdProblems(rule).ToList();
        if (id is not null && rule.Id != id)
        {
            problems.Add(new RuleProblem("id", null, null, $"The rule's id '{rule.Id}' is not '{id}', the rule this request changes."));
        }

        return problems.Count > 0 || !input.IsValid ? (null, author, reason, Invalid(problems, input)) : (rule, author, reason, null);
    }

    private static IEnumerable<RuleProblem> IdProblems(RiskRule? rule) =>
        rule is { Id.Length: > MaxRuleIdLength }
            ? [new RuleProblem("id", null, null, $"A rule id may be at most {MaxRuleIdLength} characters; it has {rule.Id.Length}.")]
            : [];

    /// <summary>Rule problems as validation errors keyed by path (<c>condition.all[2].any[0]</c>), the term's field and operator leading the sentence.</summary>
    private static ValidationProblem Invalid(IReadOnlyList<RuleProblem> problems, QueryInput? input = null)
    {
        input ??= new QueryInput();
        foreach (var problem in problems)
        {
            input.Fail(problem.Path, problem.Field is null ? problem.Message : $"({problem.Field} {problem.Operator}) {problem.Message}");
        }

        return input.Problem();
    }

    private static ProblemHttpResult UnknownRule(string id) => Problems.NotFound($"No rule '{id}' has been saved.");
}

/// <summary>Who makes a rule or value-list edit and why: both required, as the audit keeps them.</summary>
internal static class RuleEditor
{
    private const int MaxAuthorLength = 200;
    private const int MaxReasonLength = 2000;

    /// <summary>The named author and the reason; the key's holder is recorded beside the author, as for hit decisions.</summary>
    public static (string? Author, string? Reason) Read(QueryInput input, string? author, string? reason, ClaimsPrincipal user)
    {
        var who = input.Required("author", author, MaxAuthorLength);
        var why = input.Required("reason", reason, MaxReasonLength);
        return (who is null ? null : $"{who} (key {user.Identity?.Name})", why);
    }
}
