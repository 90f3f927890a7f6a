using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads the UN Security Council Consolidated List XML (<c>CONSOLIDATED_LIST</c>, schema sc-sanctions.xsd).
/// The file is streamed one INDIVIDUAL or ENTITY at a time so memory stays flat however long the list grows;
/// a record that cannot be understood becomes a <see cref="ListProblem"/> and the next record is read.
/// </summary>
internal static partial class UnConsolidatedListReader
{
    public const string FormatName = "UN consolidated XML";

    public static WatchList Read(string path, string code = "un")
    {
        using var stream = File.OpenRead(path);
        return Read(stream, code) with { SourcePath = path };
    }

    public static WatchList Read(Stream stream, string code = "un")
    {
        var entries = new List<ListedPerson>();
        var problems = new List<ListProblem>();
        string? version = null;
        var record = 0;
        var (contentHash, broken) = XmlRecordStream.Read(
            stream,
            name => name is "INDIVIDUAL" or "ENTITY",
            reader => version ??= reader.LocalName == "CONSOLIDATED_LIST" ? reader.GetAttribute("dateGenerated") : null,
            (element, line) =>
            {
                if (ReadRecord(element, code, ++record, line, problems) is { } entry)
                {
                    entries.Add(entry);
                }
            });
        if (broken is not null)
        {
            problems.Add(broken);
        }

        return new WatchList(code, FormatName, version ?? contentHash, entries, problems);
    }

    private static ListedPerson? ReadRecord(XElement element, string code, int record, int line, List<ListProblem> problems)
    {
        var reference = Text(element, "REFERENCE_NUMBER");
        var position = $"line {line}, record {record}" + (reference is null ? "" : $" ({reference})");
        if (reference is null)
        {
            problems.Add(new ListProblem(position, $"{element.Name.LocalName} without REFERENCE_NUMBER skipped"));
            return null;
        }

        var individual = element.Name.LocalName == "INDIVIDUAL";
        var person = new ListedPersonBuilder(code, reference, individual ? PartyKind.Individual : PartyKind.Entity);
        var primary = individual
            ? TextCleaning.JoinNonBlank(" ", Text(element, "FIRST_NAME"), Text(element, "SECOND_NAME"), Text(element, "THIRD_NAME"), Text(element, "FOURTH_NAME"))
            : Text(element, "FIRST_NAME");
        if (primary is null)
        {
            problems.Add(new ListProblem(position, $"{element.Name.LocalName} without a name skipped"));
            return null;
        }

        person.AddName(primary, NameKind.Primary, NameQuality.Strong);
        person.AddName(Text(element, "NAME_ORIGINAL_SCRIPT"), NameKind.Primary, NameQuality.Strong, originalScript: true);

        foreach (var alias in element.Elements(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
        {
            ReadAlias(alias, person, position, problems);
        }

        foreach (var date in element.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            ReadBirthDate(date, person, position, problems);
        }

        foreach (var place in element.Elements("INDIVIDUAL_PLACE_OF_BIRTH"))
        {
            person.AddBirthPlace(TextCleaning.JoinNonBlank(", ", Text(place, "CITY"), Text(place, "STATE_PROVINCE"), Text(place, "COUNTRY")));
        }

        foreach (var address in element.Elements(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"))
        {
            person.AddAddress(TextCleaning.JoinNonBlank(", ", Text(address, "STREET"), Text(address, "CITY"), Text(address, "STATE_PROVINCE"), Text(address, "ZIP_CODE"), Text(address, "COUNTRY")));
        }

        foreach (var nationality in element.Elements("NATIONALITY").Elements("VALUE").Append(element.Element("NATIONALITY2")))
        {
            var value = TextCleaning.Collapse(nationality?.Value);
            if (value is not null && !NotAvailable(value))
            {
                person.AddNationality(value);
            }
        }

        foreach (var document in element.Elements("INDIVIDUAL_DOCUMENT"))
        {
            ReadDocument(document, person);
        }

        person.Gender = ListedPersonBuilder.GenderFrom(Text(element, "GENDER"));
        person.AddProgramme(Text(element, "UN_LIST_TYPE"));
        person.Remarks = Text(element, "COMMENTS1");
        if (Text(element, "LISTED_ON") is { } listedOn)
        {
            // xs:date allows a zone suffix ("2015-04-07-04:00"); the calendar day is what matters for a listing.
            var day = ZoneSuffix().Replace(listedOn, "");
            if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var listed))
            {
                person.ListedOn = listed;
            }
            else
            {
                problems.Add(new ListProblem(position, $"LISTED_ON '{listedOn}' is not a date; ignored"));
            }
        }

        return person.Build();
    }

    private static void ReadAlias(XElement alias, ListedPersonBuilder person, string position, List<ListProblem> problems)
    {
        var quality = Text(alias, "QUALITY");
        var (kind, nameQuality) = quality?.ToLowerInvariant() switch
        {
            "good" => (NameKind.Alias, NameQuality.Strong),
            "low" => (NameKind.Alias, NameQuality.Weak),
            "f.k.a." or "fka" => (NameKind.Former, NameQuality.Unknown),

            // Entity aliases state a kind (a.k.a.), not a quality: the list does not say how reliable they are.
            _ => (NameKind.Alias, NameQuality.Unknown),
        };

        foreach (var (name, originalScript) in SplitAliasField(Text(alias, "ALIAS_NAME")))
        {
            person.AddName(name, kind, nameQuality, originalScript);
        }

        // Some aliases carry the date and place of birth used with that identity; they are dates the person may
        // present, so they join the entry's own.
        if (Text(alias, "DATE_OF_BIRTH") is { } aliasBirth)
        {
            if (BirthDateText.TryParse(aliasBirth, out var date))
            {
                person.AddBirthDate(date);
            }
            else
            {
                problems.Add(new ListProblem(position, $"alias DATE_OF_BIRTH '{aliasBirth}' is not a date; ignored"));
            }
        }

        person.AddBirthPlace(TextCleaning.JoinNonBlank(", ", Text(alias, "CITY_OF_BIRTH"), Text(alias, "COUNTRY_OF_BIRTH")));
    }

    /// <summary>
    /// One ALIAS_NAME may hold several names: <c>A; B; C</c>, an original-script name followed by its Latin forms
    /// in brackets (<c>حسن غول (Hassan Ghul; Hassan Gul)</c>), or lettered groups (<c>… b) …</c>).
    /// </summary>
    internal static IEnumerable<(string Name, bool OriginalScript)> SplitAliasField(string? field)
    {
        if (field is null)
        {
            yield break;
        }

        foreach (var raw in AliasSeparator().Split(field))
        {
            var part = raw.Trim();
            var marker = part.IndexOf("(original script)", StringComparison.OrdinalIgnoreCase);
            if (marker >= 0)
            {
                part = (part[..marker] + part[(marker + "(original script)".Length)..]).Trim();
            }

            foreach (var piece in SplitUnbalanced(part))
            {
                var name = TextCleaning.Collapse(piece.Trim(' ', ',', ')', '('));
                if (name is not null)
                {
                    yield return (name, TextCleaning.IsOriginalScript(name));
                }
            }
        }
    }

    // "حسن غول (Hassan Ghul" splits at the bracket that never closes; balanced brackets such as "(HTS)" stay in the name.
    private static IEnumerable<string> SplitUnbalanced(string part)
    {
        var lastOpen = -1;
        var opens = new Stack<int>();
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '(')
            {
                opens.Push(i);
            }
            else if (part[i] == ')' && opens.Count > 0)
            {
                opens.Pop();
            }
        }

        if (opens.Count == 0)
        {
            yield return part;
            yield break;
        }

        foreach (var open in opens.Reverse())
        {
            yield return part[(lastOpen + 1)..open];
            lastOpen = open;
        }

        yield return part[(lastOpen + 1)..];
    }

    private static void ReadBirthDate(XElement element, ListedPersonBuilder person, string position, List<ListProblem> problems)
    {
        var type = Text(element, "TYPE_OF_DATE")?.ToUpperInvariant();
        var date = Text(element, "DATE");
        var year = Text(element, "YEAR");
        var from = Text(element, "FROM_YEAR");
        var to = Text(element, "TO_YEAR");
        var note = Text(element, "NOTE");
        var approximate = type == "APPROXIMATELY" || (note?.StartsWith("approx", StringComparison.OrdinalIgnoreCase) ?? false);

        ListedBirthDate? parsed = null;
        string? bad = null;
        if (from is not null || to is not null)
        {
            if (int.TryParse(from, CultureInfo.InvariantCulture, out var fromYear) && int.TryParse(to, CultureInfo.InvariantCulture, out var toYear) && fromYear <= toYear)
            {
                parsed = ListedBirthDate.Range(fromYear, toYear);
            }
            else
            {
                bad = $"FROM_YEAR '{from}' TO_YEAR '{to}'";
            }
        }
        else if (date is not null)
        {
            if (BirthDateText.TryParse(date, out var exact))
            {
                parsed = approximate ? exact with { Approximate = true } : exact;
            }
            else
            {
                bad = $"DATE '{date}'";
            }
        }
        else if (year is not null)
        {
            if (int.TryParse(year, CultureInfo.InvariantCulture, out var y) && y is >= 1850 and <= 2100)
            {
                parsed = ListedBirthDate.Year(y, approximate);
            }
            else
            {
                bad = $"YEAR '{year}'";
            }
        }
        else if (note is not null && BirthDateText.TryParse(note, out var fromNote))
        {
            // Some dates live only in the note ("Nov. 1973", "August 1961"); those with a recognisable shape are used.
            parsed = approximate ? fromNote with { Approximate = true } : fromNote;
        }

        if (parsed is not null)
        {
            person.AddBirthDate(parsed);
        }
        else if (bad is not null)
        {
            problems.Add(new ListProblem(position, $"date of birth {bad} is not a date; ignored"));
        }
    }

    private static void ReadDocument(XElement element, ListedPersonBuilder person)
    {
        var type = Text(element, "TYPE_OF_DOCUMENT");
        var detail = Text(element, "TYPE_OF_DOCUMENT2");
        var issued = TextCleaning.JoinNonBlank(", ", Text(element, "DATE_OF_ISSUE"), Text(element, "CITY_OF_ISSUE"));
        var note = TextCleaning.JoinNonBlank("; ",
            type is null ? null : detail,
            Text(element, "NOTE"),
            issued is null ? null : "issued " + issued);
        var country = Text(element, "ISSUING_COUNTRY") ?? Text(element, "COUNTRY_OF_ISSUE");

        // A document without a number cannot be compared with anything a traveler presents, so it is not imported;
        // most such elements are the empty <INDIVIDUAL_DOCUMENT/> the list writes for people with no documents.
        person.AddDocument(type ?? detail, Text(element, "NUMBER"), CountryNames.CodeOrText(country), note);
    }

    private static bool NotAvailable(string value) => value.Equals("na", StringComparison.OrdinalIgnoreCase) || value.Equals("n/a", StringComparison.OrdinalIgnoreCase);

    private static string? Text(XElement parent, string name) => TextCleaning.Collapse(parent.Element(name)?.Value);

    [GeneratedRegex(@"(?<=^\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ZoneSuffix();

    [GeneratedRegex(@";|\s[a-z]\)\s")]
    private static partial Regex AliasSeparator();
}
