using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Data;

namespace Vigil.Server.Tests;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 and a free port, over the store the test class gives, with one key per
/// role. Requests go through real HTTP, so authentication, routing and Problem Details are what a caller sees.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    public const string SenderKey = "sender-key-7f3a";
    public const string AnalystKey = "analyst-key-91bc";
    public const string AdminKey = "admin-key-02de";

    private readonly WebApplication app;

    private ServerHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The drop folder this service watches; removed when the service stops.</summary>
    public string DropFolder { get; private init; } = "";

    /// <summary>The sender key's holder, new for each service so that metrics of services running side by side stay apart.</summary>
    public string SenderName { get; private init; } = "";

    public IServiceProvider Services => app.Services;

    public VigilStore Store => app.Services.GetRequiredService<VigilStore>();

    public static async Task<ServerHost> StartAsync(VigilStoreOptions store, CancellationToken cancellationToken)
    {
        var senderName = "airline-" + Guid.NewGuid().ToString("N")[..8];
        var dropFolder = Path.Combine(Path.GetTempPath(), "vigil-drop-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Vigil:Store:Provider"] = store.Provider.ToString(),
            ["Vigil:Store:ConnectionString"] = store.ConnectionString,
            ["Vigil:Store:DataFolder"] = store.DataFolder,
            ["Vigil:Server:DropFolder"] = dropFolder,
            ["Vigil:Server:ApiKeys:0:Name"] = senderName,
            ["Vigil:Server:ApiKeys:0:Key"] = SenderKey,
            ["Vigil:Server:ApiKeys:0:Roles:0"] = "sender",
            ["Vigil:Server:ApiKeys:1:Name"] = "analyst-ann",
            // Configured as the key's hash, as an operator should: the service never sees the key in clear.
            ["Vigil:Server:ApiKeys:1:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AnalystKey))),
            ["Vigil:Server:ApiKeys:1:Roles:0"] = "analyst",
            ["Vigil:Server:ApiKeys:2:Name"] = "admin-ada",
            ["Vigil:Server:ApiKeys:2:Key"] = AdminKey,
            ["Vigil:Server:ApiKeys:2:Roles:0"] = "admin",
        };
        var app = await VigilServer.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }, cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServerHost(app, new Uri(address)) { SenderName = senderName, DropFolder = dropFolder };
    }

    /// <summary>A client that sends <paramref name="key"/> as X-Api-Key, or no key when null.</summary>
    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (Directory.Exists(DropFolder))
        {
            Directory.Delete(DropFolder, recursive: true);
        }
    }
}
