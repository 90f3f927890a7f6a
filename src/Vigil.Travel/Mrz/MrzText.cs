using System.Text;

namespace Vigil.Travel.Mrz;

/// <summary>
/// Turns printed text into MRZ characters (A–Z, 0–9, filler <c>&lt;</c>) following Doc 9303 Part 3: letters with
/// diacritics lose them (or expand, as Ä → AE), Cyrillic is romanised, spaces and hyphens become filler and
/// apostrophes disappear.
/// </summary>
internal static class MrzText
{
    private static readonly Dictionary<char, string> Letters = BuildLetters();

    /// <summary>The MRZ form of a name or name part, with runs of separators collapsed to one filler.</summary>
    public static string Transliterate(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingFiller = false;
        foreach (var original in text)
        {
            var c = char.ToUpperInvariant(original);
            string? replacement = null;
            if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                replacement = c.ToString();
            }
            else if (Letters.TryGetValue(c, out var mapped))
            {
                replacement = mapped;
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u02BC' or '\u042C')
            {
                // Doc 9303 drops apostrophes rather than filling (O'NEILL reads ONEILL), and the Cyrillic soft sign.
                continue;
            }

            if (replacement is null)
            {
                pendingFiller = result.Length > 0;
                continue;
            }

            if (pendingFiller)
            {
                result.Append('<');
                pendingFiller = false;
            }

            result.Append(replacement);
        }

        return result.ToString();
    }

    /// <summary>
    /// Folds letters outside A–Z to their Doc 9303 Latin form (MÜLLER → MUELLER) and leaves everything else,
    /// spaces, hyphens and apostrophes included, as written: what an airline's seven-bit system prints.
    /// </summary>
    public static string FoldToLatin(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(Letters.TryGetValue(char.ToUpperInvariant(c), out var mapped) ? mapped : c.ToString());
        }

        return result.ToString();
    }

    /// <summary>Left-aligns <paramref name="value"/> in a field of <paramref name="width"/>, filling with <c>&lt;</c> and cutting what overflows.</summary>
    public static string Field(string value, int width) =>
        value.Length >= width ? value[..width] : value.PadRight(width, '<');

    private static Dictionary<char, string> BuildLetters()
    {
        var letters = new Dictionary<char, string>();
        void Map(string characters, string latin)
        {
            foreach (var c in characters)
            {
                letters[c] = latin;
            }
        }

        Map("ÀÁÂÃĀĂĄ", "A");
        Map("Ä", "AE");
        Map("Å", "AA");
        Map("Æ", "AE");
        Map("ÇĆĈĊČ", "C");
        Map("ÐĎĐ", "D");
        Map("ÈÉÊËĒĔĖĘĚ", "E");
        Map("ĜĞĠĢ", "G");
        Map("ĤĦ", "H");
        Map("ÌÍÎÏĨĪĬĮİ", "I");
        Map("Ĳ", "IJ");
        Map("Ĵ", "J");
        Map("Ķ", "K");
        Map("ĹĻĽĿŁ", "L");
        Map("ÑŃŅŇ", "N");
        Map("ÒÓÔÕŌŎŐ", "O");
        Map("ÖØŒ", "OE");
        Map("ŔŖŘ", "R");
        Map("ŚŜŞŠ", "S");
        Map("ẞß", "SS");
        Map("ŢŤŦ", "T");
        Map("Þ", "TH");
        Map("ÙÚÛŨŪŬŮŰŲ", "U");
        Map("Ü", "UE");
        Map("Ŵ", "W");
        Map("ÝŶŸ", "Y");
        Map("ŹŻŽ", "Z");

        // Russian and Ukrainian Cyrillic as Doc 9303 romanises them.
        Map("А", "A"); Map("Б", "B"); Map("В", "V"); Map("ГҐ", "G"); Map("Д", "D"); Map("ЕЁЭ", "E");
        Map("Ж", "ZH"); Map("З", "Z"); Map("ИЙІЇ", "I"); Map("К", "K"); Map("Л", "L"); Map("М", "M");
        Map("Н", "N"); Map("О", "O"); Map("П", "P"); Map("Р", "R"); Map("С", "S"); Map("Т", "T");
        Map("У", "U"); Map("Ф", "F"); Map("Х", "KH"); Map("Ц", "TS"); Map("Ч", "CH"); Map("Ш", "SH");
        Map("Щ", "SHCH"); Map("ЪЄ", "IE"); Map("Ы", "Y"); Map("Ю", "IU"); Map("Я", "IA");
        return letters;
    }
}
