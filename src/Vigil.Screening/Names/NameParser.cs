using Vigil.Screening.Names.Transliteration;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Names;

/// <summary>
/// Turns a name as a traveler document, a booking or a list writes it into units: MRZ name fields
/// (<c>PRIMARY&lt;&lt;SECONDARY&lt;NAMES</c>) are recognised, the text is folded, titles are removed as whole tokens,
/// particles are glued to the word they belong to and genealogical links are recorded in order.
/// </summary>
public static class NameParser
{
    /// <summary>
    /// A word of an organisation's name is read as a country from this length: shorter ones are codes and words
    /// (co, de, in) as often as countries.
    /// </summary>
    private const int ShortestCountryWord = 4;

    /// <summary>Length of the TD3 passport MRZ name field: a name this long may have been cut off.</summary>
    private const int MrzNameFieldLength = 39;

    public static ParsedName Parse(string name) => Parse(name, glueCompounds: false, asOrganisation: false, out _);

    /// <summary>
    /// A traveler's name as written, and read as written family name first when it ends in a word that only ever
    /// precedes a name (Manan Abdul, Emad Abu, Laden Usama bin): the opening name, with any such words before it,
    /// read at the end again (Abdul Manan, Abu Emad, Usama bin Laden); null for any other name. A traveler's name is
    /// screened both ways, since the same letters may be a surname (Hamilton Abou) or a slip (Thomas Mey Al for Ali).
    /// </summary>
    public static (ParsedName AsWritten, ParsedName? FamilyNameFirst) ParseTraveler(string name)
    {
        var read = Read(name, asOrganisation: false);
        var asWritten = UnitsOf(name, read.Words, read, glueCompounds: false, out _);
        return (asWritten, read.FamilyNameFirst is { } inOrder ? UnitsOf(name, inOrder, read, glueCompounds: false, out _) : null);
    }

    /// <summary>Whether the name reads as an organisation's (<see cref="NameSymbols.ReadsAsOrganisation"/>).</summary>
    public static bool IsOrganisation(string name) => NameSymbols.Default.ReadsAsOrganisation(WordsOf(ReadingOrder(name).Text));

    /// <summary>
    /// The ways a listed name is read: as written, and, when it writes a compound given name in parts (Zia ur-Rahman,
    /// Zia-ul-Haq, Nizam ud-Din), with each such compound as one word. A traveler may write the compound in one word
    /// (Ziaurrahman), which a join of two parts cannot reach, or in two (Ziaur Rahman, Salah Uddin), or drop its second
    /// part (Shams for Shams ur-Rahman), which only the parts as written reach. The same reading writes a link or
    /// particles before the family name together with it (bin Laden as Binladen, de la Cruz as Delacruz).
    /// </summary>
    /// <remarks>
    /// A name part the symbol table writes many ways (Poutine, Putyin) is also read in the table's own spelling.
    /// </remarks>
    /// <param name="name">The name as written.</param>
    /// <param name="asOrganisation">
    /// Read the name as an organisation's even when nothing in it says so: compared with a name that reads as one
    /// (General Electric against General Electric Company), its titles are words and its descriptors symbols too.
    /// </param>
    /// <param name="asTraveler">Also read it as a traveler's may be, written family name first (<see cref="ParseTraveler"/>).</param>
    public static IEnumerable<ParsedName> Readings(string name, bool asOrganisation = false, bool asTraveler = false)
    {
        var read = Read(name, asOrganisation);
        var glued = UnitsOf(name, read.Words, read, glueCompounds: true, out var anyGlued);
        foreach (var reading in anyGlued ? [UnitsOf(name, read.Words, read, glueCompounds: false, out _), glued] : (ParsedName[])[glued])
        {
            yield return reading;
            if (WithNamePartSpellings(reading) is { } respelled)
            {
                yield return respelled;
            }
        }

        if (asTraveler && read.FamilyNameFirst is { } inOrder)
        {
            yield return UnitsOf(name, inOrder, read, glueCompounds: false, out _);
        }

        if ((asOrganisation || glued.Units.Any(u => u.Kind == UnitKind.Descriptor)) && AsInitials(name) is { } initials)
        {
            yield return initials;
        }
    }

    /// <summary>An organisation's initials are read as a name from this many words: three letters are too often a name (Ali, Bob).</summary>
    private const int FewestInitials = 4;

    /// <summary>Beyond this many words, initials are no name anyone writes.</summary>
    private const int MostInitials = 8;

    /// <summary>
    /// An organisation's name read as its initials, the way it is often listed or written (China National Petroleum
    /// Corporation → cnpc, Islamic Republic of Iran Shipping Lines → irisl): its linking words and legal form left out.
    /// Null when fewer than <see cref="FewestInitials"/> or more than <see cref="MostInitials"/> words remain, or when the
    /// initials spell a personal name the variant dictionary knows.
    /// </summary>
    private static ParsedName? AsInitials(string name)
    {
        var words = WordsOf(ReadingOrder(name).Text);
        Span<char> initials = stackalloc char[MostInitials];
        var count = 0;
        for (var i = 0; i < words.Length;)
        {
            if (NameSymbols.Default.OrganisationTermAt(words, i, out var symbol) is var length and > 0 && NameLexicon.IsLegalForm(symbol))
            {
                i += length;
                continue;
            }

            if (!NameSymbols.IsOrganisationLinkingWord(words[i]))
            {
                if (count == MostInitials)
                {
                    return null;
                }

                initials[count++] = words[i][0];
            }

            i++;
        }

        if (count < FewestInitials)
        {
            return null;
        }

        // Initials that spell a personal name (Ahmed, Omar) would make the organisation that name.
        var text = new string(initials[..count]);
        if (NameVariants.Of(text) is not null)
        {
            return null;
        }

        return new ParsedName(name, [new NameUnit(text, text, UnitKind.Acronym)], []);
    }

    /// <summary>
    /// How many words from <paramref name="at"/> a link or particles and the family name after them span, which the
    /// glued reading writes as one word; 1 when the word opens no such run.
    /// </summary>
    private static int FamilyNameWordsAt(string[] words, int at) => 1 + Math.Max(LinkedFamilyName(words, at), ParticlesOfFamilyName(words, at));

    /// <summary>
    /// When word <paramref name="at"/> is a link (bin, ben, ibn) before the last word of the name, with or without an
    /// article (bin Laden, bin al-Shibh), how many words after it it is written together with as a family name
    /// (Binladen, Binalshibh, Benali); otherwise 0. Only before the last word: within a name the link chains a
    /// person to a father, and written as one word it would no longer tell Salman bin Muhammad from his son.
    /// </summary>
    private static int LinkedFamilyName(string[] words, int at)
    {
        if (at == 0 || !NameLexicon.IsLink(words[at]))
        {
            return 0;
        }

        var left = words.Length - at - 1;
        return left == 1 && words[^1].Length >= 3 ? 1
            : left == 2 && IsArticleBefore(words[^2], words[^1]) && words[^1].Length >= 3 ? 2
            : 0;
    }

    /// <summary>
    /// When the words from <paramref name="at"/> up to the last are particles before the family name (de la Cruz, van
    /// den Berg, dos Santos), how many words after the first particle they are written together with it as one
    /// (Delacruz, Vandenberg, Dossantos); otherwise 0. The conjunctions y and e join two family names and are not read so.
    /// </summary>
    private static int ParticlesOfFamilyName(string[] words, int at)
    {
        if (at == 0 || at + 1 >= words.Length || words[^1].Length < 3)
        {
            return 0;
        }

        for (var i = at; i < words.Length - 1; i++)
        {
            if (!NameLexicon.IsParticle(words[i]) || words[i] is "y" or "e")
            {
                return 0;
            }
        }

        return words.Length - 1 - at;
    }

    private static ParsedName? WithNamePartSpellings(ParsedName name)
    {
        List<NameUnit>? units = null;
        for (var i = 0; i < name.Units.Count; i++)
        {
            var unit = name.Units[i];
            if (unit.Kind == UnitKind.Word && (NameSymbols.Default.NamePartSpelling(unit.Text) ?? NameSymbols.Default.NamePartSpelling(unit.Core)) is { } spelling)
            {
                units ??= [.. name.Units];
                units[i] = new NameUnit(spelling, spelling, UnitKind.Word, IsTruncated: unit.IsTruncated);
            }
        }

        return units is null ? null : name with { Units = units };
    }

    /// <summary>The folded words of a text, transliterated from the scripts <see cref="ScriptTransliterator"/> converts: what the parser reads.</summary>
    internal static string[] WordsOf(string text) => NameFolding.Fold(ScriptTransliterator.ToLatin(text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static ParsedName Parse(string name, bool glueCompounds, bool asOrganisation, out bool anyGlued)
    {
        var read = Read(name, asOrganisation);
        return UnitsOf(name, read.Words, read, glueCompounds, out anyGlued);
    }

    /// <summary>
    /// The words a name is read as: in reading order, folded and transliterated, without titles unless the name is an
    /// organisation's; and in the order <see cref="ParseTraveler"/> also reads, when the name ends in a dangling word.
    /// </summary>
    private readonly record struct ReadWords(string[] Words, bool Organisation, string? TruncatedWord, string[]? FamilyNameFirst);

    private static ReadWords Read(string name, bool asOrganisation)
    {
        var (text, truncatedWord, cut) = ReadingOrder(name);
        var words = WordsOf(text);

        // An organisation's name keeps every word (General Electric); its descriptors are read as their symbols.
        var organisation = asOrganisation || NameSymbols.Default.ReadsAsOrganisation(words);
        if (organisation)
        {
            return new ReadWords(words, organisation, truncatedWord, null);
        }

        // A dangling word the name ends with, not one a title after it leaves dangling (Al-Hasan Al Doctor).
        var endsDangling = !cut && words.Length > 0 && PrecedesAName(words[^1]);
        words = WithoutTitles(words);
        return new ReadWords(words, organisation, truncatedWord, endsDangling ? FamilyNameBackInPlace(words) : null);
    }

    private static ParsedName UnitsOf(string name, string[] words, in ReadWords read, bool glueCompounds, out bool anyGlued)
    {
        anyGlued = false;
        var (organisation, truncatedWord, symbols) = (read.Organisation, read.TruncatedWord, NameSymbols.Default);
        var units = new List<NameUnit>(words.Length);
        var links = new List<(int, int)>();
        for (var i = 0; i < words.Length;)
        {
            var word = words[i];
            var hasNext = i + 1 < words.Length;
            if (organisation && OrganisationUnitAt(symbols, words, i) is ({ } unit, var length))
            {
                units.Add(unit);
                i += length;
            }
            else if (glueCompounds && FamilyNameWordsAt(words, i) is var together and > 1)
            {
                var glued = string.Concat(words[i..(i + together)]);
                units.Add(new NameUnit(glued, glued, UnitKind.Word));
                anyGlued = true;
                i += together;
            }
            else if (hasNext && NameLexicon.IsLink(word))
            {
                units.Add(new NameUnit(word, word, UnitKind.Link));
                i++;
            }
            else if (i + 2 < words.Length && NameLexicon.IsLinkPhrase(word, words[i + 1]))
            {
                units.Add(new NameUnit(word + " " + words[i + 1], word, UnitKind.Link));
                i += 2;
            }
            else if (hasNext && NameLexicon.OpensCompoundBefore(word, words[i + 1]))
            {
                var next = i + 1;
                var glued = word;
                if (next + 1 < words.Length && IsArticleBefore(words[next], words[next + 1]))
                {
                    glued += words[next++];
                }
                else if (glueCompounds && next + 1 < words.Length && NameLexicon.IsInnerArticleBefore(words[next], words[next + 1]))
                {
                    glued += words[next++];
                    anyGlued = true;
                }

                glued += words[next];
                units.Add(new NameUnit(glued, glued, UnitKind.Word));
                i = next + 1;
            }
            else if (glueCompounds && i + 2 < words.Length && word.Length > 1 && !IsArticleBefore(word, words[i + 1])
                && !NameLexicon.IsParticle(word) && !NameLexicon.IsHonorific(word) && NameLexicon.IsInnerArticleBefore(words[i + 1], words[i + 2]))
            {
                var glued = word + words[i + 1] + words[i + 2];
                units.Add(new NameUnit(glued, glued, UnitKind.Word));
                anyGlued = true;
                i += 3;
            }
            else if (hasNext && IsArticleBefore(word, words[i + 1]))
            {
                var core = words[i + 1];
                units.Add(new NameUnit(word + core, core, UnitKind.Word, HasArticle: true));
                i += 2;
            }
            else
            {
                // An honorific precedes the name (Haji Ahmad); later in the name the same word is a name (… Khan Sayyid).
                var kind = word.Length == 1 ? UnitKind.Initial
                    : units.TrueForAll(u => u.Kind == UnitKind.Honorific) && NameLexicon.IsHonorific(word) ? UnitKind.Honorific
                    : hasNext && NameLexicon.IsParticle(word) ? UnitKind.Particle
                    : UnitKind.Word;
                units.Add(new NameUnit(word, word, kind));
                i++;
            }
        }

        if (truncatedWord is not null)
        {
            var last = units.FindLastIndex(u => u.Text.EndsWith(truncatedWord, StringComparison.Ordinal));
            if (last >= 0)
            {
                units[last] = units[last] with { IsTruncated = true };
            }
        }

        for (var i = 1; i < units.Count - 1; i++)
        {
            if (units[i].Kind == UnitKind.Link && units[i - 1].Kind != UnitKind.Link && units[i + 1].Kind != UnitKind.Link)
            {
                links.Add((i - 1, i + 1));
            }
        }

        return new ParsedName(name, units, links);
    }

    /// <summary>
    /// The unit of an organisation's name that starts at word <paramref name="at"/>, when it is one of the symbol
    /// table's terms (a descriptor, written as its symbol), a word linking terms, or a country (written as its code);
    /// with how many words it spans.
    /// </summary>
    private static (NameUnit? Unit, int Length) OrganisationUnitAt(NameSymbols symbols, string[] words, int at)
    {
        var word = words[at];
        if (symbols.OrganisationTermAt(words, at, out var symbol) is var length and > 0)
        {
            return (new NameUnit(symbol, symbol, UnitKind.Descriptor), length);
        }

        if (NameSymbols.IsOrganisationLinkingWord(word))
        {
            return (new NameUnit(word, word, UnitKind.Particle), 1);
        }

        if (word.Length >= ShortestCountryWord && CountryNames.ToAlpha3(word) is { } country)
        {
            var code = country.ToLowerInvariant();
            return (new NameUnit(code, code, UnitKind.Country), 1);
        }

        return (null, 0);
    }

    /// <summary>The name's text in reading order, and the MRZ word that may be cut off (<see cref="FromMrz"/>).</summary>
    private static (string Text, string? TruncatedWord, bool Cut) ReadingOrder(string name) => name.Contains('<') ? FromMrz(name) : (SurnameLast(name), null, false);

    /// <summary>"Majid, Abdul" (surname, given names) is read as "Abdul Majid", keeping particles with their word.</summary>
    private static string SurnameLast(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma != name.LastIndexOf(',') || comma == name.Length - 1 || string.IsNullOrWhiteSpace(name[(comma + 1)..]))
        {
            return name;
        }

        return name[(comma + 1)..].Trim() + " " + name[..comma].Trim();
    }

    /// <summary>
    /// The words of a name ending in a dangling word with the opening name, and any such words before it, put back at
    /// the end (<see cref="ParseTraveler"/>); null when nothing but such words opens the name.
    /// </summary>
    private static string[]? FamilyNameBackInPlace(string[] words)
    {
        if (words.Length < 2)
        {
            return null;
        }

        var opening = 0;
        while (opening < words.Length && PrecedesAName(words[opening]))
        {
            opening++;
        }

        if (opening >= words.Length - 1)
        {
            return null;
        }

        return [.. words[(opening + 1)..], .. words[..(opening + 1)]];
    }

    private static bool PrecedesAName(string word) => NameLexicon.IsCompoundOpener(word) || NameLexicon.IsLink(word);

    private static bool IsArticleBefore(string word, string next) =>
        NameLexicon.IsArticle(word) || NameLexicon.IsSunArticleBefore(word, next);

    /// <summary>
    /// The MRZ writes the primary identifier (surname) first; putting the secondary identifier first restores the
    /// order in which most lists write the name, which keeps "A bin B" chains readable.
    /// </summary>
    /// <returns>The name in reading order, and the folded last word of the field when the field is full and that word may be cut off.</returns>
    private static (string Text, string? TruncatedWord, bool Cut) FromMrz(string mrz)
    {
        var trimmed = mrz.Trim();
        var full = trimmed.Length >= MrzNameFieldLength;
        string? truncatedWord = null;
        if (full && !trimmed.EndsWith('<'))
        {
            truncatedWord = NameFolding.Fold(trimmed[(trimmed.LastIndexOf('<') + 1)..]);
        }

        trimmed = trimmed.TrimEnd('<');
        var split = trimmed.IndexOf("<<", StringComparison.Ordinal);
        if (split < 0)
        {
            return (trimmed.Replace('<', ' '), truncatedWord, full);
        }

        var primary = trimmed[..split].Replace('<', ' ');
        var secondary = trimmed[(split + 2)..].Replace('<', ' ');
        if (!full)
        {
            return (secondary + " " + primary, truncatedWord, full);
        }

        // A full field whose last words open a compound lost the word they opened: written whole (…<SULAYMAN<AL< for
        // Sulayman al-Dari) they say nothing and go; one cut short (…<BEN<ABD for Ben Abdallah) still begins the listed
        // word, and is read after the surname so as not to be glued to it.
        var words = secondary.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Length;
        while (truncatedWord is null && kept > 1 && PrecedesAName(NameFolding.Fold(words[kept - 1])))
        {
            kept--;
        }

        secondary = string.Join(' ', words[..kept]);
        return kept > 0 && PrecedesAName(NameFolding.Fold(words[kept - 1]))
            ? (primary + " " + secondary, truncatedWord, full)
            : (secondary + " " + primary, truncatedWord, full);
    }

    /// <summary>
    /// The words without titles, placeholders and post-nominal abbreviations (Jr, PhD), unless nothing would be left.
    /// A name moved to the front (Jr. Feliciano Delos Reyes) still drops its Jr.
    /// </summary>
    private static string[] WithoutTitles(string[] words)
    {
        var count = 0;
        foreach (var word in words)
        {
            if (!IsDropped(word))
            {
                count++;
            }
        }

        if (count == words.Length || count == 0)
        {
            return words;
        }

        return Array.FindAll(words, w => !IsDropped(w));
    }

    private static bool IsDropped(string word) =>
        NameLexicon.IsTitle(word) || NameLexicon.IsPlaceholder(word) || NameSymbols.Default.IsPostNominal(word);
}
