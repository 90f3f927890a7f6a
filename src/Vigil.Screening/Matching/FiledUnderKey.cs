using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>
/// The vocabulary units filed under one candidate key, with the letter counts that rule most of them out for a query
/// unit (<see cref="UnitSketch.RulesOut(in UnitSketch, in FiledUnit, out bool)"/>). A query's unit the lists lack
/// meets about 5,000 of them on a list of a million identities; judged one at a time, each cost 25 ns or more, most of
/// it summing a pair's shared counts lane by lane, and the neighbour search spent more there than anywhere else. Here
/// the counts of 32 units are kept lane by lane (one row holds one lane of 32 units), so that one vector operation
/// takes the shared count of a lane for all 32 and the bound is worked out for sixteen at a time. A list shorter than
/// 32 units is kept as <see cref="FiledUnit"/>s and judged one by one.
/// </summary>
/// <remarks>
/// A block is 38 rows of 32 bytes, a byte per unit: 16 rows of phonetic counts, 16 of written counts, then the
/// phonetic form's vowels, h/w/y and other consonants, its length, the written length and the compound opener. A
/// counts row holds two lanes, four bits a unit each (the counts a <see cref="FiledUnit"/> keeps): lane p in the low
/// half of a unit's byte, lane p + 16 in its high half. Units whose counts do not judge them (an article, an initial,
/// counts that do not fit), units sharing the query's compound opener, and units shorter than five letters against a
/// query unit as short (their floor is not the usual one) are judged one by one, from their filed counts or sketch.
/// </remarks>
internal sealed class FiledUnderKey
{
    public const int BlockSize = 32;

    /// <summary>Lanes a row holds two of.</summary>
    private const int Pairs = 16;

    private const int TextRows = Pairs;
    private const int VowelsRow = 2 * Pairs;
    private const int BreathsRow = VowelsRow + 1;
    private const int HardRow = VowelsRow + 2;
    private const int PhoneticLengthRow = VowelsRow + 3;
    private const int TextLengthRow = VowelsRow + 4;
    private const int OpenerRow = VowelsRow + 5;
    private const int RowsPerBlock = VowelsRow + 6;

    /// <summary>Below this length of the written form, a pair's floor depends on both lengths (<see cref="UnitSimilarity.FloorFor"/>).</summary>
    private const int ShortestWithUsualFloor = 5;

    [ThreadStatic]
    private static QueryLanes? lanesOfThread;

    private readonly FiledUnit[]? few;
    private readonly Vector256<byte>[] rows = [];
    private readonly int[] units = [];
    private readonly uint[] variantNames = [];

    /// <summary>Per block, the units judged one by one whatever the query: their counts cannot tell.</summary>
    private readonly uint[] judgedOneByOne = [];

    /// <summary>
    /// The sketches of the units judged by their sketch alone (<see cref="FiledUnit.Standing.AskSketch"/>: an article,
    /// an initial), in filing order, and per block the first of the block's: about one unit in ten, each read at a
    /// random place of the index's array of sketches was three waits for memory.
    /// </summary>
    private readonly UnitSketch[] sketchesOfAsked = [];
    private readonly uint[] judgedBySketch = [];
    private readonly int[] firstAskedOfBlock = [];

    public FiledUnderKey(ReadOnlySpan<int> ids, ReadOnlySpan<FiledUnit> filedByUnit, ReadOnlySpan<UnitSketch> sketches)
    {
        if (ids.Length < BlockSize || !QueryLanes.Supported)
        {
            few = new FiledUnit[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                few[i] = filedByUnit[ids[i]];
            }

            return;
        }

        units = ids.ToArray();
        variantNames = new uint[ids.Length];
        var blocks = (ids.Length + BlockSize - 1) / BlockSize;
        judgedOneByOne = new uint[blocks];
        judgedBySketch = new uint[blocks];
        firstAskedOfBlock = new int[blocks];
        var asked = new List<UnitSketch>();
        var bytes = new byte[blocks * RowsPerBlock * BlockSize];
        for (var i = 0; i < ids.Length; i++)
        {
            ref readonly var filed = ref filedByUnit[ids[i]];
            int block = i / BlockSize, at = i % BlockSize;
            ref var first = ref bytes[(block * RowsPerBlock * BlockSize) + at];
            variantNames[i] = filed.VariantNames;
            Row(ref first, OpenerRow) = filed.CompoundOpener;
            if (at == 0)
            {
                firstAskedOfBlock[block] = asked.Count;
            }

            if (filed.Kind == FiledUnit.Standing.AskSketch)
            {
                judgedBySketch[block] |= 1u << at;
                asked.Add(sketches[ids[i]]);
            }

            var phonetic = filed.Phonetic;
            var text = filed.Text;
            if (filed.Kind == FiledUnit.Standing.AskSketch || phonetic.Length == 0 || text.Length == 0)
            {
                judgedOneByOne[block] |= 1u << at;
                continue;
            }

            for (var p = 0; p < Pairs; p++)
            {
                Row(ref first, p) = (byte)(phonetic.Lanes[p] | (phonetic.Lanes[p + Pairs] << 4));
                Row(ref first, TextRows + p) = (byte)(text.Lanes[p] | (text.Lanes[p + Pairs] << 4));
            }

            Row(ref first, VowelsRow) = phonetic.Vowels;
            Row(ref first, BreathsRow) = phonetic.Breaths;
            Row(ref first, HardRow) = phonetic.Hard;
            Row(ref first, PhoneticLengthRow) = (byte)phonetic.Length;
            Row(ref first, TextLengthRow) = (byte)text.Length;
        }

        rows = MemoryMarshal.Cast<byte, Vector256<byte>>(bytes).ToArray();
        sketchesOfAsked = [.. asked];
    }

    /// <summary>Whether this machine judges lists of 32 units or more by blocks (else one by one, with the same result).</summary>
    internal static bool JudgesByBlocks => QueryLanes.Supported;

    /// <summary>
    /// <paramref name="query"/>'s counts spread for judging blocks, in this thread's working memory (good until the
    /// next call); null where its units are judged one by one. Spread once for all the keys of a search.
    /// </summary>
    public static QueryLanes? LanesFor(in UnitSketch query)
    {
        var lanes = lanesOfThread ??= new QueryLanes();
        return lanes.Spread(query) ? lanes : null;
    }

    /// <summary>
    /// Adds to <paramref name="into"/>, in filing order, every unit that the counts (or, where they cannot tell, the
    /// unit's sketch) do not rule out for <paramref name="query"/>, spread as <paramref name="lanes"/>
    /// (<see cref="LanesFor"/>): those whose similarity may reach the floor.
    /// </summary>
    public void AddNotRuledOut(in UnitSketch query, QueryLanes? lanes, ReadOnlySpan<FiledUnit> filedByUnit, ReadOnlySpan<UnitSketch> sketches, List<int> into)
    {
        if (few is not null)
        {
            foreach (ref readonly var filed in few.AsSpan())
            {
                if (NotRuledOut(query, filed, sketches))
                {
                    into.Add(filed.Unit);
                }
            }

            return;
        }

        if (lanes is null)
        {
            foreach (var unit in units)
            {
                if (NotRuledOut(query, filedByUnit[unit], sketches))
                {
                    into.Add(unit);
                }
            }

            return;
        }

        for (var block = 0; block * BlockSize < units.Length; block++)
        {
            var first = block * BlockSize;
            var present = units.Length - first >= BlockSize ? uint.MaxValue : (1u << (units.Length - first)) - 1;
            var oneByOne = present & OneByOne(block, lanes);
            var judged = present & ~oneByOne;
            var ruledOut = judged & (lanes.RulesOutAny ? RuledOut(block, lanes) : 0);
            if (lanes.VariantNames != 0)
            {
                // The dictionary may call two spellings one name however their letters differ.
                for (var left = ruledOut; left != 0; left &= left - 1)
                {
                    var at = BitOperations.TrailingZeroCount(left);
                    if ((variantNames[first + at] & lanes.VariantNames) != 0)
                    {
                        ruledOut &= ~(1u << at);
                    }
                }
            }

            for (var left = (judged & ~ruledOut) | oneByOne; left != 0; left &= left - 1)
            {
                var at = BitOperations.TrailingZeroCount(left);
                var unit = units[first + at];
                var bit = 1u << at;
                if ((oneByOne & bit) == 0
                    || ((judgedBySketch[block] & bit) != 0
                        ? !UnitSketch.RulesOut(query, sketchesOfAsked[firstAskedOfBlock[block] + BitOperations.PopCount(judgedBySketch[block] & (bit - 1))])
                        : NotRuledOut(query, filedByUnit[unit], sketches)))
                {
                    into.Add(unit);
                }
            }
        }
    }

    internal static bool NotRuledOut(in UnitSketch query, in FiledUnit filed, ReadOnlySpan<UnitSketch> sketches) =>
        !UnitSketch.RulesOut(query, filed, out var askSketch) && !(askSketch && UnitSketch.RulesOut(query, sketches[filed.Unit]));

    private static ref byte Row(ref byte first, int row) => ref Unsafe.Add(ref first, row * BlockSize);

    /// <summary>The block's units to judge one by one for this query.</summary>
    private uint OneByOne(int block, QueryLanes lanes)
    {
        var rowsOfBlock = rows.AsSpan(block * RowsPerBlock, RowsPerBlock);
        var oneByOne = judgedOneByOne[block];
        if (lanes.CompoundOpener != 0)
        {
            oneByOne |= Vector256.Equals(rowsOfBlock[OpenerRow], Vector256.Create(lanes.CompoundOpener)).ExtractMostSignificantBits();
        }

        if (lanes.TextLength < ShortestWithUsualFloor)
        {
            oneByOne |= Vector256.LessThan(rowsOfBlock[TextLengthRow], Vector256.Create((byte)ShortestWithUsualFloor)).ExtractMostSignificantBits();
        }

        return oneByOne;
    }

    /// <summary>The block's units whose counts rule them out: below the floor on every form the comparison reads.</summary>
    private uint RuledOut(int block, QueryLanes lanes)
    {
        var rowsOfBlock = rows.AsSpan(block * RowsPerBlock, RowsPerBlock);
        var phonetic = SharedSums(rowsOfBlock, lanes.Phonetic);
        var text = SharedLetters(rowsOfBlock, lanes.Text);
        var corePhonetic = lanes.HasArticle ? SharedSums(rowsOfBlock, lanes.CorePhonetic) : default;
        var (vowelsLow, vowelsHigh) = Widen(rowsOfBlock[VowelsRow]);
        var (breathsLow, breathsHigh) = Widen(rowsOfBlock[BreathsRow]);
        var (hardLow, hardHigh) = Widen(rowsOfBlock[HardRow]);
        var (phoneticLengthLow, phoneticLengthHigh) = Widen(rowsOfBlock[PhoneticLengthRow]);
        var (textLengthLow, textLengthHigh) = Widen(rowsOfBlock[TextLengthRow]);
        var low = RuledOut(lanes, phonetic.Low, text.Low, corePhonetic.Low, vowelsLow, breathsLow, hardLow, phoneticLengthLow, textLengthLow);
        var high = RuledOut(lanes, phonetic.High, text.High, corePhonetic.High, vowelsHigh, breathsHigh, hardHigh, phoneticLengthHigh, textLengthHigh);
        return low | (high << Pairs);
    }

    private static uint RuledOut(
        QueryLanes lanes,
        in SpellingDistance.SharedSums phonetic,
        Vector256<short> sharedLetters,
        in SpellingDistance.SharedSums corePhonetic,
        Vector256<short> vowels,
        Vector256<short> breaths,
        Vector256<short> hard,
        Vector256<short> phoneticLength,
        Vector256<short> textLength)
    {
        var below = QueryLanes.Below(
            SpellingDistance.AtLeastOfSixteen(phonetic, lanes.PhoneticTotals, vowels, breaths, hard), Vector256.Max(Vector256.Create(lanes.PhoneticLength), phoneticLength));
        var longerText = Vector256.Max(Vector256.Create(lanes.TextLength), textLength);
        below &= QueryLanes.Below(SpellingDistance.PlainAtLeastOfSixteen(sharedLetters, longerText), longerText);
        if (lanes.HasArticle)
        {
            // The listed unit has no article: its phonetic form is also its core, compared with the query's core.
            below &= QueryLanes.BelowWithArticleOnOneSide(
                SpellingDistance.AtLeastOfSixteen(corePhonetic, lanes.CorePhoneticTotals, vowels, breaths, hard),
                Vector256.Max(Vector256.Create(lanes.CorePhoneticLength), phoneticLength));
        }

        return below.ExtractMostSignificantBits();
    }

    /// <summary>Per unit of the block, the shared counts of its phonetic form and the query's, summed by lane group.</summary>
    private static (SpellingDistance.SharedSums Low, SpellingDistance.SharedSums High) SharedSums(ReadOnlySpan<Vector256<byte>> block, Vector256<byte>[] query)
    {
        Vector256<byte> vowels = default, breaths = default, hard = default, classLetters = default, classes = default;
        var groups = SpellingDistance.LaneGroups;
        for (var lane = 0; lane < query.Length; lane++)
        {
            var shared = Vector256.Min(Lane(block, lane), query[lane]);
            switch (groups[lane])
            {
                case SpellingDistance.LaneGroup.Vowel:
                    vowels += shared;
                    break;
                case SpellingDistance.LaneGroup.Breath:
                    breaths += shared;
                    break;
                case SpellingDistance.LaneGroup.Hard:
                    hard += shared;
                    break;
                case SpellingDistance.LaneGroup.ClassLetter:
                    hard += shared;
                    classLetters += shared;
                    break;
                default:
                    classes += shared;
                    break;
            }
        }

        // Sums stay within a byte: none exceeds the shorter spelling's length, at most 255 letters.
        var (vowelsLow, vowelsHigh) = Widen(vowels);
        var (breathsLow, breathsHigh) = Widen(breaths);
        var (hardLow, hardHigh) = Widen(hard);
        var (classLettersLow, classLettersHigh) = Widen(classLetters);
        var (classesLow, classesHigh) = Widen(classes);
        return (new(vowelsLow, breathsLow, hardLow, classLettersLow, classesLow), new(vowelsHigh, breathsHigh, hardHigh, classLettersHigh, classesHigh));
    }

    /// <summary>Per unit of the block, the letters its written form shares with the query's.</summary>
    private static (Vector256<short> Low, Vector256<short> High) SharedLetters(ReadOnlySpan<Vector256<byte>> block, Vector256<byte>[] query)
    {
        var letters = Vector256<byte>.Zero;
        for (var lane = 0; lane < query.Length; lane++)
        {
            letters += Vector256.Min(Lane(block[TextRows..], lane), query[lane]);
        }

        return Widen(letters);
    }

    /// <summary>One lane's counts of the block's 32 units, from the row holding it.</summary>
    private static Vector256<byte> Lane(ReadOnlySpan<Vector256<byte>> pairs, int lane)
    {
        var row = pairs[lane & (Pairs - 1)];
        return (lane < Pairs ? row : Vector256.ShiftRightLogical(row.AsUInt16(), 4).AsByte()) & Vector256.Create((byte)0x0F);
    }

    private static (Vector256<short> Low, Vector256<short> High) Widen(Vector256<byte> bytes)
    {
        var (low, high) = Vector256.Widen(bytes);
        return (low.AsInt16(), high.AsInt16());
    }

    /// <summary>
    /// A query unit's letter counts spread for judging blocks: each lane's count repeated across a vector. Kept per
    /// thread and spread again for each unit searched.
    /// </summary>
    internal sealed class QueryLanes
    {
        /// <summary>The bound never exceeds ten tenths a letter of both spellings together.</summary>
        private const int LargestBound = 10 * 2 * LetterCounts.LongestCounted;

        // A bound of a tenths, the longer form M letters, is below the floor when BoundScale · a > LengthScale · M.
        private const short BoundScale = 5;
        private const short LengthScale = 11;
        private const short LengthScaleWithArticleOnOneSide = 9;

        /// <summary>
        /// Whether the bounds can be judged as below the floor by whole numbers: a bound of a tenths, the longer form
        /// M letters, leaves at most 1 − a / 10M, below the floor 0.78 exactly when 5a &gt; 11M; with the handicap
        /// of an article on one side only (0.04), when 5a &gt; 9M. Checked once, with the very arithmetic the
        /// comparison uses, for every bound and length a unit can have; otherwise every unit is judged one by one.
        /// </summary>
        public static readonly bool Supported = Vector256.IsHardwareAccelerated
            && WholeNumbersDecide(handicap: 0, LengthScale)
            && WholeNumbersDecide(handicap: UnitSimilarity.ArticleOnOneSideOnly, LengthScaleWithArticleOnOneSide);

        public readonly Vector256<byte>[] Phonetic = new Vector256<byte>[Vector256<byte>.Count];
        public readonly Vector256<byte>[] CorePhonetic = new Vector256<byte>[Vector256<byte>.Count];

        /// <summary>The letter lanes only: a plain bound reads no class lanes.</summary>
        public readonly Vector256<byte>[] Text = new Vector256<byte>[LetterCounts.OtherLane + 1];

        public (short Vowels, short Breaths, short Hard) PhoneticTotals { get; private set; }

        public (short Vowels, short Breaths, short Hard) CorePhoneticTotals { get; private set; }

        public short PhoneticLength { get; private set; }

        public short CorePhoneticLength { get; private set; }

        public short TextLength { get; private set; }

        public bool HasArticle { get; private set; }

        /// <summary>False for an initial, which the counts never rule out.</summary>
        public bool RulesOutAny { get; private set; }

        public uint VariantNames { get; private set; }

        public byte CompoundOpener { get; private set; }

        public static Vector256<short> Below(Vector256<short> atLeast, Vector256<short> longer) =>
            Vector256.GreaterThan(atLeast * BoundScale, longer * LengthScale);

        public static Vector256<short> BelowWithArticleOnOneSide(Vector256<short> atLeast, Vector256<short> longer) =>
            Vector256.GreaterThan(atLeast * BoundScale, longer * LengthScaleWithArticleOnOneSide);

        /// <summary>Spreads <paramref name="query"/>'s counts; false when its units are better judged one by one.</summary>
        public bool Spread(in UnitSketch query)
        {
            var kind = UnitSketch.KindOf(query);
            ref readonly var text = ref UnitSketch.TextOf(query);
            ref readonly var phonetic = ref UnitSketch.PhoneticOf(query);
            ref readonly var corePhonetic = ref UnitSketch.CorePhoneticOf(query);
            // A cut word is judged one by one: a listed word it may begin with is not ruled out by the distance's bound.
            if (kind == UnitKind.Link || UnitSketch.IsTruncated(query) || !InRange(text) || !InRange(phonetic) || !InRange(corePhonetic))
            {
                return false;
            }

            RulesOutAny = kind != UnitKind.Initial;
            HasArticle = UnitSketch.HasArticle(query);
            VariantNames = UnitSketch.VariantNamesOf(query);
            CompoundOpener = UnitSketch.CompoundOpenerOf(query);
            (TextLength, PhoneticLength, CorePhoneticLength) = ((short)text.Length, (short)phonetic.Length, (short)corePhonetic.Length);
            PhoneticTotals = (phonetic.Vowels, phonetic.Breaths, phonetic.Hard);
            CorePhoneticTotals = (corePhonetic.Vowels, corePhonetic.Breaths, corePhonetic.Hard);
            for (var lane = 0; lane < Phonetic.Length; lane++)
            {
                Phonetic[lane] = Vector256.Create(phonetic.Lanes[lane]);
                CorePhonetic[lane] = Vector256.Create(corePhonetic.Lanes[lane]);
            }

            for (var lane = 0; lane < Text.Length; lane++)
            {
                Text[lane] = Vector256.Create(text.Lanes[lane]);
            }

            return true;
        }

        private static bool InRange(in LetterCounts counts) => counts.Length is > 0 and <= LetterCounts.LongestCounted;

        private static bool WholeNumbersDecide(double handicap, int lengthScale)
        {
            for (var longer = ShortestWithUsualFloor; longer <= LetterCounts.LongestCounted; longer++)
            {
                if (UnitSimilarity.FloorFor(longer, longer) != UnitSimilarity.Floor)
                {
                    return false;
                }
            }

            for (var longer = 1; longer <= LetterCounts.LongestCounted; longer++)
            {
                for (var atLeast = 0; atLeast <= LargestBound; atLeast++)
                {
                    if ((SpellingDistance.SimilarityOfBound(atLeast, longer) - handicap < UnitSimilarity.Floor) != (BoundScale * atLeast > lengthScale * longer))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
