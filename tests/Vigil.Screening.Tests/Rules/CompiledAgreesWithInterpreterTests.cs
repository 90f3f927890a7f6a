using Vigil.Screening.Rules;

namespace Vigil.Screening.Tests.Rules;

/// <summary>
/// Property-style: generated rules over a generated population, compiled and interpreted, must agree on every
/// rule × traveler, and the generated rules must be varied enough that both outcomes occur often.
/// </summary>
public class CompiledAgreesWithInterpreterTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(20260301)]
    public void Compiled_and_interpreted_rules_agree_on_a_generated_population(int seed)
    {
        var synthetic = new SyntheticRules(seed);
        var population = synthetic.Population(1_500);
        var environment = synthetic.Environment(population);
        var lists = synthetic.Lists().Snapshot();
        var rules = synthetic.Rules(300, population, environment);
        Assert.All(rules, r => Assert.Empty(RuleValidator.Validate(r, lists)));
        var compiled = rules.Select(r => RuleCompiler.Compile(r, lists)).ToList();

        var (fired, quiet) = (0, 0);
        foreach (var subject in population)
        {
            var facts = new SubjectFacts(subject, environment);
            foreach (var rule in compiled)
            {
                var fast = rule.Matches(facts);
                if (fast != RuleInterpreter.Matches(rule.Rule.Condition, facts, lists))
                {
                    Assert.Fail($"{rule.Rule.Id} disagrees on {subject.Traveler.Surname}: compiled {fast}\n{RuleJson.Write(rule.Rule)}");
                }

                (fired, quiet) = fast ? (fired + 1, quiet) : (fired, quiet + 1);
            }
        }

        Assert.True(fired > population.Count * 3, $"only {fired} matches");
        Assert.True(quiet > population.Count * 100, $"only {quiet} non-matches");
        Assert.True(compiled.Count(r => r.Rule.Condition is AllOf or AnyOf) > 50);
    }

    [Fact]
    public void Generated_populations_exercise_links_history_and_earlier_hits()
    {
        var synthetic = new SyntheticRules(5);
        var population = synthetic.Population(1_000);
        var environment = synthetic.Environment(population);
        var facts = population.Select(s => new SubjectFacts(s, environment)).ToList();
        Assert.Contains(facts, f => f.Links(LinkKind.Phone, LinkWith.WatchListed).Count > 0);
        Assert.Contains(facts, f => f.Links(null, LinkWith.BookingHit).Count > 0);
        Assert.Contains(facts, f => f.HistoryTrips(365) > 0);
        Assert.Contains(population, s => s.PriorHits.Count > 0);
        Assert.Contains(population, s => s.Booking is { Payments.Count: > 0 });
    }
}
