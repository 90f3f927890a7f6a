using System.Text;

namespace Vigil.Screening.Names;

/// <summary>
/// Reduces a folded name unit to the sounds romanisations agree on, so that spellings of one name compare as
/// near-equal: sh/ch/sch one letter, kh→h, gh→g, q→k, th→t, dh→d, ph→f, dj/zh→j, ou/oo→u, ee→i, doubled letters
/// single, the article of "abd al" in one form, a final -ah/-eh as -a and a French final -e dropped.
/// The coarse <see cref="Skeleton"/> drops the vowels and merges the consonants romanisations swap
/// (th/s/t, dh/z/d, q/k/g, b/p, f/v), for finding candidates.
/// </summary>
public static class PhoneticForm
{
    /// <summary>The letter used for the sh-sound (sh, ch, sch, tch, š after folding).</summary>
    public const char Sh = 'x';

    public static string Of(string unit)
    {
        var letters = CanonicalAbd(unit);
        var builder = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            var next = i + 1 < letters.Length ? letters[i + 1] : '\0';
            var afterNext = i + 2 < letters.Length ? letters[i + 2] : '\0';
            switch (c)
            {
                case 's' when next == 'c' && afterNext == 'h': Append(builder, Sh); i += 2; break;
                case 't' when next == 'c' && afterNext == 'h': Append(builder, Sh); i += 2; break;
                case 's' or 'c' when next == 'h': Append(builder, Sh); i++; break;
                case 'z' when next == 'h': Append(builder, 'j'); i++; break;
                case 'g' when next == 'i' && IsVowel(afterNext): Append(builder, 'j'); i++; break;
                case 'd' when next == 'j': Append(builder, 'j'); i++; break;
                case 'k' when next == 'h': Append(builder, 'h'); i++; break;
                case 'g' when next == 'h': Append(builder, 'g'); i++; break;
                case 'p' when next == 'h': Append(builder, 'f'); i++; break;
                case 't' when next == 'h': Append(builder, 't'); i++; break;
                case 'd' when next == 'h': Append(builder, 'd'); i++; break;
                case 'c' when next == 'k': Append(builder, 'k'); i++; break;
                case 'o' when next is 'u' or 'o': Append(builder, 'u'); i++; break;
                case 'e' when next == 'e': Append(builder, 'i'); i++; break;
                case 'q': Append(builder, 'k'); break;
                case 'c': Append(builder, next is 'e' or 'i' or 'y' ? 's' : 'k'); break;
                // Somali orthography writes the Arabic ḥ as x (Maxamed = Mohamed); elsewhere x is rare in these names.
                case 'x': Append(builder, 'h'); break;
                case 'y': Append(builder, i == 0 && IsVowel(next) ? 'y' : 'i'); break;
                case 'w': Append(builder, IsVowel(next) ? 'w' : 'u'); break;
                default: Append(builder, c); break;
            }
        }

        if (builder.Length > 3 && builder[^1] == 'h' && IsVowel(builder[^2]))
        {
            builder.Length--;
        }
        else if (builder.Length > 4 && builder[^1] == 'e' && !IsVowel(builder[^2]))
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>Consonants only, with the classes romanisations confuse merged; the candidate-finding key.</summary>
    public static string Skeleton(string phonetic)
    {
        var builder = new StringBuilder(phonetic.Length);
        var previous = '\0';
        foreach (var c in phonetic)
        {
            var mapped = c switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' or 'h' or 'w' or 'y' => '\0',
                't' or 's' or Sh => 's',
                'z' or 'd' => 'd',
                'k' or 'g' or 'j' => 'k',
                'p' or 'b' => 'b',
                'v' or 'f' => 'f',
                _ => c,
            };
            // Merged classes collapse only when adjacent (ts → s); across a vowel two consonants stay two (m-h-m-d).
            if (mapped == '\0')
            {
                previous = '\0';
                continue;
            }

            if (mapped != previous)
            {
                builder.Append(mapped);
            }

            previous = mapped;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The phonetic form with every vowel written the same: spellings of one name (Muhammad, Mohamed) share it,
    /// while names of different shape (Arsoy, Rosa) do not, as they would share a bare consonant skeleton.
    /// </summary>
    public static string VowelBlind(string phonetic)
    {
        var builder = new StringBuilder(phonetic.Length);
        foreach (var c in phonetic)
        {
            var mapped = IsVowel(c) ? 'a' : c;
            if (builder.Length == 0 || builder[^1] != mapped)
            {
                builder.Append(mapped);
            }
        }

        return builder.ToString();
    }

    public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static void Append(StringBuilder builder, char c)
    {
        if (builder.Length == 0 || builder[^1] != c)
        {
            builder.Append(c);
        }
    }

    /// <summary>
    /// "abd al-rahman", "abdul rahman", "abdurrahman", "abderrahmane", "abdirahman" all become "abdal" + rest: the
    /// vowel and the (often assimilated) article after "abd" are what the spellings disagree on.
    /// </summary>
    private static string CanonicalAbd(string unit)
    {
        if (unit.Length < 7 || !unit.StartsWith("abd", StringComparison.Ordinal))
        {
            return unit;
        }

        var i = 3;
        while (i < unit.Length && i < 5 && IsVowel(unit[i]))
        {
            i++;
        }

        if (i < unit.Length && unit[i] == 'l')
        {
            i++;
        }

        return unit.Length - i >= 3 ? "abdal" + unit[i..] : unit;
    }
}
