namespace Vigil.Screening.Names.Transliteration;

/// <summary>
/// One Arabic-script word read into base letters with the marks written over each; tatweel, joiners and
/// presentation forms are gone. Lives on the caller's stack.
/// </summary>
internal readonly ref struct ArabicWord
{
    public ArabicWord(ReadOnlySpan<char> letters, ReadOnlySpan<ArabicMarks> marks)
    {
        Letters = letters;
        Marks = marks;
    }

    public ReadOnlySpan<char> Letters { get; }

    public ReadOnlySpan<ArabicMarks> Marks { get; }

    public int Length => Letters.Length;

    public ArabicWord Slice(int start) => new(Letters[start..], Marks[start..]);

    public ArabicWord Slice(int start, int length) => new(Letters.Slice(start, length), Marks.Slice(start, length));

    /// <summary>The most letters a run of <paramref name="runLength"/> characters can hold (the Allah ligature makes four).</summary>
    public static int Capacity(int runLength) => runLength * 4;

    /// <summary>Reads a run of Arabic word characters into the two buffers and returns the number of letters.</summary>
    public static int Read(ReadOnlySpan<char> run, Span<char> letters, Span<ArabicMarks> marks)
    {
        int count = 0;
        foreach (char c in run)
        {
            if (ArabicLetters.Mark(c) is { } mark)
            {
                if (count > 0)
                {
                    marks[count - 1] |= mark;
                }

                continue;
            }

            int added = ArabicLetters.BaseLetters(c, letters[count..]);
            marks.Slice(count, added).Clear();
            count += added;
        }

        return count;
    }

    /// <summary>Writes the exact look-up key of the letters (see <see cref="ArabicLetters.KeyLetter"/>).</summary>
    public static void WriteKey(ReadOnlySpan<char> letters, Span<char> key, bool loose)
    {
        for (int i = 0; i < letters.Length; i++)
        {
            key[i] = loose ? ArabicLetters.LooseKeyLetter(letters[i]) : ArabicLetters.KeyLetter(letters[i]);
        }
    }
}
