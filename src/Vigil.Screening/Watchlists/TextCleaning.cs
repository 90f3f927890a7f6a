using System.Text;

namespace Vigil.Screening.Watchlists;

/// <summary>Small text repairs every importer needs: lists carry stray newlines, double spaces and trailing blanks.</summary>
internal static class TextCleaning
{
    /// <summary>Trims and turns every run of white space (including newlines inside a field) into one space; null when blank.</summary>
    public static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Joins the non-blank parts with <paramref name="separator"/>; null when every part is blank.</summary>
    public static string? JoinNonBlank(string separator, params IEnumerable<string?> parts)
    {
        var kept = parts.Select(Collapse).Where(p => p is not null).ToList();
        return kept.Count == 0 ? null : string.Join(separator, kept);
    }

    /// <summary>
    /// True when the name has letters outside the Latin script (Arabic, Cyrillic, CJK …): lists give such names
    /// beside the transliterated ones and the matcher compares them differently.
    /// </summary>
    public static bool IsOriginalScript(string name)
    {
        foreach (var c in name)
        {
            if (char.IsLetter(c) && c >= '\u0370' && !(c >= '\u1E00' && c <= '\u1EFF'))
            {
                return true;
            }
        }

        return false;
    }
}
