using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Evaluation;
using Vigil.Cli.Input;
using Vigil.Screening.Matching;
using Vigil.Tests;
using static Vigil.Cli.Tests.ParseCommandTests;

namespace Vigil.Cli.Tests;

/// <summary>The command-line contracts of <c>vigil match</c> and <c>vigil names compare</c>, and the quality figures on the development sets.</summary>
public class MatchCommandTests
{
    private static readonly string UnList = SharedData.PathOf("data", "lists", "un", "consolidated.xml");

    private static string TempCsv(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Match_prints_one_json_line_per_row_in_the_contract_shape()
    {
        var input = TempCsv("id,name,dob,nationality,gender,document,extra\n" +
            "q1,BIDON<<TCHIPA<NA,1954-05-28,GNB,M,,ignored\n" +
            "q2,\"Lucas, Patricia\",2002-07-14,ETH,F,,\n" +
            "q3,MANSUR AL-SA'ADI,1988,YE,,,\n");

        var (exit, stdout, _) = RunVigil("match", "--list", UnList, "--input", input, "--top", "2");

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("q1", first.RootElement.GetProperty("id").GetString());
        Assert.True(first.RootElement.GetProperty("alert").GetBoolean());
        var best = first.RootElement.GetProperty("matches")[0];
        Assert.Equal("un", best.GetProperty("list").GetString());
        Assert.Equal("GBi.006", best.GetProperty("listId").GetString());
        Assert.True(best.GetProperty("alert").GetBoolean());
        Assert.InRange(best.GetProperty("score").GetDouble(), 0.75, 1);
        Assert.False(string.IsNullOrEmpty(best.GetProperty("name").GetString()));
        Assert.True(first.RootElement.GetProperty("matches").GetArrayLength() <= 2);

        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.GetProperty("alert").GetBoolean());
        Assert.All(second.RootElement.GetProperty("matches").EnumerateArray(), m => Assert.True(m.GetProperty("score").GetDouble() >= 0.3));

        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("YEi.010", third.RootElement.GetProperty("matches")[0].GetProperty("listId").GetString());
    }

    [Fact]
    public void Match_reports_a_broken_input_file_with_its_line()
    {
        var input = TempCsv("id,name\nq1,\"unclosed\n");
        var (exit, _, stderr) = RunVigil("match", "--list", UnList, "--input", input);
        Assert.NotEqual(0, exit);
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_compare_prints_name1_name2_score_in_row_order()
    {
        var input = TempCsv("name1,name2,is_match\nSalman bin Muhammad,Muhammad bin Salman,0\n\"Abd al-Rahman, Ali\",ALI ABDULRAHMAN,1\n");

        var (exit, stdout, _) = RunVigil("names", "compare", "--input", input);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name1,name2,score", lines[0]);
        Assert.StartsWith("Salman bin Muhammad,Muhammad bin Salman,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"Abd al-Rahman, Ali\",ALI ABDULRAHMAN,", lines[2], StringComparison.Ordinal);
        var swapped = double.Parse(lines[1].Split(',')[^1], CultureInfo.InvariantCulture);
        var same = double.Parse(lines[2].Split(',')[^1], CultureInfo.InvariantCulture);
        Assert.True(swapped < MatchingOptions.DefaultAlertThreshold && same >= MatchingOptions.DefaultAlertThreshold, $"{swapped} {same}");
    }

    /// <summary>
    /// The acceptance figures of the matching issue on the development sets, at the documented threshold: recall
    /// at least 0.99 overall and 0.97 for every treatment, at most 3 alerts in the 10,000 negatives, pair F1 at least 0.92.
    /// </summary>
    [Fact]
    public void Development_set_figures_meet_the_targets()
    {
        var output = TestContext.Current.TestOutputHelper;
        var eval = SharedData.PathOf("data", "eval");
        var matcher = new WatchListMatcher(ListLoading.Index([UnList], TextWriter.Null));

        var screening = MatchingEvaluation.Screening(matcher, [Path.Combine(eval, "un-queries-dev.csv"), Path.Combine(eval, "negatives-dev.csv")]);
        var pairs = MatchingEvaluation.Pairs(Path.Combine(eval, "name-pairs-dev.csv"), MatchingOptions.DefaultAlertThreshold);

        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recall={screening.Recall:0.000} top1={screening.TopOneAccuracy:0.000} false_alerts={screening.FalseAlerts}/{screening.Negatives} pair_f1={pairs.F1:0.000}"));
        foreach (var (treatment, (total, recalled)) in screening.ByTreatment)
        {
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {treatment} {(double)recalled / total:0.000}"));
            Assert.True((double)recalled / total >= 0.97, $"{treatment}: {recalled}/{total}");
        }

        Assert.Equal(1500, screening.Positives);
        Assert.Equal(10000, screening.Negatives);
        Assert.True(screening.Recall >= 0.99, $"recall {screening.Recall}");
        Assert.True(screening.FalseAlerts <= 3, $"false alerts {screening.FalseAlerts}");
        Assert.True(pairs.F1 >= 0.92, $"pair F1 {pairs.F1}");
    }

    /// <summary>
    /// Screening in the service asks only for alerts; on the development positives it must find every alert the
    /// top-5 search finds (an alerts-only search that skipped candidates below their bound's promise once missed 13).
    /// </summary>
    [Fact]
    public void Alerts_find_every_development_positive_that_the_ranked_search_alerts_on()
    {
        var matcher = new WatchListMatcher(ListLoading.Index([UnList], TextWriter.Null));
        var table = CsvTable.Read(SharedData.PathOf("data", "eval", "un-queries-dev.csv"));
        var queries = QueryCsv.From(table, "un-queries-dev.csv");
        var missed = new List<string>();
        var alerted = 0;
        for (var r = 0; r < queries.Count; r++)
        {
            var expected = table.Field(table.Rows[r].Fields, "expected_list_id").Trim();
            var (id, query) = queries[r];
            var ranked = matcher.Screen(query, 5).Any(m => m.Alert && m.ListId == expected);
            var alerts = matcher.Alerts(query);
            Assert.All(alerts, m => Assert.True(m.Alert));
            if (ranked && !alerts.Any(m => m.ListId == expected))
            {
                missed.Add(id);
            }

            alerted += ranked ? 1 : 0;
        }

        Assert.Empty(missed);
        Assert.True(alerted >= 1485, $"only {alerted} positives alert");
    }
}
