using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Screening.Watchlists;

namespace Vigil.Server.Endpoints;

/// <summary>
/// <c>/api/watchlists</c>: administrators import a list file in any format Vigil reads; analysts see the versions and
/// what changed between two of them. An import that adds a version wakes the re-screen.
/// </summary>
internal static partial class WatchListEndpoints
{
    private const int ShownProblems = 50;

    public static void MapWatchLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/watchlists").WithTags("Watch lists");
        group.MapPost("/", Import).RequireAuthorization(Policies.Admin).DisableAntiforgery()
            .WithSummary("Import a list file (multipart field 'file'; optional field 'code'): UN, OFAC or EU XML, OFAC sdn.csv, FollowTheMoney or national JSON, national CSV.");
        group.MapGet("/", List).RequireAuthorization(Policies.Analyst).WithSummary("Every list with its current version.");
        group.MapGet("/{code}/versions", Versions).RequireAuthorization(Policies.Analyst).WithSummary("A list's imported versions, newest first.");
        group.MapGet("/{code}/diff", Diff).RequireAuthorization(Policies.Analyst)
            .WithSummary("Entries added, removed and changed between two versions; by default the current version against the one imported before it.");
    }

    private static async Task<Results<Created<WatchListImport>, Ok<WatchListImport>, ValidationProblem>> Import(
        IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? code, ClaimsPrincipal user, VigilStore store, IngestSignal signal, VigilMetrics metrics,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var input = new QueryInput();
        if (file is null || file.Length == 0)
        {
            input.Fail("file", "is required: send the list as multipart/form-data in a field named 'file'.");
        }

        if (!string.IsNullOrWhiteSpace(code) && !ListCode().IsMatch(code))
        {
            input.Fail("code", $"'{code}' is not a list code: use 1–32 lower-case letters, digits, '-' or '_'.");
        }

        if (!input.IsValid)
        {
            return input.Problem();
        }

        // The readers recognise a format from the content, and OFAC's CSV set by its file name, so the upload is
        // read from a file named as the sender named it, in a folder of its own.
        var folder = Path.Combine(Path.GetTempPath(), "vigil-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var name = Path.GetFileName(file!.FileName);
            var path = Path.Combine(folder, string.IsNullOrWhiteSpace(name) ? "list" : name);
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            WatchList list;
            using (metrics.Time("watchlist-import"))
            {
                try
                {
                    list = WatchListReader.Read(path, string.IsNullOrWhiteSpace(code) ? null : code.Trim());
                }
                catch (Exception e) when (e is InvalidDataException or IOException or JsonException or System.Xml.XmlException)
                {
                    input.Fail("file", e.Message.Replace(path, file.FileName, StringComparison.Ordinal));
                    return input.Problem();
                }

                if (list.Entries.Count == 0)
                {
                    input.Fail("file", $"{file.FileName} was read as {list.Format} but holds no entries; an empty list would clear every hit it could make.");
                    return input.Problem();
                }

                var saved = await store.SaveWatchListAsync(list with { SourcePath = file.FileName }, clock.GetUtcNow(), cancellationToken: cancellationToken);
                await store.RecordAuditAsync(null, "watchlist-import", AuditOutcome.Succeeded,
                    $"{list.Code} version {list.Version} ({list.Entries.Count} entries) imported by {user.Identity?.Name}{(saved.Created ? "" : "; already stored")}", cancellationToken);
                await using var db = store.CreateContext();
                var version = await db.WatchListVersions.AsNoTracking().FirstAsync(v => v.Id == saved.VersionId, cancellationToken);
                var result = new WatchListImport(list.Code, saved.Created, ViewMapping.View(version, saved.VersionId),
                    [.. list.Problems.Take(ShownProblems).Select(p => new ListProblemView(p.Position, p.Message))]);
                signal.WatchListsChanged();
                return saved.Created ? TypedResults.Created($"/api/watchlists/{list.Code}/versions", result) : TypedResults.Ok(result);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Ok<List<WatchListSummary>>> List(VigilStore store, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var lists = await db.WatchLists.AsNoTracking().OrderBy(w => w.Code).ToListAsync(cancellationToken);
        var currentIds = lists.Where(w => w.CurrentVersionId != null).Select(w => w.CurrentVersionId!.Value).ToList();
        var current = await db.WatchListVersions.AsNoTracking().Where(v => currentIds.Contains(v.Id)).ToDictionaryAsync(v => v.WatchListId, cancellationToken);
        var counts = await db.WatchListVersions.GroupBy(v => v.WatchListId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return TypedResults.Ok(lists.Select(w => new WatchListSummary(
            w.Code,
            current.TryGetValue(w.Id, out var v) ? ViewMapping.View(v, w.CurrentVersionId) : null,
            counts.GetValueOrDefault(w.Id))).ToList());
    }

    private static async Task<Results<Ok<List<WatchListVersionView>>, ProblemHttpResult>> Versions(string code, VigilStore store, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var list = await db.WatchLists.AsNoTracking().FirstOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (list is null)
        {
            return Problems.NotFound($"No watch list '{code}' has been imported.");
        }

        var versions = await db.WatchListVersions.AsNoTracking().Where(v => v.WatchListId == list.Id).OrderByDescending(v => v.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(v => ViewMapping.View(v, list.CurrentVersionId)).ToList());
    }

    private static async Task<Results<Ok<WatchListDiffView>, ValidationProblem, ProblemHttpResult>> Diff(
        string code, string? from, string? to, VigilStore store, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var list = await db.WatchLists.AsNoTracking().FirstOrDefaultAsync(w => w.Code == code, cancellationToken);
        if (list is null)
        {
            return Problems.NotFound($"No watch list '{code}' has been imported.");
        }

        var versions = await db.WatchListVersions.AsNoTracking().Where(v => v.WatchListId == list.Id).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var input = new QueryInput();
        var after = string.IsNullOrWhiteSpace(to) ? versions.FirstOrDefault(v => v.Id == list.CurrentVersionId) : Find(input, "to", versions, to);
        var before = string.IsNullOrWhiteSpace(from)
            ? versions.LastOrDefault(v => after is not null && v.Id < after.Id)
            : Find(input, "from", versions, from);
        if (input.IsValid && before is null)
        {
            input.Fail("from", $"no version of '{code}' was imported before {after?.Version}; name one with 'from'. Known: {string.Join(", ", versions.Select(v => v.Version))}.");
        }

        if (!input.IsValid || before is null || after is null)
        {
            return input.Problem();
        }

        var diff = WatchListDiff.Between(await StoredWatchLists.ReadAsync(db, code, before, cancellationToken), await StoredWatchLists.ReadAsync(db, code, after, cancellationToken));
        return TypedResults.Ok(new WatchListDiffView(code, diff.PreviousVersion, diff.CurrentVersion,
            [.. diff.Added.Select(e => new DiffEntry(e.ListId, e.PrimaryName))],
            [.. diff.Removed.Select(e => new DiffEntry(e.ListId, e.PrimaryName))],
            [.. diff.Changed.Select(c => new ChangedDiffEntry(c.ListId, c.Current.PrimaryName, c.Changes))]));
    }

    private static WatchListVersion? Find(QueryInput input, string field, List<WatchListVersion> versions, string version)
    {
        var found = versions.LastOrDefault(v => v.Version == version.Trim());
        if (found is null)
        {
            input.Fail(field, $"'{version}' is not an imported version; known: {string.Join(", ", versions.Select(v => v.Version))}.");
        }

        return found;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex ListCode();
}
