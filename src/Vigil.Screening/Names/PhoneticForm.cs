namespace Vigil.Screening.Names;

/// <summary>
/// Reduces a folded name unit to the sounds romanisations agree on, so that spellings of one name compare as
/// near-equal: sh/ch/sch one letter, kh→h, gh→g, q→k, th→t, dh→d, ph→f, dj/zh→j, ou/oo→u, ee→i, doubled letters
/// single, the article of "abd al" in one form, a final -ah/-eh as -a, a French final -e dropped, and the
/// Cyrillic letters ICAO writes otherwise than lists do (ё as e, an opening ю, я as iu, ia) in one form.
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
                // The Russian ё: passports write e (Petr, Semen, Fedor, Solovev, as ICAO has it), lists and the press yo
                // (Pyotr, Semyon, Fyodor, Solovyov). A Korean syllable keeps its yo: Hyon and Ryong are not Hen and Reng.
                case 'y' when next == 'o' && i > 0 && IsConsonant(letters[i - 1]) && (AnyVowel(letters[..(i - 1)]) || OpensSyllable(letters[(i + 2)..])):
                    Append(destination, ref length, 'e'); i++; break;
                case 'y': Append(destination, ref length, i == 0 && IsVowel(next) ? 'y' : 'i'); break;
                // ICAO writes the Cyrillic ю, я, е at the start of a name iu, ia, ie (Iurii, Iakov), lists yu, ya, ye.
                case 'i' when i == 0 && IsVowel(next): Append(destination, ref length, 'y'); break;
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

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && !IsVowel(c) && c is not ('y' or 'w');

    private static bool AnyVowel(ReadOnlySpan<char> letters) => letters.IndexOfAny("aeiou") >= 0;

    /// <summary>
    /// A consonant and a vowel (another syllable follows: Fyodor), or two consonants (Pyotr) other than the ng that
    /// ends a Korean syllable (Ryong).
    /// </summary>
    private static bool OpensSyllable(ReadOnlySpan<char> letters) =>
        letters.Length >= 2 && IsConsonant(letters[0]) && (IsVowel(letters[1]) || (IsConsonant(letters[1]) && !letters.StartsWith("ng")));

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
