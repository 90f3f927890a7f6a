namespace Vigil.Data;

/// <summary>
/// Group commit for receipts. A receipt is answered only once it is flushed to disk, and a flush costs milliseconds
/// however little it writes, while the store's single writer waits. Receipts that arrive while a group is being
/// committed wait for the next group, and that group is committed in one transaction with one flush: with many senders
/// the flushes are shared, with one sender nothing changes. A group that fails is retried receipt by receipt, so
/// that one bad receipt fails alone.
/// </summary>
internal sealed class ReceiptCommits(Func<IReadOnlyList<IncomingReceipt>, Task<IReadOnlyList<IngestStored>>> commit)
{
    /// <summary>Bounds a group, so that a burst of large messages does not hold the writer for long.</summary>
    private const int MostReceipts = 64;

    private const long MostBytes = 32L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly Queue<(IncomingReceipt Receipt, TaskCompletionSource<IngestStored> Answer)> waiting = new();
    private bool committing;

    public Task<IngestStored> CommitAsync(IncomingReceipt receipt, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<IngestStored>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiting.Enqueue((receipt, answer));
            if (!committing)
            {
                committing = true;
                _ = Task.Run(CommitWaitingAsync, CancellationToken.None);
            }
        }

        // A caller that gives up stops waiting; its receipt is committed with its group all the same.
        return answer.Task.WaitAsync(cancellationToken);
    }

    private async Task CommitWaitingAsync()
    {
        while (NextGroup() is { } group)
        {
            try
            {
                Answer(group, await commit([.. group.Select(g => g.Receipt)]));
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var one in group)
                {
                    await CommitAloneAsync(one);
                }
            }
            catch (Exception e)
            {
                group[0].Answer.TrySetException(e);
            }
        }
    }

    private async Task CommitAloneAsync((IncomingReceipt Receipt, TaskCompletionSource<IngestStored> Answer) one)
    {
        try
        {
            one.Answer.TrySetResult((await commit([one.Receipt]))[0]);
        }
        catch (Exception e)
        {
            one.Answer.TrySetException(e);
        }
    }

    private static void Answer(List<(IncomingReceipt Receipt, TaskCompletionSource<IngestStored> Answer)> group, IReadOnlyList<IngestStored> stored)
    {
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Answer.TrySetResult(stored[i]);
        }
    }

    /// <summary>The receipts waiting now, up to a group's bounds; null, and committing ends, when none wait.</summary>
    private List<(IncomingReceipt Receipt, TaskCompletionSource<IngestStored> Answer)>? NextGroup()
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                committing = false;
                return null;
            }

            var group = new List<(IncomingReceipt, TaskCompletionSource<IngestStored>)>();
            long bytes = 0;
            while (waiting.Count > 0 && group.Count < MostReceipts && (group.Count == 0 || bytes + waiting.Peek().Receipt.Bytes.Length <= MostBytes))
            {
                var next = waiting.Dequeue();
                bytes += next.Receipt.Bytes.Length;
                group.Add(next);
            }

            return group;
        }
    }
}

/// <summary>A message as it arrived, its hash computed, waiting to be stored.</summary>
internal sealed record IncomingReceipt(byte[] Bytes, string ContentHash, string Sender, DateTimeOffset ReceivedAt, string? InterchangeReference);
