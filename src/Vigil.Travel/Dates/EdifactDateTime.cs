namespace Vigil.Travel.Dates;

/// <summary>
/// Reads DTM values: 201 <c>YYMMDDHHMM</c>, 203 <c>CCYYMMDDHHMM</c>, 102 <c>CCYYMMDD</c>, none <c>YYMMDD</c>.
/// Senders omit or misstate the format code (2379), and the four layouts differ in length, so the length decides.
/// </summary>
internal static class EdifactDateTime
{
    public static bool TryParse(ReadOnlySpan<byte> value, DateOnly reference, YearDirection direction, out DateTime result)
    {
        result = default;
        var digits = value.Trim((byte)' ');
        if (digits.Length == 0 || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        int year, month, day, hour = 0, minute = 0;
        switch (digits.Length)
        {
            case 6:
            case 10:
                year = Two(digits, 0);
                month = Two(digits, 2);
                day = Two(digits, 4);
                if (digits.Length == 10)
                {
                    hour = Two(digits, 6);
                    minute = Two(digits, 8);
                }

                if (!ValidDay(2000, month, day))
                {
                    return false;
                }

                year = TwoDigitYear.Resolve(year, month, day, reference, direction);
                break;
            case 8:
            case 12:
                year = (Two(digits, 0) * 100) + Two(digits, 2);
                month = Two(digits, 4);
                day = Two(digits, 6);
                if (digits.Length == 12)
                {
                    hour = Two(digits, 8);
                    minute = Two(digits, 10);
                }

                break;
            default:
                return false;
        }

        if (year < 1 || !ValidDay(year, month, day) || hour > 23 || minute > 59)
        {
            return false;
        }

        result = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static bool ValidDay(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Two(ReadOnlySpan<byte> s, int at) => ((s[at] - '0') * 10) + (s[at + 1] - '0');
}
