using System.Runtime.Intrinsics;
using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>
/// What a unit comparison needs to rule a pair out without reading either unit's strings: letter counts of the
/// written and phonetic forms (with and without the article) and the few facts that open another way to similarity
/// (an initial, a dictionary entry, a compound opener, a cut MRZ word). The index keeps the sketches of its
/// vocabulary side by side, so that the neighbours a query unit cannot reach cost no visit to their units.
/// </summary>
public readonly struct UnitSketch
{
    // In the order a comparison reads them: most pairs are settled by the flags and the first two counts.
    private readonly UnitKind kind;
    private readonly bool hasArticle;
    private readonly bool isTruncated;
    private readonly byte compoundOpener;

    /// <summary>The Arabic names the dictionary says the unit writes, folded to 32 bits; 0 when it does not know it.</summary>
    private readonly uint variantNames;
    private readonly LetterCounts phonetic;
    private readonly LetterCounts text;
    private readonly LetterCounts corePhonetic;
    private readonly LetterCounts core;

    internal UnitSketch(NameUnit unit, string phoneticForm, string corePhoneticForm)
    {
        text = new LetterCounts(unit.Text);
        phonetic = new LetterCounts(phoneticForm);
        core = unit.HasArticle ? new LetterCounts(unit.Core) : text;
        corePhonetic = unit.HasArticle ? new LetterCounts(corePhoneticForm) : phonetic;
        kind = unit.Kind;
        hasArticle = unit.HasArticle;
        isTruncated = unit.IsTruncated;
        variantNames = Folded(NameVariants.Of(unit.Core));
        compoundOpener = (byte)UnitSimilarity.CompoundOpener(phoneticForm);
    }

    private UnitSketch(in LetterCounts text, in LetterCounts phonetic, uint variantNames, byte compoundOpener)
    {
        this.text = core = text;
        this.phonetic = corePhonetic = phonetic;
        kind = UnitKind.Word;
        this.variantNames = variantNames;
        this.compoundOpener = compoundOpener;
    }

    /// <summary>The dictionary's 64 name bits folded to the 32 a sketch keeps; 0 for a spelling it does not know.</summary>
    private static uint Folded(NameVariants.VariantEntry? variants) =>
        variants is null ? 0 : (uint)variants.NameBits | (uint)(variants.NameBits >> 32);

    /// <summary>
    /// The sketch of two units read as one word (what the scorer's join makes of them), without making the joined
    /// unit's strings: a search asks of many candidates whether any join could match, and few could.
    /// </summary>
    internal static UnitSketch OfJoined(string first, string second)
    {
        var (text, phonetic, variantNames, compoundOpener) = Joined(first, second, countText: true, lookUpNames: true);
        return new UnitSketch(text, phonetic, variantNames, compoundOpener);
    }

    /// <summary>
    /// What <see cref="OfJoined"/> holds of two units read as one: the written counts only when
    /// <paramref name="countText"/> (a caller holding the parts' counts adds them up), the phonetic counts, the
    /// dictionary's names (only when <paramref name="lookUpNames"/>: a query unit the dictionary does not know shares
    /// no name with any spelling) and the compound opener.
    /// </summary>
    internal static (LetterCounts Text, LetterCounts Phonetic, uint VariantNames, byte CompoundOpener) Joined(string first, string second, bool countText, bool lookUpNames)
    {
        var length = first.Length + second.Length;
        Span<char> text = length <= 128 ? stackalloc char[length] : new char[length];
        first.CopyTo(text);
        second.CopyTo(text[first.Length..]);
        Span<char> phonetic = length <= 128 ? stackalloc char[PhoneticForm.LongestFor(length)] : new char[PhoneticForm.LongestFor(length)];
        phonetic = phonetic[..PhoneticForm.Write(text, phonetic)];
        return (countText ? new LetterCounts(text) : default, new LetterCounts(phonetic), lookUpNames ? Folded(NameVariants.Of(text)) : 0, (byte)UnitSimilarity.CompoundOpener(phonetic));
    }

    /// <summary>Letter counts of the written form.</summary>
    internal static ref readonly LetterCounts TextOf(in UnitSketch sketch) => ref sketch.text;

    /// <summary>Letter counts of the phonetic form.</summary>
    internal static ref readonly LetterCounts PhoneticOf(in UnitSketch sketch) => ref sketch.phonetic;

    /// <summary>Letter counts of the written form without its article.</summary>
    internal static ref readonly LetterCounts CoreOf(in UnitSketch sketch) => ref sketch.core;

    /// <summary>Letter counts of the phonetic form without its article.</summary>
    internal static ref readonly LetterCounts CorePhoneticOf(in UnitSketch sketch) => ref sketch.corePhonetic;

    /// <summary>The Arabic names the variant dictionary says the unit writes, folded to 32 bits; 0 when it does not know it.</summary>
    internal static uint VariantNamesOf(in UnitSketch sketch) => sketch.variantNames;

    /// <summary>The length of the "abdal" or "abu" the phonetic form opens with, or 0.</summary>
    internal static byte CompoundOpenerOf(in UnitSketch sketch) => sketch.compoundOpener;

    internal static UnitKind KindOf(in UnitSketch sketch) => sketch.kind;

    internal static bool HasArticle(in UnitSketch sketch) => sketch.hasArticle;

    /// <summary>Whether the unit is a word an MRZ may have cut short.</summary>
    internal static bool IsTruncated(in UnitSketch sketch) => sketch.isTruncated;

    /// <summary>A whole word without an article, whose written and phonetic counts are all a comparison reads of it.</summary>
    internal static bool IsPlainWord(in UnitSketch sketch) =>
        sketch.kind is not (UnitKind.Link or UnitKind.Initial) && !sketch.hasArticle && !sketch.isTruncated;

    /// <summary>
    /// <see cref="RulesOut(in UnitSketch, in UnitSketch)"/> for a unit filed under a key, from the counts filed with it; false where those cannot
    /// tell (<see cref="FiledUnit.Standing.AskSketch"/>) and the caller must ask the unit's full sketch.
    /// </summary>
    internal static bool RulesOut(in UnitSketch query, in FiledUnit listed, out bool askSketch)
    {
        askSketch = false;
        if (query.kind == UnitKind.Link)
        {
            return true;
        }

        if (listed.Kind == FiledUnit.Standing.AskSketch || (query.compoundOpener != 0 && query.compoundOpener == listed.CompoundOpener))
        {
            askSketch = true;
            return false;
        }

        if (NameVariants.MayShareAName(query.variantNames, listed.VariantNames))
        {
            // The dictionary may call them one name, however their letters differ.
            return false;
        }

        if (query.kind == UnitKind.Initial)
        {
            return false;
        }

        // The listed unit has no article, so its phonetic form is its phonetic core.
        var text = listed.Text;
        var phonetic = listed.Phonetic;
        return !(query.isTruncated && MayBeginWith(phonetic, query.phonetic))
            && WholeFormsOutOfReach(query, phonetic, text, phonetic, listedHasArticle: false, UnitSimilarity.FloorFor(query.text.Length, text.Length));
    }

    /// <summary>
    /// Whether a listed phonetic form may begin with a cut query word's, as <see cref="UnitSimilarity.Of"/> asks of such
    /// a word: it then holds each of the word's letters at least as often.
    /// </summary>
    private static bool MayBeginWith(in LetterCounts listed, in LetterCounts query) =>
        listed.Length > LetterCounts.LongestCounted
        || (listed.Length >= query.Length && Vector256.LessThanOrEqualAll(query.Lanes, listed.Lanes));

    /// <summary>
    /// True when <see cref="UnitSimilarity.Of"/> surely gives the pair 0. Two spellings the dictionary may call one
    /// name are that name however their letters differ, so they are left to it; spellings of different names, or of
    /// names it does not know, are alike only as far as their letters are.
    /// </summary>
    internal static bool RulesOut(in UnitSketch query, in UnitSketch listed)
    {
        if (query.kind == UnitKind.Link || listed.kind == UnitKind.Link)
        {
            return true;
        }

        return !NameVariants.MayShareAName(query.variantNames, listed.variantNames) && OutOfReach(query, listed);
    }

    /// <summary>
    /// True when no edit distance <see cref="UnitSimilarity.Of"/> computes for the pair can reach its floor, judged
    /// from letter counts; an initial may still agree by its first letter, and a possibly cut query word with a listed
    /// word that holds all its letters by the letters the listed word begins with.
    /// </summary>
    internal static bool OutOfReach(in UnitSketch query, in UnitSketch listed)
    {
        if (query.kind == UnitKind.Initial || listed.kind == UnitKind.Initial || (query.isTruncated && MayBeginWith(listed.phonetic, query.phonetic)))
        {
            return false;
        }

        var floor = UnitSimilarity.FloorFor(query.text.Length, listed.text.Length);
        if (query.compoundOpener != 0 && query.compoundOpener == listed.compoundOpener)
        {
            // The name after the opener is compared (its counts differ as the whole forms' do), and the whole text.
            return Below(query.phonetic, listed.phonetic, plain: false, floor, query.compoundOpener)
                && Below(query.phonetic, listed.phonetic, plain: true, floor, query.compoundOpener)
                && Below(query.text, listed.text, plain: true, floor);
        }

        if (query.hasArticle && listed.hasArticle)
        {
            return Below(query.corePhonetic, listed.corePhonetic, plain: false, floor)
                && Below(query.core, listed.core, plain: true, floor);
        }

        return WholeFormsOutOfReach(query, listed.phonetic, listed.text, listed.corePhonetic, listed.hasArticle, floor);
    }

    /// <summary>
    /// Neither the phonetic nor the written forms can reach the floor, nor, with an article on one side only, the
    /// phonetic cores: the case of most pairs, judged alike from a listed unit's sketch or from the counts filed with
    /// its keys.
    /// </summary>
    private static bool WholeFormsOutOfReach(
        in UnitSketch query, in LetterCounts listedPhonetic, in LetterCounts listedText, in LetterCounts listedCorePhonetic, bool listedHasArticle, double floor) =>
        Below(query.phonetic, listedPhonetic, plain: false, floor)
        && Below(query.text, listedText, plain: true, floor)
        && (query.hasArticle == listedHasArticle
            || Below(query.corePhonetic, listedCorePhonetic, plain: false, floor, handicap: UnitSimilarity.ArticleOnOneSideOnly));

    /// <summary>The bound is reduced exactly as the similarity itself would be, so that a pair on the floor stays on it.</summary>
    private static bool Below(in LetterCounts a, in LetterCounts b, bool plain, double floor, int sharedOpening = 0, double handicap = 0) =>
        SpellingDistance.SimilarityAtMost(a, b, plain, sharedOpening) - handicap < floor;
}
