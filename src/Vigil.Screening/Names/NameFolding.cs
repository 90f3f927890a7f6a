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
        switch (c)
        {
            case 'ß': builder.Append("ss"); break;
            case 'Æ' or 'æ': builder.Append("ae"); break;
            case 'Œ' or 'œ': builder.Append("oe"); break;
            case 'Ø' or 'ø': builder.Append('o'); break;
            case 'Ł' or 'ł': builder.Append('l'); break;
            case 'Đ' or 'đ' or 'Ð' or 'ð': builder.Append('d'); break;
            case 'Þ' or 'þ': builder.Append("th"); break;
            case 'ı': builder.Append('i'); break;
            case 'Ħ' or 'ħ': builder.Append('h'); break;
            default:
                if (LatinLetterFolding.TryFold(c, out var folded))
                {
                    builder.Append(folded);
                }
                else
                {
                    builder.Append(char.ToLowerInvariant(c));
                }

                break;
        }
    }
}
