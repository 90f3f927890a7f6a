namespace Vigil.Data.Tests;

/// <summary>
/// Tests over a new, empty database per test on the provider <paramref name="database"/> gives, opened as a store
/// (migrations applied) on a fixed clock, and dropped afterwards.
/// </summary>
public abstract class OpenedStoreTests(ITestDatabase database) : IAsyncLifetime
{
    private VigilStore? store;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected TestClock Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));

    protected VigilStore Store => store ?? throw new InvalidOperationException("The store is opened in InitializeAsync.");

    public async ValueTask InitializeAsync() => store = await VigilStore.OpenAsync(await database.CreateAsync(), Clock, Cancel);

    public async ValueTask DisposeAsync()
    {
        await database.DropAsync();
        GC.SuppressFinalize(this);
    }
}
