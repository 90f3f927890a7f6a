using Microsoft.Data.Sqlite;
using Vigil.Data.Entities;

namespace Vigil.Data;

/// <summary>
/// Where a SQLite store keeps received messages until the ingest takes them in: a file of its own beside the store
/// (<c>inbox.db</c>). SQLite lets one connection at a time write a file, and the ingest's batches hold the store's
/// file for a tenth of a second each, so a sender whose receipt had to be written there waited for the batches; here
/// a receipt waits only for other receipts. A receipt is answered once it is flushed to disk in this file, with the
/// message id it will keep. The ingest copies received messages into the store (<see cref="VigilStore.TakeInAsync"/>),
/// flushes that, and only then deletes them here, so a message is always in one file or both.
/// Ids are handed out here, above every id the store holds, so that a message keeps its id when it moves.
/// </summary>
internal sealed class SqliteInbox
{
    public const string FileName = "inbox.db";

    private const string Schema = """
        PRAGMA page_size=16384;
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS received (
            id INTEGER PRIMARY KEY NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            sender TEXT NOT NULL,
            received_at_ticks INTEGER NOT NULL,
            interchange_reference TEXT NULL,
            duplicate_of INTEGER NULL,
            bytes BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS received_originals ON received (sender, interchange_reference)
            WHERE interchange_reference IS NOT NULL AND duplicate_of IS NULL;
        CREATE TABLE IF NOT EXISTS last_id (id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS repeated (
            id INTEGER PRIMARY KEY NOT NULL,
            message_id INTEGER NOT NULL,
            sender TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            at_ticks INTEGER NOT NULL);
        """;

    private readonly string connectionString;

    // Receipts and the ingest's deletions take turns here rather than through SQLite's busy wait, which polls: with
    // receipts committing back to back, a deletion polling for the file waited 200 ms on average.
    private readonly SemaphoreSlim writing = new(1, 1);

    private SqliteInbox(string connectionString) => this.connectionString = connectionString;

    /// <summary>
    /// The inbox beside the store's file, made when missing; null when the store is not a file (in memory). Ids go on
    /// from the highest the store holds (a store made before the inbox, or whose inbox file was removed).
    /// </summary>
    public static async Task<SqliteInbox?> OpenAsync(string storeConnectionString, IStoreMessages store, CancellationToken cancellationToken)
    {
        if (StoreContextFactory.SqliteFolder(storeConnectionString) is not { } folder)
        {
            return null;
        }

        var inbox = new SqliteInbox(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, FileName) }.ConnectionString);
        await using var connection = await inbox.OpenConnectionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = connection.BeginTransaction(deferred: false);
        var highest = Math.Max(await LastIdAsync(connection, cancellationToken), await store.HighestIdAsync(cancellationToken));
        await ExecuteAsync(connection, "DELETE FROM last_id; INSERT INTO last_id (id) VALUES ($a);", [highest], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inbox;
    }

    /// <summary>
    /// Stores a group of receipts in one transaction and one flush, in their order: each sees those before it. The
    /// write lock is taken first, so that what the checks read cannot change before the rows are written.
    /// <paramref name="inStore"/> looks up, in the store, the message holding the same bytes or the original of a
    /// sender's interchange reference.
    /// </summary>
    public async Task<IReadOnlyList<InboxOutcome>> ReceiveAsync(IReadOnlyList<IncomingReceipt> group, IStoreMessages inStore, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            return await ReceiveAloneAsync(group, inStore, cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task<IReadOnlyList<InboxOutcome>> ReceiveAloneAsync(IReadOnlyList<IncomingReceipt> group, IStoreMessages inStore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var next = await LastIdAsync(connection, cancellationToken) + 1;
        var outcomes = new List<InboxOutcome>(group.Count);
        foreach (var receipt in group)
        {
            var same = await ScalarOrNullAsync(connection, "SELECT id FROM received WHERE content_hash = $a;", [receipt.ContentHash], cancellationToken);
            var stored = same is null ? await inStore.FindAsync(receipt.ContentHash, receipt.Sender, receipt.InterchangeReference, cancellationToken) : default;
            same ??= stored.SameBytes;
            if (same is { } existing)
            {
                // Noted for the audit, which the store writes when it takes the inbox in (the message may still be here).
                await ExecuteAsync(connection, "INSERT INTO repeated (message_id, sender, content_hash, at_ticks) VALUES ($a, $b, $c, $d);", [existing, receipt.Sender, receipt.ContentHash, receipt.ReceivedAt.UtcTicks], cancellationToken);
                outcomes.Add(new InboxOutcome(new IngestStored(existing, receipt.ContentHash, true, null), Repeated: true));
                continue;
            }

            var original = receipt.InterchangeReference is not { } reference ? null
                : await ScalarOrNullAsync(connection, "SELECT id FROM received WHERE sender = $a AND interchange_reference = $b AND duplicate_of IS NULL;", [receipt.Sender, reference], cancellationToken)
                    ?? stored.Original;
            var id = next++;
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO received (id, content_hash, sender, received_at_ticks, interchange_reference, duplicate_of, bytes) VALUES ($id, $hash, $sender, $at, $reference, $original, $bytes);";
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$hash", receipt.ContentHash);
                insert.Parameters.AddWithValue("$sender", receipt.Sender);
                insert.Parameters.AddWithValue("$at", receipt.ReceivedAt.UtcTicks);
                insert.Parameters.AddWithValue("$reference", (object?)receipt.InterchangeReference ?? DBNull.Value);
                insert.Parameters.AddWithValue("$original", (object?)original ?? DBNull.Value);
                insert.Parameters.AddWithValue("$bytes", receipt.Bytes);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            outcomes.Add(new InboxOutcome(new IngestStored(id, receipt.ContentHash, false, original), Repeated: false));
        }

        // Deleting taken-in rows must not let an id be handed out twice: the highest one handed out is kept apart.
        await using (var keep = connection.CreateCommand())
        {
            keep.CommandText = "DELETE FROM last_id; INSERT INTO last_id (id) VALUES ($id);";
            keep.Parameters.AddWithValue("$id", next - 1);
            await keep.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>The oldest received messages, with their bytes, up to <paramref name="bytes"/> in all (at least one).</summary>
    public async Task<List<InboxMessage>> OldestAsync(int count, long bytes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, content_hash, sender, received_at_ticks, interchange_reference, duplicate_of, bytes FROM received ORDER BY id LIMIT $count;";
        command.Parameters.AddWithValue("$count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<InboxMessage>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var message = Read(reader, withBytes: true);
            if (messages.Count > 0 && total + message.Bytes!.Length > bytes)
            {
                break;
            }

            total += message.Bytes!.Length;
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>
    /// Bytes received again whose message is no longer waiting here, or is among <paramref name="takenIn"/>: their audit
    /// can be written to the store now.
    /// </summary>
    public async Task<List<RepeatedReceipt>> RepeatsAsync(IReadOnlyCollection<long> takenIn, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, r.message_id, r.sender, r.content_hash, r.at_ticks FROM repeated r LEFT JOIN received m ON m.id = r.message_id
            WHERE m.id IS NULL OR r.message_id IN (SELECT value FROM json_each($ids)) ORDER BY r.id;
            """;
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(takenIn));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var repeats = new List<RepeatedReceipt>();
        while (await reader.ReadAsync(cancellationToken))
        {
            repeats.Add(new RepeatedReceipt(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero)));
        }

        return repeats;
    }

    /// <summary>Removes messages and repeats the store has taken in and flushed, in one transaction.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<long> messages, IReadOnlyCollection<long> repeats, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await ExecuteAsync(connection, "DELETE FROM received WHERE id IN (SELECT value FROM json_each($a));", [System.Text.Json.JsonSerializer.Serialize(messages)], cancellationToken);
            await ExecuteAsync(connection, "DELETE FROM repeated WHERE id IN (SELECT value FROM json_each($a));", [System.Text.Json.JsonSerializer.Serialize(repeats)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>A message still waiting here, as the store would show it (received or a duplicate, not read yet), without its bytes.</summary>
    public async Task<StoredMessage?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await ListAsync("WHERE id = $a", [id], 1, cancellationToken)).FirstOrDefault();

    public async Task<byte[]?> ContentAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT bytes FROM received WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>The newest messages waiting here that pass the filter, without their bytes.</summary>
    public Task<List<StoredMessage>> NewestAsync(MessageFilter filter, int limit, CancellationToken cancellationToken)
    {
        var status = filter.Status switch
        {
            null => "1",
            MessageStatus.Received => "duplicate_of IS NULL",
            MessageStatus.Duplicate => "duplicate_of IS NOT NULL",
            _ => null,
        };
        return status is null
            ? Task.FromResult(new List<StoredMessage>())
            : ListAsync($"WHERE {status} AND ($a IS NULL OR sender = $a) AND ($b IS NULL OR id < $b)", [(object?)filter.Sender ?? DBNull.Value, (object?)filter.Before ?? DBNull.Value], limit, cancellationToken);
    }

    /// <summary>How many messages wait here: received, and duplicates of an interchange already sent.</summary>
    public async Task<(int Received, int Duplicate)> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) - count(duplicate_of), count(duplicate_of) FROM received;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private async Task<List<StoredMessage>> ListAsync(string where, object[] values, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, content_hash, sender, received_at_ticks, interchange_reference, duplicate_of FROM received {where} ORDER BY id DESC LIMIT $limit;";
        Bind(command, values);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<StoredMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Read(reader, withBytes: false).AsStored());
        }

        return messages;
    }

    private static InboxMessage Read(SqliteDataReader reader, bool withBytes) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5),
        withBytes ? (byte[])reader.GetValue(6) : null);

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>The highest id handed out, kept apart from the rows, which the ingest deletes once it has taken them in.</summary>
    private static async Task<long> LastIdAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await ScalarOrNullAsync(connection, "SELECT max(coalesce((SELECT max(id) FROM received), 0), coalesce((SELECT max(id) FROM last_id), 0));", [], cancellationToken) ?? 0;

    private static async Task<long?> ScalarOrNullAsync(SqliteConnection connection, string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, values);
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : null;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(SqliteCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (char)('a' + i), values[i]);
        }
    }
}

/// <summary>What the inbox needs to know of the store's messages when it receives one.</summary>
internal interface IStoreMessages
{
    Task<long> HighestIdAsync(CancellationToken cancellationToken);

    /// <summary>In one look-up: the message with these bytes, and the original of the sender's interchange reference.</summary>
    Task<(long? SameBytes, long? Original)> FindAsync(string contentHash, string sender, string? interchangeReference, CancellationToken cancellationToken);
}

/// <summary>What receiving one message into the inbox did; <paramref name="Repeated"/> when its bytes were there already.</summary>
internal sealed record InboxOutcome(IngestStored Stored, bool Repeated);

/// <summary>Bytes received again (<paramref name="Id"/> is the note's own), waiting for their audit entry in the store.</summary>
internal sealed record RepeatedReceipt(long Id, long MessageId, string Sender, string ContentHash, DateTimeOffset At);

/// <summary>A message waiting in the inbox.</summary>
internal sealed record InboxMessage(long Id, string ContentHash, string Sender, DateTimeOffset ReceivedAt, string? InterchangeReference, long? DuplicateOf, byte[]? Bytes)
{
    public StoredMessage AsStored() => new()
    {
        Id = Id,
        ContentHash = ContentHash,
        Sender = Sender,
        ReceivedAt = ReceivedAt,
        InterchangeReference = InterchangeReference,
        DuplicateOfId = DuplicateOf,
        Status = DuplicateOf is null ? MessageStatus.Received : MessageStatus.Duplicate,
        StatusChangedAt = ReceivedAt,
    };
}
