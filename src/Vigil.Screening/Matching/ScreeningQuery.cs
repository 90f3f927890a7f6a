using System.Globalization;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>A traveler as the matcher sees them: a name as written (plain or MRZ) and what else is known.</summary>
public sealed record ScreeningQuery(string Name)
{
    public QueryBirthDate? DateOfBirth { get; init; }

    /// <summary>ISO 3166-1 alpha-3.</summary>
    public string? Nationality { get; init; }

    public Gender Gender { get; init; } = Gender.Unknown;

    public string? DocumentNumber { get; init; }
}

/// <summary>A traveler's date of birth: a full date, or only a year when that is all the source gives.</summary>
public readonly record struct QueryBirthDate(int Year, int? Month = null, int? Day = null)
{
    public bool IsFullDate => Day is not null;

    /// <summary>Reads <c>YYYY-MM-DD</c> or <c>YYYY</c>; anything else is no date.</summary>
    public static QueryBirthDate? Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new QueryBirthDate(year);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new QueryBirthDate(date.Year, date.Month, date.Day)
            : null;
    }

    public override string ToString() => Day is null ? $"{Year:D4}" : $"{Year:D4}-{Month:D2}-{Day:D2}";
}
