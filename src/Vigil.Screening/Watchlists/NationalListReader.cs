using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads Vigil's own simple list format, for national and agency lists: a CSV with the header
/// <c>id,name,aliases,dob,nationality,gender,document,document_country,programme</c> (optional <c>kind</c>),
/// or a JSON array of objects with the same fields. Documented in docs/watchlists.md.
/// </summary>
internal static class NationalListReader
{
    public const string CsvFormatName = "national list CSV";
    public const string JsonFormatName = "national list JSON";

    private static readonly string[] RequiredColumns = ["id", "name"];

    /// <summary>True when a CSV header line is this format's.</summary>
    public static bool IsCsvHeader(string line)
    {
        var columns = line.Split(',').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToArray();
        return RequiredColumns.All(columns.Contains) && columns.Contains("dob");
    }

    /// <summary>True when a JSON element is an object of this format (has <c>id</c> and <c>name</c>, no FollowTheMoney <c>schema</c>).</summary>
    public static bool IsJsonEntry(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out _) && element.TryGetProperty("name", out _) && !element.TryGetProperty("schema", out _);

    public static WatchList ReadCsv(string path, string code)
    {
        var bytes = File.ReadAllBytes(path);
        var problems = new List<ListProblem>();
        var entries = new List<ListedPerson>();
        using var reader = new StringReader(new UTF8Encoding(false, false).GetString(bytes));
        string[]? header = null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in CsvRecords.Read(reader, ',', (line, message) => problems.Add(new ListProblem($"line {line}", message))))
        {
            if (header is null)
            {
                header = record.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
                continue;
            }

            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = i < record.Fields.Count ? TextCleaning.Collapse(record.Fields[i]) : null;
            }

            if (record.Fields.Count != header.Length)
            {
                problems.Add(new ListProblem($"line {record.Line}", $"row has {record.Fields.Count} fields, the header {header.Length}; read as far as it goes"));
            }

            var entry = Read(code, $"line {record.Line}", fields.GetValueOrDefault("id"), fields.GetValueOrDefault("name"),
                Split(fields.GetValueOrDefault("aliases")), Split(fields.GetValueOrDefault("dob")), Split(fields.GetValueOrDefault("nationality")),
                fields.GetValueOrDefault("gender"), Split(fields.GetValueOrDefault("document")), fields.GetValueOrDefault("document_country"),
                Split(fields.GetValueOrDefault("programme")), fields.GetValueOrDefault("kind"), ids, problems);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return new WatchList(code, CsvFormatName, Hash(bytes), entries, problems) { SourcePath = path };
    }

    public static WatchList ReadJson(string path, string code)
    {
        var bytes = File.ReadAllBytes(path);
        var problems = new List<ListProblem>();
        var entries = new List<ListedPerson>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var position = $"item {++index}";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ListProblem(position, "not a JSON object; skipped"));
                    continue;
                }

                var entry = Read(code, position, One(item, "id"), One(item, "name"), Many(item, "aliases"), Many(item, "dob"), Many(item, "nationality"),
                    One(item, "gender"), Many(item, "document"), One(item, "document_country"), Many(item, "programme"), One(item, "kind"), ids, problems);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
        }
        catch (JsonException e)
        {
            problems.Add(new ListProblem($"line {e.LineNumber + 1}", $"the JSON is malformed ({e.Message}); nothing was imported"));
        }

        return new WatchList(code, JsonFormatName, Hash(bytes), entries, problems) { SourcePath = path };
    }

    private static ListedPerson? Read(
        string code, string position, string? id, string? name, IEnumerable<string> aliases, IEnumerable<string> dobs, IEnumerable<string> nationalities,
        string? gender, IEnumerable<string> documents, string? documentCountry, IEnumerable<string> programmes, string? kind,
        HashSet<string> ids, List<ListProblem> problems)
    {
        if (id is null)
        {
            problems.Add(new ListProblem(position, "no id; skipped"));
            return null;
        }

        position += $" ({id})";
        if (name is null)
        {
            problems.Add(new ListProblem(position, "no name; skipped"));
            return null;
        }

        if (!ids.Add(id))
        {
            problems.Add(new ListProblem(position, "id already used by an earlier entry; skipped"));
            return null;
        }

        var partyKind = kind?.ToLowerInvariant() switch
        {
            null or "" or "individual" or "person" => PartyKind.Individual,
            "vessel" => PartyKind.Vessel,
            "aircraft" => PartyKind.Aircraft,
            _ => PartyKind.Entity,
        };
        var person = new ListedPersonBuilder(code, id, partyKind);
        person.AddName(name, NameKind.Primary, NameQuality.Strong);

        // A national list says nothing about how reliable an alias is, so none is claimed.
        foreach (var alias in aliases)
        {
            person.AddName(alias, NameKind.Alias);
        }

        foreach (var dob in dobs)
        {
            if (BirthDateText.TryParse(dob, out var date))
            {
                person.AddBirthDate(date);
            }
            else
            {
                problems.Add(new ListProblem(position, $"dob '{dob}' is not YYYY-MM-DD, YYYY or YYYY..YYYY; ignored"));
            }
        }

        foreach (var nationality in nationalities)
        {
            person.AddNationalityCode(Vigil.Travel.Codes.CountryCodes.ToAlpha3(nationality) ?? CountryNames.CodeOrText(nationality));
        }

        person.Gender = ListedPersonBuilder.GenderFrom(gender);
        var issuer = Vigil.Travel.Codes.CountryCodes.ToAlpha3(documentCountry) ?? CountryNames.CodeOrText(documentCountry);
        foreach (var document in documents)
        {
            // "Passport:X1234567" names the type; a bare number is a travel document of unstated type.
            var colon = document.IndexOf(':', StringComparison.Ordinal);
            var (type, number) = colon > 0 ? (document[..colon], document[(colon + 1)..]) : ("Document", document);
            person.AddDocument(type, number, issuer, null);
        }

        foreach (var programme in programmes)
        {
            person.AddProgramme(programme);
        }

        return person.Build();
    }

    private static IEnumerable<string> Split(string? field) =>
        field is null ? [] : field.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? One(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? TextCleaning.Collapse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind is JsonValueKind.Number ? value.GetRawText() : null) : null;

    // Fields that may repeat accept a string or an array of strings.
    private static IEnumerable<string> Many(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).SelectMany(Split).ToArray(),
            JsonValueKind.String => Split(value.GetString()),
            _ => [],
        };
    }

    private static string Hash(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
}
