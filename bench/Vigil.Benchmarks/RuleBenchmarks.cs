using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Vigil.Screening.Hits;
using Vigil.Screening.Rules;

namespace Vigil.Benchmarks;

/// <summary>
/// 1,000 generated rules over 100,000 generated travelers with bookings (synthetic PNRGOV pushes read by the real
/// parser, with trip histories, earlier hits and link identifiers), one core. Each operation takes the next
/// 1,000 travelers of the population, so successive operations walk all of it; one operation is
/// 1,000 × 1,000 rule×traveler evaluations, fact view included. The interpreter walking the same rules is the
/// baseline from the same run; compiling the 1,000 rules is measured on its own (per rule: mean / 1,000).
/// </summary>
[Config(typeof(Configuration))]
[MemoryDiagnoser]
public class RuleBenchmarks
{
    public const int Rules = 1_000;
    public const int Travelers = 100_000;
    public const int TravelersPerOperation = 1_000;

    private ScreeningSubject[] _population = [];
    private List<RiskRule> _rules = [];
    private IReadOnlyDictionary<string, ValueList> _lists = new Dictionary<string, ValueList>();
    private RuleEnvironment _environment = RuleEnvironment.Default;
    private CompiledRule[] _compiled = [];
    private RuleCheck? _check;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = new SyntheticRules(BenchmarkInputs.Seed);
        _population = [.. synthetic.Population(Travelers)];
        _environment = synthetic.Environment(_population);
        var lists = synthetic.Lists();
        _lists = lists.Snapshot();
        _rules = synthetic.Rules(Rules, _population, _environment);
        _compiled = [.. _rules.Select(r => RuleCompiler.Compile(r, _lists))];
        var fired = Compiled();
        _next = 0;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"// {fired:N0} of {(double)Rules * TravelersPerOperation:N0} rule×traveler pairs fire ({fired / ((double)Rules * TravelersPerOperation):P2}); {_population.Length:N0} travelers"));

        // The check as the service runs it: rules saved in the repository, in force, with statistics and explanations.
        var repository = new RuleRepository(lists);
        foreach (var rule in _rules)
        {
            repository.Save(rule, "benchmark", "generated");
        }

        _check = new RuleCheck(repository, _environment, new RuleCheckOptions { MaximumHitRate = 1 });
    }

    /// <summary>Compiled delegates over the per-subject fact view: how many rules fire, no explanation.</summary>
    [Benchmark]
    public int Compiled()
    {
        var fired = 0;
        foreach (var subject in NextTravelers())
        {
            var facts = new SubjectFacts(subject, _environment);
            foreach (var rule in _compiled)
            {
                fired += rule.Matches(facts) ? 1 : 0;
            }
        }

        return fired;
    }

    /// <summary>Baseline: the same rules interpreted from their parsed JSON over the same fact view.</summary>
    [Benchmark(Baseline = true)]
    public int Interpreted()
    {
        var fired = 0;
        foreach (var subject in NextTravelers())
        {
            var facts = new SubjectFacts(subject, _environment);
            foreach (var rule in _rules)
            {
                fired += RuleInterpreter.Matches(rule.Condition, facts, _lists) ? 1 : 0;
            }
        }

        return fired;
    }

    /// <summary>The rule check end to end: in-force rules, statistics, and an explained finding for every rule that fires.</summary>
    [Benchmark]
    public int Check()
    {
        var findings = 0;
        foreach (var subject in NextTravelers())
        {
            findings += _check!.Check(subject).Count;
        }

        return findings;
    }

    /// <summary>Validating and compiling all 1,000 rules into delegates.</summary>
    [Benchmark]
    public int Compile() => RuleSet.Compile(_rules, _lists).Rules.Count;

    private ArraySegment<ScreeningSubject> NextTravelers()
    {
        var start = _next;
        _next = (_next + TravelersPerOperation) % (_population.Length - TravelersPerOperation);
        return new ArraySegment<ScreeningSubject>(_population, start, TravelersPerOperation);
    }

    /// <summary>Rule×traveler evaluations in one operation, or rules compiled for <see cref="Compile"/>.</summary>
    internal static double UnitsPerOperation(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(Compile) ? Rules : (double)Rules * TravelersPerOperation;

    private sealed class Configuration : ManualConfig
    {
        public Configuration()
        {
            AddJob(Job.ShortRun);
            AddColumn(new ThroughputColumn("evals/s (rules/s for Compile)", "rule×traveler evaluations (rules compiled)", UnitsPerOperation));
        }
    }
}
