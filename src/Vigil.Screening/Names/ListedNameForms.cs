namespace Vigil.Screening.Names;

/// <summary>
/// Lists put notes and original-script spellings in parentheses inside a name field ("EL PARA (COMBAT NAME",
/// "Abdul Haq (عبد الحق"): the name to match is the text outside them; a parenthesised part in another script is
/// a name of its own, a Latin one is a note.
/// </summary>
public static class ListedNameForms
{
    public static IEnumerable<string> Of(string fullName)
    {
        var open = fullName.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            yield return fullName;
            yield break;
        }

        var close = fullName.IndexOf(')', open + 1);
        var inside = close < 0 ? fullName[(open + 1)..] : fullName[(open + 1)..close];
        var outside = close < 0 ? fullName[..open] : fullName[..open] + " " + fullName[(close + 1)..];
        foreach (var form in Of(outside))
        {
            if (form.Any(char.IsLetter))
            {
                yield return form;
            }
        }

        if (inside.Any(c => char.IsLetter(c) && c > '\u024F'))
        {
            yield return inside;
        }
    }
}
