using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Data;
using Vigil.Data.Tests;
using Vigil.Screening.Hits;
using Vigil.Screening.Rules;
using Vigil.Server.Operations;
using Vigil.Travel.Model;

namespace Vigil.Server.Tests;

/// <summary>The service's rule state without HTTP: flags for unusual hit rates are reported and the rule keeps screening. In the servers' collection, since it listens to their meter by name.</summary>
[Collection(nameof(ServerTests))]
public sealed class RiskCriteriaTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private VigilStore? store;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => store = await VigilStore.OpenAsync(await database.CreateAsync(), cancellationToken: Cancel);

    public async ValueTask DisposeAsync()
    {
        await database.DropAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_rule_with_an_unusual_hit_rate_is_flagged_counted_and_keeps_screening()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        long flagged = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == VigilMetrics.MeterName && instrument.Name == "vigil.rules.flagged")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref flagged, value));
        listener.Start();

        using var criteria = RiskCriteria.Load(await store!.ReadRiskCriteriaAsync(Cancel), store, TimeProvider.System, meters, NullLogger<RiskCriteria>.Instance,
            new RuleCheckOptions { MinimumEvaluations = 10, MaximumHitRate = 0.2 });
        var rule = new RiskRule { Id = "T-OFTEN", Title = "hits everyone from NLD", Owner = "NL-PIU", Condition = new RuleTerm("traveler.nationality", "equals", ["NLD"]) };
        var outcome = await criteria.SaveRuleAsync(rule, "ann", "test", Cancel, create: true);
        Assert.True(outcome.Created);

        var subject = new ScreeningSubject(new Traveler { Surname = "JANSEN", Nationality = "NLD" }, null, null);
        for (var i = 0; i < 9; i++)
        {
            Assert.Single(criteria.Check.Check(subject));
        }

        Assert.Null(criteria.FlagOf("T-OFTEN", 1));
        // The tenth evaluation reaches the minimum: every one hit, far above 20 %.
        Assert.Single(criteria.Check.Check(subject));
        var flag = criteria.FlagOf("T-OFTEN", 1);
        Assert.NotNull(flag);
        Assert.Equal((10L, 10L), (flag.Evaluations, flag.Hits));
        Assert.Equal(1, Interlocked.Read(ref flagged));

        // Flagged once per version, and never muted: it still finds what it finds.
        Assert.Single(criteria.Check.Check(subject));
        Assert.Equal(1, Interlocked.Read(ref flagged));
        Assert.True(Assert.Single(criteria.Check.Statistics()).Flagged);
    }
}
