namespace Vigil.Screening.Watchlists;

/// <summary>
/// Collects one entry's evidence while an importer reads it. The same fact often appears twice in a list (a date
/// of birth beside an alias and in the date list, a name repeated as alias), and a duplicate would only weigh twice
/// in matching, so every Add ignores blanks and exact repeats.
/// </summary>
internal sealed class ListedPersonBuilder(string list, string listId, PartyKind kind)
{
    private readonly List<ListedName> names = [];
    private readonly List<ListedBirthDate> birthDates = [];
    private readonly List<string> birthPlaces = [];
    private readonly List<string> addresses = [];
    private readonly List<string> nationalities = [];
    private readonly List<ListedDocument> documents = [];
    private readonly List<string> programmes = [];

    public string ListId { get; } = listId;

    public PartyKind Kind { get; set; } = kind;

    public Gender Gender { get; set; }

    public DateOnly? ListedOn { get; set; }

    public string? Remarks { get; set; }

    public bool HasPrimaryName => names.Any(n => n.Kind == NameKind.Primary);

    public void AddName(string? fullName, NameKind kind, NameQuality quality = NameQuality.Unknown, bool? originalScript = null)
    {
        var cleaned = TextCleaning.Collapse(fullName);
        if (cleaned is null)
        {
            return;
        }

        var name = new ListedName(cleaned, kind, quality, originalScript ?? TextCleaning.IsOriginalScript(cleaned));

        // A name the list repeats (say as primary and again as a strong alias) is kept once, as its first appearance.
        if (!names.Any(n => string.Equals(n.FullName, cleaned, StringComparison.OrdinalIgnoreCase)))
        {
            names.Add(name);
        }
    }

    public void AddBirthDate(ListedBirthDate date)
    {
        if (!birthDates.Contains(date))
        {
            birthDates.Add(date);
        }
    }

    public void AddBirthPlace(string? place) => AddText(birthPlaces, place);

    public void AddAddress(string? address) => AddText(addresses, address);

    /// <summary>Adds a nationality given as a country name, adjective or code; text that names no country is kept as written.</summary>
    public void AddNationality(string? country) => AddText(nationalities, CountryNames.CodeOrText(country));

    /// <summary>Adds a nationality already resolved to alpha-3 (or deliberately kept as text).</summary>
    public void AddNationalityCode(string? code) => AddText(nationalities, code);

    public void AddProgramme(string? programme) => AddText(programmes, programme);

    public void AddDocument(string? type, string? number, string? issuingCountry, string? note)
    {
        var cleanedNumber = TextCleaning.Collapse(number);
        if (cleanedNumber is null || ListedDocument.Normalize(cleanedNumber).Length == 0)
        {
            return;
        }

        var document = new ListedDocument(TextCleaning.Collapse(type) ?? "Document", cleanedNumber, issuingCountry, TextCleaning.Collapse(note));
        if (!documents.Any(d => d.NormalizedNumber == document.NormalizedNumber && d.Type == document.Type && d.IssuingCountry == document.IssuingCountry))
        {
            documents.Add(document);
        }
    }

    public ListedPerson Build() => new()
    {
        List = list,
        ListId = ListId,
        Kind = Kind,
        Names = names.ToArray(),
        BirthDates = birthDates.ToArray(),
        BirthPlaces = birthPlaces.ToArray(),
        Addresses = addresses.ToArray(),
        Nationalities = nationalities.ToArray(),
        Gender = Gender,
        Documents = documents.ToArray(),
        Programmes = programmes.ToArray(),
        ListedOn = ListedOn,
        Remarks = Remarks,
    };

    /// <summary>Male or female from the words and letters lists use; anything else stays unknown rather than guessed.</summary>
    public static Gender GenderFrom(string? text) => TextCleaning.Collapse(text)?.ToLowerInvariant() switch
    {
        "male" or "m" or "man" => Gender.Male,
        "female" or "f" or "woman" => Gender.Female,
        _ => Gender.Unknown,
    };

    private static void AddText(List<string> target, string? value)
    {
        var cleaned = TextCleaning.Collapse(value);
        if (cleaned is not null && !target.Contains(cleaned, StringComparer.OrdinalIgnoreCase))
        {
            target.Add(cleaned);
        }
    }
}
