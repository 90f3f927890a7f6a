using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Operations;

/// <summary>
/// Runs the pipeline's drop-folder watcher while the service runs, when <c>Vigil:Server:DropFolder</c> is set: files
/// written there are received and processed like posted messages. The watcher processes what it received itself, so
/// its outcomes are counted for the metrics at its sweep interval.
/// </summary>
internal sealed partial class DropFolderService(IngestPipeline pipeline, OutcomeMetrics outcomes, ServerOptions options, TimeProvider clock, ILogger<DropFolderService> log)
    : BackgroundService, IHealthCheck
{
    private DropFolderWatcher? watcher;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(watcher switch
        {
            null when options.DropFolder is null => HealthCheckResult.Healthy("No drop folder is configured."),
            null => HealthCheckResult.Degraded($"The drop folder {options.DropFolder} is not watched yet."),
            { LastError: { } error } => HealthCheckResult.Degraded(error),
            _ => HealthCheckResult.Healthy($"Watching {watcher.Root}."),
        });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.DropFolder is null)
        {
            return;
        }

        var settings = new DropFolderOptions { Folder = options.DropFolder, DefaultSender = options.DropFolderSender };
        await using var watching = new DropFolderWatcher(pipeline, settings, clock);
        await watching.StartAsync(stoppingToken);
        watcher = watching;
        LogWatching(watching.Root);
        try
        {
            using var timer = new PeriodicTimer(settings.SweepInterval, clock);
            do
            {
                await outcomes.CountAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the watcher is disposed on the way out; files not yet moved are taken at the next start.
        }
        finally
        {
            watcher = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the drop folder {Folder}")]
    private partial void LogWatching(string folder);
}
