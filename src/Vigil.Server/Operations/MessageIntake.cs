using Vigil.Server.Endpoints;

namespace Vigil.Server.Operations;

/// <summary>
/// Where the HTTP side hands a message to the ingest: the raw bytes are stored before anything reads them, and the
/// worker is woken to process it.
/// </summary>
internal sealed class MessageIntake(IngestPipeline pipeline, VigilStore store, IngestSignal signal, VigilMetrics metrics)
{
    public async Task<MessageReceipt> ReceiveAsync(ReadOnlyMemory<byte> content, string sender, CancellationToken cancellationToken)
    {
        IngestReceipt receipt;
        using (metrics.Time("receive"))
        {
            receipt = await pipeline.ReceiveAsync(content, sender, cancellationToken);
        }

        // The same bytes again are no new message; a re-sent interchange is one, marked a duplicate.
        var sameBytes = receipt.Duplicate && receipt.DuplicateOf is null;
        if (!sameBytes)
        {
            signal.MessagesArrived();
        }

        var status = (await store.GetMessageAsync(receipt.MessageId, cancellationToken))?.Status ?? MessageStatus.Received;
        return new MessageReceipt(receipt.MessageId, receipt.ContentHash, sameBytes, receipt.DuplicateOf, status);
    }

    /// <summary>
    /// Processes a quarantined message again, now; false when it is not in quarantine. The caller reads the outcome
    /// from the message's status: processed, or back in quarantine with the new reason.
    /// </summary>
    public async Task<bool> ReplayAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var message = await store.GetMessageAsync(id, cancellationToken);
        if (message?.Status != MessageStatus.Failed)
        {
            return false;
        }

        await store.RecordAuditAsync(id, "replay-requested", AuditOutcome.Succeeded, $"replay asked for by {actor}", cancellationToken);
        await pipeline.ReplayAsync(id, cancellationToken);
        return true;
    }
}
