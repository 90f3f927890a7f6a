using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigil.Server.Tests;

/// <summary>The service over SQLite in a temporary data folder, removed afterwards.</summary>
// One service at a time (one collection): the OpenTelemetry exporter listens to meters by name, so two services in
// one process would count each other's measurements. A deployment runs one service per process.
[Collection(nameof(ServerTests))]
public sealed class SqliteServerTests : ServerTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigil-server-" + Guid.NewGuid().ToString("N"));

    protected override Task<IDictionary<string, string?>> CreateEmptyStoreAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Vigil:Store:Provider"] = "sqlite",
            ["Vigil:Store:DataFolder"] = folder,
        });

    protected override Task DropStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The service over a new PostgreSQL database on the server named by <c>VIGIL_TEST_POSTGRES</c>, dropped
/// afterwards. Without that variable the tests are reported as skipped.
/// </summary>
[Collection(nameof(ServerTests))]
public sealed class PostgresServerTests : ServerTests
{
    public const string Variable = "VIGIL_TEST_POSTGRES";

    private readonly string database = "vigil_server_" + Guid.NewGuid().ToString("N");
    private string? server;

    protected override async Task<IDictionary<string, string?>> CreateEmptyStoreAsync()
    {
        server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Skip($"{Variable} is not set, so there is no PostgreSQL server to test against (.ci/run starts one).");
        }

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new Dictionary<string, string?>
        {
            ["Vigil:Store:Provider"] = "postgresql",
            ["Vigil:Store:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
        };
    }

    protected override async Task DropStoreAsync()
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
