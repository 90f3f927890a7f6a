using Microsoft.EntityFrameworkCore;

namespace Vigil.Data.Tests;

/// <summary>The SQLite store in a temporary folder, removed afterwards.</summary>
public sealed class SqliteStoreTests : StoreTests
{
    private readonly SqliteTestDatabase database = new();

    protected override Task<VigilStoreOptions> CreateEmptyDatabaseAsync() => database.CreateAsync();

    protected override Task DropDatabaseAsync() => database.DropAsync();

    [Fact]
    public async Task The_file_is_in_the_data_folder_and_journals_in_wal_mode()
    {
        Assert.True(File.Exists(Path.Combine(database.Folder, VigilStoreOptions.SqliteFileName)));
        await using var db = Store.CreateContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string);
    }

    [Fact]
    public async Task A_new_file_has_16_KiB_pages_and_an_existing_one_keeps_its_own()
    {
        Assert.Equal(16384L, await PageSizeAsync(Store));

        // A file made before: SQLite's 4 KiB pages, already holding a table. Opening it must not try to convert it.
        var older = Path.Combine(database.Folder, "older");
        Directory.CreateDirectory(older);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(older, VigilStoreOptions.SqliteFileName)};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA page_size=4096; CREATE TABLE made_before (id INTEGER PRIMARY KEY);";
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var reopened = await VigilStore.OpenAsync(VigilStoreOptions.Sqlite(older), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(4096L, await PageSizeAsync(reopened));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<long?> PageSizeAsync(VigilStore store)
    {
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as long?;
    }
}

/// <summary>
/// The PostgreSQL store: each test gets a new database on the server named by <c>VIGIL_TEST_POSTGRES</c>, dropped
/// afterwards. Without that variable the tests are reported as skipped.
/// </summary>
public sealed class PostgresStoreTests : StoreTests
{
    public const string Variable = PostgresTestDatabase.Variable;

    private readonly PostgresTestDatabase database = new();

    protected override Task<VigilStoreOptions> CreateEmptyDatabaseAsync() => database.CreateAsync();

    protected override Task DropDatabaseAsync() => database.DropAsync();
}
