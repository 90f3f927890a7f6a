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
