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
    public static (string? GivenNames, string? Title) Split(string? givenNames)
    {
        if (string.IsNullOrWhiteSpace(givenNames))
        {
            return (null, null);
        }

        // Most names carry no title: find that out on spans, and only then build new strings.
        var text = givenNames.AsSpan().Trim();
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
            return (NeedsCollapse(text) ? Collapse(text) : text.Length == givenNames.Length ? givenNames : text.ToString(), null);
        }

        var rest = text[..cut].Trim();
        var titles = Collapse(text[cut..]).ToUpperInvariant();
        return (rest.IsEmpty ? null : Collapse(rest), titles);
    }

    private static bool NeedsCollapse(ReadOnlySpan<char> text) => text.Contains("  ", StringComparison.Ordinal);

    private static string Collapse(ReadOnlySpan<char> text) =>
        string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Also removes a title glued to the last word (<c>JOHNMR</c> → <c>JOHN</c>, <c>MR</c>) when at least two
    /// letters remain (<c>AMR</c> stays).
    /// </summary>
    public static (string? GivenNames, string? Title) SplitAirimp(string? givenAndTitle)
    {
        var (given, title) = Split(givenAndTitle);
        if (title is not null || given is null)
        {
            return (given, title);
        }

        var lastSpace = given.LastIndexOf(' ');
        var last = given[(lastSpace + 1)..];
        foreach (var glued in Glued)
        {
            if (last.EndsWith(glued, StringComparison.OrdinalIgnoreCase)
                && Letters(last.AsSpan(0, last.Length - glued.Length)) >= 2)
            {
                return (given[..^glued.Length], glued);
            }
        }

        return (given, null);
    }

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
