namespace Vigil.Screening.Names.Transliteration;

/// <summary>Vowel signs and shadda written over one Arabic letter.</summary>
[Flags]
internal enum ArabicMarks : byte
{
    None = 0,
    Fatha = 1,
    Damma = 2,
    Kasra = 4,
    Sukun = 8,
    Shadda = 16,
    SuperscriptAlef = 32,
    Fathatan = 64,
    Dammatan = 128,
}

/// <summary>
/// Character classes of the Arabic script: which code points are letters, marks or joiners, presentation forms
/// folded to their base letters, and the key under which a word is looked up in the Wikidata table.
/// </summary>
internal static class ArabicLetters
{
    public const char Alef = '\u0627';
    public const char Lam = '\u0644';
    public const char Heh = '\u0647';

    /// <summary>Kasratan has no room in <see cref="ArabicMarks"/>; it is read like dammatan would be (tanween).</summary>
    private const ArabicMarks Kasratan = ArabicMarks.Fathatan | ArabicMarks.Dammatan;

    /// <summary>True for Arabic-script letters, marks and tatweel (the characters that make up an Arabic word).</summary>
    public static bool IsWordChar(char c) => c switch
    {
        >= '\u0621' and <= '\u065F' => true,
        '\u0670' => true,
        >= '\u0671' and <= '\u06D3' or '\u06D5' => true,
        >= '\u06D6' and <= '\u06ED' => true,
        >= '\u06EE' and <= '\u06EF' => true,
        >= '\u06FA' and <= '\u06FC' => true,
        '\u06FF' => true,
        >= '\u0750' and <= '\u077F' => true,
        >= '\u08A0' and <= '\u08FF' => true,
        >= '\uFB50' and <= '\uFDFF' => true,
        >= '\uFE70' and <= '\uFEFC' => true,
        _ => false,
    };

    /// <summary>Zero-width joiners and direction marks that may sit inside an Arabic word and are dropped.</summary>
    public static bool IsJoiner(char c) => c is >= '\u200C' and <= '\u200F';

    /// <summary>Arabic digits and punctuation written with their ASCII counterparts, or null.</summary>
    public static char? AsciiSymbol(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        '\u060C' or '\u066C' => ',',
        '\u061B' => ';',
        '\u061F' => '?',
        '\u066A' => '%',
        '\u066B' or '\u06D4' => '.',
        _ => null,
    };

    /// <summary>True for characters <see cref="ScriptTransliterator.ToLatin"/> changes (Arabic letters, digits, punctuation).</summary>
    public static bool IsConverted(char c) => IsWordChar(c) || AsciiSymbol(c) is not null;

    /// <summary>The mark a combining character stands for, or null when it is no vowel sign.</summary>
    public static ArabicMarks? Mark(char c) => c switch
    {
        '\u064B' or '\uFE70' or '\uFE71' => ArabicMarks.Fathatan,
        '\u064C' or '\uFE72' => ArabicMarks.Dammatan,
        '\u064D' or '\uFE74' => Kasratan,
        '\u064E' or '\uFE76' or '\uFE77' => ArabicMarks.Fatha,
        '\u064F' or '\uFE78' or '\uFE79' => ArabicMarks.Damma,
        '\u0650' or '\uFE7A' or '\uFE7B' => ArabicMarks.Kasra,
        '\u0651' or '\uFE7C' or '\uFE7D' => ArabicMarks.Shadda,
        '\u0652' or '\uFE7E' or '\uFE7F' => ArabicMarks.Sukun,
        '\u0670' => ArabicMarks.SuperscriptAlef,
        _ => null,
    };

    public static bool IsKasratan(ArabicMarks marks) => (marks & Kasratan) == Kasratan;

    /// <summary>
    /// Writes the base letters a character stands for into <paramref name="destination"/> (room for four) and
    /// returns how many: the character itself for an ordinary letter, the letter for a presentation form, two or
    /// four letters for the ligatures lam-alef and "Allah", none for marks, tatweel and other ligatures.
    /// </summary>
    public static int BaseLetters(char c, Span<char> destination)
    {
        if (c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or '\u06D5' or >= '\u06EE' and <= '\u06EF'
            or >= '\u06FA' and <= '\u06FC' or '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08C9')
        {
            if (c == '\u0640')
            {
                return 0;
            }

            destination[0] = c;
            return 1;
        }

        ReadOnlySpan<char> letters;
        if (c is >= '\uFE80' and <= '\uFEFC')
        {
            int offset = c - '\uFE80';
            letters = offset < LamAlefOffset
                ? PresentationLetters.AsSpan(offset, 1)
                : LamAlefLetters.AsSpan((offset - LamAlefOffset) / 2 * 2, 2);
        }
        else
        {
            letters = c switch
            {
                '\uFDF2' => "\u0627\u0644\u0644\u0647",
                >= '\uFB50' and <= '\uFB51' => "\u0671",
                >= '\uFB56' and <= '\uFB59' => "\u067E",
                >= '\uFB66' and <= '\uFB69' => "\u0679",
                >= '\uFB6A' and <= '\uFB6D' => "\u06A4",
                >= '\uFB7A' and <= '\uFB7D' => "\u0686",
                >= '\uFB88' and <= '\uFB89' => "\u0688",
                >= '\uFB8A' and <= '\uFB8B' => "\u0698",
                >= '\uFB8C' and <= '\uFB8D' => "\u0691",
                >= '\uFB8E' and <= '\uFB91' => "\u06A9",
                >= '\uFB92' and <= '\uFB95' => "\u06AF",
                >= '\uFB9E' and <= '\uFB9F' => "\u06BA",
                >= '\uFBA4' and <= '\uFBA5' => "\u06C0",
                >= '\uFBA6' and <= '\uFBA9' => "\u06C1",
                >= '\uFBAA' and <= '\uFBAD' => "\u06BE",
                >= '\uFBAE' and <= '\uFBAF' => "\u06D2",
                >= '\uFBFC' and <= '\uFBFF' => "\u06CC",
                _ => [],
            };
        }

        letters.CopyTo(destination);
        return letters.Length;
    }

    /// <summary>
    /// The letter under which a word is looked up in the Wikidata table: Persian and Urdu forms of yeh, kaf and heh
    /// are read as the Arabic letters the table uses, and alef wasla as plain alef.
    /// </summary>
    public static char KeyLetter(char c) => c switch
    {
        '\u06CC' or '\u06D2' or '\u06D0' => '\u064A',
        '\u06A9' => '\u0643',
        '\u06C1' or '\u06BE' or '\u06D5' or '\u06C0' => '\u0647',
        '\u06C3' => '\u0629',
        '\u0671' => '\u0627',
        _ => c,
    };

    /// <summary>
    /// A looser key letter for a second look-up: the hamza forms of alef as plain alef, alef maksura as yeh and teh
    /// marbuta as heh (spellings that vary between writers for the same name).
    /// </summary>
    public static char LooseKeyLetter(char c) => KeyLetter(c) switch
    {
        '\u0623' or '\u0625' or '\u0622' => '\u0627',
        '\u0649' => '\u064A',
        '\u0629' => '\u0647',
        var other => other,
    };

    private const int LamAlefOffset = 0xFEF5 - 0xFE80;

    // One base letter per presentation form U+FE80..U+FEF4 (isolated, final, initial, medial forms in code-point order).
    private static readonly string PresentationLetters = BuildPresentationLetters();

    private const string LamAlefLetters = "\u0644\u0622\u0644\u0623\u0644\u0625\u0644\u0627";

    private static string BuildPresentationLetters()
    {
        // Each letter with the number of presentation forms it has, in the order of the block.
        (char Letter, int Forms)[] groups =
        [
            ('\u0621', 1), ('\u0622', 2), ('\u0623', 2), ('\u0624', 2), ('\u0625', 2), ('\u0626', 4), ('\u0627', 2),
            ('\u0628', 4), ('\u0629', 2), ('\u062A', 4), ('\u062B', 4), ('\u062C', 4), ('\u062D', 4), ('\u062E', 4),
            ('\u062F', 2), ('\u0630', 2), ('\u0631', 2), ('\u0632', 2), ('\u0633', 4), ('\u0634', 4), ('\u0635', 4),
            ('\u0636', 4), ('\u0637', 4), ('\u0638', 4), ('\u0639', 4), ('\u063A', 4), ('\u0641', 4), ('\u0642', 4),
            ('\u0643', 4), ('\u0644', 4), ('\u0645', 4), ('\u0646', 4), ('\u0647', 4), ('\u0648', 2), ('\u0649', 2),
            ('\u064A', 4),
        ];
        var letters = new char[LamAlefOffset];
        int at = 0;
        foreach ((char letter, int forms) in groups)
        {
            letters.AsSpan(at, forms).Fill(letter);
            at += forms;
        }

        return at == LamAlefOffset
            ? new string(letters)
            : throw new InvalidOperationException("The Arabic presentation-form table is out of step with Unicode.");
    }
}
