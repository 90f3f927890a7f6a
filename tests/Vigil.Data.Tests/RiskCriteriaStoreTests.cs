using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Data.Ingest;
using Vigil.Screening.Rules;
using Vigil.Travel.Synthetic;

namespace Vigil.Data.Tests;

/// <summary>Risk rules and value lists in the store: versions kept as saved and audited, and the link directory built from stored hits.</summary>
public abstract class RiskCriteriaStoreTests(ITestDatabase database) : OpenedStoreTests(database)
{
    [Fact]
    public async Task Rule_and_value_list_versions_come_back_as_saved_in_order_with_an_audit_entry_each()
    {
        var saved = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
        await Store.SaveValueListAsync(new ValueList("airports", 1, ["IST"], "ann", "first", saved) { Description = "of concern" }, Cancel);
        await Store.SaveValueListAsync(new ValueList("airports", 2, ["IST", "BEY"], "bob", "second", saved.AddHours(1)), Cancel);
        const string json = """{"id":"R-1","version":1,"title":"t","owner":"NL-PIU","condition":{"field":"flight.origin","op":"memberOf","list":"airports"}}""";
        await Store.SaveRuleEditAsync(new RuleEdit("R-1", 1, "ann", "case 17", saved.AddHours(2), json), Cancel);

        var (lists, rules) = await Store.ReadRiskCriteriaAsync(Cancel);
        Assert.Equal([1, 2], lists.Select(l => l.Version));
        Assert.Equal(["IST", "BEY"], lists[1].Values);
        Assert.Equal("of concern", lists[0].Description);
        var rule = Assert.Single(rules);
        Assert.Equal(json, rule.Json);
        Assert.Equal(("ann", "case 17", saved.AddHours(2)), (rule.Author, rule.Reason, rule.At));

        var audit = await Store.ListAuditAsync(null, Cancel);
        Assert.Equal(2, audit.Count(a => a.Step == VigilStore.ValueListEditStep));
        Assert.Contains(audit, a => a.Step == VigilStore.RuleEditStep && a.Detail == "rule R-1 version 1 saved by ann: case 17");
        // The same version twice is refused by the store, not stored beside the first.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Store.SaveRuleEditAsync(new RuleEdit("R-1", 1, "eve", "again", saved, json), Cancel));
    }

    [Fact]
    public async Task A_confirmed_hit_in_the_store_makes_its_co_travelers_match_a_booking_link_term()
    {
        var pipeline = new IngestPipeline(Store, [], clock: Clock);
        var push = new PnrgovGenerator(11).GenerateFile(1, bookings: 12, kind: Vigil.Travel.Model.PushKind.Full);
        await pipeline.ReceiveAsync(push.Content, "carrier", Cancel);
        await pipeline.ProcessPendingAsync(Cancel);

        List<StoredTraveler> party;
        await using (var db = Store.CreateContext())
        {
            var travelers = await db.Travelers.AsNoTracking().Where(t => t.BookingId != null).OrderBy(t => t.Id).ToListAsync(Cancel);
            party = travelers.GroupBy(t => t.BookingId).First(g => g.Count() >= 2).ToList();
        }

        var confirmed = party[0];
        var hit = await Store.UpsertHitAsync(confirmed.Id, HitDraft.ForRule("SEED-7", 1, HitSeverity.High, "{}"), Cancel);
        var before = await Store.BuildLinkDirectoryAsync(Cancel);
        await Store.ChangeHitStatusAsync(hit.HitId, HitStatus.Confirmed, "ann", "identity checked", Cancel);
        var links = await Store.BuildLinkDirectoryAsync(Cancel);

        var rules = new RuleRepository(new ValueListRepository());
        rules.Save(new RiskRule { Id = "T-LINK", Title = "co-traveler of a confirmed hit", Owner = "NL-PIU", Condition = new LinkTerm("booking", "confirmedHit") }, "ann", "test");
        using var check = new RuleCheck(rules, RuleEnvironment.Default with { Links = before });
        pipeline.UseChecks([check]);
        var everything = RescreenScope.Between(new DateTime(2020, 1, 1), new DateTime(2030, 1, 1));
        await pipeline.RescreenAsync(everything, Cancel);
        Assert.Empty(await RuleHitsAsync("T-LINK"));

        check.Environment = check.Environment with { Links = links };
        await pipeline.RescreenAsync(everything, Cancel);
        var found = await RuleHitsAsync("T-LINK");
        Assert.Equal(party.Skip(1).Select(t => t.Id).Order(), found.Select(h => h.TravelerId).Order());
        Assert.All(found, h => Assert.Contains("SEED-7", h.Explanation, StringComparison.Ordinal));
    }

    private async Task<List<StoredHit>> RuleHitsAsync(string ruleId)
    {
        await using var db = Store.CreateContext();
        return await db.Hits.AsNoTracking().Where(h => h.RuleId == ruleId).ToListAsync(Cancel);
    }
}

public sealed class SqliteRiskCriteriaStoreTests() : RiskCriteriaStoreTests(new SqliteTestDatabase());

public sealed class PostgresRiskCriteriaStoreTests() : RiskCriteriaStoreTests(new PostgresTestDatabase());
