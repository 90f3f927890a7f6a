using System.Text;

namespace Vigil.Cli.Input;

/// <summary>
/// A CSV file read per RFC 4180 (quoted fields with doubled quotes and line breaks inside): a header row, then
/// records whose fields are looked up by header name. Unterminated quotes are reported with their line.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string[] header, List<(int Line, string[] Fields)> rows)
    {
        Header = header;
        Rows = rows;
        columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public bool Has(string column) => columns.ContainsKey(column);

    public string Field(string[] row, string column) =>
        columns.TryGetValue(column, out var i) && i < row.Length ? row[i] : "";

    public static CsvTable Read(string path) => Parse(File.ReadAllText(path), path);

    public static CsvTable Parse(string text, string source)
    {
        var rows = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (quoted)
            {
                if (c == '"' && position + 1 < text.Length && text[position + 1] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add((recordLine, fields.ToArray()));
                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"{source}: line {quoteLine}: a quoted field is not closed.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add((recordLine, fields.ToArray()));
        }

        rows.RemoveAll(r => r.Item2 is [""]);
        if (rows.Count == 0)
        {
            throw new FormatException($"{source}: the file is empty; a header row is expected.");
        }

        return new CsvTable(rows[0].Item2, rows.GetRange(1, rows.Count - 1));
    }
}
