using Vigil.Server.Endpoints;

namespace Vigil.Server.Operations;

/// <summary>
/// Where the HTTP side hands a message to the ingest: the raw bytes are stored before anything reads them, the
/// receipt is counted, and the worker is woken to process it.
/// </summary>
internal sealed class MessageIntake(VigilStore store, IngestSignal signal, VigilMetrics metrics, TimeProvider clock)
{
    public async Task<MessageReceipt> ReceiveAsync(ReadOnlyMemory<byte> content, string sender, CancellationToken cancellationToken)
    {
        RawMessageReceipt receipt;
        using (metrics.Time("receive"))
        {
            receipt = await store.StoreRawMessageAsync(content, sender, clock.GetUtcNow(), cancellationToken);
        }

        if (!receipt.AlreadyStored)
        {
            metrics.Received(MessageSniffer.TypeOf(content.Span), sender);
            signal.MessagesArrived();
        }

        var status = (await store.GetMessageAsync(receipt.Id, cancellationToken))?.Status ?? MessageStatus.Received;
        return new MessageReceipt(receipt.Id, receipt.ContentHash, receipt.AlreadyStored, status);
    }

    /// <summary>False when the message is not in quarantine.</summary>
    public async Task<bool> ReplayAsync(long id, string actor, CancellationToken cancellationToken)
    {
        if (!await store.ReleaseForReplayAsync(id, cancellationToken))
        {
            return false;
        }

        await store.RecordAuditAsync(id, "replay", AuditOutcome.Succeeded, $"released from quarantine by {actor}", cancellationToken);
        signal.MessagesArrived();
        return true;
    }
}
