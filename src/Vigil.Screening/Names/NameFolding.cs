using System.Globalization;
using System.Text;

namespace Vigil.Screening.Names;

/// <summary>
/// Folds a name as written into lower-case words: Latin letters with diacritics reduced to their base letters,
/// combining marks stripped, letters that do not decompose spelled out, apostrophes and ayn/hamza signs dropped inside a word (so "Sha'ban" and MRZ "SHABAN"
/// agree), every other punctuation a word separator.
/// </summary>
public static class NameFolding
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            // Most names are plain ASCII letters, which fold to themselves in lower case: they skip the Unicode
            // category and the folding table, read for every letter of every traveler's name.
            if (char.IsAsciiLetter(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (IsWordInternalMark(c))
            {
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (!char.IsLetter(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            AppendLetter(builder, c);
        }

        return builder.ToString();
    }

    private static bool IsWordInternalMark(char c) => c switch
    {
        '\'' or '`' or '\u00B4' or '\u2018' or '\u2019' or '\u02BC' or '\u02BB' or '\u02BE' or '\u02BF' or '\u02B9' or '\u0640' => true,
        _ => false,
    };

    private static void AppendLetter(StringBuilder builder, char c)
    {
        if (TryFoldLetter(c, out var folded))
        {
            builder.Append(folded);
        }
        else
        {
            builder.Append(char.ToLowerInvariant(c));
        }
    }

    /// <summary>A Latin letter with a diacritic, a ligature or a letter that does not decompose, in plain lower-case letters.</summary>
    internal static bool TryFoldLetter(char c, out string folded)
    {
        folded = c switch
        {
            'ß' => "ss",
            'Æ' or 'æ' => "ae",
            'Œ' or 'œ' => "oe",
            'Ø' or 'ø' => "o",
            'Ł' or 'ł' => "l",
            'Đ' or 'đ' or 'Ð' or 'ð' => "d",
            'Þ' or 'þ' => "th",
            'ı' => "i",
            'Ħ' or 'ħ' => "h",
            _ => "",
        };
        return folded.Length > 0 || LatinLetterFolding.TryFold(c, out folded);
    }
}
