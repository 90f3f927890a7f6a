using System.Buffers;

namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// Writes Arabic-script, Cyrillic, Greek, Armenian and Georgian names in lower-case ASCII Latin so they can be
/// compared with the Latin names of passports, PNRs and watch lists. Latin and every other script pass through unchanged.
/// </summary>
public static class ScriptTransliterator
{
    private static readonly SearchValues<char> Converted = Build(static c =>
        CyrillicLetters.IsCyrillic(c) || ArabicLetters.IsConverted(c) || GreekWord.IsGreek(c) || ArmenianWord.IsArmenian(c) || GeorgianLetters.IsGeorgian(c));

    /// <summary>
    /// Converts the Arabic-script words (Arabic, Persian, Urdu, Kurdish letters), Cyrillic words (Russian,
    /// Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian, Kazakh, Kyrgyz, Tajik), Greek, Armenian and Georgian
    /// words of <paramref name="text"/> to lower-case ASCII Latin, word by word; spaces, punctuation, Latin and any
    /// other script are left as they are.
    /// Returns <paramref name="text"/> itself when there is nothing to convert.
    /// </summary>
    /// <param name="text">A name or any text.</param>
    /// <param name="arabic">How Arabic-script words are written: the usual phonetic spelling, or the ICAO 9303 letter scheme.</param>
    public static string ToLatin(string text, ArabicScheme arabic = ArabicScheme.Phonetic)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = text.AsSpan().IndexOfAny(Converted);
        if (first < 0)
        {
            return text;
        }

        var output = new CharBuffer(stackalloc char[256]);
        try
        {
            output.Append(text.AsSpan(0, first));
            bool afterCyrillic = false;
            int i = first;
            while (i < text.Length)
            {
                char c = text[i];
                if (ArabicLetters.IsWordChar(c))
                {
                    int end = EndOfArabicWord(text, i);
                    AppendArabicWord(text.AsSpan(i, end - i), arabic, ref output);
                    afterCyrillic = false;
                    i = end;
                    continue;
                }

                if (GreekWord.IsGreek(c))
                {
                    int end = EndOfRun(text, i, GreekWord.IsWordChar);
                    GreekWord.Append(text.AsSpan(i, end - i), ref output);
                    afterCyrillic = false;
                    i = end;
                    continue;
                }

                if (ArmenianWord.IsArmenian(c))
                {
                    int end = EndOfRun(text, i, ArmenianWord.IsArmenian);
                    ArmenianWord.Append(text.AsSpan(i, end - i), ref output);
                    afterCyrillic = false;
                    i = end;
                    continue;
                }

                if (GeorgianLetters.IsGeorgian(c))
                {
                    output.Append(GeorgianLetters.ToLatin(c));
                    afterCyrillic = false;
                    i++;
                    continue;
                }

                if (CyrillicLetters.IsCyrillic(c))
                {
                    // Unlisted Cyrillic characters are kept; combining Cyrillic signs (titlo and the like) are dropped.
                    if (CyrillicLetters.ToLatin(c) is { } latin)
                    {
                        output.Append(latin);
                    }
                    else if (c is < '\u0483' or > '\u0489')
                    {
                        output.Append(c);
                    }

                    afterCyrillic = true;
                }
                else if (ArabicLetters.AsciiSymbol(c) is { } symbol)
                {
                    output.Append(symbol);
                    afterCyrillic = false;
                }
                else if (afterCyrillic && c is >= '\u0300' and <= '\u036F')
                {
                    // A decomposed й, ё or ї: the accent changes nothing in the Latin.
                }
                else
                {
                    output.Append(c);
                    afterCyrillic = false;
                }

                i++;
            }

            return output.Written.SequenceEqual(text) ? text : new string(output.Written);
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Where the run of characters of one word that starts at <paramref name="start"/> ends.</summary>
    private static int EndOfRun(string text, int start, Func<char, bool> inWord)
    {
        int end = start + 1;
        while (end < text.Length && inWord(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Where the Arabic word starting at <paramref name="start"/> ends; joiners and direction marks inside it belong to it.</summary>
    private static int EndOfArabicWord(string text, int start)
    {
        int end = start;
        while (end < text.Length)
        {
            char c = text[end];
            if (ArabicLetters.IsWordChar(c))
            {
                end++;
            }
            else if (ArabicLetters.IsJoiner(c) && end + 1 < text.Length && ArabicLetters.IsWordChar(text[end + 1]))
            {
                end += 2;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static void AppendArabicWord(ReadOnlySpan<char> run, ArabicScheme scheme, ref CharBuffer output)
    {
        int capacity = ArabicWord.Capacity(run.Length);
        char[]? rentedLetters = null;
        ArabicMarks[]? rentedMarks = null;
        Span<char> letters = capacity <= 256 ? stackalloc char[256] : (rentedLetters = ArrayPool<char>.Shared.Rent(capacity));
        Span<ArabicMarks> marks = capacity <= 256 ? stackalloc ArabicMarks[256] : (rentedMarks = ArrayPool<ArabicMarks>.Shared.Rent(capacity));
        try
        {
            int count = ArabicWord.Read(run, letters, marks);
            var word = new ArabicWord(letters[..count], marks[..count]);
            if (scheme == ArabicScheme.Icao9303)
            {
                ArabicIcao.Append(word, ref output);
            }
            else
            {
                ArabicPhonetic.Append(word, ref output);
            }
        }
        finally
        {
            if (rentedLetters is not null)
            {
                ArrayPool<char>.Shared.Return(rentedLetters);
            }

            if (rentedMarks is not null)
            {
                ArrayPool<ArabicMarks>.Shared.Return(rentedMarks);
            }
        }
    }

    private static SearchValues<char> Build(Func<char, bool> include)
    {
        var chars = new List<char>();
        for (int c = 0x0300; c <= 0xFEFF; c++)
        {
            if (include((char)c))
            {
                chars.Add((char)c);
            }
        }

        return SearchValues.Create(chars.ToArray());
    }
}
