using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Operations;

/// <summary>
/// Runs the pipeline in the background: processes what is pending whenever a message arrives (and once at start, for
/// anything a stop left half done), and re-screens upcoming flights when a watch list's version changes.
/// </summary>
internal sealed partial class IngestWorker(
    IngestPipeline pipeline,
    ScreeningLists lists,
    IngestSignal signal,
    OutcomeMetrics outcomes,
    VigilMetrics metrics,
    ServerOptions options,
    ILogger<IngestWorker> log) : BackgroundService
{
    // After a failure (the database gone for a moment, say) the worker tries again by itself, not only on the next message.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await outcomes.StartAsync(stoppingToken);
        await RetryingAsync(lists.RefreshAsync, stoppingToken);
        await Task.WhenAll(ProcessWhenSignalledAsync(stoppingToken), RescreenWhenSignalledAsync(stoppingToken));
    }

    private async Task ProcessWhenSignalledAsync(CancellationToken stoppingToken)
    {
        do
        {
            signal.Messages.TryRead(out _);
            await RetryingAsync(async ct =>
            {
                using (metrics.Time("process"))
                {
                    await pipeline.ProcessPendingAsync(ct);
                }

                await outcomes.CountAsync(ct);
                return true;
            }, stoppingToken);
        }
        while (await signal.Messages.WaitToReadAsync(stoppingToken));
    }

    private async Task RescreenWhenSignalledAsync(CancellationToken stoppingToken)
    {
        while (await signal.Rescreens.WaitToReadAsync(stoppingToken))
        {
            signal.Rescreens.TryRead(out _);
            await RetryingAsync(async ct =>
            {
                if (!await lists.RefreshAsync(ct))
                {
                    return true;
                }

                int screened;
                using (metrics.Time("rescreen"))
                {
                    screened = await pipeline.RescreenAsync(RescreenScope.Upcoming(options.RescreenWindow), ct);
                }

                LogRescreened(screened, string.Join(", ", lists.Loaded.Select(l => $"{l.Code} {l.Version}")));
                await outcomes.CountAsync(ct);
                return true;
            }, stoppingToken);
        }
    }

    private async Task RetryingAsync(Func<CancellationToken, Task<bool>> work, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await work(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e, RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screened {Travelers} travelers on upcoming flights against {Lists}")]
    private partial void LogRescreened(int travelers, string lists);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ingest worker failed; trying again in {Seconds} s")]
    private partial void LogFailed(Exception exception, double seconds);
}
