using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Screening.Names;

/// <summary>
/// Edit distance between two phonetic forms, weighted by how romanisations and typists really differ: vowels are
/// cheap to change, add or drop (Arabic script rarely writes short vowels), an "h" is cheap to add or drop, the
/// consonants romanisations swap (s/t/x, d/z, k/g/j, b/p, f/v/w) are cheap to substitute, and swapping two
/// neighbouring letters (the commonest typing slip) costs less than two substitutions. A vowel added at either end,
/// or an h at the start, costs more, because it often makes another name (Ahmad / Ahmadi, Terry / Atari, Hamid / Amid). Costs are kept in tenths as integers.
/// </summary>
public static class SpellingDistance
{
    private const int Unit = 10;
    private const int VowelSubstitution = 3;
    private const int VowelIndel = 4;
    private const int EdgeVowelIndel = 8;
    private const int HIndel = 5;
    private const int ConsonantClassSubstitution = 5;
    private const int Transposition = 8;

    private const byte Vowel = 1;
    private const byte Breath = 2;

    /// <summary>Per ASCII letter: 1 vowel, 2 h/w/y, otherwise 10 + its consonant class (10 = a class of its own).</summary>
    private static readonly byte[] Kinds = BuildKinds();

    /// <summary>
    /// 1 for the same form, falling with the weighted distance relative to the longer form; never below 0. When a
    /// <paramref name="floor"/> is given, any similarity below it may be reported as 0 (the work stops early).
    /// </summary>
    public static double Similarity(string a, string b, double floor = 0) => Compare(a, b, floor, plain: false);

    /// <summary>
    /// Similarity by plain letter edits, every edit costing one: a typing slip is an edit of the written letters,
    /// which phonetic reduction can make look bigger (or smaller) than it was.
    /// </summary>
    public static double PlainSimilarity(string a, string b, double floor = 0) => Compare(a, b, floor, plain: true);

    /// <summary>
    /// At least the similarity <see cref="Similarity"/> (or, <paramref name="plain"/>, <see cref="PlainSimilarity"/>)
    /// gives the two spellings, judged from their letter counts alone; with <paramref name="sharedOpening"/>, of what
    /// follows the letters both spellings open with.
    /// </summary>
    public static double SimilarityAtMost(in LetterCounts a, in LetterCounts b, bool plain, int sharedOpening = 0)
    {
        int lengthA = a.Length - sharedOpening, lengthB = b.Length - sharedOpening;
        if (lengthA == 0 || lengthB == 0)
        {
            return lengthA == lengthB ? 1 : 0;
        }

        return SimilarityOfBound(AtLeast(a, b, plain), Math.Max(lengthA, lengthB));
    }

    /// <summary>The most similarity a distance of at least <paramref name="atLeast"/> tenths leaves two spellings, the longer <paramref name="longer"/> letters.</summary>
    internal static double SimilarityOfBound(int atLeast, int longer) => Math.Max(0, 1 - (atLeast / (double)(longer * Unit)));

    /// <summary>
    /// A lower bound, in tenths, on the distance between two spellings, from their letter counts: it is what the
    /// cheapest edits would cost if letters could be reordered for free. Each letter one spelling has beyond the
    /// other must be dropped or substituted, and a substitution serves one such letter on each side; vowels pair
    /// with vowels, consonants with their class, any other pairing costs a whole point.
    /// </summary>
    internal static int AtLeast(in LetterCounts a, in LetterCounts b, bool plain)
    {
        if (a.Length > LetterCounts.LongestCounted || b.Length > LetterCounts.LongestCounted)
        {
            return 0;
        }

        // What one spelling has beyond the other is its own count less the letters both share: the shared counts
        // are summed once per kind, the spellings' own totals were counted when their sketches were made.
        var shared = Vector256.Min(a.Lanes, b.Lanes);
        if (plain)
        {
            return Unit * (Math.Max(a.Length, b.Length) - Count(shared, LetterLanes));
        }

        var sharedVowels = Count(shared, VowelLanes);
        var sharedBreaths = Count(shared, BreathLanes);
        var sharedHard = Count(shared, HardLanes);
        int vowelsA = a.Vowels - sharedVowels, vowelsB = b.Vowels - sharedVowels;
        int breathA = a.Breaths - sharedBreaths, breathB = b.Breaths - sharedBreaths;
        int hardA = a.Hard - sharedHard, hardB = b.Hard - sharedHard;

        var vowelPairs = Math.Min(vowelsA, vowelsB);
        vowelsA -= vowelPairs;
        vowelsB -= vowelPairs;

        // Per class, the letters that can pair within it are the fewer of either side's extra letters of the class,
        // which is one side's extra letters less the excess of its class count. A class letter is counted in its
        // letter's lane and in its class's, so a spelling's totals of both are equal and only the shared counts differ.
        var classPairs = Count(shared, ClassLanes) - Count(shared, ClassLetterLanes);
        hardA -= classPairs;
        hardB -= classPairs;
        var hardPairs = Math.Min(hardA, hardB);
        hardA -= hardPairs;
        hardB -= hardPairs;

        // Consonants left on one side are best substituted for the other side's h/w/y, then for its vowels: either
        // costs no more than dropping the consonant alone.
        var (withBreath, withVowel) = hardA > 0 ? PairLeftover(hardA, ref breathB, ref vowelsB) : PairLeftover(hardB, ref breathA, ref vowelsA);
        var dropped = hardA + hardB - withBreath - withVowel;
        return (VowelSubstitution * vowelPairs) + (ConsonantClassSubstitution * classPairs) + (Unit * (hardPairs + withBreath + withVowel + dropped))
            + (HIndel * (breathA + breathB)) + (VowelIndel * (vowelsA + vowelsB));
    }

    /// <summary>How many vowels, h/w/y and other consonants a spelling's letter counts hold.</summary>
    internal static (byte Vowels, byte Breaths, byte Hard) KindTotals(Vector256<byte> lanes) =>
        ((byte)Count(lanes, VowelLanes), (byte)Count(lanes, BreathLanes), (byte)Count(lanes, HardLanes));

    /// <summary>
    /// <see cref="AtLeast(in LetterCounts, in LetterCounts, bool)"/> (not plain) for sixteen pairs at once, from the sums of each pair's shared counts by
    /// <see cref="LaneGroup"/> and the totals of both spellings, the first spelling the same in every pair: the same
    /// steps, a consonant left on one side paired first with the other side's h/w/y, then with its vowels.
    /// </summary>
    internal static Vector256<short> AtLeastOfSixteen(
        in SharedSums shared, (short Vowels, short Breaths, short Hard) a, Vector256<short> vowelsB, Vector256<short> breathsB, Vector256<short> hardB)
    {
        var vowelsA = Vector256.Create(a.Vowels) - shared.Vowels;
        vowelsB -= shared.Vowels;
        var breathA = Vector256.Create(a.Breaths) - shared.Breaths;
        breathsB -= shared.Breaths;
        var hardA = Vector256.Create(a.Hard) - shared.Hard;
        hardB -= shared.Hard;

        var vowelPairs = Vector256.Min(vowelsA, vowelsB);
        vowelsA -= vowelPairs;
        vowelsB -= vowelPairs;
        var classPairs = shared.Classes - shared.ClassLetters;
        hardA -= classPairs;
        hardB -= classPairs;
        var hardPairs = Vector256.Min(hardA, hardB);
        hardA -= hardPairs;
        hardB -= hardPairs;

        // One side at most has consonants left; whatever is not paired with the other side's h/w/y or vowels is dropped.
        var fromA = Vector256.GreaterThan(hardA, Vector256<short>.Zero);
        var consonants = Vector256.ConditionalSelect(fromA, hardA, hardB);
        var withBreath = Vector256.Min(consonants, Vector256.ConditionalSelect(fromA, breathsB, breathA));
        var withVowel = Vector256.Min(consonants - withBreath, Vector256.ConditionalSelect(fromA, vowelsB, vowelsA));
        return (vowelPairs * (short)VowelSubstitution) + (classPairs * (short)ConsonantClassSubstitution) + ((hardPairs + hardA + hardB) * (short)Unit)
            + ((breathA + breathsB - withBreath) * (short)HIndel) + ((vowelsA + vowelsB - withVowel) * (short)VowelIndel);
    }

    /// <summary>The plain <see cref="AtLeast(in LetterCounts, in LetterCounts, bool)"/> for sixteen pairs: every letter the longer spelling does not share is an edit.</summary>
    internal static Vector256<short> PlainAtLeastOfSixteen(Vector256<short> sharedLetters, Vector256<short> longer) => (longer - sharedLetters) * (short)Unit;

    /// <summary>
    /// Per pair, the sums of the shared letter counts (the lesser count of each lane) that <see cref="AtLeastOfSixteen"/> reads,
    /// one sum per <see cref="LaneGroup"/>; a class consonant counts among the hard ones too.
    /// </summary>
    internal readonly record struct SharedSums(
        Vector256<short> Vowels, Vector256<short> Breaths, Vector256<short> Hard, Vector256<short> ClassLetters, Vector256<short> Classes);

    /// <summary>The sum of shared counts a lane of <see cref="LetterCounts"/> adds to.</summary>
    internal enum LaneGroup : byte
    {
        Vowel,
        Breath,

        /// <summary>A consonant of no class, or a character other than a–z.</summary>
        Hard,

        /// <summary>A consonant of a class: hard, and counted again with its class.</summary>
        ClassLetter,

        /// <summary>A class's own lane.</summary>
        Class,
    }

    /// <summary>Per lane of <see cref="LetterCounts"/>, its <see cref="LaneGroup"/>.</summary>
    internal static ReadOnlySpan<LaneGroup> LaneGroups => LaneGroupOf;

    private static (int WithBreath, int WithVowel) PairLeftover(int consonants, ref int breath, ref int vowels)
    {
        var withBreath = Math.Min(consonants, breath);
        var withVowel = Math.Min(consonants - withBreath, vowels);
        breath -= withBreath;
        vowels -= withVowel;
        return (withBreath, withVowel);
    }

    /// <summary>
    /// The counts of the lanes <paramref name="mask"/> selects. Where the processor has it, one instruction sums each
    /// eight bytes at once (psadbw against zero): a byte-wise horizontal sum took three times as long, and the letter
    /// counts that judge most pairs of units sum six such groups a pair.
    /// </summary>
    private static int Count(Vector256<byte> lanes, Vector256<byte> mask)
    {
        if (Avx2.IsSupported)
        {
            var sums = Avx2.SumAbsoluteDifferences(lanes & mask, Vector256<byte>.Zero).AsUInt64();
            var halves = sums.GetLower() + sums.GetUpper();
            return (int)(halves.ToScalar() + halves.GetElement(1));
        }

        return Vector256.Sum(lanes & mask);
    }

    private static readonly Vector256<byte> LetterLanes = LanesWhere(lane => lane <= LetterCounts.OtherLane);
    private static readonly Vector256<byte> VowelLanes = LanesWhere(lane => lane < 26 && KindOf((char)('a' + lane)) == Vowel);
    private static readonly Vector256<byte> BreathLanes = LanesWhere(lane => lane < 26 && KindOf((char)('a' + lane)) == Breath);
    private static readonly Vector256<byte> HardLanes = LanesWhere(lane => lane == LetterCounts.OtherLane || (lane < 26 && KindOf((char)('a' + lane)) >= 10));
    private static readonly Vector256<byte> ClassLetterLanes = LanesWhere(lane => lane < 26 && ClassOf((char)('a' + lane)) >= 0);
    private static readonly Vector256<byte> ClassLanes = LanesWhere(lane => lane >= LetterCounts.FirstClassLane);

    private static readonly LaneGroup[] LaneGroupOf = BuildLaneGroups();

    private static LaneGroup[] BuildLaneGroups()
    {
        var groups = new LaneGroup[Vector256<byte>.Count];
        for (var lane = 0; lane < groups.Length; lane++)
        {
            groups[lane] = VowelLanes[lane] != 0 ? LaneGroup.Vowel
                : BreathLanes[lane] != 0 ? LaneGroup.Breath
                : ClassLetterLanes[lane] != 0 ? LaneGroup.ClassLetter
                : HardLanes[lane] != 0 ? LaneGroup.Hard
                : LaneGroup.Class;
        }

        return groups;
    }

    private static Vector256<byte> LanesWhere(Func<int, bool> selected)
    {
        Span<byte> mask = stackalloc byte[Vector256<byte>.Count];
        for (var lane = 0; lane < mask.Length; lane++)
        {
            mask[lane] = selected(lane) ? byte.MaxValue : (byte)0;
        }

        return Vector256.Create<byte>(mask);
    }

    /// <summary>The class of consonants romanisations swap that <paramref name="c"/> belongs to, or -1.</summary>
    internal static int ClassOf(char c) => KindOf(c) is var kind and > 10 ? kind - 11 : -1;

    /// <summary>The weighted distance in letters (a plain substitution costs 1).</summary>
    public static double Distance(string a, string b) => Distance(a, b, plain: false, int.MaxValue) / (double)Unit;

    private static double Compare(string a, string b, double floor, bool plain)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var longer = Math.Max(a.Length, b.Length);
        // A hair above the exact limit: (1 - 0.78) * 50 may come out as 10.999…, which would cut a pair on the floor.
        var limit = floor > 0 ? (int)Math.Floor(((1 - floor) * longer * Unit) + 1e-9) : int.MaxValue;
        var cheapestIndel = plain ? Unit : VowelIndel;
        if (cheapestIndel * Math.Abs(a.Length - b.Length) > limit)
        {
            return 0;
        }

        var distance = plain && a.Length <= LettersPerWord ? Unit * PlainDistance(a, b) : Distance(a, b, plain, limit, cheapestIndel);
        return distance > limit ? 0 : Math.Max(0, 1 - (distance / (double)(longer * Unit)));
    }

    private const int LettersPerWord = 64;

    /// <summary>
    /// The plain distance in whole edits (a swap of neighbours is one), for a first spelling of up to 64 letters:
    /// the table's columns are computed 64 cells at a time in the bits of a word, the way Myers' algorithm does for
    /// insertions, deletions and substitutions, with Hyyrö's addition for swaps. Equal to the table
    /// <see cref="Distance(string, string, bool, int, int)"/> fills for plain edits, at a few operations per letter.
    /// </summary>
    internal static int PlainDistance(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        var top = 1UL << (a.Length - 1);
        var vertical = a.Length == LettersPerWord ? ulong.MaxValue : (1UL << a.Length) - 1;
        ulong verticalDown = 0, diagonalBefore = 0, matchesBefore = 0;
        var distance = a.Length;
        foreach (var c in b)
        {
            var matches = MatchesOf(a, c);
            var swapped = ((~diagonalBefore & matches) << 1) & matchesBefore;
            var diagonal = (((matches & vertical) + vertical) ^ vertical) | matches | verticalDown | swapped;
            var horizontalUp = verticalDown | ~(diagonal | vertical);
            var horizontalDown = vertical & diagonal;
            if ((horizontalUp & top) != 0)
            {
                distance++;
            }
            else if ((horizontalDown & top) != 0)
            {
                distance--;
            }

            horizontalUp = (horizontalUp << 1) | 1;
            horizontalDown <<= 1;
            vertical = horizontalDown | ~(diagonal | horizontalUp);
            verticalDown = horizontalUp & diagonal;
            diagonalBefore = diagonal;
            matchesBefore = matches;
        }

        return distance;
    }

    /// <summary>The positions of <paramref name="a"/> holding <paramref name="c"/>, as bits.</summary>
    private static ulong MatchesOf(string a, char c)
    {
        // Which letters match differs from pair to pair: a branch per letter would be mispredicted.
        ulong matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            matches |= (ulong)Unsafe.BitCast<bool, byte>(a[i] == c) << i;
        }

        return matches;
    }

    /// <summary>
    /// The distance in tenths, or a value above <paramref name="limit"/> as soon as every path exceeds it. A path
    /// through a cell has already paid at least <paramref name="cheapestIndel"/> per letter the two lengths so far
    /// differ, and still has to make up the difference of the remaining lengths: the cells where those two alone
    /// exceed the limit form the corners of the table, and only the band of diagonals between them is filled
    /// (for two words of like length and the usual floor, the three middle diagonals).
    /// </summary>
    /// <remarks>
    /// Which edit is cheapest at a cell changes from pair to pair, and a branch per choice was mispredicted often
    /// enough to cost more than the arithmetic: each cell takes the least of its ways by arithmetic, and ASCII pairs
    /// (nearly all) read substitutions from a table that prices a letter for itself 0. A cell outside the band holds
    /// more than the limit, so no path within it is taken through one: the distance is exact wherever it is within
    /// the limit.
    /// </remarks>
    private static int Distance(string a, string b, bool plain, int limit, int cheapestIndel = 0)
    {
        var columns = b.Length + 1;
        Span<int> cells = columns <= 64 ? stackalloc int[4 * columns] : new int[4 * columns];

        // Rows are read through references: the table is read a few dozen times per pair, for hundreds of pairs
        // per traveler, and bounds checks on four arrays cost as much as the arithmetic.
        ref var twoBack = ref MemoryMarshal.GetReference(cells);
        ref var previous = ref Unsafe.Add(ref twoBack, columns);
        ref var current = ref Unsafe.Add(ref twoBack, 2 * columns);

        // The cost of adding or dropping each letter of b, worked out once rather than once per row.
        ref var indelB = ref Unsafe.Add(ref twoBack, 3 * columns);
        ref var charB = ref MemoryMarshal.GetReference(b.AsSpan());
        for (var j = 0; j < b.Length; j++)
        {
            Unsafe.Add(ref indelB, j) = Indel(b, j, plain);
        }

        previous = 0;
        for (var j = 1; j <= b.Length; j++)
        {
            Unsafe.Add(ref previous, j) = Unsafe.Add(ref previous, j - 1) + Unsafe.Add(ref indelB, j - 1);
        }

        // The band: a cell of row i and column j is filled when i - j lies in [lowest, highest].
        var (lowest, highest) = Band(a.Length, b.Length, limit, cheapestIndel);
        var fromTable = System.Text.Ascii.IsValid(a) && System.Text.Ascii.IsValid(b);
        ref var table = ref MemoryMarshal.GetArrayDataReference(plain ? PlainSubstitutions : SubstitutionsOrSame);
        var swapCost = plain ? Unit : Transposition;
        var previousRowMinimum = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            int x = a[i - 1];
            // -1 is no letter: before the first letter of either spelling there is nothing a swap could take.
            var beforeX = i > 1 ? a[i - 2] : -1;
            ref var substitutionsOfX = ref Unsafe.Add(ref table, fromTable ? x << 7 : 0);
            var deleteX = Indel(a, i - 1, plain);
            var remainingA = a.Length - i;
            current = previous + deleteX;
            var rowMinimum = current + (cheapestIndel * Math.Abs(remainingA - b.Length));
            var first = Math.Max(1, i - highest);
            var last = Math.Min(b.Length, i - lowest);
            if (first > 1)
            {
                Unsafe.Add(ref current, first - 1) = OutsideBand;
            }

            var left = Unsafe.Add(ref current, first - 1);
            var diagonal = Unsafe.Add(ref previous, first - 1);
            var beforeY = first > 1 ? Unsafe.Add(ref charB, first - 2) : -1;
            for (var j = first; j <= last; j++)
            {
                int y = Unsafe.Add(ref charB, j - 1);
                var above = Unsafe.Add(ref previous, j);
                var best = Least(above + deleteX, left + Unsafe.Add(ref indelB, j - 1));
                best = Least(best, diagonal + (fromTable ? Unsafe.Add(ref substitutionsOfX, y) : SubstitutionOf(x, y, plain)));
                if (x == beforeY && beforeX == y && x != y)
                {
                    best = Least(best, Unsafe.Add(ref twoBack, j - 2) + swapCost);
                }

                Unsafe.Add(ref current, j) = best;
                var lengthsApart = remainingA - (b.Length - j);
                var stillToPay = cheapestIndel * ((lengthsApart ^ (lengthsApart >> 31)) - (lengthsApart >> 31));
                rowMinimum = Least(rowMinimum, best + stillToPay);
                left = best;
                diagonal = above;
                beforeY = y;
            }

            // The next row reads the cell above its last one: beyond the band it holds a row two back.
            if (last < b.Length)
            {
                Unsafe.Add(ref current, last + 1) = OutsideBand;
            }

            // Costs only grow along a path, so once every cell of a whole row (and of the one before it, for
            // transpositions), with what its path must still pay, is over the limit, the end will be too.
            if (rowMinimum > limit && previousRowMinimum > limit)
            {
                return int.MaxValue;
            }

            previousRowMinimum = rowMinimum;
            ref var recycled = ref twoBack;
            twoBack = ref previous;
            previous = ref current;
            current = ref recycled;
        }

        return Unsafe.Add(ref previous, b.Length);
    }

    /// <summary>What a cell outside the band holds: more than any limit, and safe to add a few costs to.</summary>
    private const int OutsideBand = int.MaxValue / 4;

    /// <summary>
    /// The diagonals (row less column) whose cells a path within <paramref name="limit"/> may pass: a cell d
    /// diagonals off has paid at least |d| cheapest indels and must still pay |D - d|, D the lengths' difference.
    /// </summary>
    private static (int Lowest, int Highest) Band(int lengthA, int lengthB, int limit, int cheapestIndel)
    {
        var apart = lengthA - lengthB;
        if (cheapestIndel <= 0 || limit >= OutsideBand)
        {
            return (-lengthB, lengthA);
        }

        // |d| + |D - d| <= limit / cheapest holds for d between 0 and D, and (limit / cheapest - |D|) / 2 beyond.
        var spare = Math.Max(0, ((limit / cheapestIndel) - Math.Abs(apart)) / 2);
        return (Math.Min(0, apart) - spare, Math.Max(0, apart) + spare);
    }

    private static int SubstitutionOf(int x, int y, bool plain) => x == y ? 0 : plain ? Unit : Substitution((char)x, (char)y);

    /// <summary>The lesser of two costs, by arithmetic: the JIT compiles a comparison in a loop to a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Least(int a, int b)
    {
        var difference = a - b;
        return b + (difference & (difference >> 31));
    }

    /// <summary>Substitution costs of every pair of ASCII letters (0 for a letter in place of itself).</summary>
    private static readonly byte[] SubstitutionsOrSame = BuildSubstitutions((x, y) => x == y ? 0 : Substitution(x, y));

    /// <summary>The same for plain edits: any other letter costs one.</summary>
    private static readonly byte[] PlainSubstitutions = BuildSubstitutions((x, y) => x == y ? 0 : Unit);

    private static int Indel(string word, int index, bool plain)
    {
        if (plain)
        {
            return Unit;
        }

        // Read from tables by position: which kind of letter comes next differs from word to word, and a branch on
        // it was mispredicted about every other letter.
        var c = word[index];
        if (c >= 128)
        {
            return Unit;
        }

        var costs = word.Length == 1 ? InsideIndels : index == 0 ? FirstIndels : index == word.Length - 1 ? LastIndels : InsideIndels;
        return costs[c];
    }

    private static readonly byte[] InsideIndels = BuildIndels(kind => kind == Vowel ? VowelIndel : kind == Breath ? HIndel : Unit);
    private static readonly byte[] FirstIndels = BuildIndels(kind => kind is Vowel or Breath ? EdgeVowelIndel : Unit);
    private static readonly byte[] LastIndels = BuildIndels(kind => kind == Vowel ? EdgeVowelIndel : kind == Breath ? HIndel : Unit);

    private static byte[] BuildIndels(Func<byte, int> costOfKind)
    {
        var costs = new byte[128];
        for (var c = 0; c < costs.Length; c++)
        {
            costs[c] = (byte)costOfKind(KindOf((char)c));
        }

        return costs;
    }

    private static byte[] BuildSubstitutions(Func<char, char, int> cost)
    {
        var table = new byte[128 * 128];
        for (var x = 0; x < 128; x++)
        {
            for (var y = 0; y < 128; y++)
            {
                table[(x << 7) | y] = (byte)cost((char)x, (char)y);
            }
        }

        return table;
    }

    private static int Substitution(char x, char y)
    {
        var kindX = KindOf(x);
        var kindY = KindOf(y);
        if (kindX == Vowel && kindY == Vowel)
        {
            return VowelSubstitution;
        }

        return kindX == kindY && kindX > 10 ? ConsonantClassSubstitution : Unit;
    }

    private static byte KindOf(char c) => c < 128 ? Kinds[c] : (byte)10;

    private static byte[] BuildKinds()
    {
        var kinds = new byte[128];
        Array.Fill(kinds, (byte)10);
        foreach (var c in "aeiou")
        {
            kinds[c] = Vowel;
        }

        foreach (var c in "hwy")
        {
            kinds[c] = Breath;
        }

        string[] classes = ["st" + PhoneticForm.Sh, "dz", "kgj", "bp", "fv"];
        for (var i = 0; i < classes.Length; i++)
        {
            foreach (var c in classes[i])
            {
                kinds[c] = (byte)(11 + i);
            }
        }

        return kinds;
    }
}
