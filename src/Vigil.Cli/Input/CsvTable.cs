using Vigil.Screening.Watchlists;

namespace Vigil.Cli.Input;

/// <summary>
/// A CSV file (RFC 4180, read by the list importers' <see cref="CsvRecords"/>): a header row, then records whose
/// fields are looked up by header name. An unterminated quote is reported with its line.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(IReadOnlyList<string> header, List<(int Line, string[] Fields)> rows)
    {
        Header = header;
        Rows = rows;
        columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public bool Has(string column) => columns.ContainsKey(column);

    public string Field(string[] row, string column) =>
        columns.TryGetValue(column, out var i) && i < row.Length ? row[i] : "";

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        var rows = new List<(int, string[])>();
        foreach (var record in CsvRecords.Read(reader, ',', (line, message) => throw new FormatException($"{path}: line {line}: {message}.")))
        {
            if (record.Fields is not [""])
            {
                rows.Add((record.Line, record.Fields.ToArray()));
            }
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{path}: the file is empty; a header row is expected.");
        }

        return new CsvTable(rows[0].Item2, rows.GetRange(1, rows.Count - 1));
    }
}
