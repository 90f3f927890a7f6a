using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads OFAC's legacy SDN CSV set: a folder holding <c>sdn.csv</c> and, when present, <c>alt.csv</c> (aliases),
/// <c>add.csv</c> (addresses) and <c>sdn_comments.csv</c> (remarks too long for sdn.csv). The files have no
/// header; <c>-0-</c> marks an empty field.
/// </summary>
internal static class OfacSdnCsvReader
{
    public const string FormatName = "OFAC SDN legacy CSV";

    public static bool IsCsvSet(string folder) => File.Exists(Path.Combine(folder, "sdn.csv"));

    public static WatchList Read(string folder, string code = "ofac")
    {
        var problems = new List<ListProblem>();
        var builders = new Dictionary<string, ListedPersonBuilder>(StringComparer.Ordinal);
        var order = new List<ListedPersonBuilder>();
        var remarks = new Dictionary<string, (string Text, int Line)>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        foreach (var record in Records(folder, "sdn.csv", hash, problems))
        {
            var position = $"sdn.csv line {record.Line}";
            if (record.Fields.Count < 12)
            {
                problems.Add(new ListProblem(position, $"row has {record.Fields.Count} fields, 12 expected; skipped"));
                continue;
            }

            var entNum = Value(record.Fields[0]);
            if (entNum is null || !int.TryParse(entNum, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                problems.Add(new ListProblem(position, $"ent_num '{record.Fields[0]}' is not a number; row skipped"));
                continue;
            }

            position += $" (ent_num {entNum})";
            var name = Value(record.Fields[1]);
            if (name is null)
            {
                problems.Add(new ListProblem(position, "SDN_Name is empty; row skipped"));
                continue;
            }

            if (builders.ContainsKey(entNum))
            {
                problems.Add(new ListProblem(position, "ent_num appears twice; the second row is skipped"));
                continue;
            }

            var kind = Value(record.Fields[2])?.ToLowerInvariant() switch
            {
                "individual" => PartyKind.Individual,
                "vessel" => PartyKind.Vessel,
                "aircraft" => PartyKind.Aircraft,
                _ => PartyKind.Entity,
            };
            var person = new ListedPersonBuilder(code, entNum, kind);
            person.AddName(GivenNameFirst(name, kind), NameKind.Primary, NameQuality.Strong);
            foreach (var programme in (Value(record.Fields[3]) ?? "").Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                person.AddProgramme(programme.Trim('[', ']'));
            }

            builders.Add(entNum, person);
            order.Add(person);
            if (Value(record.Fields[11]) is { } remark)
            {
                remarks[entNum] = (remark, record.Line);
            }
        }

        // Aliases before remarks: when a remark repeats an alias-file name as a weak a.k.a., the strong one is kept.
        foreach (var record in Records(folder, "alt.csv", hash, problems))
        {
            if (Owner(record, "alt.csv", 4, builders, problems) is not { } person)
            {
                continue;
            }

            var type = Value(record.Fields[2])?.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
            var altRemarks = record.Fields.Count > 4 ? Value(record.Fields[4]) : null;

            // alt.csv holds OFAC's strong aliases; the rare one whose remark calls it weak is taken at its word.
            var quality = altRemarks?.Contains("weak", StringComparison.OrdinalIgnoreCase) == true || type?.Contains("weak", StringComparison.Ordinal) == true
                ? NameQuality.Weak
                : NameQuality.Strong;
            var kind = type == "fka" ? NameKind.Former : NameKind.Alias;
            person.AddName(GivenNameFirst(Value(record.Fields[3]), person.Kind), kind, quality);
        }

        foreach (var record in Records(folder, "sdn_comments.csv", hash, problems))
        {
            // The overflow continues the remark mid-word, so it is appended without a separator.
            if (record.Fields.Count >= 2 && Value(record.Fields[0]) is { } entNum && remarks.TryGetValue(entNum, out var start))
            {
                remarks[entNum] = (start.Text + record.Fields[1], start.Line);
            }
            else
            {
                problems.Add(new ListProblem($"sdn_comments.csv line {record.Line}", "comment for an unknown ent_num; ignored"));
            }
        }

        foreach (var (entNum, (text, line)) in remarks)
        {
            var person = builders[entNum];
            person.Remarks = TextCleaning.Collapse(text);
            foreach (var unreadable in OfacRemarks.Apply(text, person))
            {
                problems.Add(new ListProblem($"sdn.csv line {line} (ent_num {entNum})", $"remark 'DOB {unreadable}' is not a date; ignored"));
            }
        }

        foreach (var record in Records(folder, "add.csv", hash, problems))
        {
            if (Owner(record, "add.csv", 5, builders, problems) is { } person)
            {
                person.AddAddress(TextCleaning.JoinNonBlank(", ", Value(record.Fields[2]), Value(record.Fields[3]), Value(record.Fields[4])));
            }
        }

        var version = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        return new WatchList(code, FormatName, version, order.Select(b => b.Build()).ToArray(), problems) { SourcePath = folder };
    }

    /// <summary>
    /// OFAC writes persons as <c>SURNAME, Given Names</c>. Vigil stores given names first, the order a passport's
    /// visual zone and most booking systems print; the matcher compares name tokens regardless of order, so
    /// nothing is lost, and the surname stays recognisable because OFAC upper-cases it.
    /// Organisations, vessels and aircraft keep their name as written ("ANGLO-CARIBBEAN CO., LTD.").
    /// </summary>
    internal static string? GivenNameFirst(string? name, PartyKind kind)
    {
        if (name is null || kind != PartyKind.Individual)
        {
            return name;
        }

        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma == name.Length - 1)
        {
            return name;
        }

        return TextCleaning.JoinNonBlank(" ", name[(comma + 1)..], name[..comma]);
    }

    private static ListedPersonBuilder? Owner(CsvRecord record, string file, int fields, Dictionary<string, ListedPersonBuilder> builders, List<ListProblem> problems)
    {
        var position = $"{file} line {record.Line}";
        if (record.Fields.Count < fields)
        {
            problems.Add(new ListProblem(position, $"row has {record.Fields.Count} fields, {fields} or more expected; skipped"));
            return null;
        }

        var entNum = Value(record.Fields[0]);
        if (entNum is null || !builders.TryGetValue(entNum, out var person))
        {
            problems.Add(new ListProblem(position, $"ent_num '{record.Fields[0]}' is not in sdn.csv; row skipped"));
            return null;
        }

        return person;
    }

    private static IEnumerable<CsvRecord> Records(string folder, string name, IncrementalHash hash, List<ListProblem> problems)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            yield break;
        }

        // The files are hashed as well as read so the set has a version even though OFAC's CSV states none.
        using var file = File.OpenRead(path);
        using var hashing = new HashingStream(file, hash);
        using var reader = new StreamReader(hashing, new UTF8Encoding(false, false));
        foreach (var record in CsvRecords.Read(reader, ',', (line, message) => problems.Add(new ListProblem($"{name} line {line}", message))))
        {
            yield return record;
        }
    }

    private static string? Value(string field)
    {
        var trimmed = field.Trim();
        return trimmed is "-0-" or "" ? null : trimmed;
    }
}
