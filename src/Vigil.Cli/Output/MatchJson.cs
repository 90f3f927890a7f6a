using System.Text.Json;
using Vigil.Screening.Matching;

namespace Vigil.Cli.Output;

/// <summary>The <c>matches</c> array shared by <c>vigil match</c> and <c>vigil screen --json</c>.</summary>
internal static class MatchJson
{
    public static void WriteMatches(Utf8JsonWriter writer, IEnumerable<ScreeningMatch> matches)
    {
        writer.WriteStartArray("matches");
        foreach (var match in matches)
        {
            writer.WriteStartObject();
            writer.WriteString("list", match.List);
            writer.WriteString("listId", match.ListId);
            writer.WriteNumber("score", Math.Round(match.Score, 4));
            writer.WriteBoolean("alert", match.Alert);
            writer.WriteString("name", match.MatchedName);
            writer.WriteString("explanation", match.Explanation.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
