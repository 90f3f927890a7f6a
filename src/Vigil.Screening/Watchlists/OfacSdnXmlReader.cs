using System.Globalization;
using System.Xml.Linq;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads OFAC's SDN XML (<c>sdnList</c> of <c>sdnEntry</c>, in the tempuri.org namespace of the classic export or
/// the sanctionslistservice namespace of the newer one). Unlike the CSV it keeps OFAC's strong/weak alias
/// category and gives dates, places, nationalities and documents as elements instead of remarks.
/// </summary>
internal static class OfacSdnXmlReader
{
    public const string FormatName = "OFAC SDN XML";

    public static bool IsRoot(string localName) => localName == "sdnList";

    public static WatchList Read(string path, string code = "ofac")
    {
        using var stream = File.OpenRead(path);
        return Read(stream, code) with { SourcePath = path };
    }

    public static WatchList Read(Stream stream, string code = "ofac")
    {
        var entries = new List<ListedPerson>();
        var problems = new List<ListProblem>();
        var record = 0;
        string? published = null;
        var (contentHash, broken) = XmlRecordStream.Read(
            stream,
            name => name == "sdnEntry",
            reader =>
            {
                if (reader.LocalName == "Publish_Date")
                {
                    published = reader.ReadElementContentAsString();
                }
            },
            (element, line) =>
            {
                if (ReadEntry(element, code, $"line {line}, record {++record}", problems) is { } entry)
                {
                    entries.Add(entry);
                }
            });
        if (broken is not null)
        {
            problems.Add(broken);
        }

        return new WatchList(code, FormatName, PublishDate(published) ?? contentHash, entries, problems);
    }

    private static ListedPerson? ReadEntry(XElement entry, string code, string position, List<ListProblem> problems)
    {
        var uid = entry.ChildText("uid");
        if (uid is null)
        {
            problems.Add(new ListProblem(position, "sdnEntry without uid skipped"));
            return null;
        }

        position += $" (uid {uid})";
        var kind = entry.ChildText("sdnType")?.ToLowerInvariant() switch
        {
            "individual" => PartyKind.Individual,
            "vessel" => PartyKind.Vessel,
            "aircraft" => PartyKind.Aircraft,
            _ => PartyKind.Entity,
        };
        var name = TextCleaning.JoinNonBlank(" ", entry.ChildText("firstName"), entry.ChildText("lastName"));
        if (name is null)
        {
            problems.Add(new ListProblem(position, "sdnEntry without a name skipped"));
            return null;
        }

        var person = new ListedPersonBuilder(code, uid, kind);
        person.AddName(name, NameKind.Primary, NameQuality.Strong);
        foreach (var aka in entry.Children("akaList").SelectMany(l => l.Children("aka")))
        {
            var type = aka.ChildText("type")?.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
            var quality = aka.ChildText("category")?.ToLowerInvariant() == "weak" ? NameQuality.Weak : NameQuality.Strong;
            person.AddName(TextCleaning.JoinNonBlank(" ", aka.ChildText("firstName"), aka.ChildText("lastName")), type == "fka" ? NameKind.Former : NameKind.Alias, quality);
        }

        foreach (var item in entry.Children("dateOfBirthList").SelectMany(l => l.Children("dateOfBirthItem")))
        {
            var text = item.ChildText("dateOfBirth");
            if (BirthDateText.TryParse(text, out var date))
            {
                person.AddBirthDate(date);
            }
            else if (text is not null)
            {
                problems.Add(new ListProblem(position, $"dateOfBirth '{text}' is not a date; ignored"));
            }
        }

        foreach (var item in entry.Children("placeOfBirthList").SelectMany(l => l.Children("placeOfBirthItem")))
        {
            person.AddBirthPlace(item.ChildText("placeOfBirth"));
        }

        foreach (var item in entry.Children("nationalityList").SelectMany(l => l.Children("nationality"))
                     .Concat(entry.Children("citizenshipList").SelectMany(l => l.Children("citizenship"))))
        {
            person.AddNationality(item.ChildText("country"));
        }

        foreach (var id in entry.Children("idList").SelectMany(l => l.Children("id")))
        {
            var type = id.ChildText("idType");
            if (type is null)
            {
                continue;
            }

            // Newer exports carry gender as an id of type "Gender".
            if (type.Equals("Gender", StringComparison.OrdinalIgnoreCase))
            {
                person.Gender = ListedPersonBuilder.GenderFrom(id.ChildText("idNumber"));
            }
            else if (OfacRemarks.IsIdentityDocument(type))
            {
                var note = TextCleaning.JoinNonBlank("; ",
                    id.ChildText("issueDate") is { } issued ? "issued " + issued : null,
                    id.ChildText("expirationDate") is { } expires ? "expires " + expires : null);
                person.AddDocument(type, id.ChildText("idNumber"), CountryNames.CodeOrText(id.ChildText("idCountry")), note);
            }
        }

        foreach (var address in entry.Children("addressList").SelectMany(l => l.Children("address")))
        {
            person.AddAddress(TextCleaning.JoinNonBlank(", ",
                address.ChildText("address1"), address.ChildText("address2"), address.ChildText("address3"),
                address.ChildText("city"), address.ChildText("stateOrProvince"), address.ChildText("postalCode"), address.ChildText("country")));
        }

        foreach (var programme in entry.Children("programList").SelectMany(l => l.Children("program")))
        {
            person.AddProgramme(TextCleaning.Collapse(programme.Value));
        }

        person.Remarks = entry.ChildText("remarks");
        return person.Build();
    }

    // Publish_Date is written month first (07/07/2021); an ISO date reads unambiguously as a version.
    private static string? PublishDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : TextCleaning.Collapse(text);
}
