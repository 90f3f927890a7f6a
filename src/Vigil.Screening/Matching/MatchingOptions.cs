namespace Vigil.Screening.Matching;

/// <summary>
/// Thresholds of the matcher. <see cref="DefaultAlertThreshold"/> is the one documented default (docs/matching.md);
/// an agency may set its own per list, e.g. stricter for a large national list.
/// </summary>
public sealed record MatchingOptions
{
    public const double DefaultAlertThreshold = 0.75;

    /// <summary>Candidates scoring below this are not reported at all.</summary>
    public const double ReportFloor = 0.3;

    public double AlertThreshold { get; init; } = DefaultAlertThreshold;

    /// <summary>Travelers are people: organisations, vessels and aircraft on the lists are left out unless asked for.</summary>
    public bool IncludeEntities { get; init; }

    public IReadOnlyDictionary<string, double> ListThresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>The lowest threshold of any list: candidates that cannot reach it cannot alert anywhere.</summary>
    public double LowestThreshold => ListThresholds.Count == 0 ? AlertThreshold : Math.Min(AlertThreshold, ListThresholds.Values.Min());

    public double ThresholdFor(string list) => ListThresholds.TryGetValue(list, out var threshold) ? threshold : AlertThreshold;
}
