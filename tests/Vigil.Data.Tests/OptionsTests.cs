using Microsoft.Extensions.Configuration;

namespace Vigil.Data.Tests;

public class OptionsTests
{
    private static VigilStoreOptions Read(params (string Key, string Value)[] settings) =>
        VigilStoreOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void With_nothing_configured_the_store_is_a_sqlite_file_in_the_data_folder()
    {
        var options = Read();
        Assert.Equal(StoreProvider.Sqlite, options.Provider);
        Assert.Equal("data", options.DataFolder);
        Assert.True(options.MigrateOnOpen);
        Assert.Equal($"Data Source={Path.GetFullPath(Path.Combine("data", "vigil.db"))}", options.SqliteConnectionString());
    }

    [Fact]
    public void PostgreSQL_is_chosen_by_provider_name_and_connection_string()
    {
        var options = Read(("Vigil:Store:Provider", "PostgreSQL"), ("Vigil:Store:ConnectionString", "Host=db;Database=vigil"), ("Vigil:Store:MigrateOnOpen", "false"));
        Assert.Equal(StoreProvider.PostgreSql, options.Provider);
        Assert.Equal("Host=db;Database=vigil", options.ConnectionString);
        Assert.False(options.MigrateOnOpen);
    }

    [Fact]
    public async Task An_unknown_provider_or_a_missing_connection_string_is_a_clear_error()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Read(("Vigil:Store:Provider", "oracle")));
        Assert.Contains("'sqlite'", unknown.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<ArgumentException>(() =>
            VigilStore.OpenAsync(new VigilStoreOptions { Provider = StoreProvider.PostgreSql }, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("ConnectionString is required", missing.Message, StringComparison.Ordinal);
    }
}
