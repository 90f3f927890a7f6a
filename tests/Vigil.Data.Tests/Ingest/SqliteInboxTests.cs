using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Data.Ingest;
using Vigil.Travel.Synthetic;

namespace Vigil.Data.Tests.Ingest;

/// <summary>
/// On SQLite receipts go to an inbox file beside the store and the ingest takes them in: a message is visible from
/// the moment it is answered, is taken in exactly once even when a crash leaves it in both files, and keeps its id.
/// </summary>
public sealed class SqliteInboxTests : OpenedStoreTests
{
    private readonly SqliteTestDatabase database;

    public SqliteInboxTests()
        : this(new SqliteTestDatabase())
    {
    }

    private SqliteInboxTests(SqliteTestDatabase database)
        : base(database) => this.database = database;

    private string InboxFile => Path.Combine(database.Folder, SqliteInbox.FileName);

    [Fact]
    public async Task A_received_message_waits_in_the_inbox_and_is_seen_there_until_the_ingest_takes_it_in()
    {
        var pipeline = new IngestPipeline(Store, [], clock: Clock);
        var list = new PaxlstGenerator(11).Generate(1).Single();
        var receipt = await pipeline.ReceiveAsync(list.Content, "airline-a", Cancel);

        Assert.Equal(1L, await InboxCountAsync());
        await using (var db = Store.CreateContext())
        {
            Assert.Equal(0, await db.Messages.CountAsync(Cancel));
        }

        var waiting = await Store.GetMessageAsync(receipt.MessageId, Cancel);
        Assert.Equal(MessageStatus.Received, waiting?.Status);
        Assert.Equal("airline-a", waiting?.Sender);
        Assert.Equal(list.Content, await Store.ReadContentAsync(receipt.MessageId, Cancel));
        Assert.Equal(1, (await Store.CountAsync(Cancel)).MessagesIn(MessageStatus.Received));
        Assert.Equal([receipt.MessageId], (await Store.ListMessagesAsync(MessageStatus.Received, cancellationToken: Cancel)).Select(m => m.Id));
        Assert.Equal([receipt.MessageId], (await Store.ListMessagesAsync(new MessageFilter(null, "airline-a", receipt.MessageId + 1), 10, Cancel)).Select(m => m.Id));
        Assert.Empty(await Store.ListMessagesAsync(new MessageFilter(null, "airline-a", receipt.MessageId), 10, Cancel));
        Assert.Empty(await Store.ListMessagesAsync(new MessageFilter(MessageStatus.Processed, null, null), 10, Cancel));
        Assert.True((await pipeline.ReceiveAsync(list.Content, "airline-b", Cancel)).Duplicate);
        Assert.Empty(await Store.ListMessagesAsync(new MessageFilter(null, "airline-b", null), 10, Cancel));

        Assert.Equal(1, await pipeline.ProcessPendingAsync(Cancel));

        Assert.Equal(0L, await InboxCountAsync());
        Assert.Equal(MessageStatus.Processed, (await Store.GetMessageAsync(receipt.MessageId, Cancel))?.Status);
        Assert.Equal(list.Travelers.Count, (await Store.CountAsync(Cancel)).Travelers);
        var receipts = (await Store.ListAuditAsync(receipt.MessageId, Cancel)).Where(a => a.Step == "store-raw").ToList();
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Skipped], receipts.Select(a => a.Outcome));
        Assert.Contains("received again from airline-b", receipts[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_a_crash_left_in_both_files_is_taken_in_and_processed_once()
    {
        var pipeline = new IngestPipeline(Store, [], clock: Clock);
        var list = new PaxlstGenerator(12).Generate(1).Single();
        var receipt = await pipeline.ReceiveAsync(list.Content, "airline-a", Cancel);
        var row = await InboxRowAsync(receipt.MessageId);
        Assert.Equal(1, await pipeline.ProcessPendingAsync(Cancel));

        // As if the process died after the store's commit and before the inbox let go of the message.
        await PutBackAsync(row);
        Assert.Equal(0, await pipeline.ProcessPendingAsync(Cancel));

        Assert.Equal(0L, await InboxCountAsync());
        await using var db = Store.CreateContext();
        Assert.Equal(1, await db.Messages.CountAsync(Cancel));
        Assert.Equal(list.Travelers.Count, await db.Travelers.CountAsync(Cancel));
        Assert.Single(await db.Audit.Where(a => a.MessageId == receipt.MessageId && a.Step == "store-raw").ToListAsync(Cancel));
    }

    [Fact]
    public async Task Ids_continue_above_the_stores_own_when_the_inbox_is_new()
    {
        var pipeline = new IngestPipeline(Store, [], clock: Clock);
        var generated = new PaxlstGenerator(13).Generate(2).ToList();
        var first = await pipeline.ReceiveAsync(generated[0].Content, "airline-a", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);

        // A store made before the inbox existed, or whose inbox file was removed while empty.
        SqliteConnection.ClearAllPools();
        File.Delete(InboxFile);
        var reopened = await VigilStore.OpenAsync(VigilStoreOptions.Sqlite(database.Folder), Clock, Cancel);
        var second = await new IngestPipeline(reopened, [], clock: Clock).ReceiveAsync(generated[1].Content, "airline-a", Cancel);

        Assert.True(second.MessageId > first.MessageId);
        Assert.Equal(MessageStatus.Received, (await reopened.GetMessageAsync(second.MessageId, Cancel))?.Status);
        Assert.Equal(MessageStatus.Processed, (await reopened.GetMessageAsync(first.MessageId, Cancel))?.Status);
    }

    private async Task<long> InboxCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={InboxFile};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM received;";
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<object[]> InboxRowAsync(long id)
    {
        await using var connection = new SqliteConnection($"Data Source={InboxFile};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, content_hash, sender, received_at_ticks, interchange_reference, duplicate_of, bytes FROM received WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        var row = new object[7];
        reader.GetValues(row);
        return row;
    }

    private async Task PutBackAsync(object[] row)
    {
        await using var connection = new SqliteConnection($"Data Source={InboxFile};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO received (id, content_hash, sender, received_at_ticks, interchange_reference, duplicate_of, bytes) VALUES ($a, $b, $c, $d, $e, $f, $g);";
        for (var i = 0; i < row.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (char)('a' + i), row[i]);
        }

        await command.ExecuteNonQueryAsync(Cancel);
    }
}
