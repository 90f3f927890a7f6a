using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vigil.Screening.Names;

/// <summary>
/// How many times a spelling holds each letter a–z (anything else counted together), and how many consonants of
/// each class romanisations swap (<see cref="SpellingDistance"/>'s classes). Two spellings whose counts differ by
/// much cannot be a few edits apart, whatever the order of their letters: <see cref="SpellingDistance.AtLeast"/>
/// reads a lower bound on the edit distance from the counts alone, far cheaper than the distance itself.
/// </summary>
/// <remarks>
/// Packed: a vector field would otherwise align the struct to 32 bytes and pad the length to a whole 64, doubling
/// the sketches an index reads per neighbour.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct LetterCounts
{
    /// <summary>Lane of the characters other than a–z.</summary>
    internal const int OtherLane = 26;

    /// <summary>First lane of the consonant classes, one lane per class.</summary>
    internal const int FirstClassLane = 27;

    /// <summary>Counts saturate at a byte; longer spellings (none are) are never bounded.</summary>
    internal const int LongestCounted = byte.MaxValue;

    public LetterCounts(ReadOnlySpan<char> spelling)
    {
        Span<byte> lanes = stackalloc byte[Vector256<byte>.Count];
        lanes.Clear();
        if (spelling.Length <= LongestCounted)
        {
            foreach (var c in spelling)
            {
                lanes[c is >= 'a' and <= 'z' ? c - 'a' : OtherLane]++;
                if (SpellingDistance.ClassOf(c) is var consonantClass and >= 0)
                {
                    lanes[FirstClassLane + consonantClass]++;
                }
            }
        }

        Lanes = Vector256.Create<byte>(lanes);
        Length = spelling.Length;
        (Vowels, Breaths, Hard) = SpellingDistance.KindTotals(Lanes);
    }

    /// <summary>Counts kept elsewhere in another form, with the totals worked out when they were first counted.</summary>
    internal LetterCounts(Vector256<byte> lanes, int length, byte vowels, byte breaths, byte hard)
    {
        Lanes = lanes;
        Length = length;
        (Vowels, Breaths, Hard) = (vowels, breaths, hard);
    }

    /// <summary>
    /// The counts of two spellings written one after the other, 255 letters or fewer together: every count, and so
    /// every total, adds up.
    /// </summary>
    internal static LetterCounts Joined(in LetterCounts first, in LetterCounts second) =>
        new(first.Lanes + second.Lanes, first.Length + second.Length, (byte)(first.Vowels + second.Vowels), (byte)(first.Breaths + second.Breaths), (byte)(first.Hard + second.Hard));

    internal Vector256<byte> Lanes { get; }

    public int Length { get; }

    /// <summary>The letters of each kind the distance prices alike, counted once so that a bound need not count them per pair.</summary>
    internal byte Vowels { get; }

    internal byte Breaths { get; }

    internal byte Hard { get; }
}
