namespace Vigil.Screening.Matching;

/// <summary>
/// The keys under which a name unit is filed for finding candidates. The consonant skeleton absorbs vowel and
/// romanisation differences; the keys around it make the lookup safe for one typing slip (a substituted, added,
/// dropped or swapped consonant). Skeletons of four consonants or more are filed under each one-letter deletion
/// (two skeletons one slip apart share a deletion). Three-consonant skeletons are filed under each position
/// replaced by a wildcard ("s*k"), which a query meets with the same wildcards or, from two consonants, with a
/// wildcard inserted; their deletions would be two-letter keys shared by thousands of names. A query of three
/// consonants also looks up its deletions, which are listed two-consonant skeletons, and a query of two or three
/// its skeleton with two neighbours swapped (a swap is two wildcards apart). Truncated MRZ units are
/// found by the first letters of the skeleton.
/// </summary>
internal static class CandidateKeys
{
    private const int PrefixLength = 3;

    private const char Wildcard = '*';

    public static void ForListed(PreparedUnit unit, HashSet<string> keys)
    {
        // An organisation's initials agree only letter for letter, and equal letters have equal skeletons.
        if (unit.Kind == Names.UnitKind.Acronym)
        {
            keys.Add(unit.Skeleton);
            return;
        }

        AddListed(unit.Skeleton, keys);
        AddNameAfterPrefix(unit, keys);
        if (unit.Unit.HasArticle)
        {
            AddListed(Names.PhoneticForm.Skeleton(unit.Phonetic), keys);
        }

        if (unit.Skeleton.Length >= PrefixLength)
        {
            keys.Add(PrefixKey(unit.Skeleton));
        }
    }

    public static void ForQuery(PreparedUnit unit, HashSet<string> keys)
    {
        AddQuery(unit.Skeleton, keys);
        if (unit.Unit.HasArticle)
        {
            AddQuery(Names.PhoneticForm.Skeleton(unit.Phonetic), keys);
        }

        AddNameAfterPrefix(unit, keys);
        if (unit.Unit.IsTruncated && unit.Skeleton.Length >= PrefixLength)
        {
            keys.Add(PrefixKey(unit.Skeleton));
        }
    }

    /// <summary>
    /// "Abdulmajid" and "Abu Bakr" are also filed under the name after "abd al" or "abu", so that they meet the same
    /// name written apart and out of order ("Majid, Abdul").
    /// </summary>
    private static void AddNameAfterPrefix(PreparedUnit unit, HashSet<string> keys)
    {
        var phonetic = unit.Phonetic;
        var rest = phonetic.StartsWith("abdal", StringComparison.Ordinal) ? phonetic[5..]
            : phonetic.StartsWith("abu", StringComparison.Ordinal) ? phonetic[3..]
            : "";
        if (rest.Length >= 3)
        {
            keys.Add(Names.PhoneticForm.Skeleton(rest));
        }
    }

    private static string PrefixKey(string skeleton) => "^" + skeleton[..PrefixLength];

    private static void AddListed(string skeleton, HashSet<string> keys)
    {
        keys.Add(skeleton);
        if (skeleton.Length == 3)
        {
            AddWildcardSubstitutions(skeleton, keys);
        }
        else if (skeleton.Length >= 4)
        {
            AddDeletions(skeleton, keys);
        }
    }

    private static void AddQuery(string skeleton, HashSet<string> keys)
    {
        keys.Add(skeleton);
        switch (skeleton.Length)
        {
            case 2:
                for (var i = 0; i <= skeleton.Length; i++)
                {
                    keys.Add(string.Concat(skeleton.AsSpan(0, i), [Wildcard], skeleton.AsSpan(i)));
                }

                AddSwaps(skeleton, keys);
                break;
            case 3:
                AddWildcardSubstitutions(skeleton, keys);
                AddDeletions(skeleton, keys);
                AddSwaps(skeleton, keys);
                break;
            case > 3:
                AddDeletions(skeleton, keys);
                break;
        }
    }

    private static void AddWildcardSubstitutions(string skeleton, HashSet<string> keys)
    {
        for (var i = 0; i < skeleton.Length; i++)
        {
            keys.Add(string.Concat(skeleton.AsSpan(0, i), [Wildcard], skeleton.AsSpan(i + 1)));
        }
    }

    /// <summary>
    /// Two neighbouring consonants swapped (Ryogn for Ryong) change two places of a short skeleton, which no wildcard
    /// key covers; the skeleton with them swapped back is the listed unit's own key.
    /// </summary>
    private static void AddSwaps(string skeleton, HashSet<string> keys)
    {
        Span<char> swapped = stackalloc char[skeleton.Length];
        for (var i = 0; i + 1 < skeleton.Length; i++)
        {
            if (skeleton[i] != skeleton[i + 1])
            {
                skeleton.CopyTo(swapped);
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                keys.Add(new string(swapped));
            }
        }
    }

    private static void AddDeletions(string skeleton, HashSet<string> keys)
    {
        for (var i = 0; i < skeleton.Length; i++)
        {
            keys.Add(string.Concat(skeleton.AsSpan(0, i), skeleton.AsSpan(i + 1)));
        }
    }
}
