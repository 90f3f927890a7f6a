using Vigil.Screening.Hits;
using Vigil.Screening.Matching;

namespace Vigil.Server.Operations;

/// <summary>
/// Keeps the pipeline's watch-list check in step with the lists' current versions in the store: the in-memory index
/// is built once per change of versions and swapped into the pipeline at once, so screening never sees half a list.
/// The risk rules' check stays beside it.
/// </summary>
internal sealed class ScreeningLists(VigilStore store, IngestPipeline pipeline, RiskCriteria rules)
{
    private IReadOnlyList<LoadedList> loaded = [];

    /// <summary>The list versions screening uses now; empty until the first refresh finds one.</summary>
    public IReadOnlyList<LoadedList> Loaded => Volatile.Read(ref loaded);

    /// <summary>Rebuilds the check when a list's current version changed; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var lists = await StoredWatchLists.CurrentAsync(store, cancellationToken);
        var versions = lists.Select(l => new LoadedList(l.Code, l.Version, l.Entries.Count)).ToList();
        if (versions.SequenceEqual(Loaded))
        {
            return false;
        }

        ITravelerCheck[] checks = lists.Count == 0 ? [rules.Check] : [new WatchListCheck(new WatchListMatcher(WatchListIndex.Build(lists.SelectMany(l => l.Entries)))), rules.Check];
        pipeline.UseChecks(checks);
        Volatile.Write(ref loaded, versions);
        return true;
    }
}

/// <summary>One list version loaded for screening.</summary>
internal sealed record LoadedList(string Code, string Version, int Entries);
