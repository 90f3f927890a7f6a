namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// The reversible Arabic scheme of ICAO Doc 9303 Part 3 (formats.md §9.3), letter for letter, in lower case:
/// the closest Latin letter, with an <c>x</c> digraph where letters would collide. Where sources disagree the
/// choice follows Ellis (ؤ xw; ة xta, xah at the end of a name part). Harakat are written when present (fatha a,
/// damma u, kasra i, sukun o, tanween f/n/k) and shadda doubles its letter. Persian and Urdu letters follow the
/// interscript extensions; letters neither lists get their phonetic Latin letter.
/// </summary>
internal static class ArabicIcao
{
    public static void Append(scoped ArabicWord word, ref CharBuffer output)
    {
        for (int i = 0; i < word.Length; i++)
        {
            int start = output.Length;
            output.Append(Letter(word.Letters[i], last: i == word.Length - 1));
            ArabicMarks marks = word.Marks[i];
            if ((marks & ArabicMarks.Shadda) != 0)
            {
                output.Repeat(start);
            }

            if (ArabicLetters.IsKasratan(marks))
            {
                output.Append('k');
            }
            else if ((marks & ArabicMarks.Fathatan) != 0)
            {
                output.Append('f');
            }
            else if ((marks & ArabicMarks.Dammatan) != 0)
            {
                output.Append('n');
            }

            if ((marks & ArabicMarks.Fatha) != 0)
            {
                output.Append('a');
            }
            else if ((marks & ArabicMarks.Damma) != 0)
            {
                output.Append('u');
            }
            else if ((marks & ArabicMarks.Kasra) != 0)
            {
                output.Append('i');
            }
            else if ((marks & ArabicMarks.Sukun) != 0)
            {
                output.Append('o');
            }
        }
    }

    private static string Letter(char c, bool last) => c switch
    {
        '\u0621' => "xe",
        '\u0622' => "xaa",
        '\u0623' => "xae",
        '\u0624' => "xw",
        '\u0625' => "i",
        '\u0626' => "xi",
        '\u0627' or '\u0671' => "a",
        '\u0628' => "b",
        '\u0629' => last ? "xah" : "xta",
        '\u062A' => "t",
        '\u062B' => "xth",
        '\u062C' => "j",
        '\u062D' => "xh",
        '\u062E' => "xkh",
        '\u062F' => "d",
        '\u0630' => "xdh",
        '\u0631' => "r",
        '\u0632' => "z",
        '\u0633' => "s",
        '\u0634' => "xsh",
        '\u0635' => "xss",
        '\u0636' => "xdz",
        '\u0637' => "xtt",
        '\u0638' => "xzz",
        '\u0639' => "e",
        '\u063A' => "g",
        '\u0641' => "f",
        '\u0642' => "q",
        '\u0643' => "k",
        '\u0644' => "l",
        '\u0645' => "m",
        '\u0646' => "n",
        '\u0647' => "h",
        '\u0648' => "w",
        '\u0649' => "xay",
        '\u064A' => "y",
        '\u067E' => "p",
        '\u0686' => "xc",
        '\u0698' => "xj",
        '\u06A9' => "xkk",
        '\u06AF' => "xgg",
        '\u06CC' => "xya",
        '\u06D2' => "xyb",
        '\u0679' => "xxt",
        '\u0688' => "xxd",
        '\u0691' => "xxr",
        '\u06BA' => "xnn",
        '\u06BE' => "xdo",
        '\u06C0' => "xyh",
        '\u06D5' => "e",
        '\u06C6' => "o",
        '\u06C7' => "u",
        '\u06D0' or '\u06CE' => "e",
        _ => ArabicPhonetic.Consonant(c),
    };
}
