using Microsoft.Extensions.Configuration;

namespace Vigil.Data;

/// <summary>Which database the store runs on.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    PostgreSql,
}

/// <summary>
/// Where the store lives. Bound from configuration section <c>Vigil:Store</c>: <c>Provider</c> (<c>sqlite</c> or
/// <c>postgresql</c>), <c>ConnectionString</c>, and for SQLite <c>DataFolder</c> (default <c>data</c>, the file is
/// <c>vigil.db</c> in it) when no connection string is given.
/// </summary>
public sealed record VigilStoreOptions
{
    public const string Section = "Vigil:Store";

    public const string DefaultDataFolder = "data";

    public const string SqliteFileName = "vigil.db";

    public StoreProvider Provider { get; init; } = StoreProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite it overrides <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; init; }

    public string DataFolder { get; init; } = DefaultDataFolder;

    /// <summary>Applies pending migrations when the store opens (the default).</summary>
    public bool MigrateOnOpen { get; init; } = true;

    public static VigilStoreOptions Sqlite(string dataFolder) => new() { Provider = StoreProvider.Sqlite, DataFolder = dataFolder };

    public static VigilStoreOptions PostgreSql(string connectionString) =>
        new() { Provider = StoreProvider.PostgreSql, ConnectionString = connectionString };

    /// <summary>Reads <c>Vigil:Store:*</c>; unknown provider names are an error that names the accepted ones.</summary>
    public static VigilStoreOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var provider = section["Provider"];
        var folder = section["DataFolder"];
        return new VigilStoreOptions
        {
            Provider = ParseProvider(provider),
            ConnectionString = string.IsNullOrWhiteSpace(section["ConnectionString"]) ? null : section["ConnectionString"],
            DataFolder = string.IsNullOrWhiteSpace(folder) ? DefaultDataFolder : folder,
            MigrateOnOpen = !bool.TryParse(section["MigrateOnOpen"], out var migrate) || migrate,
        };
    }

    public static StoreProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StoreProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => StoreProvider.PostgreSql,
        _ => throw new ArgumentException(
            $"{Section}:Provider is '{name}'; use 'sqlite' (the default, one file in the data folder) or 'postgresql'.", nameof(name)),
    };

    /// <summary>The SQLite connection string: the one configured, else <c>Data Source={DataFolder}/vigil.db</c>.</summary>
    internal string SqliteConnectionString() =>
        ConnectionString ?? $"Data Source={Path.GetFullPath(Path.Combine(DataFolder, SqliteFileName))}";
}
