using System.Text;

namespace Vigil.Screening.Watchlists;

/// <summary>One CSV record with the line it starts on, so a problem can point at the line an operator opens.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 records from text: quoted fields may hold separators, doubled quotes and line breaks. Lenient where
/// real lists are sloppy (a stray quote inside an unquoted field is kept as a character, the DOS end-of-file
/// mark Ctrl-Z that OFAC files end with is ignored); an unterminated quote ends the record at end of input and is reported.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, char separator, Action<int, string>? onProblem = null)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        var atRecordStart = true;

        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (quoted)
                {
                    onProblem?.Invoke(recordLine, "a quoted field is not closed before the end of the file");
                }

                if (!atRecordStart || field.Length > 0 || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, fields.ToArray());
                }

                yield break;
            }

            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (atRecordStart && c == '\x1A')
            {
                continue;
            }

            if (c == '"' && !fieldStarted)
            {
                quoted = true;
                fieldStarted = true;
                atRecordStart = false;
                continue;
            }

            if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                atRecordStart = false;
                continue;
            }

            if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (!atRecordStart || field.Length > 0 || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, fields.ToArray());
                }

                fields.Clear();
                field.Clear();
                fieldStarted = false;
                atRecordStart = true;
                line++;
                recordLine = line;
                continue;
            }

            field.Append(c);
            fieldStarted = true;
            atRecordStart = false;
        }
    }
}
