using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Screening.Matching;

namespace Vigil.Screening.Hits;

/// <summary>
/// Screens travelers against watch lists through one <see cref="WatchListMatcher"/>: every alerting match becomes a
/// finding whose reference is the list and entry (<c>UN:QDi.001</c>) and whose explanation is the matcher's, as JSON.
/// Thread-safe, like the matcher.
/// </summary>
public sealed class WatchListCheck(WatchListMatcher matcher) : ITravelerCheck
{
    /// <summary>The kind recorded on watch-list findings.</summary>
    public const string WatchListKind = "watchlist";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Kind => WatchListKind;

    public WatchListMatcher Matcher { get; } = matcher;

    public IReadOnlyList<ScreeningFinding> Check(ScreeningSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var query = TravelerQuery.For(subject.Traveler);
        if (query.Name.Length == 0)
        {
            return [];
        }

        List<ScreeningFinding>? findings = null;
        foreach (var match in Matcher.Alerts(query))
        {
            (findings ??= []).Add(new ScreeningFinding(
                Kind,
                Reference(match),
                $"{query.Name} resembles {match.MatchedName} ({match.List.ToUpperInvariant()} {match.ListId})",
                match.Score,
                SeverityOf(match),
                ExplanationJson(match.Explanation)));
        }

        return findings ?? (IReadOnlyList<ScreeningFinding>)[];
    }

    /// <summary>The list code in capitals and the list's own reference: <c>UN:QDi.001</c>.</summary>
    public static string Reference(ScreeningMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return $"{match.List.ToUpperInvariant()}:{match.ListId}";
    }

    /// <summary>The explanation as stored on a hit: listed name, aligned name units, attribute evidence, threshold.</summary>
    public static string ExplanationJson(MatchExplanation explanation) => JsonSerializer.Serialize(explanation, Json);

    /// <summary>
    /// A listed document number held by the traveler is the strongest evidence there is; otherwise the score says how
    /// sure the match is, measured from the list's own threshold so that a strict list does not look more urgent.
    /// </summary>
    internal static FindingSeverity SeverityOf(ScreeningMatch match)
    {
        if (match.Explanation.Evidence.Any(e => e.Attribute == "document" && e.Contribution > 0))
        {
            return FindingSeverity.Critical;
        }

        var margin = match.Score - match.Explanation.Threshold;
        return margin switch
        {
            >= 0.15 => FindingSeverity.High,
            >= 0.05 => FindingSeverity.Medium,
            _ => FindingSeverity.Low,
        };
    }
}
