using System.Globalization;
using Vigil.Cli.Input;
using Vigil.Screening.Matching;

namespace Vigil.Cli.Evaluation;

/// <summary>Recall and false alerts of screening queries with known answers, scored as the acceptance scoring does.</summary>
internal sealed record ScreeningFigures(int Positives, int Recalled, int TopOne, IReadOnlyDictionary<string, (int Total, int Recalled)> ByTreatment, int Negatives, int FalseAlerts)
{
    public double Recall => Positives == 0 ? 0 : (double)Recalled / Positives;

    public double TopOneAccuracy => Positives == 0 ? 0 : (double)TopOne / Positives;

    public double FalseAlertRate => Negatives == 0 ? 0 : (double)FalseAlerts / Negatives;
}

/// <summary>Precision, recall and F1 of name pairs at one threshold, overall and per kind of pair.</summary>
internal sealed record PairFigures(int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyDictionary<string, (int Total, int PredictedMatch)> ByKind)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Measures the matcher on labelled sets in the layout of the evaluation files: screening queries with
/// <c>expected_list_id</c> and <c>treatment</c> (empty id = must not alert), and name pairs with <c>is_match</c>
/// and <c>kind</c>.
/// </summary>
internal static class MatchingEvaluation
{
    public static ScreeningFigures Screening(WatchListMatcher matcher, IEnumerable<string> queryFiles, TextWriter? misses = null)
    {
        int positives = 0, recalled = 0, topOne = 0, negatives = 0, falseAlerts = 0;
        var byTreatment = new SortedDictionary<string, (int Total, int Recalled)>(StringComparer.Ordinal);
        foreach (var file in queryFiles)
        {
            var table = CsvTable.Read(file);
            var queries = QueryCsv.From(table, file);
            for (var r = 0; r < queries.Count; r++)
            {
                var (id, query) = queries[r];
                var expected = table.Field(table.Rows[r].Fields, "expected_list_id").Trim();
                var matches = matcher.Screen(query, 5);
                if (expected.Length == 0)
                {
                    negatives++;
                    if (matches.Any(m => m.Alert))
                    {
                        falseAlerts++;
                        misses?.WriteLine($"FALSE ALERT {id} {query.Name} | {query.DateOfBirth} {query.Nationality} -> {matches[0].ListId} {matches[0].Score:0.000} {matches[0].Explanation}");
                    }

                    continue;
                }

                var treatment = table.Field(table.Rows[r].Fields, "treatment");
                positives++;
                var hit = matches.Any(m => m.Alert && string.Equals(m.ListId, expected, StringComparison.OrdinalIgnoreCase));
                recalled += hit ? 1 : 0;
                topOne += matches.Count > 0 && string.Equals(matches[0].ListId, expected, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                var (total, found) = byTreatment.GetValueOrDefault(treatment);
                byTreatment[treatment] = (total + 1, found + (hit ? 1 : 0));
                if (!hit && misses is not null)
                {
                    var mine = matches.FirstOrDefault(m => string.Equals(m.ListId, expected, StringComparison.OrdinalIgnoreCase));
                    misses.WriteLine($"MISS {id} [{treatment}] {query.Name} | {query.DateOfBirth} {query.Nationality} {query.DocumentNumber} expected {expected}: "
                        + (mine is null ? "not found" : $"{mine.Score:0.000} {mine.Explanation}")
                        + (matches.Count > 0 && mine != matches[0] ? $" | top {matches[0].ListId} {matches[0].Score:0.000} {matches[0].Explanation}" : ""));
                }
            }
        }

        return new ScreeningFigures(positives, recalled, topOne, byTreatment, negatives, falseAlerts);
    }

    public static PairFigures Pairs(string pairsFile, double threshold, TextWriter? misses = null)
    {
        var table = CsvTable.Read(pairsFile);
        var preparer = new NamePreparer(TokenWeights.Default);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var byKind = new SortedDictionary<string, (int Total, int PredictedMatch)>(StringComparer.Ordinal);
        foreach (var (_, row) in table.Rows)
        {
            var score = NameScorer.Score(preparer, table.Field(row, "name1"), table.Field(row, "name2"));
            var predicted = score.Score >= threshold;
            var actual = table.Field(row, "is_match").Trim() == "1";
            truePositives += predicted && actual ? 1 : 0;
            falsePositives += predicted && !actual ? 1 : 0;
            falseNegatives += !predicted && actual ? 1 : 0;
            var kind = table.Field(row, "kind");
            var (total, matched) = byKind.GetValueOrDefault(kind);
            byKind[kind] = (total + 1, matched + (predicted ? 1 : 0));
            if (predicted != actual && misses is not null)
            {
                misses.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"PAIR {kind} {score.Score:0.000} {table.Field(row, "name1")} | {table.Field(row, "name2")} [{string.Join(", ", score.Pairs.Select(p => $"{p.Query}~{p.Listed} {p.Similarity:0.00}"))}] q-left: {string.Join(" ", score.UnmatchedQuery)} l-left: {string.Join(" ", score.UnmatchedListed)}{(score.ChainReversed ? " REVERSED" : "")}"));
            }
        }

        return new PairFigures(truePositives, falsePositives, falseNegatives, byKind);
    }
}
