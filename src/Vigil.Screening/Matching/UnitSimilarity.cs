using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>How alike two name units are, in [0, 1]; below <see cref="Floor"/> two units are simply different names.</summary>
public static class UnitSimilarity
{
    public const double Floor = 0.78;

    /// <summary>The lowest floor any pair can have (four-letter names allow one slip): below it, distances need not be finished.</summary>
    private const double LowestFloor = 0.75;

    private const double SamePhoneticForm = 0.97;
    private const double TruncatedPrefix = 0.93;
    internal const double ArticleOnOneSideOnly = 0.04;
    private const double InitialAgrees = 0.9;
    private const double KnownVariant = 0.95;

    /// <summary>Two different names a single slip apart (Hamad, Ahmad) may still be a slip: the table does not overrule it.</summary>
    private const double OneSlip = 0.8;

    /// <summary>
    /// A nickname against a name it stands for (Bob, Robert), either way round: the same given name, told by the
    /// symbol table rather than the letters. Two names one nickname stands for (Samuel, Samantha) are not alike.
    /// </summary>
    internal const double Nickname = 0.9;

    public static double Of(PreparedUnit query, PreparedUnit listed) =>
        NameSymbols.Default.AreNicknameAndName(query.Text, listed.Text) ? Nickname
        : UnitSketch.RulesOut(query.Sketch, listed.Sketch) ? 0
        : OfNotRuledOut(query, listed);

    /// <summary>
    /// <see cref="Of"/> for a pair whose sketches were already found not to rule it out: the index's neighbour search
    /// tests the sketches first, from its own array, and most pairs end there.
    /// </summary>
    internal static double OfNotRuledOut(PreparedUnit query, PreparedUnit listed)
    {
        if (string.Equals(query.Text, listed.Text, StringComparison.Ordinal))
        {
            return 1;
        }

        if (query.Kind == UnitKind.Initial || listed.Kind == UnitKind.Initial)
        {
            return query.Text[0] == listed.Text[0] ? InitialAgrees : 0;
        }

        // Country codes one letter apart are different countries, and initials one letter apart other organisations.
        if (query.Kind is UnitKind.Country or UnitKind.Acronym || listed.Kind is UnitKind.Country or UnitKind.Acronym)
        {
            return 0;
        }

        switch (NameVariants.Relation(query.Variants, listed.Variants))
        {
            case VariantRelation.SameName:
                return Math.Max(KnownVariant, query.Unit.HasArticle == listed.Unit.HasArticle ? 0 : KnownVariant - ArticleOnOneSideOnly);
            // Unless romanisation alone parts them (Fedor, Fyodor): the table, made of Arabic spellings, tells names
            // apart by how Arabic writes them.
            case VariantRelation.DifferentNames when !string.Equals(query.Phonetic, listed.Phonetic, StringComparison.Ordinal) && Plain(query.Unit.Core, listed.Unit.Core, UnitSketch.CoreOf(query.Sketch), UnitSketch.CoreOf(listed.Sketch), OneSlip) < OneSlip:
                return 0;
            // Left to the dictionary above (both spellings are in it), which did not settle it.
            case VariantRelation.Unknown when query.Variants is not null && listed.Variants is not null && UnitSketch.OutOfReach(query.Sketch, listed.Sketch):
                return 0;
        }

        var floor = FloorFor(query.Text.Length, listed.Text.Length);
        var cutoff = Math.Max(floor, LowestFloor);
        double similarity;
        if (SharedCompoundOpener(query.Phonetic, listed.Phonetic) is var opener and > 0)
        {
            // Abd al-Rahman and Abd al-Manam share "servant of the"; the name of God after it is the name. A slip
            // anywhere in the written compound (Abdufl Rahim) still counts as the slip it is.
            var whole = SpellingDistance.PlainSimilarity(query.Text, listed.Text, LowestFloor);
            similarity = Math.Max(
                Math.Max(Compare(query.Phonetic[opener..], listed.Phonetic[opener..]), SpellingDistance.PlainSimilarity(query.Phonetic[opener..], listed.Phonetic[opener..], LowestFloor)),
                whole >= 1 - (1.0 / Math.Max(query.Text.Length, listed.Text.Length)) - 1e-9 ? whole : 0);
        }
        else if (query.Unit.HasArticle && listed.Unit.HasArticle)
        {
            // The shared article says nothing: al-Anabi and al-Adnani are as different as Anabi and Adnani.
            similarity = Math.Max(
                Compare(query.CorePhonetic, listed.CorePhonetic, UnitSketch.CorePhoneticOf(query.Sketch), UnitSketch.CorePhoneticOf(listed.Sketch), cutoff),
                Plain(query.Unit.Core, listed.Unit.Core, UnitSketch.CoreOf(query.Sketch), UnitSketch.CoreOf(listed.Sketch), cutoff));
        }
        else
        {
            similarity = Math.Max(
                Compare(query.Phonetic, listed.Phonetic, UnitSketch.PhoneticOf(query.Sketch), UnitSketch.PhoneticOf(listed.Sketch), cutoff),
                Plain(query.Text, listed.Text, UnitSketch.TextOf(query.Sketch), UnitSketch.TextOf(listed.Sketch), cutoff));
            if (query.Unit.HasArticle || listed.Unit.HasArticle)
            {
                similarity = Math.Max(similarity, Compare(query.CorePhonetic, listed.CorePhonetic, UnitSketch.CorePhoneticOf(query.Sketch), UnitSketch.CorePhoneticOf(listed.Sketch), LowestFloor) - ArticleOnOneSideOnly);
            }
        }

        if (query.Unit.IsTruncated && query.Phonetic.Length >= 3 && listed.Phonetic.StartsWith(query.Phonetic, StringComparison.Ordinal))
        {
            similarity = Math.Max(similarity, TruncatedPrefix);
        }

        return similarity >= floor ? similarity : 0;
    }

    /// <summary>One slip in a four-letter name is still the name; in shorter names one letter makes another name.</summary>
    internal static double FloorFor(int queryLength, int listedLength) => Math.Min(Floor, 1 - (1.0 / Math.Max(queryLength, listedLength)));

    /// <summary>The length of an "abdal" or "abu" both phonetic forms open with, when a name follows in both.</summary>
    private static int SharedCompoundOpener(string a, string b) => CompoundOpener(a) is var opener && opener == CompoundOpener(b) ? opener : 0;

    /// <summary>The length of the "abdal" or "abu" a phonetic form opens with, when a name follows, or 0.</summary>
    internal static int CompoundOpener(ReadOnlySpan<char> phonetic)
    {
        foreach (var opener in (ReadOnlySpan<string>)["abdal", "abu"])
        {
            if (phonetic.Length > opener.Length && phonetic.StartsWith(opener))
            {
                return opener.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// The phonetic forms' similarity; below <paramref name="floor"/> (the pair's own where the result is kept only
    /// if it reaches it, never below <see cref="LowestFloor"/>) it may be reported as 0. Comparisons handicapped
    /// after the fact keep the lowest floor.
    /// </summary>
    private static double Compare(string a, string b, double floor = LowestFloor) =>
        string.Equals(a, b, StringComparison.Ordinal) ? SamePhoneticForm : SpellingDistance.Similarity(a, b, floor);

    /// <summary>
    /// <see cref="Compare(string, string, double)"/>, first ruled out from the forms' letter counts: most pairs the
    /// neighbour search meets are near on one form only, and the distance of the other need not be worked out. A
    /// bound below the floor means a distance above the comparison's own limit, so the result is the same.
    /// </summary>
    private static double Compare(string a, string b, in LetterCounts countsA, in LetterCounts countsB, double floor) =>
        SpellingDistance.SimilarityAtMost(countsA, countsB, plain: false) < floor - BoundMargin ? 0 : Compare(a, b, floor);

    /// <summary><see cref="SpellingDistance.PlainSimilarity"/>, first ruled out from the forms' letter counts.</summary>
    private static double Plain(string a, string b, in LetterCounts countsA, in LetterCounts countsB, double floor) =>
        SpellingDistance.SimilarityAtMost(countsA, countsB, plain: true) < floor - BoundMargin ? 0 : SpellingDistance.PlainSimilarity(a, b, floor);

    /// <summary>Keeps rounding from ruling out a pair whose bound lies exactly on the floor.</summary>
    private const double BoundMargin = 1e-9;
}
