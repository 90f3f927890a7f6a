using System.Globalization;
using System.Xml.Linq;
using Vigil.Travel.Codes;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads the EU Financial Sanctions Files XML (<c>export</c> of <c>sanctionEntity</c>, namespace
/// <c>http://eu.europa.ec/fpi/fsd/export</c>). The format is attribute-heavy: every fact is an element whose
/// attributes hold the values, and countries come as ISO alpha-2 codes beside a description.
/// </summary>
internal static class EuFinancialSanctionsReader
{
    public const string FormatName = "EU financial sanctions XML";

    public static bool IsRoot(string localName, string ns) => localName == "export" && (ns.Length == 0 || ns.Contains("fsd", StringComparison.OrdinalIgnoreCase));

    public static WatchList Read(string path, string code = "eu")
    {
        using var stream = File.OpenRead(path);
        return Read(stream, code) with { SourcePath = path };
    }

    public static WatchList Read(Stream stream, string code = "eu")
    {
        var entries = new List<ListedPerson>();
        var problems = new List<ListProblem>();
        var record = 0;
        string? generated = null;
        var (contentHash, broken) = XmlRecordStream.Read(
            stream,
            name => name == "sanctionEntity",
            reader => generated ??= reader.LocalName == "export" ? reader.GetAttribute("generationDate") : null,
            (element, line) =>
            {
                if (ReadEntity(element, code, $"line {line}, record {++record}", problems) is { } entry)
                {
                    entries.Add(entry);
                }
            });
        if (broken is not null)
        {
            problems.Add(broken);
        }

        return new WatchList(code, FormatName, generated ?? contentHash, entries, problems);
    }

    private static ListedPerson? ReadEntity(XElement entity, string code, string position, List<ListProblem> problems)
    {
        // The EU reference is what analysts and the Official Journal quote; the logical id is the fallback.
        var id = entity.AttributeText("euReferenceNumber") ?? entity.AttributeText("logicalId");
        if (id is null)
        {
            problems.Add(new ListProblem(position, "sanctionEntity without euReferenceNumber or logicalId skipped"));
            return null;
        }

        position += $" ({id})";
        var kind = entity.Children("subjectType").FirstOrDefault()?.AttributeText("code")?.ToLowerInvariant() switch
        {
            "person" => PartyKind.Individual,
            _ => PartyKind.Entity,
        };
        var person = new ListedPersonBuilder(code, id, kind);
        foreach (var alias in entity.Children("nameAlias"))
        {
            var name = alias.AttributeText("wholeName")
                ?? TextCleaning.JoinNonBlank(" ", alias.AttributeText("firstName"), alias.AttributeText("middleName"), alias.AttributeText("lastName"));

            // The EU marks no name as the main one; its first name alias is the one it lists the entry under.
            var strong = alias.AttributeText("strong")?.ToLowerInvariant();
            var quality = strong == "false" ? NameQuality.Weak : strong == "true" ? NameQuality.Strong : NameQuality.Unknown;
            person.AddName(name, person.HasPrimaryName ? NameKind.Alias : NameKind.Primary, quality);
            if (person.Gender == Gender.Unknown)
            {
                person.Gender = ListedPersonBuilder.GenderFrom(alias.AttributeText("gender"));
            }
        }

        if (!person.HasPrimaryName)
        {
            problems.Add(new ListProblem(position, "sanctionEntity without a name skipped"));
            return null;
        }

        foreach (var birth in entity.Children("birthdate"))
        {
            ReadBirth(birth, person, position, problems);
        }

        foreach (var citizenship in entity.Children("citizenship"))
        {
            person.AddNationalityCode(Country(citizenship));
        }

        foreach (var identification in entity.Children("identification"))
        {
            var type = identification.AttributeText("identificationTypeDescription") ?? identification.AttributeText("identificationTypeCode");
            var number = identification.AttributeText("number") ?? identification.AttributeText("latinNumber") ?? identification.AttributeText("documentNumber");
            var note = TextCleaning.JoinNonBlank("; ",
                identification.AttributeText("knownFalse") == "true" ? "known false" : null,
                identification.AttributeText("knownExpired") == "true" ? "known expired" : null,
                identification.AttributeText("issuedDate") is { } issued ? "issued " + issued : null,
                identification.AttributeText("remark"));
            person.AddDocument(type, number, Country(identification), note);
        }

        foreach (var address in entity.Children("address"))
        {
            person.AddAddress(TextCleaning.JoinNonBlank(", ",
                address.AttributeText("street"), address.AttributeText("city"), address.AttributeText("zipCode"),
                address.AttributeText("region"), address.AttributeText("countryDescription")));
        }

        foreach (var regulation in entity.Children("regulation"))
        {
            person.AddProgramme(regulation.AttributeText("programme"));
        }

        if (entity.AttributeText("designationDate") is { } designated
            && DateOnly.TryParseExact(designated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var listedOn))
        {
            person.ListedOn = listedOn;
        }

        person.Remarks = TextCleaning.JoinNonBlank(" ",
            entity.AttributeText("unitedNationId") is { } un ? $"UN reference {un}." : null,
            TextCleaning.JoinNonBlank(" ", entity.Children("remark").Select(r => r.Value)));
        return person.Build();
    }

    private static void ReadBirth(XElement birth, ListedPersonBuilder person, string position, List<ListProblem> problems)
    {
        var circa = birth.AttributeText("circa") == "true";
        var full = birth.AttributeText("birthdate");
        var year = birth.AttributeText("year");
        var month = birth.AttributeText("monthOfYear");
        var from = birth.AttributeText("yearRangeFrom");
        var to = birth.AttributeText("yearRangeTo");
        var text = full
            ?? (from is not null && to is not null ? $"{from} to {to}" : null)
            ?? (year is not null && month is not null ? $"{year}-{month}" : year);
        if (text is not null)
        {
            if (BirthDateText.TryParse(text, out var date))
            {
                person.AddBirthDate(circa && date.Precision == BirthDatePrecision.Year ? date with { Approximate = true } : date);
            }
            else
            {
                problems.Add(new ListProblem(position, $"birthdate '{text}' is not a date; ignored"));
            }
        }

        var country = birth.AttributeText("countryDescription");
        person.AddBirthPlace(TextCleaning.JoinNonBlank(", ",
            birth.AttributeText("city"), birth.AttributeText("place"), birth.AttributeText("region"), country == "UNKNOWN" ? null : country));
    }

    // 00 is the EU's "unknown" country code; a description without a usable code is kept as text.
    private static string? Country(XElement element) =>
        CountryCodes.ToAlpha3(element.AttributeText("countryIso2Code"))
        ?? CountryNames.CodeOrText(element.AttributeText("countryDescription") is { } d && d != "UNKNOWN" ? d : null);
}
