namespace Vigil.Travel.Mrz;

/// <summary>The ICAO Doc 9303 check digit: characters valued 0–35, weighted 7, 3, 1 in turn, summed modulo 10.</summary>
internal static class MrzCheckDigit
{
    /// <summary>The check digit of <paramref name="field"/>; throws on a character the MRZ cannot hold.</summary>
    public static int Compute(ReadOnlySpan<char> field)
    {
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            sum += ValueOf(field[i]) * weights[i % 3];
        }

        return sum % 10;
    }

    public static char ComputeChar(ReadOnlySpan<char> field) => (char)('0' + Compute(field));

    /// <summary>Whether <paramref name="checkDigit"/> is the check digit of <paramref name="field"/>; filler counts as 0.</summary>
    public static bool IsValid(ReadOnlySpan<char> field, char checkDigit)
    {
        if (!IsMrzText(field))
        {
            return false;
        }

        var expected = Compute(field);
        return checkDigit == '<' ? expected == 0 : checkDigit - '0' == expected;
    }

    public static bool IsMrzText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'Z') or '<'))
            {
                return false;
            }
        }

        return true;
    }

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => throw new ArgumentException($"'{c}' is not an MRZ character (A–Z, 0–9, <).", nameof(c)),
    };
}
