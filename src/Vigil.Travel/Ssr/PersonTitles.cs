namespace Vigil.Travel.Ssr;

/// <summary>
/// Titles that booking systems write into the given-name field. Names are never cut by prefix or inside a
/// word: <c>DREW</c> is not <c>DR EW</c> and <c>MRINAL</c> is not <c>MR INAL</c>.
/// </summary>
internal static class PersonTitles
{
    // Removed only as a whole trailing word. JR, SR, II and the like are part of the legal name and stay.
    private static readonly HashSet<string> Spaced = new(StringComparer.OrdinalIgnoreCase)
    {
        "MR", "MRS", "MS", "MISS", "MSTR", "MASTER", "MX", "DR", "PROF", "REV", "CAPT", "SIR", "MME", "MLLE",
    };

    // Glued titles: only those that no real given name ends with. MS and DR are left alone because names such
    // as WILLIAMS, ADAMS or ALEXANDR end with them. Longest first so that MRS is not read as M + RS.
    private static readonly string[] Glued = ["MSTR", "MISS", "MRS", "MR"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpacedLookup = Spaced.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Removes trailing whole-word titles: <c>YOUSSEF MR</c> → (<c>YOUSSEF</c>, <c>MR</c>).</summary>
    public static (string? GivenNames, string? Title) Split(string? givenNames) => Split(givenNames.AsSpan(), givenNames, glued: false);

    /// <summary>As <see cref="Split(string?)"/>, for names not yet made into a string.</summary>
    public static (string? GivenNames, string? Title) Split(ReadOnlySpan<char> givenNames) => Split(givenNames, null, glued: false);

    /// <summary>
    /// Also removes a title glued to the last word (<c>JOHNMR</c> → <c>JOHN</c>, <c>MR</c>) when at least two
    /// letters remain (<c>AMR</c> stays).
    /// </summary>
    public static (string? GivenNames, string? Title) SplitAirimp(string? givenAndTitle) => Split(givenAndTitle.AsSpan(), givenAndTitle, glued: true);

    /// <summary>As <see cref="SplitAirimp(string?)"/>, for names not yet made into a string.</summary>
    public static (string? GivenNames, string? Title) SplitAirimp(ReadOnlySpan<char> givenAndTitle) => Split(givenAndTitle, null, glued: true);

    /// <param name="names">The names as sent.</param>
    /// <param name="original">The same names as a string when there is one: returned as is when nothing is removed.</param>
    /// <param name="glued">Whether a title glued to the last word is removed too.</param>
    private static (string? GivenNames, string? Title) Split(ReadOnlySpan<char> names, string? original, bool glued)
    {
        // Most names carry no title: find that out on spans, and only then build new strings.
        var text = names.Trim();
        if (text.IsEmpty)
        {
            return (null, null);
        }

        var end = text.Length;
        var cut = end;
        while (cut > 0)
        {
            var trimmed = text[..cut].TrimEnd();
            var space = trimmed.LastIndexOf(' ');
            var word = trimmed[(space + 1)..];
            if (word.IsEmpty || !SpacedLookup.Contains(word))
            {
                break;
            }

            cut = space < 0 ? 0 : space;
        }

        if (cut == end)
        {
            if (NeedsCollapse(text))
            {
                var collapsed = Collapse(text);
                return glued ? SplitGlued(collapsed, collapsed) : (collapsed, null);
            }

            var unchanged = text.Length == original?.Length ? original : null;
            return glued ? SplitGlued(text, unchanged) : (unchanged ?? text.ToString(), null);
        }

        var rest = text[..cut].Trim();
        var titles = Collapse(text[cut..]).ToUpperInvariant();
        return (rest.IsEmpty ? null : Collapse(rest), titles);
    }

    /// <summary>A title glued to the last word of <paramref name="given"/>; <paramref name="givenText"/> is the same as a string, if made.</summary>
    private static (string? GivenNames, string? Title) SplitGlued(ReadOnlySpan<char> given, string? givenText)
    {
        var last = given[(given.LastIndexOf(' ') + 1)..];
        foreach (var title in Glued)
        {
            if (last.EndsWith(title, StringComparison.OrdinalIgnoreCase) && Letters(last[..^title.Length]) >= 2)
            {
                return (given[..^title.Length].ToString(), title);
            }
        }

        return (givenText ?? given.ToString(), null);
    }

    private static bool NeedsCollapse(ReadOnlySpan<char> text) => text.Contains("  ", StringComparison.Ordinal);

    private static string Collapse(ReadOnlySpan<char> text) =>
        string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Letters(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                count++;
            }
        }

        return count;
    }
}
