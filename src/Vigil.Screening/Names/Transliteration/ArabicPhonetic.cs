namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// The phonetic reading of an Arabic-script word: the spelling most used in the Wikidata table, otherwise letter
/// rules with English/French-style digraphs and guessed short vowels (Arabic writes only the long ones).
/// </summary>
internal static class ArabicPhonetic
{
    private const string Abd = "\u0639\u0628\u062F";
    private const string Allah = "\u0627\u0644\u0644\u0647";

    public static void Append(scoped ArabicWord word, ref CharBuffer output)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (HasArticle(word))
        {
            AppendWithArticle(word, ref output);
        }
        else if (!TryAppendFromTable(word.Letters, ref output))
        {
            AppendCompound(word, ref output);
        }
    }

    /// <summary>
    /// A word that starts with the article ال: the table mostly spells such words without it ("rahman" for
    /// الرحمن), so the article is written "al" and joined to the stem ("alrahman"), the way the MRZ and ALA-LC
    /// keep it. A table spelling that already starts with a vowel and l (al, el, il …) is taken whole: it either
    /// keeps the article ("allah", "elshamy") or the word is a name that merely begins with those letters ("ilyas").
    /// </summary>
    private static void AppendWithArticle(scoped ArabicWord word, ref CharBuffer output)
    {
        ArabicWord stem = word.Slice(2);
        foreach (bool loose in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (ArabicLatinSpellings.Spelling spelling in ArabicLatinSpellings.Spellings(word.Letters, loose))
            {
                if (spelling.Count < ArabicLatinSpellings.MinimumCount)
                {
                    break;
                }

                string latin = spelling.Latin;
                if (latin.Length > 2 && IsVowel(latin[0]) && latin[1] == 'l' && IsPlausible(word.Letters, latin))
                {
                    output.Append(latin);
                    return;
                }

                if (IsPlausible(stem.Letters, latin))
                {
                    output.Append("al");
                    output.Append(latin);
                    return;
                }
            }
        }

        output.Append("al");
        if (!TryAppendFromTable(stem.Letters, ref output))
        {
            AppendCompound(stem, ref output);
        }
    }

    /// <summary>Names written as one word around Allah or after Abd (عبدالله, نصرالله, عبدالرحمن), then plain letter rules.</summary>
    private static void AppendCompound(scoped ArabicWord word, ref CharBuffer output)
    {
        ReadOnlySpan<char> letters = word.Letters;
        if (letters.Length > Allah.Length && letters.EndsWith(Allah))
        {
            ArabicWord head = word.Slice(0, letters.Length - Allah.Length);
            if (head.Letters.SequenceEqual(Abd))
            {
                output.Append("abd");
            }
            else if (!TryAppendFromTable(head.Letters, ref output))
            {
                AppendByRules(head, ref output);
            }

            output.Append("allah");
            return;
        }

        if (letters.Length >= Abd.Length + 4 && letters.StartsWith(Abd) && HasArticle(word.Slice(Abd.Length)))
        {
            output.Append("abd");
            AppendWithArticle(word.Slice(Abd.Length), ref output);
            return;
        }

        AppendByRules(word, ref output);
    }

    /// <summary>The letter-rule spelling of one word, without the table (for tests and diagnostics).</summary>
    internal static string SpellByRules(string word)
    {
        Span<char> letters = stackalloc char[ArabicWord.Capacity(word.Length)];
        Span<ArabicMarks> marks = stackalloc ArabicMarks[letters.Length];
        int count = ArabicWord.Read(word, letters, marks);
        var output = new CharBuffer(stackalloc char[64]);
        try
        {
            AppendByRules(new ArabicWord(letters[..count], marks[..count]), ref output);
            return new string(output.Written);
        }
        finally
        {
            output.Dispose();
        }
    }

    private static bool HasArticle(ArabicWord word) =>
        word.Length >= 4 && word.Letters[0] is ArabicLetters.Alef or '\u0671' && word.Letters[1] == ArabicLetters.Lam;

    private static bool TryAppendFromTable(scoped ReadOnlySpan<char> letters, ref CharBuffer output)
    {
        foreach (bool loose in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (ArabicLatinSpellings.Spelling spelling in ArabicLatinSpellings.Spellings(letters, loose))
            {
                if (spelling.Count < ArabicLatinSpellings.MinimumCount)
                {
                    break;
                }

                if (IsPlausible(letters, spelling.Latin))
                {
                    output.Append(spelling.Latin);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A guard against the translations the table also holds ("prince" for الأمير, "austria" for النمسا, "i" for
    /// الأول): a spelling must be about as long as the Arabic and start with a letter the first Arabic letter can
    /// be written with.
    /// </summary>
    internal static bool IsPlausible(ReadOnlySpan<char> arabic, string latin)
    {
        if (arabic.IsEmpty || latin.Length + 1 < arabic.Length)
        {
            return false;
        }

        // "ibn" for بن, "abd" for بد …: a vowel written before the first consonant is allowed.
        return FirstLetterFits(arabic[0], latin[0])
            || (IsVowel(latin[0]) && latin.Length > 1 && FirstLetterFits(arabic[0], latin[1]));
    }

    private static bool FirstLetterFits(char arabic, char first)
    {
        return ArabicLetters.KeyLetter(arabic) switch
        {
            '\u0627' or '\u0623' or '\u0625' or '\u0622' or '\u0639' or '\u0621' or '\u0626' or '\u0624' or '\u0649'
                => IsVowel(first) || first is 'y' or 'w',
            '\u0628' => first is 'b' or 'p' or 'v',
            '\u062A' or '\u0637' => first == 't',
            '\u062B' => first is 't' or 's',
            '\u062C' => first is 'j' or 'g' or 'd' or 'y' or 'z',
            '\u062D' or '\u0647' or '\u0629' => first == 'h' || IsVowel(first),
            '\u062E' => first is 'k' or 'h' or 'c' or 'x' or 'j',
            '\u062F' => first == 'd',
            '\u0630' or '\u0638' => first is 'd' or 'z' or 't',
            '\u0631' => first == 'r',
            '\u0632' => first is 'z' or 's',
            '\u0633' or '\u0634' or '\u0635' => first is 's' or 'c',
            '\u0636' => first is 'd' or 'z',
            '\u063A' => first is 'g' or 'r',
            '\u0641' or '\u06A4' => first is 'f' or 'p' or 'v',
            '\u0642' or '\u0643' => first is 'q' or 'k' or 'g' or 'c',
            '\u0644' => first == 'l',
            '\u0645' => first == 'm',
            '\u0646' => first == 'n',
            '\u0648' => first is 'w' or 'v' || IsVowel(first),
            '\u064A' => first is 'y' or 'j' || IsVowel(first),
            '\u067E' => first is 'p' or 'b',
            '\u0686' => first is 'c' or 't',
            '\u0698' => first is 'z' or 'j',
            '\u06AF' => first is 'g' or 'k',
            _ => true,
        };
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private enum Sound : byte
    {
        Consonant,
        ShortVowel,
        LongA,
        LongVowel,
    }

    /// <summary>One sound of the word: up to three Latin letters with what kind of sound they are.</summary>
    private struct Unit
    {
        public char C0;
        public char C1;
        public char C2;
        public byte Length;
        public Sound Sound;
        public bool Closed;
        public bool Geminate;

        public static Unit Of(ReadOnlySpan<char> latin, Sound sound) => new()
        {
            C0 = latin.Length > 0 ? latin[0] : '\0',
            C1 = latin.Length > 1 ? latin[1] : '\0',
            C2 = latin.Length > 2 ? latin[2] : '\0',
            Length = (byte)latin.Length,
            Sound = sound,
        };

        public readonly void AppendTo(ref CharBuffer output)
        {
            if (Length > 0)
            {
                output.Append(C0);
            }

            if (Length > 1)
            {
                output.Append(C1);
            }

            if (Length > 2)
            {
                output.Append(C2);
            }
        }
    }

    /// <summary>
    /// Letter rules. Each letter becomes a consonant or a vowel; where two consonants meet a short vowel is guessed
    /// the way Arabic syllables go: a consonant may close a syllable after a short vowel (ah-mad, man-sur), but not
    /// at the end of a word (hasan, fahad), not before a doubled consonant, and not after a long a, where the
    /// active-participle pattern gives i (khalid, fatima, nasir). Written harakat replace the guesses.
    /// </summary>
    private static void AppendByRules(scoped ArabicWord word, ref CharBuffer output)
    {
        int n = word.Length;
        Span<Unit> units = n <= 64 ? stackalloc Unit[3 * n] : new Unit[3 * n];
        int count = 0;
        ReadOnlySpan<char> letters = word.Letters;
        for (int i = 0; i < n; i++)
        {
            char c = letters[i];
            ArabicMarks marks = word.Marks[i];
            bool first = i == 0;
            bool last = i == n - 1;
            Sound previous = count == 0 ? Sound.Consonant : units[count - 1].Sound;
            switch (c)
            {
                case '\u0627' or '\u0671':
                    units[count++] = Unit.Of(first ? WrittenVowel(marks, "a") : "a", first ? Sound.ShortVowel : Sound.LongA);
                    continue;
                case '\u0623':
                    units[count++] = Unit.Of(WrittenVowel(marks, "a"), Sound.ShortVowel);
                    continue;
                case '\u0625':
                    units[count++] = Unit.Of("i", Sound.ShortVowel);
                    continue;
                case '\u0622' or '\u0649':
                    units[count++] = Unit.Of("a", Sound.LongA);
                    continue;
                case '\u0629' or '\u06C3':
                    units[count++] = Unit.Of("a", Sound.ShortVowel);
                    if (!last)
                    {
                        units[count++] = Unit.Of("t", Sound.Consonant);
                    }

                    continue;
                case '\u0624':
                    units[count++] = Unit.Of("u", Sound.ShortVowel);
                    continue;
                case '\u06D5':
                    units[count++] = Unit.Of("e", Sound.ShortVowel);
                    continue;
                case '\u06D2' or '\u06CE' or '\u06D0':
                    units[count++] = Unit.Of("e", Sound.LongVowel);
                    continue;
                case '\u06C6':
                    units[count++] = Unit.Of("o", Sound.LongVowel);
                    continue;
                case '\u06C7':
                    units[count++] = Unit.Of("u", Sound.LongVowel);
                    continue;
                case '\u06BE' when count > 0 && previous == Sound.Consonant && units[count - 1].Length < 3:
                    // Urdu aspiration (بھ bh, کھ kh): one sound with the consonant before it.
                    ref Unit aspirated = ref units[count - 1];
                    if (aspirated.Length == 1)
                    {
                        aspirated.C1 = 'h';
                    }
                    else
                    {
                        aspirated.C2 = 'h';
                    }

                    aspirated.Length++;
                    continue;
                case '\u0647' or '\u06C1' or '\u06BE' when last && n >= 3 && previous == Sound.Consonant:
                    // Final heh after a consonant is the silent feminine ending of Persian names (fatemeh, zadeh).
                    units[count++] = Unit.Of("eh", Sound.ShortVowel);
                    continue;
                case '\u0648' or '\u064A' or '\u06CC' when marks == ArabicMarks.None && count > 0
                    && units[count - 1] is { Sound: Sound.ShortVowel, Length: 1 } vowel
                    && vowel.C0 == (c == '\u0648' ? 'u' : 'i'):
                    // Waw after u and yeh after i lengthen the vowel (إيمان iman, أُوسامة usama).
                    units[count - 1].Sound = Sound.LongVowel;
                    continue;
                case '\u0648' or '\u064A' or '\u06CC' when !IsSpokenAsConsonant(letters, word.Marks, i, previous):
                    units[count++] = Unit.Of(c == '\u0648' ? "u" : "i", Sound.LongVowel);
                    continue;
            }

            ReadOnlySpan<char> consonant = c switch
            {
                '\u0648' or '\u06CB' => "w",
                '\u064A' or '\u06CC' => "y",
                _ => Consonant(c),
            };
            units[count] = Unit.Of(consonant, Sound.Consonant);
            if ((marks & ArabicMarks.Shadda) != 0)
            {
                units[count].Geminate = true;
                count++;
                units[count] = Unit.Of(consonant, Sound.Consonant);
            }

            units[count].Closed = (marks & ArabicMarks.Sukun) != 0;
            count++;
            if ((marks & ArabicMarks.Fatha) != 0 || (marks & ArabicMarks.SuperscriptAlef) != 0)
            {
                units[count++] = Unit.Of("a", (marks & ArabicMarks.SuperscriptAlef) != 0 ? Sound.LongA : Sound.ShortVowel);
            }
            else if ((marks & ArabicMarks.Damma) != 0)
            {
                units[count++] = Unit.Of("u", Sound.ShortVowel);
            }
            else if ((marks & ArabicMarks.Kasra) != 0)
            {
                units[count++] = Unit.Of("i", Sound.ShortVowel);
            }
        }

        Emit(units[..count], ref output);
    }

    private static void Emit(scoped ReadOnlySpan<Unit> units, ref CharBuffer output)
    {
        Sound previous = Sound.Consonant;
        for (int k = 0; k < units.Length; k++)
        {
            Unit unit = units[k];
            unit.AppendTo(ref output);
            if (unit.Sound != Sound.Consonant)
            {
                previous = unit.Sound;
                continue;
            }

            if (unit.Closed || unit.Geminate || k == units.Length - 1 || units[k + 1].Sound != Sound.Consonant)
            {
                previous = Sound.Consonant;
                continue;
            }

            bool nextIsLast = k + 1 == units.Length - 1;
            if (previous == Sound.ShortVowel && !nextIsLast && !units[k + 1].Geminate)
            {
                previous = Sound.Consonant;
                continue;
            }

            output.Append(previous == Sound.LongA ? 'i' : 'a');
            previous = Sound.ShortVowel;
        }
    }

    /// <summary>
    /// Whether waw or yeh is the consonant w/y rather than the long vowel u/i: at the start of a word, with a vowel
    /// sign or shadda on it, after a vowel (the diphthongs aw, ay), before a vowel letter, and before another waw
    /// or yeh, which then carries the vowel (-awi endings, Persian پروین parwin).
    /// </summary>
    private static bool IsSpokenAsConsonant(ReadOnlySpan<char> letters, ReadOnlySpan<ArabicMarks> marks, int i, Sound previous)
    {
        if (i == 0 || marks[i] != ArabicMarks.None || previous != Sound.Consonant)
        {
            return true;
        }

        if (i == letters.Length - 1)
        {
            return false;
        }

        char next = letters[i + 1];
        if (next is '\u0627' or '\u0623' or '\u0625' or '\u0622' or '\u0649' or '\u0629' or '\u06C3' or '\u06D5')
        {
            return true;
        }

        return next is '\u0648' or '\u064A' or '\u06CC';
    }

    private static string WrittenVowel(ArabicMarks marks, string otherwise) =>
        (marks & ArabicMarks.Damma) != 0 ? "u" : (marks & ArabicMarks.Kasra) != 0 ? "i" : otherwise;

    /// <summary>The Latin for an Arabic-script consonant; the ʿayn and hamza signs are silent but still count as consonants.</summary>
    internal static string Consonant(char c) => c switch
    {
        '\u0628' => "b",
        '\u062A' or '\u0637' or '\u0679' => "t",
        '\u062B' => "th",
        '\u062C' => "j",
        '\u062D' or '\u0647' or '\u06C1' or '\u06BE' or '\u06C0' => "h",
        '\u062E' => "kh",
        '\u062F' or '\u0636' or '\u0688' => "d",
        '\u0630' => "dh",
        '\u0631' or '\u0691' or '\u0695' => "r",
        '\u0632' or '\u0638' => "z",
        '\u0633' or '\u0635' => "s",
        '\u0634' => "sh",
        '\u063A' => "gh",
        '\u0641' => "f",
        '\u0642' => "q",
        '\u0643' or '\u06A9' or '\u06AA' => "k",
        '\u0644' or '\u06B5' => "l",
        '\u0645' => "m",
        '\u0646' or '\u06BA' => "n",
        '\u0648' or '\u06CB' => "w",
        '\u064A' or '\u06CC' => "y",
        '\u067E' => "p",
        '\u0686' => "ch",
        '\u0698' => "zh",
        '\u06AF' or '\u06A8' or '\u06AD' => "g",
        '\u06A4' => "v",
        _ => "",
    };
}
