using System.Text.RegularExpressions;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads the identifying facts OFAC writes as free text in an SDN entry's remarks:
/// <c>DOB 01 Jan 1960; alt. DOB 1961; POB Baghdad, Iraq; nationality Iraq; citizen Iraq; Passport A1234 (Iraq)
/// issued 2001; Gender Male; a.k.a. 'XYZ'.</c> Items are separated by semicolons; an <c>alt.</c> prefix only says
/// there is more than one, so it is dropped. Items that are not identifying (titles, "Linked To:", sanctions
/// notes) stay in the remarks text and are otherwise ignored.
/// </summary>
internal static partial class OfacRemarks
{
    /// <summary>Adds what <paramref name="remarks"/> says to <paramref name="person"/>; returns the DOB texts that could not be read.</summary>
    public static IReadOnlyList<string> Apply(string? remarks, ListedPersonBuilder person)
    {
        var unreadable = new List<string>();
        if (string.IsNullOrWhiteSpace(remarks))
        {
            return unreadable;
        }

        foreach (var raw in remarks.Split(';'))
        {
            var item = TextCleaning.Collapse(raw)?.TrimEnd('.');
            if (item is null)
            {
                continue;
            }

            if (item.StartsWith("alt. ", StringComparison.Ordinal))
            {
                item = item[5..];
            }

            if (Labelled(item, "DOB") is { } dob)
            {
                if (BirthDateText.TryParse(dob, out var date))
                {
                    person.AddBirthDate(date);
                }
                else
                {
                    unreadable.Add(dob);
                }
            }
            else if (Labelled(item, "POB") is { } place)
            {
                person.AddBirthPlace(place);
            }
            else if ((Labelled(item, "nationality") ?? Labelled(item, "citizen")) is { } country)
            {
                person.AddNationality(country);
            }
            else if (Labelled(item, "Gender") is { } gender)
            {
                person.Gender = ListedPersonBuilder.GenderFrom(gender);
            }
            else if (QuotedName().Match(item) is { Success: true } alias)
            {
                // Names OFAC puts in remarks rather than in the alias file are its "weak" a.k.a.: nicknames and
                // fragments such as 'ABU UMAR' that would match far too many travelers if trusted.
                var kind = alias.Groups["kind"].Value == "f.k.a." ? NameKind.Former : NameKind.Alias;
                person.AddName(alias.Groups["name"].Value, kind, NameQuality.Weak);
            }
            else if (DocumentLabel().Match(item) is { Success: true } document)
            {
                AddDocument(document.Groups["label"].Value, item[document.Length..], person);
            }
        }

        return unreadable;
    }

    /// <summary>
    /// <c>12/SAKHANA(N)062210 (Burma) issued 2010</c>: the issuing country is the last bracketed country name, the
    /// number everything before it (brackets inside numbers are common in Hong Kong and Burmese IDs), the rest a note.
    /// </summary>
    private static void AddDocument(string label, string body, ListedPersonBuilder person)
    {
        string? issuer = null;
        var number = body.Trim();
        string? note = null;
        var open = number.LastIndexOf('(');
        var close = open < 0 ? -1 : number.IndexOf(')', open);
        if (close > open + 1 && CountryIn(number[(open + 1)..close]) is { } country)
        {
            issuer = country;
            note = number[(close + 1)..];
            number = number[..open];
        }
        else if (NoteStart().Match(number) is { Success: true } start)
        {
            note = number[start.Index..];
            number = number[..start.Index];
        }

        // "32071216470 Texas": words without a digit after the number are a place, not part of it.
        var tokens = number.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 1 && !tokens[^1].Any(char.IsAsciiDigit))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        person.AddDocument(label, string.Join(' ', tokens), issuer, note);
    }

    private static string? CountryIn(string text)
    {
        if (text.Any(char.IsAsciiDigit) || text.Trim().Length < 2)
        {
            return null;
        }

        // "Cabo Verde. Previously Cape Verde." names the country in its first sentence.
        return CountryNames.ToAlpha3(text) ?? CountryNames.ToAlpha3(text.Split('.')[0]) ?? TextCleaning.Collapse(text);
    }

    private static string? Labelled(string item, string label) =>
        item.Length > label.Length + 1 && item.StartsWith(label, StringComparison.Ordinal) && item[label.Length] == ' '
            ? item[(label.Length + 1)..].Trim()
            : null;

    [GeneratedRegex(@"^(?<kind>[afn]\.k\.a\.)\s+'(?<name>.+)'$")]
    private static partial Regex QuotedName();

    // The identity documents a traveler can present or an API message can carry; registration numbers of
    // companies, vessels and aircraft, phone numbers and wallet addresses are left in the remarks.
    private const string DocumentLabels =
        @"(?:Diplomatic |Service |Official |Second )?Passport|(?:[A-Z][\w'.]*\s){0,3}?(?:ID No\.|ID Card(?: No\.| Number)?|ID Number|Identification Number|Identity Card(?: No\.| Number)?|Identity Number|Card Number)"
        + @"|National ID No\.|Cedula No\.|C\.U\.R\.P\.(?: #)?|C\.U\.I\.P\.|R\.F\.C\.(?: #)?|RFC|D\.N\.I\.|Electoral Registry No\.|Driver's License No\.|Italian Fiscal Code"
        + @"|NIT #|Credencial electoral|SSN|Residency Number|I\.F\.E\.|Birth Certificate Number|LE Number|Numero de Identidad|Travel Document Number|Tax ID No\.|Cartilla de Servicio Militar Nacional";

    /// <summary>Whether an OFAC label (a remark's start or an XML idType) names an identity document.</summary>
    public static bool IsIdentityDocument(string label) => DocumentLabelOnly().IsMatch(label.Trim());

    [GeneratedRegex("^(?:" + DocumentLabels + ")$")]
    private static partial Regex DocumentLabelOnly();

    [GeneratedRegex("^(?<label>" + DocumentLabels + @"):?\s+(?=[A-Za-z0-9])")]
    private static partial Regex DocumentLabel();

    [GeneratedRegex(@"\s(?:issued|expires|valid|alt\.)\b")]
    private static partial Regex NoteStart();
}
