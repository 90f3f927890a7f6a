using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Vigil.Data.Tests;

/// <summary>The SQLite store in a temporary folder, removed afterwards.</summary>
public sealed class SqliteStoreTests : StoreTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigil-store-" + Guid.NewGuid().ToString("N"));

    protected override Task<VigilStoreOptions> CreateEmptyDatabaseAsync() => Task.FromResult(VigilStoreOptions.Sqlite(folder));

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_file_is_in_the_data_folder_and_journals_in_wal_mode()
    {
        Assert.True(File.Exists(Path.Combine(folder, VigilStoreOptions.SqliteFileName)));
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
    public const string Variable = "VIGIL_TEST_POSTGRES";

    private readonly string database = "vigil_test_" + Guid.NewGuid().ToString("N");
    private string? server;

    protected override async Task<VigilStoreOptions> CreateEmptyDatabaseAsync()
    {
        server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Skip($"{Variable} is not set, so there is no PostgreSQL server to test against (.ci/run starts one).");
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return VigilStoreOptions.PostgreSql(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
