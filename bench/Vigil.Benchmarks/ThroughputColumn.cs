using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Vigil.Benchmarks;

/// <summary>
/// Adds a rate column computed from the mean time of one invocation: <c>units per invocation / mean seconds</c>.
/// MB/s uses 10^6 bytes.
/// </summary>
internal sealed class ThroughputColumn(string name, string unit, Func<BenchmarkCase, double> unitsPerInvocation) : IColumn
{
    public string Id => nameof(ThroughputColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{unit} per second, from the mean time of one invocation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var seconds = statistics.Mean / 1e9;
        return (unitsPerInvocation(benchmarkCase) / seconds).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
