using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Screening.Watchlists;

namespace Vigil.Server.Operations;

/// <summary>Watch-list versions read back from the store as the screening model's lists.</summary>
internal static class StoredWatchLists
{
    // Entries are stored as the store writes them: enums by name, nulls left out.
    private static readonly JsonSerializerOptions EntryJson = new() { Converters = { new JsonStringEnumConverter() } };

    public static async Task<WatchList> ReadAsync(VigilDbContext db, string code, WatchListVersion version, CancellationToken cancellationToken)
    {
        var contents = await db.WatchListEntries.AsNoTracking().Where(e => e.VersionId == version.Id).OrderBy(e => e.Id).Select(e => e.Content).ToListAsync(cancellationToken);
        var entries = contents.Select(c => JsonSerializer.Deserialize<ListedPerson>(c, EntryJson)!).ToList();
        return new WatchList(code, version.Format, version.Version, entries, []);
    }

    /// <summary>The current version of every list, in list-code order.</summary>
    public static async Task<List<WatchList>> CurrentAsync(VigilStore store, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var current = await db.WatchLists.AsNoTracking().Where(w => w.CurrentVersionId != null)
            .Join(db.WatchListVersions.AsNoTracking(), w => w.CurrentVersionId, v => v.Id, (w, v) => new { w.Code, Version = v })
            .OrderBy(x => x.Code)
            .ToListAsync(cancellationToken);
        var lists = new List<WatchList>(current.Count);
        foreach (var item in current)
        {
            lists.Add(await ReadAsync(db, item.Code, item.Version, cancellationToken));
        }

        return lists;
    }
}
