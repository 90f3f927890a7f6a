namespace Vigil.Screening.Watchlists;

/// <summary>What kind of party a list entry designates; organisations are kept so they can be screened too.</summary>
public enum PartyKind
{
    Individual,
    Entity,
    Vessel,
    Aircraft,
}

public enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// One entry of a watch list with the list's own evidence, unchanged in meaning: every name with its kind and
/// quality, all dates of birth with their precision, places of birth, nationalities, documents.
/// </summary>
public sealed record ListedPerson
{
    /// <summary>Short code of the list this entry belongs to, e.g. <c>un</c>, <c>ofac</c>, <c>eu</c>.</summary>
    public required string List { get; init; }

    /// <summary>The list's own reference for the entry, e.g. <c>QDi.001</c> (UN) or the OFAC entity number.</summary>
    public required string ListId { get; init; }

    public PartyKind Kind { get; init; } = PartyKind.Individual;

    /// <summary>All names; the first <see cref="NameKind.Primary"/> one is the entry's main name.</summary>
    public required IReadOnlyList<ListedName> Names { get; init; }

    public IReadOnlyList<ListedBirthDate> BirthDates { get; init; } = [];

    public IReadOnlyList<string> BirthPlaces { get; init; } = [];

    /// <summary>Known addresses as one line each ("street, city, country"); the country helps tell namesakes apart.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-3 codes where the list's text could be mapped; otherwise the text as written.</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];

    public Gender Gender { get; init; } = Gender.Unknown;

    public IReadOnlyList<ListedDocument> Documents { get; init; } = [];

    /// <summary>Sanctions programmes or regimes, e.g. <c>SDGT</c>, <c>Al-Qaida</c>.</summary>
    public IReadOnlyList<string> Programmes { get; init; } = [];

    public DateOnly? ListedOn { get; init; }

    public string? Remarks { get; init; }

    public string PrimaryName => Names.FirstOrDefault(n => n.Kind == NameKind.Primary)?.FullName
        ?? (Names.Count > 0 ? Names[0].FullName : "");
}

public enum NameKind
{
    Primary,
    Alias,
    Former,
}

/// <summary>How much the list trusts a name: UN "Good"/"Low" quality aliases, OFAC strong/weak a.k.a.</summary>
public enum NameQuality
{
    Unknown,
    Strong,
    Weak,
}

/// <param name="FullName">The name as the list writes it (given names first where the list says which part is which).</param>
/// <param name="IsOriginalScript">True for names in the person's own script (e.g. Arabic), which the list gives beside the Latin ones.</param>
public sealed record ListedName(string FullName, NameKind Kind, NameQuality Quality = NameQuality.Unknown, bool IsOriginalScript = false);

public enum BirthDatePrecision
{
    Exact,
    Month,
    Year,
    Approximate,
    Range,
}

/// <summary>
/// A date of birth as precise as the list gives it. A year is <c>FromYear == ToYear</c> with no month; a range is
/// <c>FromYear &lt; ToYear</c>; an approximate year is a year with <see cref="Approximate"/> set.
/// </summary>
public sealed record ListedBirthDate(int FromYear, int ToYear, int? Month = null, int? Day = null, bool Approximate = false)
{
    public static ListedBirthDate Exact(DateOnly date) => new(date.Year, date.Year, date.Month, date.Day);

    public static ListedBirthDate Year(int year, bool approximate = false) => new(year, year, Approximate: approximate);

    public static ListedBirthDate Range(int fromYear, int toYear) => new(fromYear, toYear);

    public BirthDatePrecision Precision =>
        FromYear != ToYear ? BirthDatePrecision.Range
        : Approximate ? BirthDatePrecision.Approximate
        : Day is not null ? BirthDatePrecision.Exact
        : Month is not null ? BirthDatePrecision.Month
        : BirthDatePrecision.Year;

    public override string ToString() => Precision switch
    {
        BirthDatePrecision.Exact => $"{FromYear:D4}-{Month:D2}-{Day:D2}",
        BirthDatePrecision.Month => $"{FromYear:D4}-{Month:D2}",
        BirthDatePrecision.Range => $"{FromYear:D4}..{ToYear:D4}",
        BirthDatePrecision.Approximate => $"~{FromYear:D4}",
        _ => $"{FromYear:D4}",
    };
}

/// <param name="Type">The list's document type, e.g. <c>Passport</c>, <c>National Identification Number</c>.</param>
/// <param name="Number">The number as written.</param>
/// <param name="IssuingCountry">ISO alpha-3 where known, else the list's text.</param>
public sealed record ListedDocument(string Type, string Number, string? IssuingCountry = null, string? Note = null)
{
    /// <summary>The number reduced to A–Z and 0–9, the form a passport scan or API message carries.</summary>
    public string NormalizedNumber { get; } = Normalize(Number);

    public static string Normalize(string number)
    {
        Span<char> buffer = number.Length <= 128 ? stackalloc char[number.Length] : new char[number.Length];
        var length = 0;
        foreach (var c in number)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
