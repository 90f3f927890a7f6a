using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigil.Data.Tests;

/// <summary>A new, empty database for one test, and its removal afterwards.</summary>
public interface ITestDatabase
{
    Task<VigilStoreOptions> CreateAsync();

    Task DropAsync();
}

/// <summary>SQLite in a temporary folder, removed afterwards.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "vigil-store-" + Guid.NewGuid().ToString("N"));

    public Task<VigilStoreOptions> CreateAsync() => Task.FromResult(VigilStoreOptions.Sqlite(Folder));

    public Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A new database on the PostgreSQL server named by <c>VIGIL_TEST_POSTGRES</c>, dropped afterwards. Without that
/// variable the test is reported as skipped.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string Variable = "VIGIL_TEST_POSTGRES";

    private readonly string database = "vigil_test_" + Guid.NewGuid().ToString("N");
    private string? server;

    public string? ConnectionString { get; private set; }

    public async Task<VigilStoreOptions> CreateAsync()
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
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        return VigilStoreOptions.PostgreSql(ConnectionString);
    }

    public async Task DropAsync()
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
