using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vigil.Data;

/// <summary>Builds the provider's context with the same options at run time and design time, so migrations match the model.</summary>
internal static class StoreContextFactory
{
    // The options are built once per connection string: a context made from the same options instance reuses EF's
    // internal services and model, where fresh options cost a model build (tens of milliseconds) per context.
    private static readonly ConcurrentDictionary<string, DbContextOptions<SqliteVigilDbContext>> SqliteOptions = new();
    private static readonly ConcurrentDictionary<string, DbContextOptions<PostgresVigilDbContext>> PostgresOptions = new();
    private static readonly ConditionalWeakTable<SqliteConnection, DbContextOptions<SqliteVigilDbContext>> SqliteOnConnection = new();

    // A list in a query (Contains over travelers' ids, booking keys, document numbers …) goes to the database as one
    // parameter (SQLite: a JSON array, PostgreSQL: an array), not one parameter per element: the SQL then stays the
    // same whatever the list's length, so EF compiles each ingest query once instead of once per message.

    public static SqliteVigilDbContext Sqlite(string connectionString) =>
        new(SqliteOptions.GetOrAdd(connectionString, static c => new DbContextOptionsBuilder<SqliteVigilDbContext>()
            .UseSqlite(c, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(SqliteBusyWait.Instance)
            .UseSnakeCaseNamingConvention()
            .Options));

    /// <summary>A context on a connection its caller opened and keeps; the context neither opens nor closes it.</summary>
    public static SqliteVigilDbContext Sqlite(SqliteConnection connection) =>
        new(SqliteOnConnection.GetValue(connection, static c => new DbContextOptionsBuilder<SqliteVigilDbContext>()
            .UseSqlite(c, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .UseSnakeCaseNamingConvention()
            .Options));

    public static PostgresVigilDbContext Postgres(string connectionString) =>
        new(PostgresOptions.GetOrAdd(connectionString, static c => new DbContextOptionsBuilder<PostgresVigilDbContext>()
            .UseNpgsql(c, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .UseSnakeCaseNamingConvention()
            .Options));

    /// <summary>Makes the folder of a SQLite file so that opening creates the file.</summary>
    public static void EnsureSqliteFolder(string connectionString)
    {
        if (SqliteFolder(connectionString) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>The folder of a SQLite store's file; null for a database in memory.</summary>
    public static string? SqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(source));
    }
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteVigilDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVigilDbContext>
{
    public SqliteVigilDbContext CreateDbContext(string[] args) => StoreContextFactory.Sqlite("Data Source=design-time.db");
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresVigilDbContext</c>; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVigilDbContext>
{
    public PostgresVigilDbContext CreateDbContext(string[] args) => StoreContextFactory.Postgres("Host=localhost;Database=vigil");
}
