namespace Vigil.Travel.Dates;

/// <summary>Which way a two-digit year points from the message's date.</summary>
internal enum YearDirection
{
    /// <summary>Dates of birth and issue dates lie on or before the message date.</summary>
    Past,

    /// <summary>
    /// Expiry dates lie ahead, but a document can have run out: the year is taken within the twenty years
    /// before and the eighty after the message date.
    /// </summary>
    Future,

    /// <summary>Flight times lie within fifty years either side of the message date.</summary>
    Nearest,
}

internal static class TwoDigitYear
{
    public static int Resolve(int yy, int month, int day, DateOnly reference, YearDirection direction)
    {
        switch (direction)
        {
            case YearDirection.Past:
            {
                var year = (reference.Year / 100 * 100) + yy;
                var candidate = SafeDate(year, month, day);
                return candidate > reference ? year - 100 : year;
            }

            case YearDirection.Future:
                return InWindow(yy, reference.Year - 20);
            default:
                return InWindow(yy, reference.Year - 50);
        }
    }

    /// <summary>The year ending in <paramref name="yy"/> within the hundred years starting at <paramref name="start"/>.</summary>
    private static int InWindow(int yy, int start)
    {
        var year = (start / 100 * 100) + yy;
        return year < start ? year + 100 : year;
    }

    private static DateOnly SafeDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
