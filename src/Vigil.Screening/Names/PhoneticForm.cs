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
        Span<char> buffer = unit.Length <= 128 ? stackalloc char[LongestFor(unit.Length)] : new char[LongestFor(unit.Length)];
        return new string(buffer[..Write(unit, buffer)]);
    }

    /// <summary>The most letters the phonetic form of a unit this long can have: "abd" may gain the article's "al".</summary>
    internal static int LongestFor(int length) => length + 2;

    /// <summary>
    /// Writes the phonetic form of <paramref name="unit"/> into <paramref name="destination"/> (at least
    /// <see cref="LongestFor"/> long) and returns its length: joined units are judged without making their strings.
    /// </summary>
    internal static int Write(ReadOnlySpan<char> unit, Span<char> destination)
    {
        Span<char> canonical = unit.Length <= 128 ? stackalloc char[LongestFor(unit.Length)] : new char[LongestFor(unit.Length)];
        var letters = canonical[..CanonicalAbd(unit, canonical)];
        var length = 0;
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            var next = i + 1 < letters.Length ? letters[i + 1] : '\0';
            var afterNext = i + 2 < letters.Length ? letters[i + 2] : '\0';
            switch (c)
            {
                case 's' when next == 'c' && afterNext == 'h': Append(destination, ref length, Sh); i += 2; break;
                case 't' when next == 'c' && afterNext == 'h': Append(destination, ref length, Sh); i += 2; break;
                case 's' or 'c' when next == 'h': Append(destination, ref length, Sh); i++; break;
                case 'z' when next == 'h': Append(destination, ref length, 'j'); i++; break;
                case 'g' when next == 'i' && IsVowel(afterNext): Append(destination, ref length, 'j'); i++; break;
                case 'd' when next == 'j': Append(destination, ref length, 'j'); i++; break;
                case 'k' when next == 'h': Append(destination, ref length, 'h'); i++; break;
                case 'g' when next == 'h': Append(destination, ref length, 'g'); i++; break;
                case 'p' when next == 'h': Append(destination, ref length, 'f'); i++; break;
                case 't' when next == 'h': Append(destination, ref length, 't'); i++; break;
                case 'd' when next == 'h': Append(destination, ref length, 'd'); i++; break;
                case 'c' when next == 'k': Append(destination, ref length, 'k'); i++; break;
                case 'o' when next is 'u' or 'o': Append(destination, ref length, 'u'); i++; break;
                case 'e' when next == 'e': Append(destination, ref length, 'i'); i++; break;
                case 'q': Append(destination, ref length, 'k'); break;
                case 'c': Append(destination, ref length, next is 'e' or 'i' or 'y' ? 's' : 'k'); break;
                // Somali orthography writes the Arabic ḥ as x (Maxamed = Mohamed); elsewhere x is rare in these names.
                case 'x': Append(destination, ref length, 'h'); break;
                case 'y': Append(destination, ref length, i == 0 && IsVowel(next) ? 'y' : 'i'); break;
                case 'w': Append(destination, ref length, IsVowel(next) ? 'w' : 'u'); break;
                default: Append(destination, ref length, c); break;
            }
        }

        if (length > 3 && destination[length - 1] == 'h' && IsVowel(destination[length - 2]))
        {
            length--;
        }
        else if (length > 4 && destination[length - 1] == 'e' && !IsVowel(destination[length - 2]))
        {
            length--;
        }

        return length;
    }

    /// <summary>Consonants only, with the classes romanisations confuse merged; the candidate-finding key.</summary>
    public static string Skeleton(string phonetic)
    {
        Span<char> skeleton = phonetic.Length <= 128 ? stackalloc char[phonetic.Length] : new char[phonetic.Length];
        var length = 0;
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
                skeleton[length++] = mapped;
            }

            previous = mapped;
        }

        return new string(skeleton[..length]);
    }

    /// <summary>
    /// The phonetic form with every vowel written the same: spellings of one name (Muhammad, Mohamed) share it,
    /// while names of different shape (Arsoy, Rosa) do not, as they would share a bare consonant skeleton.
    /// </summary>
    public static string VowelBlind(string phonetic)
    {
        Span<char> form = phonetic.Length <= 128 ? stackalloc char[phonetic.Length] : new char[phonetic.Length];
        return new string(form[..VowelBlind(phonetic, form)]);
    }

    /// <summary>Writes <see cref="VowelBlind(string)"/> into <paramref name="destination"/> (as long as the phonetic form) and returns its length.</summary>
    internal static int VowelBlind(ReadOnlySpan<char> phonetic, Span<char> destination)
    {
        var length = 0;
        foreach (var c in phonetic)
        {
            var mapped = IsVowel(c) ? 'a' : c;
            if (length == 0 || destination[length - 1] != mapped)
            {
                destination[length++] = mapped;
            }
        }

        return length;
    }

    public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static void Append(Span<char> destination, ref int length, char c)
    {
        if (length == 0 || destination[length - 1] != c)
        {
            destination[length++] = c;
        }
    }

    /// <summary>
    /// "abd al-rahman", "abdul rahman", "abdurrahman", "abderrahmane", "abdirahman" all become "abdal" + rest: the
    /// vowel and the (often assimilated) article after "abd" are what the spellings disagree on.
    /// </summary>
    private static int CanonicalAbd(ReadOnlySpan<char> unit, Span<char> destination)
    {
        if (unit.Length >= 7 && unit.StartsWith("abd"))
        {
            var i = 3;
            while (i < unit.Length && i < 5 && IsVowel(unit[i]))
            {
                i++;
            }

            if (i < unit.Length && unit[i] == 'l')
            {
                i++;
            }

            if (unit.Length - i >= 3)
            {
                "abdal".CopyTo(destination);
                unit[i..].CopyTo(destination[5..]);
                return 5 + unit.Length - i;
            }
        }

        unit.CopyTo(destination);
        return unit.Length;
    }
}
