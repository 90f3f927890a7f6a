namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// Folds a lower-case Latin spelling from the Wikidata table to plain ASCII letters: letters with diacritics become
/// their base letter (ḥ → h, ü → u, ı → i), ligatures are spelled out (æ → ae, ß → ss), apostrophes, ʿayn and
/// hamza signs and hyphens are dropped. A spelling with anything else in it (digits, dots, spaces) is no name
/// token and folds to null.
/// </summary>
internal static class LatinFolding
{
    public static string? Fold(string spelling)
    {
        bool plain = true;
        foreach (char c in spelling)
        {
            if (c is < 'a' or > 'z')
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return spelling.Length > 0 ? spelling : null;
        }

        var folded = new System.Text.StringBuilder(spelling.Length + 2);
        foreach (char c in spelling)
        {
            if (c is >= 'a' and <= 'z')
            {
                folded.Append(c);
            }
            else if (NameFolding.TryFoldLetter(c, out var letters))
            {
                folded.Append(letters);
            }
            else if (!IsDropped(c))
            {
                return null;
            }
        }

        return folded.Length > 0 ? folded.ToString() : null;
    }

    private static bool IsDropped(char c) =>
        c is '\'' or '`' or '-' or '\u2018' or '\u2019' or '\u02BB' or '\u02BC' or '\u02BE' or '\u02BF' or '\u2010'
            or '\u2011' or '\u0640' || c is >= '\u0300' and <= '\u036F';
}
