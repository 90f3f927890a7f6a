using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Travel.Codes;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads FollowTheMoney entities as OpenSanctions publishes them: one JSON object per line, or a JSON array.
/// Every property is an array of strings, or of nested entity objects in the "nested" export (identifications,
/// passports, sanctions embedded in the party that holds them).
/// </summary>
internal static class FollowTheMoneyReader
{
    public const string FormatName = "FollowTheMoney JSON";

    // Party schemata a traveler or an organisation behind a booking can match; documents, sanctions, addresses
    // and relations are supporting records, read only where they are nested in a party.
    private static readonly Dictionary<string, PartyKind> Parties = new(StringComparer.Ordinal)
    {
        ["Person"] = PartyKind.Individual,
        ["Organization"] = PartyKind.Entity,
        ["Company"] = PartyKind.Entity,
        ["LegalEntity"] = PartyKind.Entity,
        ["PublicBody"] = PartyKind.Entity,
        ["Vessel"] = PartyKind.Vessel,
        ["Airplane"] = PartyKind.Aircraft,
    };

    /// <summary>True when the JSON object looks like a FollowTheMoney entity (has <c>schema</c> and <c>properties</c>).</summary>
    public static bool IsEntity(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("schema", out _) && element.TryGetProperty("properties", out _);

    public static WatchList Read(string path, string code)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, code) with { SourcePath = path };
    }

    public static WatchList Read(Stream stream, string code)
    {
        var entries = new List<ListedPerson>();
        var problems = new List<ListProblem>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var hashing = new HashingStream(stream, hash);
        using var text = new StreamReader(hashing, Encoding.UTF8);

        void Take(JsonElement element, string position)
        {
            if (ReadEntity(element, code, position, problems, skipped) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (FirstSignificant(text) == '[')
        {
            // A JSON array is read as one document: a syntax error stops the import at its line and keeps what came before.
            try
            {
                using var document = JsonDocument.Parse(text.ReadToEnd());
                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    Take(element, $"item {++index}");
                }
            }
            catch (JsonException e)
            {
                problems.Add(new ListProblem($"line {e.LineNumber + 1}", $"the JSON is malformed ({e.Message}); nothing was imported from the array"));
            }
        }
        else
        {
            var line = 0;
            while (text.ReadLine() is { } json)
            {
                line++;
                if (string.IsNullOrWhiteSpace(json))
                {
                    continue;
                }

                try
                {
                    using var document = JsonDocument.Parse(json);
                    Take(document.RootElement, $"line {line}");
                }
                catch (JsonException e)
                {
                    problems.Add(new ListProblem($"line {line}", $"not a JSON object ({e.Message}); skipped"));
                }
            }
        }

        foreach (var (reason, count) in skipped)
        {
            problems.Add(new ListProblem("whole file", $"{count} {reason}; not imported as list entries"));
        }

        hashing.DrainRest();
        var version = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        return new WatchList(code, FormatName, version, entries, problems);
    }

    private static int FirstSignificant(StreamReader reader)
    {
        while (reader.Peek() is var c and >= 0 && (char.IsWhiteSpace((char)c) || c == '\uFEFF'))
        {
            reader.Read();
        }

        return reader.Peek();
    }

    private static ListedPerson? ReadEntity(JsonElement entity, string code, string position, List<ListProblem> problems, Dictionary<string, int> skipped)
    {
        if (!IsEntity(entity) || String(entity, "id") is not { } id)
        {
            problems.Add(new ListProblem(position, "not a FollowTheMoney entity (needs id, schema and properties); skipped"));
            return null;
        }

        position += $" ({id})";
        var schema = String(entity, "schema") ?? "";
        if (!Parties.TryGetValue(schema, out var kind))
        {
            Count(skipped, $"record(s) of schema {schema} (not a person, organisation, vessel or aircraft)");
            return null;
        }

        if (entity.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.False)
        {
            Count(skipped, "record(s) with target false (related parties, not listed themselves)");
            return null;
        }

        var properties = entity.GetProperty("properties");
        var person = new ListedPersonBuilder(code, id, kind);
        var names = Values(properties, "name").ToList();
        if (names.Count == 0 && TextCleaning.JoinNonBlank(" ", Values(properties, "firstName").FirstOrDefault(), Values(properties, "lastName").FirstOrDefault()) is { } parts)
        {
            names.Add(parts);
        }

        if (names.Count == 0)
        {
            problems.Add(new ListProblem(position, $"{schema} without a name skipped"));
            return null;
        }

        // The first name value is the caption OpenSanctions shows; further values are names of equal standing.
        person.AddName(names[0], NameKind.Primary, NameQuality.Strong);
        foreach (var name in names.Skip(1).Concat(Values(properties, "alias")))
        {
            person.AddName(name, NameKind.Alias, NameQuality.Strong);
        }

        foreach (var name in Values(properties, "weakAlias"))
        {
            person.AddName(name, NameKind.Alias, NameQuality.Weak);
        }

        foreach (var name in Values(properties, "previousName"))
        {
            person.AddName(name, NameKind.Former, NameQuality.Strong);
        }

        foreach (var value in Values(properties, "birthDate"))
        {
            if (BirthDateText.TryParse(value, out var date))
            {
                person.AddBirthDate(date);
            }
            else
            {
                problems.Add(new ListProblem(position, $"birthDate '{value}' is not a date; ignored"));
            }
        }

        foreach (var place in Values(properties, "birthPlace"))
        {
            person.AddBirthPlace(place);
        }

        foreach (var country in Values(properties, "nationality").Concat(Values(properties, "citizenship")))
        {
            person.AddNationalityCode(Country(country));
        }

        if (Values(properties, "gender").FirstOrDefault() is { } gender)
        {
            person.Gender = ListedPersonBuilder.GenderFrom(gender);
        }

        foreach (var number in Values(properties, "passportNumber"))
        {
            person.AddDocument("Passport", number, null, null);
        }

        foreach (var number in Values(properties, "idNumber"))
        {
            person.AddDocument("Identification", number, null, null);
        }

        foreach (var nested in Nested(properties, "identification").Concat(Nested(properties, "passport")))
        {
            ReadIdentification(nested, person);
        }

        foreach (var address in Values(properties, "address"))
        {
            person.AddAddress(address);
        }

        foreach (var programme in Values(properties, "program").Concat(Nested(properties, "sanctions").SelectMany(s => Values(s.GetProperty("properties"), "program"))))
        {
            person.AddProgramme(programme);
        }

        var topics = string.Join(", ", Values(properties, "topics"));
        var datasets = entity.TryGetProperty("datasets", out var sets) && sets.ValueKind == JsonValueKind.Array
            ? string.Join(", ", sets.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()))
            : "";
        person.Remarks = TextCleaning.JoinNonBlank(" ",
            string.Join(" ", Values(properties, "notes")),
            topics.Length > 0 ? $"Topics: {topics}." : null,
            datasets.Length > 0 ? $"Datasets: {datasets}." : null);
        return person.Build();
    }

    private static void ReadIdentification(JsonElement nested, ListedPersonBuilder person)
    {
        if (!nested.TryGetProperty("properties", out var properties))
        {
            return;
        }

        var schema = String(nested, "schema");
        var type = Values(properties, "type").FirstOrDefault() ?? (schema == "Passport" ? "Passport" : "Identification");
        var country = Values(properties, "country").Select(Country).FirstOrDefault();
        var note = TextCleaning.JoinNonBlank("; ",
            Values(properties, "startDate").FirstOrDefault() is { } issued ? "issued " + issued : null,
            Values(properties, "endDate").FirstOrDefault() is { } expires ? "expires " + expires : null);
        foreach (var number in Values(properties, "number"))
        {
            person.AddDocument(type, number, country, note);
        }
    }

    // FollowTheMoney countries are lower-case alpha-2 ("ru"); a few are its own codes ("suhh" for the USSR), kept as written.
    private static string? Country(string value) =>
        CountryCodes.ToAlpha3(value) ?? CountryNames.CodeOrText(value);

    private static IEnumerable<string> Values(JsonElement properties, string name)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var values) || values.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind == JsonValueKind.String && TextCleaning.Collapse(value.GetString()) is { } text)
            {
                yield return text;
            }
        }
    }

    private static IEnumerable<JsonElement> Nested(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).ToArray()
            : [];

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
