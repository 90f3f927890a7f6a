using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;
using Vigil.Travel.Codes;

namespace Vigil.Cli.Input;

/// <summary>Reads screening queries from CSV: <c>id,name,dob,nationality,gender,document</c>, extra columns ignored.</summary>
internal static class QueryCsv
{
    public static IReadOnlyList<(string Id, ScreeningQuery Query)> Read(string path) => From(CsvTable.Read(path), path);

    /// <summary>The queries of a table already read, one per row in row order.</summary>
    public static IReadOnlyList<(string Id, ScreeningQuery Query)> From(CsvTable table, string path)
    {
        if (!table.Has("name"))
        {
            throw new FormatException($"{path}: line 1: the header has no \"name\" column.");
        }

        var queries = new List<(string, ScreeningQuery)>(table.Rows.Count);
        foreach (var (line, row) in table.Rows)
        {
            var id = table.Has("id") ? table.Field(row, "id") : line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            queries.Add((id, new ScreeningQuery(table.Field(row, "name"))
            {
                DateOfBirth = QueryBirthDate.Parse(table.Field(row, "dob")),
                Nationality = CountryCodes.ToAlpha3(NullIfEmpty(table.Field(row, "nationality"))),
                Gender = table.Field(row, "gender").Trim().ToUpperInvariant() switch
                {
                    "M" or "MALE" => Gender.Male,
                    "F" or "FEMALE" => Gender.Female,
                    _ => Gender.Unknown,
                },
                DocumentNumber = NullIfEmpty(table.Field(row, "document")),
            }));
        }

        return queries;
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
