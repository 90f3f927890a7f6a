using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Data;
using Vigil.Server;

namespace Vigil.Cli.Commands;

/// <summary>
/// The service the demo runs: <c>vigil serve</c>'s host on 127.0.0.1 over a SQLite store in the demo's data folder,
/// with one key for the demo airline (sender) and one for the analyst (analyst and admin), both made for this run.
/// Everything the demo shows it reads back through the REST API, as an analyst's tools would.
/// </summary>
internal sealed class DemoService : IAsyncDisposable
{
    public const string SenderName = "DEMO-AIRLINE";

    private readonly WebApplication app;

    private DemoService(WebApplication app, Uri address, string dataFolder, string senderKey, string analystKey)
    {
        this.app = app;
        Address = address;
        DataFolder = dataFolder;
        Sender = Client(address, senderKey);
        Analyst = Client(address, analystKey);
        AnalystKey = analystKey;
    }

    public Uri Address { get; }

    public string DataFolder { get; }

    public string AnalystKey { get; }

    public HttpClient Sender { get; }

    public HttpClient Analyst { get; }

    /// <summary>
    /// Starts the service over a fresh demo store in <paramref name="dataFolder"/> on <paramref name="port"/>, or on a
    /// free port when that one is taken (or 0).
    /// </summary>
    public static async Task<DemoService> StartAsync(string dataFolder, int port, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        // The demo's store holds synthetic data only, and a second run must not find the first run's messages as
        // duplicates; only the store's own files are removed, never anything else in the folder.
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(Path.Combine(folder, VigilStoreOptions.SqliteFileName + suffix));
        }

        var senderKey = NewKey();
        var analystKey = NewKey();
        try
        {
            return await StartAsync(folder, port, senderKey, analystKey, cancellationToken);
        }
        catch (IOException) when (port != 0)
        {
            return await StartAsync(folder, 0, senderKey, analystKey, cancellationToken);
        }
    }

    private static async Task<DemoService> StartAsync(string folder, int port, string senderKey, string analystKey, CancellationToken cancellationToken)
    {
        var app = await VigilServer.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{VigilStoreOptions.Section}:Provider"] = "Sqlite",
                [$"{VigilStoreOptions.Section}:DataFolder"] = folder,
                ["Vigil:Server:ApiKeys:0:Name"] = SenderName,
                ["Vigil:Server:ApiKeys:0:Key"] = senderKey,
                ["Vigil:Server:ApiKeys:0:Roles:0"] = "sender",
                ["Vigil:Server:ApiKeys:1:Name"] = "demo-analyst",
                ["Vigil:Server:ApiKeys:1:Key"] = analystKey,
                ["Vigil:Server:ApiKeys:1:Roles:0"] = "analyst",
                ["Vigil:Server:ApiKeys:1:Roles:1"] = "admin",
            });
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }, cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoService(app, new Uri(address), folder, senderKey, analystKey);
    }

    /// <summary>Imports a list file through the service's upload, as an administrator would.</summary>
    public async Task ImportListAsync(byte[] content, string fileName, string code, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent(code), "code" },
        };
        var response = await Analyst.PostAsync("/api/watchlists", form, cancellationToken);
        await EnsureAsync(response, "importing the watch list", cancellationToken);
    }

    /// <summary>Posts one message as the demo airline; returns the message id the service gave it.</summary>
    public async Task<long> PostMessageAsync(byte[] content, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await Sender.PostAsync("/api/messages", body, cancellationToken);
        await EnsureAsync(response, "posting a message", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetInt64();
    }

    /// <summary>Waits until no message is left to process, or until <paramref name="timeout"/> passes.</summary>
    public async Task SettledAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await CountAsync("Received", cancellationToken) + await CountAsync("Parsed", cancellationToken) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>How many messages have a status (counted up to the API's page limit).</summary>
    public async Task<int> CountAsync(string status, CancellationToken cancellationToken) =>
        (await GetAsync($"/api/messages?status={status}&limit=1000", cancellationToken)).GetArrayLength();

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        var response = await Analyst.GetAsync(path, cancellationToken);
        await EnsureAsync(response, $"reading {path}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Sender.Dispose();
        Analyst.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted)
        {
            return;
        }

        var problem = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InvalidOperationException($"The service answered {(int)response.StatusCode} when {what}: {problem}");
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
