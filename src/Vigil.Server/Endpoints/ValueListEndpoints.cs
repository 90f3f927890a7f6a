using System.Security.Claims;
using System.Text.RegularExpressions;
using Vigil.Screening.Rules;

namespace Vigil.Server.Endpoints;

/// <summary>
/// <c>/api/value-lists</c>: the named lists rules test membership of (airports, countries, agencies of concern).
/// Analysts read them; administrators create them and save new versions, which recompiles the rules that read them
/// and re-screens upcoming flights. A list is never deleted: rules and hits name its versions.
/// </summary>
internal static partial class ValueListEndpoints
{
    private const int MaxValues = 100_000;
    private const int MaxValueLength = 200;
    private const int MaxDescriptionLength = 2000;

    public static void MapValueLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/value-lists").WithTags("Rules");
        group.MapGet("/", List).RequireAuthorization(Policies.Analyst).WithSummary("Every value list's current version, by name.");
        group.MapGet("/{name}", Get).RequireAuthorization(Policies.Analyst).WithSummary("A value list's current version and every saved version, oldest first.");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin)
            .WithSummary("Create a value list: { name, values, description, author, reason }.");
        group.MapPut("/{name}", Update).RequireAuthorization(Policies.Admin)
            .WithSummary("Save a new version of a value list: { values, description, author, reason }; rules that read it are recompiled and upcoming flights re-screened.");
    }

    private static Ok<List<ValueListView>> List(RiskCriteria criteria) =>
        TypedResults.Ok(criteria.Lists.Snapshot().Values.OrderBy(l => l.Name, StringComparer.Ordinal).Select(View).ToList());

    private static Results<Ok<ValueListDetail>, ProblemHttpResult> Get(string name, RiskCriteria criteria) =>
        Detail(name, criteria) is { } detail ? TypedResults.Ok(detail) : UnknownList(name);

    private static async Task<Results<Created<ValueListDetail>, ValidationProblem, ProblemHttpResult>> Create(
        ValueListRequest? request, ClaimsPrincipal user, RiskCriteria criteria, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        var name = input.Required("name", request?.Name, 64);
        if (name is not null && !ListName().IsMatch(name))
        {
            input.Fail("name", $"'{name}' is not a list name: use 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit.");
        }

        var edit = Read(input, request, user);
        if (!input.IsValid)
        {
            return input.Problem();
        }

        if (await criteria.SaveListAsync(name!, edit.Values, edit.Description, edit.Author, edit.Reason, create: true, cancellationToken) is null)
        {
            return Problems.Conflict($"Value list '{name}' exists; save a new version with PUT /api/value-lists/{name}.");
        }

        return TypedResults.Created($"/api/value-lists/{name}", Detail(name!, criteria)!);
    }

    private static async Task<Results<Ok<ValueListDetail>, ValidationProblem, ProblemHttpResult>> Update(
        string name, ValueListRequest? request, ClaimsPrincipal user, RiskCriteria criteria, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        if (request?.Name is { Length: > 0 } named && named.Trim() != name)
        {
            input.Fail("name", $"The body names '{named}', but the request changes '{name}'; leave 'name' out or make them agree.");
        }

        var edit = Read(input, request, user);
        if (!input.IsValid)
        {
            return input.Problem();
        }

        if (await criteria.SaveListAsync(name, edit.Values, edit.Description, edit.Author, edit.Reason, create: false, cancellationToken) is null)
        {
            return UnknownList(name);
        }

        return TypedResults.Ok(Detail(name, criteria)!);
    }

    /// <summary>The values (trimmed, blanks dropped), description, author (with the key's holder) and reason of a request.</summary>
    private static ListEdit Read(QueryInput input, ValueListRequest? request, ClaimsPrincipal user)
    {
        var (author, reason) = RuleEditor.Read(input, request?.Author, request?.Reason, user);
        List<string> values = [.. (request?.Values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
        if (values.Count == 0)
        {
            input.Fail("values", "needs at least one value: a rule testing an empty list could never fire.");
        }
        else if (values.Count > MaxValues)
        {
            input.Fail("values", $"may hold at most {MaxValues} values; it has {values.Count}.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length > MaxValueLength)
            {
                input.Fail($"values[{i}]", $"may be at most {MaxValueLength} characters; it has {values[i].Length}.");
            }
        }

        if (request?.Description is { Length: > MaxDescriptionLength } description)
        {
            input.Fail("description", $"may be at most {MaxDescriptionLength} characters; it has {description.Length}.");
        }

        return new ListEdit(values, string.IsNullOrWhiteSpace(request?.Description) ? null : request.Description.Trim(),
            author ?? "", reason ?? "");
    }

    private static ValueListDetail? Detail(string name, RiskCriteria criteria)
    {
        var versions = criteria.Lists.History(name);
        return versions.Count == 0 ? null : new ValueListDetail(View(versions[^1]), [.. versions.Select(View)]);
    }

    private static ValueListView View(ValueList l) => new(l.Name, l.Version, l.Description, l.Values, l.Author, l.Reason, l.SavedAt);

    private static ProblemHttpResult UnknownList(string name) => Problems.NotFound($"No value list '{name}' has been saved.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ListName();

    private sealed record ListEdit(IReadOnlyList<string> Values, string? Description, string Author, string Reason);
}
