using Vigil.Travel.Dates;

namespace Vigil.Travel.Ssr;

/// <summary>AIRIMP dates: <c>ddMMMyy</c> (<c>12JUN85</c>), with <c>ddMMMyyyy</c> accepted too.</summary>
internal static class SsrDate
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Whether the text has the shape of a date, valid or not; used to find fields that moved.</summary>
    public static bool LooksLikeDate(string? text) => text is not null && LooksLikeDate(text.AsSpan());

    public static bool LooksLikeDate(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        return t.Length is 7 or 9
            && char.IsAsciiDigit(t[0]) && char.IsAsciiDigit(t[1])
            && char.IsAsciiLetter(t[2]) && char.IsAsciiLetter(t[3]) && char.IsAsciiLetter(t[4])
            && AllDigits(t[5..]);
    }

    /// <summary>The date, or null when the text is not one; two-digit years resolve in <paramref name="direction"/>.</summary>
    public static DateOnly? Parse(string? text, DateOnly reference, YearDirection direction) =>
        text is null ? null : Parse(text.AsSpan(), reference, direction);

    public static DateOnly? Parse(ReadOnlySpan<char> text, DateOnly reference, YearDirection direction)
    {
        if (!LooksLikeDate(text))
        {
            return null;
        }

        var t = text.Trim();
        var day = ((t[0] - '0') * 10) + (t[1] - '0');
        var month = MonthOf(t.Slice(2, 3));
        if (month == 0 || day == 0)
        {
            return null;
        }

        int year;
        if (t.Length == 9)
        {
            year = int.Parse(t[5..], System.Globalization.CultureInfo.InvariantCulture);
            if (year < 1)
            {
                return null;
            }
        }
        else
        {
            var yy = ((t[5] - '0') * 10) + (t[6] - '0');
            year = TwoDigitYear.Resolve(yy, month, day, reference, direction);
        }

        return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int MonthOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (name.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
