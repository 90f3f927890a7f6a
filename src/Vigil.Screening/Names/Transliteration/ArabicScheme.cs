namespace Vigil.Screening.Names.Transliteration;

/// <summary>How Arabic-script words are written in Latin letters by <see cref="ScriptTransliterator.ToLatin"/>.</summary>
public enum ArabicScheme
{
    /// <summary>
    /// The spelling most people use: the most frequent Latin spelling of the word in the Wikidata table
    /// (<see cref="ArabicLatinSpellings"/>), otherwise English/French-style letter rules with guessed short vowels.
    /// </summary>
    Phonetic,

    /// <summary>
    /// The reversible letter-for-letter scheme of ICAO Doc 9303 Part 3 (closest Latin letter, <c>x</c>-prefixed
    /// digraphs for letters that would collide), in lower case; vowels appear only where harakat are written.
    /// </summary>
    Icao9303,
}
