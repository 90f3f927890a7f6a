namespace Vigil.Travel.Dates;

/// <summary>PNRGOV dates are <c>DDMMYY</c> and times <c>HHMM</c> or <c>HHMMSS</c> (TVL local, DAT and RCI UTC as sent).</summary>
internal static class PnrDateTime
{
    /// <summary>Reads the date and time straight from the components' bytes, so that no string is made for them.</summary>
    public static DateTime? Parse(ReadOnlySpan<byte> date, ReadOnlySpan<byte> time, DateOnly reference)
    {
        date = date.Trim((byte)' ');
        time = time.Trim((byte)' ');
        if (date.Length != 6 || date.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return null;
        }

        var day = Two(date, 0);
        var month = Two(date, 2);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return null;
        }

        var year = TwoDigitYear.Resolve(Two(date, 4), month, day, reference, YearDirection.Nearest);
        if (day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        int hour = 0, minute = 0, second = 0;
        if (time.Length is 4 or 6 && !time.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            hour = Two(time, 0);
            minute = Two(time, 2);
            second = time.Length == 6 ? Two(time, 4) : 0;
            if (hour > 23 || minute > 59 || second > 59)
            {
                return null;
            }
        }
        else if (!time.IsEmpty)
        {
            return null;
        }

        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
    }

    private static int Two(ReadOnlySpan<byte> s, int at) => ((s[at] - '0') * 10) + (s[at + 1] - '0');
}
