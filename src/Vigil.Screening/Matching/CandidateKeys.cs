namespace Vigil.Screening.Matching;

/// <summary>
/// The keys under which a name unit is filed for finding candidates. The consonant skeleton absorbs vowel and
/// romanisation differences; its one-letter deletions make the lookup safe for one typing slip (a substituted,
/// added, dropped or swapped letter leaves two skeletons that share a deletion) — from four consonants up on the
/// list side and three on the query side, as shorter deletions would be shared by thousands of names. A slip in a
/// name of three consonants or fewer is still found when another unit of the name finds the candidate. Truncated MRZ units are found by
/// the first letters of the skeleton.
/// </summary>
internal static class CandidateKeys
{
    private const int PrefixLength = 3;

    /// <summary>List units file deletions from four consonants up; their deletions of three would be shared by thousands.</summary>
    private const int ListedDeletionsFrom = 4;

    /// <summary>Query units look up deletions from three consonants up, which finds a slip that added a consonant to a short name.</summary>
    private const int QueryDeletionsFrom = 3;

    public static void ForListed(PreparedUnit unit, HashSet<string> keys)
    {
        AddSkeletonAndDeletions(unit.Skeleton, keys, ListedDeletionsFrom);
        AddNameAfterPrefix(unit, keys);
        if (unit.Unit.HasArticle)
        {
            AddSkeletonAndDeletions(Names.PhoneticForm.Skeleton(unit.Phonetic), keys, ListedDeletionsFrom);
        }

        if (unit.Skeleton.Length >= PrefixLength)
        {
            keys.Add(PrefixKey(unit.Skeleton));
        }
    }

    public static void ForQuery(PreparedUnit unit, HashSet<string> keys)
    {
        AddSkeletonAndDeletions(unit.Skeleton, keys, QueryDeletionsFrom);
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

    private static void AddSkeletonAndDeletions(string skeleton, HashSet<string> keys, int deletionsFrom)
    {
        keys.Add(skeleton);
        if (skeleton.Length < deletionsFrom)
        {
            return;
        }

        for (var i = 0; i < skeleton.Length; i++)
        {
            keys.Add(string.Concat(skeleton.AsSpan(0, i), skeleton.AsSpan(i + 1)));
        }
    }
}
