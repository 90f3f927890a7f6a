using System.Text.Json;
using Vigil.Screening.Hits;
using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>The rule check as the service uses it: versions saved with who and why, findings, statistics, flags and re-screening.</summary>
public class RuleCheckTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly RuleTerm Dutch = Term("traveler.nationality", "equals", "NLD");

    private static (RuleRepository Rules, RuleCheck Check, Clock Clock) Setup(RuleCheckOptions? options = null)
    {
        var clock = new Clock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var rules = new RuleRepository(Lists(), clock);
        return (rules, new RuleCheck(rules, Environment(), options, clock), clock);
    }

    [Fact]
    public void Every_save_is_a_new_version_with_author_and_reason_and_the_old_ones_stay()
    {
        var (rules, _, _) = Setup();
        var first = rules.Save(Rule(Dutch), "analyst.a", "case 2026/17");
        var second = rules.Save(Rule(Term("traveler.nationality", "equals", "BEL")), "analyst.b", "widened after review");
        var same = rules.Save(Rule(Term("traveler.nationality", "equals", "BEL")), "analyst.b", "saved twice");

        Assert.Equal((1, 2, 2), (first.Saved!.Version, second.Saved!.Version, same.Saved!.Version));
        Assert.Equal(["analyst.a", "analyst.b"], rules.History("T-1").Select(e => e.Author));
        Assert.Equal("widened after review", rules.History("T-1")[1].Reason);
        Assert.Contains("\"version\": 2", rules.History("T-1")[1].Json);
        Assert.Equal("NLD", ((RuleTerm)rules.Version("T-1", 1)!.Condition).Values[0]);
        Assert.Equal(2, rules.Current("T-1")!.Version);
        Assert.Equal(2, rules.AuditTrail().Count);
    }

    [Fact]
    public void An_invalid_rule_or_an_anonymous_edit_is_not_saved()
    {
        var (rules, _, _) = Setup();
        var invalid = rules.Save(Rule(Term("traveler.age", "equals", "old")), "analyst.a", "try");
        Assert.False(invalid.Succeeded);
        Assert.Equal("condition", Assert.Single(invalid.Problems).Path);
        Assert.False(rules.Save(Rule(Dutch), "", "no author").Succeeded);
        Assert.False(rules.Save(Rule(Dutch), "analyst.a", " ").Succeeded);
        Assert.False(rules.SaveJson("{", "analyst.a", "broken").Succeeded);
        Assert.Empty(rules.AuditTrail());
    }

    [Fact]
    public void The_check_finds_with_the_rules_severity_title_and_explanation()
    {
        var (rules, check, _) = Setup();
        rules.Save(Rule(Dutch) with { Severity = FindingSeverity.High, Title = "Dutch travelers" }, "analyst.a", "test");

        var finding = Assert.Single(check.Check(Subject));
        Assert.Equal(("rule", "T-1", "Dutch travelers", FindingSeverity.High), (finding.Kind, finding.Reference, finding.Title, finding.Severity));
        using var json = JsonDocument.Parse(finding.ExplanationJson);
        Assert.Equal("NLD", json.RootElement.GetProperty("terms")[0].GetProperty("actual").GetString());
        Assert.Empty(check.Check(Subject with { Traveler = Traveler with { Nationality = "BEL" } }));
    }

    [Fact]
    public void A_saved_edit_recompiles_and_asks_for_re_screening()
    {
        var (rules, check, _) = Setup();
        var changes = new List<RuleSetChange>();
        check.RulesChanged += changes.Add;
        rules.Save(Rule(Dutch), "analyst.a", "first");
        Assert.Single(check.Check(Subject));

        rules.Save(Rule(Term("traveler.nationality", "equals", "BEL")), "analyst.a", "narrowed");
        Assert.Empty(check.Check(Subject));
        Assert.Equal(2, changes.Count);
        Assert.Equal(["T-1"], changes[1].RuleIds);
        Assert.Contains("version 2 by analyst.a: narrowed", changes[1].Reason);
    }

    [Fact]
    public void A_saved_value_list_recompiles_the_rules_that_read_it()
    {
        var (rules, check, _) = Setup();
        var changes = new List<RuleSetChange>();
        check.RulesChanged += changes.Add;
        rules.Save(Rule(new RuleTerm("booking.agency", "memberOf", []) { List = "agencies" }), "analyst.a", "agency rule");
        rules.Save(Rule(Dutch, "T-2"), "analyst.a", "unrelated");
        Assert.Equal(2, check.Check(Subject).Count);

        rules.Lists.Save("agencies", ["LHRBA0001"], "analyst.b", "agency cleared");
        Assert.Equal(["T-2"], check.Check(Subject).Select(f => f.Reference));
        Assert.Equal(["T-1"], changes[^1].RuleIds);
    }

    [Fact]
    public void Disabled_rules_and_rules_out_of_their_dates_do_not_screen()
    {
        var (rules, check, clock) = Setup();
        rules.Save(Rule(Dutch, "OFF") with { Enabled = false }, "analyst.a", "parked");
        rules.Save(Rule(Dutch, "LATER") with { EffectiveFrom = new DateOnly(2026, 3, 2) }, "analyst.a", "from tomorrow");
        rules.Save(Rule(Dutch, "ENDED") with { EffectiveTo = new DateOnly(2026, 2, 28) }, "analyst.a", "expired");
        Assert.Empty(check.Check(Subject));

        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(["LATER"], check.Check(Subject).Select(f => f.Reference));
        Assert.Equal(3, check.Rules.Rules.Count);
    }

    [Fact]
    public void Statistics_count_evaluations_hits_time_and_the_last_hit()
    {
        var (rules, check, clock) = Setup(new RuleCheckOptions { TimingSampleEvery = 2, MinimumEvaluations = 1_000_000 });
        rules.Save(Rule(Dutch), "analyst.a", "test");
        rules.Save(Rule(Term("traveler.nationality", "equals", "BEL"), "T-2"), "analyst.a", "test");
        var belgian = Subject with { Traveler = Traveler with { Nationality = "BEL" } };
        for (var i = 0; i < 10; i++)
        {
            check.Check(i < 3 ? Subject : belgian);
        }

        clock.Now = clock.Now.AddDays(1);
        check.Check(Subject);

        var stats = check.Statistics().ToDictionary(s => s.RuleId);
        Assert.Equal((11L, 4L), (stats["T-1"].Evaluations, stats["T-1"].Hits));
        Assert.Equal((11L, 7L), (stats["T-2"].Evaluations, stats["T-2"].Hits));
        Assert.Equal(clock.Now, stats["T-1"].LastHit);
        Assert.True(stats["T-1"].MeanNanoseconds > 0);
        Assert.True(stats["T-1"].EstimatedTotalTime < TimeSpan.FromSeconds(1));
        Assert.Equal(4.0 / 11, stats["T-1"].HitRate, 6);
        Assert.False(stats["T-1"].Flagged);
    }

    [Fact]
    public void A_rule_hitting_unusually_often_is_flagged_to_its_owner_once_and_keeps_screening()
    {
        var (rules, check, _) = Setup(new RuleCheckOptions { MinimumEvaluations = 20, MaximumHitRate = 0.25 });
        var flags = new List<RuleFlag>();
        check.UnusualHitRate += flags.Add;
        rules.Save(Rule(Dutch), "analyst.a", "broad");
        rules.Save(Rule(Term("traveler.age", "greaterThan", "90"), "RARE"), "analyst.a", "narrow");
        for (var i = 0; i < 50; i++)
        {
            Assert.Single(check.Check(Subject));
        }

        var flag = Assert.Single(flags);
        Assert.Equal(("T-1", 1, "NL-PIU", 20L), (flag.RuleId, flag.Version, flag.Owner, flag.Evaluations));
        Assert.Equal(1.0, flag.HitRate);
        Assert.True(check.Statistics().Single(s => s.RuleId == "T-1").Flagged);
        Assert.False(check.Statistics().Single(s => s.RuleId == "RARE").Flagged);
    }

    [Fact]
    public void Statistics_stay_exact_when_travelers_are_screened_in_parallel()
    {
        var (rules, check, _) = Setup(new RuleCheckOptions { TimingSampleEvery = 7 });
        rules.Save(Rule(Dutch), "analyst.a", "test");
        var belgian = Subject with { Traveler = Traveler with { Nationality = "BEL" } };
        var findings = 0;
        Parallel.For(0, 4_000, i => Interlocked.Add(ref findings, check.Check(i % 4 == 0 ? Subject : belgian).Count));

        var stats = Assert.Single(check.Statistics());
        Assert.Equal((4_000L, 1_000L, 1_000), (stats.Evaluations, stats.Hits, findings));
    }

    [Fact]
    public void A_new_version_counts_afresh()
    {
        var (rules, check, _) = Setup();
        rules.Save(Rule(Dutch), "analyst.a", "first");
        check.Check(Subject);
        rules.Save(Rule(Term("traveler.gender", "equals", "M")), "analyst.a", "second");
        check.Check(Subject);
        check.Check(Subject);
        Assert.Equal([(2, 2L), (1, 1L)], check.Statistics().Select(s => (s.Version, s.Evaluations)));
    }

    [Fact]
    public void A_new_link_directory_is_used_from_the_next_check_on()
    {
        var (rules, check, _) = Setup();
        rules.Save(Rule(new LinkTerm("email", "confirmedHit")), "analyst.a", "links");
        Assert.Empty(check.Check(Subject));
        check.Environment = check.Environment with
        {
            Links = new LinkDirectory().Add(LinkKind.Email, "SAMIR.HADDAD@EXAMPLE.COM", new LinkSource(LinkSourceKind.ConfirmedHit, "HIT-1")),
        };
        Assert.Single(check.Check(Subject));
    }

    [Fact]
    public void A_backtest_counts_matches_over_given_subjects_and_keeps_examples_without_touching_statistics()
    {
        var (rules, check, _) = Setup();
        rules.Save(Rule(Dutch), "analyst.a", "test");
        var subjects = Enumerable.Range(0, 10).Select(i => i % 5 == 0 ? Subject : Subject with { Traveler = Traveler with { Nationality = "FRA" } }).ToList();
        var candidate = RuleSet.Compile([Rule(Term("traveler.nationality", "equals", "FRA"), "NEW") with { Enabled = false }], rules.Lists.Snapshot());

        var report = RuleBacktest.Run(candidate, subjects, Environment(), examplesPerRule: 3);

        var result = Assert.Single(report.Rules);
        Assert.Equal((10, "NEW", 8, 0.8), (report.Subjects, result.RuleId, result.Matches, result.HitRate));
        Assert.Equal(3, result.Examples.Count);
        Assert.All(result.Examples, e => Assert.Equal("FRA", e.Subject.Traveler.Nationality));
        Assert.Equal("FRA", result.Examples[0].Match.Terms[0].Actual);
        Assert.Empty(check.Statistics());
    }
}
