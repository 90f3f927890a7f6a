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

    /// <summary>Removes trailing whole-word titles: <c>YOUSSEF MR</c> → (<c>YOUSSEF</c>, <c>MR</c>).</summary>
    public static (string? GivenNames, string? Title) Split(string? givenNames)
    {
        if (string.IsNullOrWhiteSpace(givenNames))
        {
            return (null, null);
        }

        var words = givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var titles = new List<string>();
        while (words.Count > 0 && Spaced.Contains(words[^1]))
        {
            titles.Insert(0, words[^1].ToUpperInvariant());
            words.RemoveAt(words.Count - 1);
        }

        var rest = words.Count == 0 ? null : string.Join(' ', words);
        return (rest, titles.Count == 0 ? null : string.Join(' ', titles));
    }

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
