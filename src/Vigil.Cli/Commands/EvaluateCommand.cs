using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Evaluation;
using Vigil.Cli.Input;
using Vigil.Screening.Matching;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil evaluate</c>: prints the matcher's quality figures on labelled files — recall at the alert threshold,
/// top-1 accuracy and per-treatment recall on screening queries, false alerts on negatives, and precision, recall
/// and F1 of name pairs.
/// </summary>
internal static class EvaluateCommand
{
    internal static Command Create()
    {
        var lists = new Option<string[]>("--list") { Description = "Watch list file or folder; repeat for several.", Required = true };
        var queries = new Option<FileInfo[]>("--queries") { Description = "Labelled screening queries (expected_list_id, treatment; empty id = must not alert); repeatable." };
        var pairs = new Option<FileInfo?>("--pairs") { Description = "Labelled name pairs (name1, name2, is_match, kind)." };
        var misses = new Option<bool>("--misses") { Description = "Also print every miss and false alert with its explanation." };
        var command = new Command("evaluate", "Measure matching quality on labelled query and name-pair files.") { lists, queries, pairs, misses };
        command.SetAction(parse =>
        {
            var output = Console.Out;
            var missWriter = parse.GetValue(misses) ? output : null;
            var threshold = MatchingOptions.DefaultAlertThreshold;
            var queryFiles = parse.GetValue(queries) ?? [];
            if (queryFiles.Length > 0)
            {
                var matcher = new WatchListMatcher(ListLoading.Index(parse.GetValue(lists)!, Console.Error));
                var figures = MatchingEvaluation.Screening(matcher, queryFiles.Select(f => f.FullName), missWriter);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"recall={figures.Recall:0.000} top1={figures.TopOneAccuracy:0.000} false_alert={figures.FalseAlertRate:0.0000} ({figures.FalseAlerts} of {figures.Negatives} negatives)"));
                foreach (var (treatment, (total, recalled)) in figures.ByTreatment)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {treatment,-10} recall={(double)recalled / total:0.000} ({recalled}/{total})"));
                }
            }

            if (parse.GetValue(pairs) is { } pairFile)
            {
                var figures = MatchingEvaluation.Pairs(pairFile.FullName, threshold, missWriter);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pairs at {threshold:0.00}: precision={figures.Precision:0.000} recall={figures.Recall:0.000} f1={figures.F1:0.000}"));
                foreach (var (kind, (total, predicted)) in figures.ByKind)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-18} predicted match {predicted}/{total}"));
                }
            }

            return 0;
        });
        return command;
    }
}
