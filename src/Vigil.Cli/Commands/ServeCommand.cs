using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Vigil.Data;
using Vigil.Server;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil serve [--data FOLDER] [--urls URLS | --port N]</c>: runs the screening service until stopped. The store
/// is SQLite in the data folder unless configuration (appsettings.json, or <c>Vigil__Store__Provider</c> and
/// <c>Vigil__Store__ConnectionString</c> in the environment) names PostgreSQL.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = $"Folder of the SQLite store (default '{VigilStoreOptions.DefaultDataFolder}', or Vigil:Store:DataFolder)." };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, separated by ';', e.g. 'http://0.0.0.0:8080'." };
        var port = new Option<int?>("--port") { Description = "Listen on http://localhost:PORT (ignored when --urls is given)." };
        var command = new Command("serve", "Run the screening service: message intake, REST API, health and metrics.") { data, urls, port };
        command.Validators.Add(result =>
        {
            if (result.GetValue(port) is { } p && p is < 1 or > 65535)
            {
                result.AddError($"--port must be between 1 and 65535; it was {p}.");
            }
        });
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(data), result.GetValue(urls), result.GetValue(port), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? data, string? urls, int? port, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = await VigilServer.BuildAsync([], builder =>
            {
                if (data is not null)
                {
                    builder.Configuration.AddInMemoryCollection([new($"{VigilStoreOptions.Section}:DataFolder", data)]);
                }

                if ((urls ?? (port is { } p ? $"http://localhost:{p}" : null)) is { } listen)
                {
                    builder.WebHost.UseUrls(listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
            }, cancellationToken);
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"vigil serve: {e.Message}");
            return 2;
        }
    }
}
