using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Screening.Rules;

namespace Vigil.Server.Operations;

/// <summary>
/// Keeps rule screening current: when a rule or value-list edit recompiles rules, re-screens the travelers of flights
/// in the re-screen window through every check (within seconds of the edit); and refreshes the link directory that
/// link terms read — from the store's confirmed hits and booking travelers with hits — at start, before each
/// re-screen and every <see cref="LinkRefresh"/>.
/// </summary>
internal sealed partial class RuleWorker(RiskCriteria criteria, IngestPipeline pipeline, VigilStore store, ServerOptions options, ILogger<RuleWorker> log)
    : BackgroundService
{
    /// <summary>An analyst's confirmation reaches link terms at most this late; the query reads only hits, so it is cheap.</summary>
    public static readonly TimeSpan LinkRefresh = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken) =>
        await Task.WhenAll(RescreenOnChangeAsync(stoppingToken), RefreshLinksPeriodicallyAsync(stoppingToken));

    private async Task RescreenOnChangeAsync(CancellationToken stoppingToken)
    {
        while (await criteria.Changes.WaitToReadAsync(stoppingToken))
        {
            // Edits that arrived together are one re-screen: it uses the rules as they are now.
            var reasons = new List<string>();
            while (criteria.Changes.TryRead(out var change))
            {
                reasons.Add(change.Reason);
            }

            while (true)
            {
                try
                {
                    await RefreshLinksAsync(stoppingToken);
                    var screened = await pipeline.RescreenAsync(RescreenScope.Upcoming(options.RescreenWindow), stoppingToken);
                    LogRescreened(screened, string.Join("; ", reasons));
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(e, RetryAfter.TotalSeconds);
                    await Task.Delay(RetryAfter, stoppingToken);
                }
            }
        }
    }

    private async Task RefreshLinksPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LinkRefresh);
        do
        {
            try
            {
                await RefreshLinksAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e, LinkRefresh.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshLinksAsync(CancellationToken cancellationToken)
    {
        var directory = await store.BuildLinkDirectoryAsync(cancellationToken);
        criteria.Check.Environment = criteria.Check.Environment with { Links = directory };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screened {Travelers} travelers on upcoming flights after rule changes: {Reasons}")]
    private partial void LogRescreened(int travelers, string reasons);

    [LoggerMessage(Level = LogLevel.Error, Message = "The rule worker failed; trying again in {Seconds} s")]
    private partial void LogFailed(Exception exception, double seconds);
}
