using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>
/// A vocabulary unit as filed under one candidate key: its id beside the letter counts that rule most of the key's
/// units out for a query unit, four bits a letter. A query's unit the lists lack meets about 235 key neighbours;
/// read from the units' own sketches, scattered over three megabytes, each was a wait for memory that other
/// travelers' work had pushed out of the caches. Filed with the key, they are read in one sweep.
/// </summary>
/// <remarks>
/// Units whose counts do not fit (a letter more than 15 times, a form longer than 255 letters) and units that open
/// another way to similarity the counts alone do not judge (an article, an initial) are filed with
/// <see cref="Standing.AskSketch"/>: their full sketch decides.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct FiledUnit
{
    private const int MostPerNibble = 15;

    private readonly Vector128<byte> phoneticLanes;
    private readonly Vector128<byte> textLanes;

    public int Unit { get; }

    /// <summary>
    /// The Arabic names the variant dictionary says the unit writes, folded to 32 bits as in its sketch (0 when it
    /// does not know it): two units that may write one name are left to the dictionary, any other pair to the counts.
    /// </summary>
    public uint VariantNames { get; }

    public Standing Kind { get; }

    public byte CompoundOpener { get; }

    private readonly byte phoneticLength;
    private readonly byte textLength;
    private readonly byte phoneticVowels;
    private readonly byte phoneticBreaths;
    private readonly byte phoneticHard;
    private readonly byte textVowels;
    private readonly byte textBreaths;
    private readonly byte textHard;

    public FiledUnit(int unit, in UnitSketch sketch)
        : this(unit, UnitSketch.PhoneticOf(sketch), UnitSketch.TextOf(sketch), UnitSketch.VariantNamesOf(sketch), UnitSketch.CompoundOpenerOf(sketch), UnitSketch.IsPlainWord(sketch))
    {
    }

    private FiledUnit(int unit, in LetterCounts phonetic, in LetterCounts text, uint variantNames, byte compoundOpener, bool plainWord)
    {
        Unit = unit;
        VariantNames = variantNames;
        CompoundOpener = compoundOpener;
        var judgedByCounts = plainWord && Fits(phonetic) && Fits(text);
        Kind = judgedByCounts ? Standing.Counts : Standing.AskSketch;
        if (!judgedByCounts)
        {
            return;
        }

        phoneticLanes = Pack(phonetic.Lanes);
        textLanes = Pack(text.Lanes);
        phoneticLength = (byte)phonetic.Length;
        textLength = (byte)text.Length;
        (phoneticVowels, phoneticBreaths, phoneticHard) = (phonetic.Vowels, phonetic.Breaths, phonetic.Hard);
        (textVowels, textBreaths, textHard) = (text.Vowels, text.Breaths, text.Hard);
    }

    /// <summary>
    /// The filed counts of two listed units read as one word, as filing <see cref="UnitSketch.OfJoined"/> gives them:
    /// the written counts are the parts' added up, and only the joined phonetic form is made. A search asks of most
    /// candidates it passes over whether such a join could match; making each joined word's sketch anew was most
    /// of that. Without <paramref name="lookUpNames"/> the dictionary is not asked which names the joined word writes:
    /// for query units it does not know, the answer cannot matter.
    /// </summary>
    internal static FiledUnit Joined(string first, in FiledUnit firstFiled, string second, in FiledUnit secondFiled, bool lookUpNames)
    {
        if (firstFiled.Kind != Standing.Counts || secondFiled.Kind != Standing.Counts || first.Length + second.Length > LetterCounts.LongestCounted)
        {
            return new FiledUnit(-1, UnitSketch.OfJoined(first, second));
        }

        var (_, phonetic, variantNames, compoundOpener) = UnitSketch.Joined(first, second, countText: false, lookUpNames);
        return new FiledUnit(-1, phonetic, LetterCounts.Joined(firstFiled.Text, secondFiled.Text), variantNames, compoundOpener, plainWord: true);
    }

    /// <summary>How a filed unit is judged against a query unit.</summary>
    public enum Standing : byte
    {
        /// <summary>By the counts filed here.</summary>
        Counts,

        /// <summary>By the unit's full sketch.</summary>
        AskSketch,
    }

    /// <summary>Letter counts of the phonetic form, as the sketch holds them.</summary>
    public LetterCounts Phonetic => new(Unpack(phoneticLanes), phoneticLength, phoneticVowels, phoneticBreaths, phoneticHard);

    /// <summary>Letter counts of the written form, as the sketch holds them.</summary>
    public LetterCounts Text => new(Unpack(textLanes), textLength, textVowels, textBreaths, textHard);

    private static bool Fits(in LetterCounts counts) =>
        counts.Length <= LetterCounts.LongestCounted && Vector256.LessThanOrEqualAll(counts.Lanes, Vector256.Create((byte)MostPerNibble));

    /// <summary>Lane k in the low four bits of byte k, lane k + 16 in its high four.</summary>
    private static Vector128<byte> Pack(Vector256<byte> lanes) => lanes.GetLower() | Vector128.ShiftLeft(lanes.GetUpper().AsUInt16(), 4).AsByte();

    private static Vector256<byte> Unpack(Vector128<byte> packed)
    {
        var nibble = Vector128.Create((byte)MostPerNibble);
        return Vector256.Create(packed & nibble, Vector128.ShiftRightLogical(packed.AsUInt16(), 4).AsByte() & nibble);
    }
}
