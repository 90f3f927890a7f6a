using Vigil.Travel.Codes;
using Vigil.Travel.Dates;

namespace Vigil.Travel.Ssr;

/// <summary>Reads the small pieces every SSR shares (countries, dates, slash fields) and records deviations.</summary>
internal readonly struct SsrNotes(string prefix, List<SsrFinding> findings)
{
    // Finding codes are few ("docs-alpha2-country" …); each is made once, not once per finding.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), string> Codes = new();

    public void Add(string code, string message) =>
        findings.Add(new SsrFinding(Codes.GetOrAdd((prefix, code), k => k.Item1 + "-" + k.Item2), message));

    /// <summary>
    /// Alpha-3 for a country field. Alpha-2 is mapped with a finding. An unknown code of letters is kept as sent
    /// (a code newer than the table still means something); anything else is dropped.
    /// </summary>
    public string? Country(string? raw, string what)
    {
        if (raw is null)
        {
            return null;
        }

        var alpha3 = CountryCodes.ToAlpha3(raw);
        if (alpha3 is not null)
        {
            if (raw.Length == 2)
            {
                Add("alpha2-country", $"{what} '{raw}' is alpha-2; read as {alpha3}");
            }
            else if (raw.Length == 1)
            {
                Add("icao-country", $"{what} '{raw}' is the ICAO one-letter code; read as {alpha3}");
            }

            return alpha3;
        }

        var upper = raw.ToUpperInvariant();
        if (upper.Length is 2 or 3 && upper.All(char.IsAsciiLetterUpper))
        {
            Add("unknown-country", $"{what} '{raw}' is not a known country code; kept as sent");
            return upper;
        }

        Add("unknown-country", $"{what} '{raw}' is not a country code; dropped");
        return null;
    }

    public DateOnly? Date(string? raw, DateOnly reference, YearDirection direction, string what)
    {
        if (raw is null)
        {
            return null;
        }

        var date = SsrDate.Parse(raw, reference, direction);
        if (date is null)
        {
            Add("bad-date", $"{what} '{raw}' is not a ddMMMyy date");
        }

        return date;
    }

    /// <summary>Slash-separated fields, trimmed, blanks as null; the leading slash is expected and removed.</summary>
    public List<string?> Fields(string body)
    {
        if (body.StartsWith('/'))
        {
            body = body[1..];
        }
        else
        {
            Add("no-leading-slash", "the text does not start with '/'; read as if it did");
        }

        var fields = new List<string?>(12);
        foreach (var range in body.AsSpan().Split('/'))
        {
            var field = body.AsSpan(range);
            fields.Add(field.IsWhiteSpace() ? null : CollapseSpaces(field.ToString()));
        }

        return fields;
    }

    public static string? At(List<string?> fields, int index) =>
        index >= 0 && index < fields.Count ? fields[index] : null;

    public static string CollapseSpaces(string text)
    {
        // Nearly every field is already clean: only a padded field or a double space needs a new string.
        if (!text.Contains("  ", StringComparison.Ordinal) && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]))
        {
            return text;
        }

        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
