using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Vigil.Data;
using Vigil.Data.Ingest;
using Vigil.Screening.Hits;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.Cli.Input;

/// <summary>
/// Opens the store the way every store-backed command does: configuration from the environment
/// (<c>Vigil__Store__Provider</c>, <c>Vigil__Store__ConnectionString</c>, …) as the server reads it, and for SQLite
/// the data folder from <c>--data</c> when given.
/// </summary>
internal static class StoreOpening
{
    public static Task<VigilStore> OpenAsync(DirectoryInfo? dataFolder, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = VigilStoreOptions.FromConfiguration(configuration);
        if (dataFolder is not null)
        {
            options = options with { DataFolder = dataFolder.FullName };
        }

        return VigilStore.OpenAsync(options, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Reads the lists (the bundled UN list when none is named), stores each version so hits can point at their entry,
    /// and makes the pipeline that screens against all of them.
    /// </summary>
    public static async Task<(IngestPipeline Pipeline, string Lists)> PipelineAsync(VigilStore store, IReadOnlyCollection<string> listPaths, CancellationToken cancellationToken)
    {
        var lists = ListLoading.ReadOrEmbedded(listPaths, Console.Error);
        foreach (var list in lists)
        {
            await store.SaveWatchListAsync(list, DateTimeOffset.UtcNow, cancellationToken: cancellationToken);
        }

        var check = new WatchListCheck(new WatchListMatcher(WatchListIndex.Build(lists.SelectMany(l => l.Entries))));
        var names = listPaths.Count == 0 ? EmbeddedList.Description : string.Join(", ", listPaths);
        return (new IngestPipeline(store, [check]), names);
    }

    /// <summary>The <c>--data</c> option: the SQLite data folder.</summary>
    public static Option<DirectoryInfo?> DataOption() => new("--data")
    {
        Description = $"Data folder of the SQLite store (default '{VigilStoreOptions.DefaultDataFolder}'). PostgreSQL is chosen by configuration: Vigil__Store__Provider=postgresql and Vigil__Store__ConnectionString.",
    };

    /// <summary>The <c>--list</c> option: watch lists to screen against.</summary>
    public static Option<string[]> ListOption() => new("--list")
    {
        Description = "A watch list file or folder (format detected); repeat for several. Default: the bundled UN Consolidated List.",
        AllowMultipleArgumentsPerToken = false,
    };
}
