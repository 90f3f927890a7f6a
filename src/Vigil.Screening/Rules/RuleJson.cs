using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Screening.Hits;

namespace Vigil.Screening.Rules;

/// <summary>What is wrong with a rule, and where: a path such as <c>condition.all[2].any[0]</c>, the term's field and operator, and a sentence.</summary>
public sealed record RuleProblem(string Path, string? Field, string? Operator, string Message)
{
    public override string ToString() =>
        Field is null ? $"{Path}: {Message}" : $"{Path} ({Field} {Operator ?? "?"}): {Message}";
}

/// <summary>A rule document that is not the JSON form of a rule; carries the problem's path.</summary>
public sealed class RuleFormatException(RuleProblem problem) : FormatException(problem.ToString())
{
    public RuleProblem Problem { get; } = problem;
}

/// <summary>
/// The JSON form of rules, which is how they are stored and exchanged: one rule object, or an array of them. Reading
/// checks the shape only (fields and operators are names until <see cref="RuleValidator"/> checks them); writing gives
/// the same document back in a fixed order.
/// </summary>
public static class RuleJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads one rule object.</summary>
    public static RiskRule Parse(string json)
    {
        using var document = Open(json);
        return ReadRule(document.RootElement, "");
    }

    /// <summary>Reads a rule object or an array of rule objects.</summary>
    public static IReadOnlyList<RiskRule> ParseMany(string json)
    {
        using var document = Open(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? [.. root.EnumerateArray().Select((rule, i) => ReadRule(rule, $"[{i}]."))]
            : [ReadRule(root, "")];
    }

    public static string Write(RiskRule rule) => Write(w => WriteRule(w, rule));

    public static string Write(IEnumerable<RiskRule> rules) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var rule in rules)
        {
            WriteRule(w, rule);
        }

        w.WriteEndArray();
    });

    internal static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void WriteCondition(Utf8JsonWriter w, RuleCondition condition)
    {
        w.WriteStartObject();
        switch (condition)
        {
            case AllOf all:
                WriteChildren(w, "all", all.Conditions);
                break;
            case AnyOf any:
                WriteChildren(w, "any", any.Conditions);
                break;
            case NoneOf not:
                w.WritePropertyName("not");
                WriteCondition(w, not.Condition);
                break;
            case RuleTerm term:
                WriteTermBody(w, term);
                break;
            case LinkTerm link:
                w.WriteString("link", link.Link);
                w.WriteString("with", link.With);
                break;
        }

        w.WriteEndObject();
    }

    /// <summary>A term's properties: field, op, then its value(s), list or days as the operator takes them.</summary>
    internal static void WriteTermBody(Utf8JsonWriter w, RuleTerm term)
    {
        w.WriteString("field", term.Field);
        w.WriteString("op", term.Operator);
        RuleFields.ByName.TryGetValue(term.Field, out var field);
        var single = TermOperators.ByName.TryGetValue(term.Operator, out var op) && TermOperators.ValueCount(op) == (1, 1);
        if (single && term.Values.Count == 1)
        {
            w.WritePropertyName("value");
            WriteLiteral(w, field?.Type, term.Values[0]);
        }
        else if (term.Values.Count > 0)
        {
            w.WriteStartArray("values");
            foreach (var value in term.Values)
            {
                WriteLiteral(w, field?.Type, value);
            }

            w.WriteEndArray();
        }

        if (term.List is not null)
        {
            w.WriteString("list", term.List);
        }

        if (term.Days is { } days)
        {
            w.WriteNumber("days", days);
        }
    }

    private static JsonDocument Open(string json)
    {
        try
        {
            return JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new RuleFormatException(new RuleProblem($"line {e.LineNumber + 1}", null, null, "The document is not valid JSON: " + e.Message));
        }
    }

    private static void WriteChildren(Utf8JsonWriter w, string name, IReadOnlyList<RuleCondition> children)
    {
        w.WriteStartArray(name);
        foreach (var child in children)
        {
            WriteCondition(w, child);
        }

        w.WriteEndArray();
    }

    private static void WriteLiteral(Utf8JsonWriter w, FieldType? type, string value)
    {
        if (type == FieldType.Number && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            w.WriteNumberValue(number);
        }
        else if (type == FieldType.Flag && bool.TryParse(value, out var flag))
        {
            w.WriteBooleanValue(flag);
        }
        else
        {
            w.WriteStringValue(value);
        }
    }

    private static void WriteRule(Utf8JsonWriter w, RiskRule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        if (rule.Version > 0)
        {
            w.WriteNumber("version", rule.Version);
        }

        w.WriteString("title", rule.Title);
        if (rule.Description is not null)
        {
            w.WriteString("description", rule.Description);
        }

        if (rule.Category is not null)
        {
            w.WriteString("category", rule.Category);
        }

        w.WriteString("severity", rule.Severity.ToString().ToLowerInvariant());
        w.WriteString("owner", rule.Owner);
        if (rule.EffectiveFrom is { } from)
        {
            w.WriteString("effectiveFrom", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (rule.EffectiveTo is { } to)
        {
            w.WriteString("effectiveTo", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        w.WriteBoolean("enabled", rule.Enabled);
        w.WritePropertyName("condition");
        WriteCondition(w, rule.Condition);
        w.WriteEndObject();
    }

    private static RiskRule ReadRule(JsonElement element, string prefix)
    {
        var at = prefix.TrimEnd('.');
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Problem(at.Length == 0 ? "$" : at, "A rule must be a JSON object.");
        }

        return new RiskRule
        {
            Id = RequiredText(element, "id", prefix),
            // The repository assigns versions; one sent in is read when it is a number and otherwise ignored.
            Version = element.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v) ? v : 0,
            Title = RequiredText(element, "title", prefix),
            Description = OptionalText(element, "description", prefix),
            Category = OptionalText(element, "category", prefix),
            Severity = OptionalText(element, "severity", prefix) is { } severity
                ? Enum.TryParse<FindingSeverity>(severity, ignoreCase: true, out var s) && !int.TryParse(severity, out _)
                    ? s
                    : throw Problem(prefix + "severity", $"Severity '{severity}' is not one of low, medium, high, critical.")
                : FindingSeverity.Medium,
            Owner = RequiredText(element, "owner", prefix),
            EffectiveFrom = OptionalDate(element, "effectiveFrom", prefix),
            EffectiveTo = OptionalDate(element, "effectiveTo", prefix),
            Enabled = !element.TryGetProperty("enabled", out var enabled) || enabled.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.Null => true,
                JsonValueKind.False => false,
                _ => throw Problem(prefix + "enabled", "'enabled' takes true or false."),
            },
            Condition = element.TryGetProperty("condition", out var condition)
                ? ReadCondition(condition, prefix + "condition")
                : throw Problem(prefix + "condition", "A rule needs a condition."),
        };
    }

    private static RuleCondition ReadCondition(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Problem(path, "A condition must be a JSON object: all, any, not, a term (field, op) or a link term (link, with).");
        }

        var shapes = new[] { "all", "any", "not", "field", "link" }.Where(k => element.TryGetProperty(k, out _)).ToList();
        if (shapes.Count != 1)
        {
            throw Problem(path, shapes.Count == 0
                ? "A condition needs one of all, any, not, field (a term) or link (a link term)."
                : $"A condition is one thing, but this one has {string.Join(" and ", shapes)}; nest them under all or any.");
        }

        switch (shapes[0])
        {
            case "all":
            case "any":
                var list = element.GetProperty(shapes[0]);
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw Problem(path + "." + shapes[0], $"'{shapes[0]}' takes an array of conditions.");
                }

                IReadOnlyList<RuleCondition> children = [.. list.EnumerateArray().Select((c, i) => ReadCondition(c, $"{path}.{shapes[0]}[{i}]"))];
                return shapes[0] == "all" ? new AllOf(children) : new AnyOf(children);
            case "not":
                return new NoneOf(ReadCondition(element.GetProperty("not"), path + ".not"));
            case "link":
                return new LinkTerm(RequiredText(element, "link", path + "."), RequiredText(element, "with", path + "."));
        }

        var field = RequiredText(element, "field", path + ".");
        var op = RequiredText(element, "op", path + ".");
        var values = new List<string>();
        if (element.TryGetProperty("value", out var single))
        {
            values.Add(Literal(single, path + ".value"));
        }

        if (element.TryGetProperty("values", out var many))
        {
            if (many.ValueKind != JsonValueKind.Array)
            {
                throw Problem(path + ".values", "'values' takes an array.");
            }

            values.AddRange(many.EnumerateArray().Select((v, i) => Literal(v, $"{path}.values[{i}]")));
        }

        int? days = null;
        if (element.TryGetProperty("days", out var d))
        {
            days = d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var n) ? n : throw Problem(path + ".days", "'days' takes a whole number.");
        }

        return new RuleTerm(field, op, values) { List = OptionalText(element, "list", path + "."), Days = days };
    }

    private static string Literal(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw Problem(path, "A value must be a string, a number or true/false."),
    };

    private static string RequiredText(JsonElement element, string name, string prefix) =>
        OptionalText(element, name, prefix) ?? throw Problem(prefix + name, $"'{name}' is required.");

    private static string? OptionalText(JsonElement element, string name, string prefix) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Problem(prefix + name, $"'{name}' takes a string.");

    private static DateOnly? OptionalDate(JsonElement element, string name, string prefix) =>
        OptionalText(element, name, prefix) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw Problem(prefix + name, $"'{text}' is not a date in the form yyyy-MM-dd.");

    private static RuleFormatException Problem(string path, string message) => new(new RuleProblem(path, null, null, message));
}
