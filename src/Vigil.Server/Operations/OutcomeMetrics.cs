namespace Vigil.Server.Operations;

/// <summary>
/// Counts the messages received (by any channel: HTTP or drop folder), what the pipeline made of them and which hits it
/// found, by reading the append-only audit and hits from where the last count stopped: the pipeline knows nothing of
/// metrics, and the store records every outcome anyway. Counting starts at the service's start; earlier outcomes
/// belong to an earlier process.
/// </summary>
internal sealed class OutcomeMetrics(VigilStore store, VigilMetrics metrics)
{
    // The pipeline's audit steps: new bytes stored (the same bytes again are Skipped), and a message committed as processed.
    private const string StoreRawStep = "store-raw";
    private const string CompleteStep = "complete";

    private readonly SemaphoreSlim counting = new(1, 1);
    private long auditMark;
    private long hitMark;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        auditMark = await db.Audit.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        hitMark = await db.Hits.MaxAsync(h => (long?)h.Id, cancellationToken) ?? 0;
    }

    public async Task CountAsync(CancellationToken cancellationToken)
    {
        await counting.WaitAsync(cancellationToken);
        try
        {
            await using var db = store.CreateContext();
            // Read up to a fixed id, so entries written while counting are counted next time rather than skipped.
            var auditFrom = auditMark;
            var auditTo = await db.Audit.MaxAsync(a => (long?)a.Id, cancellationToken) ?? auditFrom;
            var outcomes = await db.Audit.AsNoTracking()
                .Where(a => a.Id > auditFrom && a.Id <= auditTo && a.MessageId != null && (a.Outcome == AuditOutcome.Failed || ((a.Step == CompleteStep || a.Step == StoreRawStep) && a.Outcome == AuditOutcome.Succeeded)))
                .Join(db.Messages.AsNoTracking(), a => a.MessageId, m => m.Id, (a, m) => new { a.Step, a.Outcome, m.DetectedType, m.Sender })
                .ToListAsync(cancellationToken);
            foreach (var outcome in outcomes)
            {
                if (outcome.Outcome == AuditOutcome.Failed)
                {
                    metrics.Failed(outcome.DetectedType, outcome.Sender);
                }
                else if (outcome.Step == StoreRawStep)
                {
                    metrics.Received(outcome.DetectedType, outcome.Sender);
                }
                else
                {
                    metrics.Processed(outcome.DetectedType, outcome.Sender);
                }
            }

            auditMark = auditTo;

            var hitsFrom = hitMark;
            var hits = await db.Hits.AsNoTracking().Where(h => h.Id > hitsFrom).Select(h => new { h.Id, h.ListCode, h.RuleId }).ToListAsync(cancellationToken);
            foreach (var hit in hits)
            {
                metrics.Hit(hit.ListCode ?? hit.RuleId ?? "unknown", hit.ListCode is null ? "rule" : "watchlist");
            }

            if (hits.Count > 0)
            {
                hitMark = hits.Max(h => h.Id);
            }
        }
        finally
        {
            counting.Release();
        }
    }
}
