using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Reads dates of birth written as text, keeping only the precision the text has: <c>1960-05-01</c>,
/// <c>01 May 1960</c>, <c>May 1960</c>, <c>Nov. 1973</c>, <c>1960-05</c>, <c>1960</c>, <c>circa 1960</c>,
/// <c>1950 to 1955</c>, <c>1950..1955</c>. OFAC remarks, UN notes, FollowTheMoney and national lists all use
/// some of these shapes.
/// </summary>
internal static partial class BirthDateText
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string? text, out ListedBirthDate date)
    {
        date = null!;
        var value = TextCleaning.Collapse(text);
        if (value is null)
        {
            return false;
        }

        var approximate = false;
        var circa = Circa().Match(value);
        if (circa.Success)
        {
            approximate = true;
            value = value[circa.Length..].Trim();
        }

        if (RangePattern().Match(value) is { Success: true } range)
        {
            var from = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            if (!PlausibleYear(from) || !PlausibleYear(to) || to < from)
            {
                return false;
            }

            date = from == to ? ListedBirthDate.Year(from, approximate) : ListedBirthDate.Range(from, to);
            return true;
        }

        // "01 Jan 1960 to 31 Dec 1962", "Jan 1960 to Dec 1962": the span the list means is the years it covers.
        if (DateSpan().Match(value) is { Success: true } span
            && TryParse(span.Groups[1].Value, out var start) && TryParse(span.Groups[2].Value, out var end)
            && start.FromYear <= end.ToYear)
        {
            date = start.FromYear == end.ToYear ? ListedBirthDate.Year(start.FromYear, approximate) : ListedBirthDate.Range(start.FromYear, end.ToYear);
            return true;
        }

        if (IsoPattern().Match(value) is { Success: true } iso)
        {
            var year = int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture);
            int? month = iso.Groups[2].Success ? int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture) : null;
            int? day = iso.Groups[3].Success ? int.Parse(iso.Groups[3].Value, CultureInfo.InvariantCulture) : null;
            return Make(year, month, day, approximate, out date);
        }

        if (WrittenPattern().Match(value) is { Success: true } written)
        {
            int? day = written.Groups[1].Success ? int.Parse(written.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            var month = MonthNumber(written.Groups[2].Value);
            var year = int.Parse(written.Groups[3].Value, CultureInfo.InvariantCulture);
            return month is not null && Make(year, month, day, approximate, out date);
        }

        if (DayFirstNumeric().Match(value) is { Success: true } numeric)
        {
            return Make(
                int.Parse(numeric.Groups[3].Value, CultureInfo.InvariantCulture),
                int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture),
                approximate,
                out date);
        }

        return false;
    }

    private static bool Make(int year, int? month, int? day, bool approximate, out ListedBirthDate date)
    {
        date = null!;
        if (!PlausibleYear(year) || month is < 1 or > 12 || (day is not null && month is null))
        {
            return false;
        }

        if (day is not null)
        {
            if (day < 1 || day > DateTime.DaysInMonth(year, month!.Value))
            {
                return false;
            }

            // An approximate full date is still a full date: the lists only say "circa" of years in practice.
            date = new ListedBirthDate(year, year, month, day, approximate);
            return true;
        }

        date = new ListedBirthDate(year, year, month, null, approximate);
        return true;
    }

    // Years outside this window are typing errors (0196, 2196) in the lists, not birth years.
    private static bool PlausibleYear(int year) => year is >= 1850 and <= 2100;

    private static int? MonthNumber(string name)
    {
        var prefix = name.Length >= 3 ? name[..3].ToLowerInvariant() : name.ToLowerInvariant();
        var index = Array.IndexOf(MonthNames, prefix);
        return index < 0 ? null : index + 1;
    }

    [GeneratedRegex(@"^(?:circa|ca\.?|approximately|approx\.?|about|c\.)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Circa();

    [GeneratedRegex(@"^(\d{4})\s*(?:to|-|–|\.\.|and)\s*(\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(.*\d{4})\s+(?:to|-|–)\s+(.*\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex DateSpan();

    [GeneratedRegex(@"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})$")]
    private static partial Regex WrittenPattern();

    [GeneratedRegex(@"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")]
    private static partial Regex DayFirstNumeric();
}
