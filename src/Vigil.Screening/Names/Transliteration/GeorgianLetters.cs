namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// Georgian to Latin after the national system of 2002, which Georgian passports use (მიხეილ სააკაშვილი → mikheil
/// saakashvili), one letter at a time, lower case; the capitals of Mtavruli read as their Mkhedruli letters. The
/// aspirated and ejective stops are one letter each (თ and ტ t, ფ and პ p, ქ and კ k, ჩ and ჭ ch, ც and წ ts), as
/// the passports write them without the apostrophe.
/// </summary>
internal static class GeorgianLetters
{
    /// <summary>The Latin of the 33 letters of Mkhedruli, in their order from ა (U+10D0) to ჰ (U+10F0).</summary>
    private static readonly string[] Latin =
    [
        "a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh", "r", "s", "t", "u", "p", "k",
        "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h",
    ];

    /// <summary>Mtavruli capitals sit 0x0BC0 above their Mkhedruli letters.</summary>
    private const int MtavruliOffset = 0x1C90 - 0x10D0;

    public static bool IsGeorgian(char c) => c is >= '\u10D0' and <= '\u10F0' or >= '\u1C90' and <= '\u1CB0';

    public static string ToLatin(char c) => Latin[(c >= '\u1C90' ? c - MtavruliOffset : c) - '\u10D0'];
}
