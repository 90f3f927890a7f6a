using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Input;
using Vigil.Screening.Matching;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil names compare --input pairs.csv</c>: scores name pairs with the matcher's name comparison alone.</summary>
internal static class NamesCommand
{
    internal static Command Create()
    {
        var input = new Option<FileInfo>("--input")
        {
            Description = "CSV whose header contains name1,name2 (extra columns ignored).",
            Required = true,
        };
        var compare = new Command("compare", "Score name pairs (names only, no other attributes); prints CSV name1,name2,score.") { input };
        compare.SetAction(parse =>
        {
            var path = parse.GetValue(input)!.FullName;
            CsvTable table;
            try
            {
                table = CsvTable.Read(path);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            if (!table.Has("name1") || !table.Has("name2"))
            {
                Console.Error.WriteLine($"{path}: line 1: the header must contain name1 and name2.");
                return 2;
            }

            var preparer = new NamePreparer(TokenWeights.Default);
            var output = Console.Out;
            output.WriteLine("name1,name2,score");
            foreach (var (_, row) in table.Rows)
            {
                var name1 = table.Field(row, "name1");
                var name2 = table.Field(row, "name2");
                var score = NameScorer.Score(preparer, name1, name2).Score;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Quote(name1)},{Quote(name2)},{score:0.####}"));
            }

            return 0;
        });
        return new Command("names", "Name tools.") { compare };
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
