using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Vigil.Screening.Matching;

/// <summary>
/// A list unit found similar to another, as the index keeps it for every list unit and dictionary spelling. A
/// million identities' units have about 14 million such pairs: as an (int, double) pair each took 16 bytes, here 6,
/// the similarity being one of the few thousand values the comparisons give, named by its number.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal readonly struct SimilarUnit(int unit, double similarity)
{
    public int Unit { get; } = unit;

    private readonly ushort similarity = SimilarityCodes.Of(similarity);

    public double Similarity => SimilarityCodes.Value(similarity);

    public void Deconstruct(out int unit, out double similarity) => (unit, similarity) = (Unit, Similarity);

    /// <summary>
    /// The distinct similarities, numbered as first met. A similarity is a ratio of a whole distance to a length
    /// (or one of a few fixed values, less an article's handicap): a few thousand values in all, so the numbers
    /// never run out; should they, the index says so rather than keep a similarity it cannot give back exactly.
    /// </summary>
    private static class SimilarityCodes
    {
        private static readonly double[] Values = new double[ushort.MaxValue + 1];
        private static readonly ConcurrentDictionary<double, ushort> Codes = new();
        private static readonly Lock Numbering = new();
        private static int count;

        public static ushort Of(double similarity)
        {
            if (Codes.TryGetValue(similarity, out var code))
            {
                return code;
            }

            lock (Numbering)
            {
                if (Codes.TryGetValue(similarity, out code))
                {
                    return code;
                }

                if (count == Values.Length)
                {
                    throw new InvalidOperationException($"More than {Values.Length} distinct unit similarities: the index cannot keep {similarity} exactly.");
                }

                // The value is written before its number is published: a reader holding the number finds it.
                code = (ushort)count;
                Values[count++] = similarity;
                Codes[similarity] = code;
                return code;
            }
        }

        public static double Value(ushort code) => Values[code];
    }
}
