namespace Vigil.Screening.Rules;

/// <summary>
/// What rules read beyond the traveler in context: the identifiers of watch-listed persons and of travelers with
/// hits (for link terms), the country of each airport (for country fields of routes), and the day screening runs on
/// (when a flight says none).
/// </summary>
public sealed record RuleEnvironment
{
    public static RuleEnvironment Default { get; } = new();

    public LinkDirectory Links { get; init; } = LinkDirectory.Empty;

    /// <summary>ISO 3166 alpha-3 country of each airport by IATA code; routes through unknown airports add no country.</summary>
    public IReadOnlyDictionary<string, string> AirportCountries { get; init; } = new Dictionary<string, string>();

    /// <summary>The screening day, used when neither flight nor booking gives a departure day.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
}
