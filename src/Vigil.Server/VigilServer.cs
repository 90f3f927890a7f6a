using System.Diagnostics.Metrics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Vigil.Server.Endpoints;

namespace Vigil.Server;

/// <summary>
/// Vigil's HTTP service: message intake for senders, the REST API for analysts (OpenAPI at <c>/openapi/v1.json</c>),
/// health at <c>/health/live</c> and <c>/health/ready</c>, Prometheus metrics at <c>/metrics</c>, and the workers
/// that process what arrives. Configuration: <c>Vigil:Store</c> (see <see cref="VigilStoreOptions"/>) and
/// <c>Vigil:Server</c> (API keys, limits, re-screen window; docs/operations.md).
/// </summary>
public static class VigilServer
{
    /// <summary>
    /// Opens the store (applying migrations) and builds the service, ready to run. <paramref name="configure"/> sees
    /// the builder after ASP.NET Core's default sources (appsettings.json, environment variables with <c>__</c> for
    /// <c>:</c>, <paramref name="args"/>) are added, so a caller can add its own configuration or URLs on top.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);

        // A line per request drowns what matters in an operator's log; any configuration source can turn it back on.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Microsoft.AspNetCore", "Warning")],
        });
        configure?.Invoke(builder);

        var serverOptions = ServerOptions.FromConfiguration(builder.Configuration);
        var keys = ApiKeyRing.From(serverOptions.ApiKeys);
        var store = await VigilStore.OpenAsync(VigilStoreOptions.FromConfiguration(builder.Configuration), cancellationToken: cancellationToken);
        var riskCriteria = await store.ReadRiskCriteriaAsync(cancellationToken);

        var services = builder.Services;
        services.AddSingleton(store);
        services.AddSingleton(serverOptions);
        services.AddSingleton(keys);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<VigilMetrics>();
        services.AddSingleton<IngestSignal>();
        services.AddSingleton<MessageIntake>();
        services.AddSingleton(provider => RiskCriteria.Load(riskCriteria, store, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IMeterFactory>(), provider.GetRequiredService<ILogger<RiskCriteria>>()));
        services.AddSingleton(provider => new IngestPipeline(store, [provider.GetRequiredService<RiskCriteria>().Check], new IngestOptions { RescreenWindow = serverOptions.RescreenWindow }, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ScreeningLists>();
        services.AddSingleton<OutcomeMetrics>();
        services.AddHostedService<IngestWorker>();
        services.AddSingleton<DropFolderService>();
        services.AddHostedService(provider => provider.GetRequiredService<DropFolderService>());
        services.AddHostedService<RuleWorker>();

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAuthentication(ApiKeyAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeyDocument>().AddOperationTransformer<ApiKeyDocument>());
        services.AddHealthChecks()
            .AddCheck<StoreReachable>("store", tags: ["ready"])
            .AddCheck<WatchListsLoaded>("watchlists", tags: ["ready"])
            .AddCheck<DropFolderService>("dropfolder", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(VigilMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        var app = builder.Build();
        if (keys.Count == 0)
        {
            app.Logger.LogWarning("No API keys are configured ({Section}:ApiKeys), so every /api call will be refused with 401.", ServerOptions.Section);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");

        app.MapMessages();
        app.MapTravel();
        app.MapHits();
        app.MapWatchLists();
        app.MapRescreen();
        app.MapRules();
        app.MapValueLists();
        return app;
    }
}
