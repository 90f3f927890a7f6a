using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Screening;

namespace Vigil.Cli.Commands;

/// <summary>One hit as the demo shows it, read back through the REST API.</summary>
/// <param name="Planted">The planted person the hit found; null when the hit is a false alert.</param>
internal sealed record DemoHitRow(
    long TravelerId,
    long? PersonId,
    string Flight,
    string Traveler,
    string Source,
    string ListId,
    string ListedName,
    double Score,
    PlantedPerson? Planted,
    string Explanation)
{
    public string? PlantedAs => Planted?.Variation;
}

/// <summary>
/// The service's hits set against what the demo planted: which planted persons were found (in their API list, their
/// PNR or both), whether both records were resolved to one person, and which hits fell on other travelers.
/// </summary>
internal sealed record DemoHits(IReadOnlyList<DemoHitRow> Rows, IReadOnlyList<PlantedPerson> Planted)
{
    public int Found => Planted.Count(p => Rows.Any(r => r.Planted == p));

    public IEnumerable<PlantedPerson> Missed => Planted.Where(p => Rows.All(r => r.Planted != p));

    /// <summary>Traveler records with a hit that is not the planted person's.</summary>
    public int FalseAlerts => Rows.Where(r => r.Planted is null).Select(r => r.TravelerId).Distinct().Count();

    /// <summary>Planted persons hit in both their API and their PNR record, the two records resolved to one person.</summary>
    public int LinkedAcrossApiAndPnr => Planted.Count(p =>
    {
        var rows = Rows.Where(r => r.Planted == p).ToList();
        return rows.Select(r => r.Source).Distinct().Count() >= 2 && rows.All(r => r.PersonId is not null) && rows.Select(r => r.PersonId).Distinct().Count() == 1;
    });

    public static async Task<DemoHits> ReadAsync(DemoService service, IReadOnlyList<PlantedPerson> planted, CancellationToken cancellationToken)
    {
        var rows = new List<DemoHitRow>();
        foreach (var summary in (await service.GetAsync("/api/hits?limit=1000", cancellationToken)).EnumerateArray())
        {
            var hit = await service.GetAsync($"/api/hits/{summary.GetProperty("id").GetInt64()}", cancellationToken);
            var travelerId = summary.GetProperty("travelerId").GetInt64();
            var traveler = await service.GetAsync($"/api/travelers/{travelerId}", cancellationToken);
            var surname = Text(hit, "surname");
            var listId = Text(summary, "listEntryRef");
            var flight = traveler.GetProperty("flight");
            var explanation = hit.GetProperty("explanation");
            rows.Add(new DemoHitRow(
                travelerId,
                traveler.TryGetProperty("personId", out var person) && person.ValueKind == JsonValueKind.Number ? person.GetInt64() : null,
                $"{Text(flight, "carrier")}{Text(flight, "number")}",
                $"{surname}, {Text(hit, "givenNames")}",
                Text(traveler, "source"),
                listId,
                Text(explanation, "listedName"),
                summary.GetProperty("score").GetDouble(),
                planted.FirstOrDefault(p => p.ListId == listId && Letters(p.Traveler.Surname) == Letters(surname)),
                Short(explanation)));
        }

        return new DemoHits(rows, planted);
    }

    /// <summary>The name score and what each attribute added: "name 0.93, dob +0.10, nationality +0.05".</summary>
    private static string Short(JsonElement explanation)
    {
        var parts = new List<string>();
        if (explanation.TryGetProperty("nameScore", out var name) && name.TryGetProperty("score", out var score))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"name {score.GetDouble():0.00}"));
        }

        if (explanation.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Array)
        {
            parts.AddRange(evidence.EnumerateArray().Select(e =>
                string.Create(CultureInfo.InvariantCulture, $"{Text(e, "attribute")} {e.GetProperty("contribution").GetDouble():+0.00;-0.00}")));
        }

        return string.Join(", ", parts);
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    /// <summary>A surname as its letters only: the API list and the PNR may space or hyphenate it differently.</summary>
    private static string Letters(string name) => string.Concat(name.Where(char.IsLetter)).ToUpperInvariant();
}
