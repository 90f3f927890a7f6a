namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// Greek to Latin after ELOT 743, the scheme of Greek passports' Latin names and of the EU's registers, lower case,
/// accents dropped: Γεώργιος Παπαδόπουλος → georgios papadopoulos. Its two-letter rules are kept: ου ou; αυ, ευ, ηυ
/// av, ev, iv before a vowel or a voiced consonant and af, ef, if otherwise; μπ b at the start of a word and mp
/// inside; γγ ng, γκ gk, γξ nx, γχ nch. A diaeresis parts two vowels (Ευφροσύνη, but Ταΰγετος ay).
/// </summary>
internal static class GreekWord
{
    public static bool IsGreek(char c) => c is >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' && char.IsLetter(c);

    /// <summary>A Greek letter or a combining mark inside a Greek word.</summary>
    public static bool IsWordChar(char c) => IsGreek(c) || c is >= '\u0300' and <= '\u036F';

    public static void Append(ReadOnlySpan<char> word, ref CharBuffer output)
    {
        // Accents and breathings go; a diaeresis is kept as a flag on its vowel, since it parts a digraph. Decomposed
        // by hand: with invariant globalisation string.Normalize leaves Greek as it is.
        Span<char> letters = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        Span<bool> parted = word.Length <= 128 ? stackalloc bool[word.Length] : new bool[word.Length];
        var count = 0;
        foreach (var c in word)
        {
            if (c == '\u0308' && count > 0)
            {
                parted[count - 1] = true;
            }
            else if (IsGreek(c))
            {
                (letters[count], parted[count]) = BaseLetter(char.ToLowerInvariant(c));
                count++;
            }
        }

        letters = letters[..count];
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            var next = i + 1 < letters.Length ? letters[i + 1] : '\0';
            var nextParted = i + 1 < letters.Length && parted[i + 1];
            var afterNext = i + 2 < letters.Length ? letters[i + 2] : '\0';
            switch (c)
            {
                case 'ο' when next == 'υ' && !nextParted:
                    output.Append("ou");
                    i++;
                    break;
                case 'α' or 'ε' or 'η' when next == 'υ' && !nextParted:
                    output.Append(Single(c));
                    output.Append(IsVowel(afterNext) || IsVoiced(afterNext) ? 'v' : 'f');
                    i++;
                    break;
                case 'μ' when next == 'π':
                    output.Append(i == 0 ? "b" : "mp");
                    i++;
                    break;
                case 'γ' when next is 'γ' or 'ξ' or 'χ':
                    output.Append('n');
                    break;
                default:
                    output.Append(Single(c));
                    break;
            }
        }
    }

    /// <summary>A lower-case letter without its accent or breathing, and whether it carried a diaeresis.</summary>
    private static (char Letter, bool Parted) BaseLetter(char c) => c switch
    {
        'ά' => ('α', false),
        'έ' => ('ε', false),
        'ή' => ('η', false),
        'ί' => ('ι', false),
        'ό' => ('ο', false),
        'ύ' => ('υ', false),
        'ώ' => ('ω', false),
        'ϊ' or 'ΐ' => ('ι', true),
        'ϋ' or 'ΰ' => ('υ', true),
        >= '\u1F00' and <= '\u1FFF' => (Polytonic(c), false),
        _ => (c, false),
    };

    /// <summary>The base letter of a polytonic letter (Greek Extended block), by the block's runs of one vowel.</summary>
    private static char Polytonic(char c) => c switch
    {
        <= '\u1F0F' or (>= '\u1F70' and <= '\u1F71') or (>= '\u1F80' and <= '\u1F8F') or (>= '\u1FB0' and <= '\u1FBC') => 'α',
        <= '\u1F1F' or (>= '\u1F72' and <= '\u1F73') or (>= '\u1FC8' and <= '\u1FC9') => 'ε',
        <= '\u1F2F' or (>= '\u1F74' and <= '\u1F75') or (>= '\u1F90' and <= '\u1F9F') or (>= '\u1FC2' and <= '\u1FCC') => 'η',
        <= '\u1F3F' or (>= '\u1F76' and <= '\u1F77') or (>= '\u1FD0' and <= '\u1FDB') => 'ι',
        <= '\u1F4F' or (>= '\u1F78' and <= '\u1F79') or (>= '\u1FF8' and <= '\u1FF9') => 'ο',
        (>= '\u1FE4' and <= '\u1FE5') or '\u1FEC' => 'ρ',
        <= '\u1F5F' or (>= '\u1F7A' and <= '\u1F7B') or (>= '\u1FE0' and <= '\u1FEB') => 'υ',
        <= '\u1F6F' or (>= '\u1F7C' and <= '\u1F7D') or (>= '\u1FA0' and <= '\u1FAF') or (>= '\u1FF2' and <= '\u1FFC') => 'ω',
        _ => c,
    };

    private static bool IsVowel(char c) => c is 'α' or 'ε' or 'η' or 'ι' or 'ο' or 'υ' or 'ω';

    private static bool IsVoiced(char c) => c is 'β' or 'γ' or 'δ' or 'ζ' or 'λ' or 'μ' or 'ν' or 'ρ';

    private static string Single(char c) => c switch
    {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' or 'ς' or 'ϲ' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => "",
    };
}
