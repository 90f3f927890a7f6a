using System.Net;
using System.Net.Sockets;
using Vigil.Cli.Commands;

namespace Vigil.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public void A_port_out_of_range_is_refused_before_anything_starts()
    {
        var result = ServeCommand.Create().Parse(["--port", "70000"]);
        Assert.Contains(result.Errors, e => e.Message.Contains("--port must be between 1 and 65535", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_opens_the_store_in_the_data_folder_and_answers_until_stopped()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigil-serve-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var serving = ServeCommand.Create().Parse(["--data", folder, "--urls", $"http://127.0.0.1:{port}"]).InvokeAsync(cancellationToken: stop.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var live = HttpStatusCode.ServiceUnavailable;
            for (var attempt = 0; attempt < 100 && live != HttpStatusCode.OK && !serving.IsCompleted; attempt++)
            {
                try
                {
                    live = (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }

            Assert.Equal(HttpStatusCode.OK, live);
            Assert.True(File.Exists(Path.Combine(folder, "vigil.db")));
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await serving);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
