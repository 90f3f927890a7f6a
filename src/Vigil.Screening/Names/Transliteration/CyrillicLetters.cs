namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// Cyrillic to Latin after ICAO Doc 9303 Part 3 (formats.md §9.2), one letter at a time, lower case. Letters the
/// ICAO table does not list (Kazakh, Kyrgyz, Tajik and a few historical ones) get their closest plain Latin letter.
/// </summary>
internal static class CyrillicLetters
{
    private const char First = '\u0400';
    private const char Last = '\u052F';

    private static readonly string?[] Latin = Build();

    public static bool IsCyrillic(char c) => c is >= First and <= Last;

    /// <summary>The Latin for a Cyrillic letter: empty for the soft sign and palochka, null for a non-letter.</summary>
    public static string? ToLatin(char c) => IsCyrillic(c) ? Latin[c - First] : null;

    private static string?[] Build()
    {
        var table = new string?[Last - First + 1];

        void Add(string letters, string latin)
        {
            foreach (char letter in letters)
            {
                table[letter - First] = latin;
                table[char.ToLowerInvariant(letter) - First] = latin;
            }
        }

        // Russian, in the order of the ICAO table.
        Add("А", "a");
        Add("Б", "b");
        Add("В", "v");
        Add("Г", "g");
        Add("Д", "d");
        Add("Е", "e");
        Add("Ё", "e");
        Add("Ж", "zh");
        Add("З", "z");
        Add("И", "i");
        Add("Й", "i");
        Add("К", "k");
        Add("Л", "l");
        Add("М", "m");
        Add("Н", "n");
        Add("О", "o");
        Add("П", "p");
        Add("Р", "r");
        Add("С", "s");
        Add("Т", "t");
        Add("У", "u");
        Add("Ф", "f");
        Add("Х", "kh");
        Add("Ц", "ts");
        Add("Ч", "ch");
        Add("Ш", "sh");
        Add("Щ", "shch");
        Add("Ъ", "ie");
        Add("Ы", "y");
        Add("Ь", "");
        Add("Э", "e");
        Add("Ю", "iu");
        Add("Я", "ia");

        // Ukrainian and Belarusian.
        Add("Є", "ie");
        Add("І", "i");
        Add("Ї", "i");
        Add("Ґ", "g");
        Add("Ў", "u");

        // Serbian and Macedonian.
        Add("Ђ", "d");
        Add("Ѓ", "g");
        Add("Ѕ", "dz");
        Add("Ј", "j");
        Add("Љ", "lj");
        Add("Њ", "nj");
        Add("Ћ", "c");
        Add("Ќ", "k");
        Add("Џ", "dz");

        // Letters with a grave accent (Bulgarian, Macedonian stress marks).
        Add("Ѐ", "e");
        Add("Ѝ", "i");

        // Kazakh, Kyrgyz, Tajik and other non-Slavic letters: no ICAO row, closest plain letter (Vigil choice).
        Add("Ә", "a");
        Add("Ӕ", "ae");
        Add("Ӑ", "a");
        Add("Ӓ", "a");
        Add("Ғ", "g");
        Add("Ҕ", "g");
        Add("Қ", "k");
        Add("Ҝ", "k");
        Add("Ҟ", "k");
        Add("Ҡ", "k");
        Add("Ң", "n");
        Add("Ҥ", "ng");
        Add("Ө", "o");
        Add("Ӧ", "o");
        Add("Ӫ", "o");
        Add("Ұ", "u");
        Add("Ү", "u");
        Add("Ӯ", "u");
        Add("Ӱ", "u");
        Add("Ӳ", "u");
        Add("Һ", "h");
        Add("Ҳ", "h");
        Add("Ӣ", "i");
        Add("Ӥ", "i");
        Add("Ҷ", "j");
        Add("Ҹ", "ch");
        Add("Ӵ", "ch");
        Add("Ҵ", "ts");
        Add("Җ", "zh");
        Add("Ӝ", "zh");
        Add("Ҙ", "z");
        Add("Ӟ", "z");
        Add("Ӡ", "dz");
        Add("Ҫ", "s");
        Add("Ҭ", "t");
        Add("Ӗ", "e");
        Add("Ӭ", "e");
        Add("Ӹ", "y");
        Add("Ҽ", "ch");
        Add("Ҿ", "ch");
        Add("Ҧ", "p");
        Add("Ҩ", "o");

        // Pre-1918 Russian and Church Slavonic letters still found in old records.
        Add("Ѣ", "e");
        Add("Ѳ", "f");
        Add("Ѵ", "i");
        Add("Ѫ", "u");
        Add("Ѧ", "ia");
        Add("Ѡ", "o");
        Add("Ѯ", "ks");
        Add("Ѱ", "ps");

        // Palochka (Caucasian languages) marks a glottal sound: dropped like the soft sign.
        table['\u04C0' - First] = "";
        table['\u04CF' - First] = "";
        return table;
    }
}
