using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;

namespace Vigil.Data;

/// <summary>
/// Receipts on SQLite go to the <see cref="SqliteInbox"/>, a file of their own, and the ingest takes them into the
/// store before it processes them. Every read of messages looks in both, so a message is found from the moment it is
/// answered. On PostgreSQL, whose writers do not queue for one file, receipts are written to the store directly.
/// </summary>
public sealed partial class VigilStore : IStoreMessages
{
    /// <summary>Messages taken from the inbox into the store per transaction, bounded in count and bytes.</summary>
    private const int TakenPerStep = 256;

    private const long TakenBytesPerStep = 32L * 1024 * 1024;

    private SqliteInbox? inbox;

    /// <summary>
    /// Copies the messages waiting in the inbox into the store, oldest first: each one's row, its bytes (once per
    /// SHA-256) and the audit of its receipt, with the receipts of the same bytes again; a step is one transaction
    /// flushed to disk before the inbox lets go of what it copied. A step cut short by a crash is repeated: a message
    /// already in the store is not copied again. One step (up to 256 messages or 32 MiB) unless <paramref name="all"/>:
    /// the ingest takes a step whenever it runs out of work, where emptying the inbox would chase a sender who keeps
    /// sending, a step of a few messages and two flushes at a time. Nothing to do on PostgreSQL.
    /// </summary>
    internal async Task TakeInAsync(bool all, CancellationToken cancellationToken)
    {
        if (inbox is null)
        {
            return;
        }

        do
        {
            var waiting = await inbox.OldestAsync(TakenPerStep, TakenBytesPerStep, cancellationToken);
            var ids = waiting.Select(m => m.Id).ToList();
            var repeats = await inbox.RepeatsAsync(ids, cancellationToken);
            if (waiting.Count == 0 && repeats.Count == 0)
            {
                return;
            }

            await WithContextAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var present = (await db.Messages.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
                var hashes = waiting.Select(m => m.ContentHash).ToList();
                var contents = (await db.Contents.Where(c => hashes.Contains(c.Hash)).Select(c => c.Hash).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
                foreach (var message in waiting.Where(m => !present.Contains(m.Id)))
                {
                    var row = message.AsStored();
                    if (contents.Add(message.ContentHash))
                    {
                        row.Content = new StoredContent { Hash = message.ContentHash, Bytes = message.Bytes!, Length = message.Bytes!.Length };
                    }

                    db.Messages.Add(row);
                    db.Audit.Add(new AuditEntry
                    {
                        MessageId = message.Id,
                        Step = "store-raw",
                        Outcome = AuditOutcome.Succeeded,
                        At = message.ReceivedAt,
                        Detail = ReceiptDetail(message.Bytes!.Length, message.Sender, message.ContentHash, message.InterchangeReference, message.DuplicateOf),
                    });
                }

                foreach (var repeat in repeats)
                {
                    db.Audit.Add(RepeatAudit(repeat.MessageId, repeat.ContentHash, repeat.Sender, repeat.At));
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            });
            await inbox.DeleteAsync(ids, [.. repeats.Select(r => r.Id)], cancellationToken);
        }
        while (all);
    }

    /// <summary>Stores a group of receipts in the inbox (SQLite) or the store (PostgreSQL), in their order.</summary>
    private async Task<IReadOnlyList<IngestStored>> StoreReceiptsAsync(IReadOnlyList<IncomingReceipt> group) =>
        inbox is null
            ? await StoreReceiptsInStoreAsync(group)
            : [.. (await inbox.ReceiveAsync(group, this, CancellationToken.None)).Select(o => o.Stored)];

    private async Task<StoredMessage?> WaitingInInboxAsync(long id, CancellationToken cancellationToken) =>
        inbox is null ? null : await inbox.GetAsync(id, cancellationToken);

    /// <summary>The store's messages newest first merged with those waiting in the inbox (which are newer).</summary>
    private async Task<List<StoredMessage>> WithWaitingAsync(List<StoredMessage> stored, MessageFilter filter, int limit, CancellationToken cancellationToken)
    {
        if (inbox is null)
        {
            return stored;
        }

        var waiting = await inbox.NewestAsync(filter, limit, cancellationToken);
        var shown = waiting.Select(m => m.Id).ToHashSet();
        return [.. waiting.Concat(stored.Where(m => !shown.Contains(m.Id))).OrderByDescending(m => m.Id).Take(limit)];
    }

    private async Task<Dictionary<MessageStatus, int>> WithWaitingAsync(Dictionary<MessageStatus, int> counts, CancellationToken cancellationToken)
    {
        if (inbox is not null)
        {
            var (received, duplicate) = await inbox.CountAsync(cancellationToken);
            foreach (var (status, waiting) in new[] { (MessageStatus.Received, received), (MessageStatus.Duplicate, duplicate) }.Where(w => w.Item2 > 0))
            {
                counts[status] = counts.GetValueOrDefault(status) + waiting;
            }
        }

        return counts;
    }

    private static string ReceiptDetail(int length, string sender, string hash, string? interchangeReference, long? original) =>
        string.Create(CultureInfo.InvariantCulture, $"{length} bytes from {sender}, SHA-256 {hash}")
        + (interchangeReference is null ? "" : $", interchange {interchangeReference}")
        + (original is null ? "" : $"; the sender already sent that interchange as message {original}, so this one is a duplicate");

    private static AuditEntry RepeatAudit(long messageId, string hash, string sender, DateTimeOffset at) => new()
    {
        MessageId = messageId,
        Step = "store-raw",
        Outcome = AuditOutcome.Skipped,
        At = at,
        Detail = $"the same bytes (SHA-256 {hash}) were received again from {sender}",
    };

    Task<long> IStoreMessages.HighestIdAsync(CancellationToken cancellationToken) =>
        WithContextAsync(async db => await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0);

    async Task<(long? SameBytes, long? Original)> IStoreMessages.FindAsync(string contentHash, string sender, string? interchangeReference, CancellationToken cancellationToken)
    {
        if (interchangeReference is not { } reference)
        {
            return (await WithContextAsync(db => db.Messages.Where(m => m.ContentHash == contentHash).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken)), null);
        }

        var found = await WithContextAsync(db => db.Messages
            .Where(m => m.ContentHash == contentHash || (m.Sender == sender && m.InterchangeReference == reference && m.DuplicateOfId == null))
            .Select(m => new { m.Id, m.ContentHash })
            .ToListAsync(cancellationToken));
        return (found.Find(m => m.ContentHash == contentHash)?.Id, found.Find(m => m.ContentHash != contentHash)?.Id);
    }
}
