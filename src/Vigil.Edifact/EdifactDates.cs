using System.Globalization;

namespace Vigil.Edifact;

internal static class EdifactDates
{
    public static DateOnly? ParseInterchangeDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            return full;
        }

        // Interchange dates are always recent: two-digit years are 20YY.
        if (text.Length == 6 && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            && int.TryParse(text.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            && int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var dd)
            && mm is >= 1 and <= 12 && dd >= 1 && dd <= DateTime.DaysInMonth(2000 + yy, mm))
        {
            return new DateOnly(2000 + yy, mm, dd);
        }

        return null;
    }
}
