using System.Reflection;

namespace Vigil.Screening.Names.Transliteration;

/// <summary>One row of the Wikidata Arabic–Latin name-token table: a Latin spelling, the Arabic token, how often the pair was seen.</summary>
/// <param name="Latin">The Latin spelling as the file writes it (lower case, diacritics kept).</param>
/// <param name="Arabic">The Arabic token, its letters joined (the file separates them with spaces).</param>
/// <param name="Count">How many Wikidata labels paired the two.</param>
public readonly record struct ArabicLatinSpelling(string Latin, string Arabic, int Count);

/// <summary>
/// The Wikidata table of Latin spellings of Arabic name tokens (64,973 rows, CC0; from the NETransliteration
/// COLING 2018 data set), shipped embedded in this assembly and read once on first use.
/// </summary>
public static class ArabicLatinSpellings
{
    internal const string ResourceName = "Vigil.Screening.Names.Data.arabic-latin-wikidata.tsv";

    /// <summary>Spellings seen fewer times than this are not trusted: a single pairing is often a mistranslation.</summary>
    internal const int MinimumCount = 2;

    private static readonly Lazy<SpellingTable> Table = new(SpellingTable.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every row of the table in file order.</summary>
    public static IReadOnlyList<ArabicLatinSpelling> All => Table.Value.Rows;

    /// <summary>
    /// The most frequent Latin spelling of an Arabic word, folded to ASCII letters (ḥ → h), counting together the
    /// rows that fold to the same spelling; null when no spelling was seen at least twice. Harakat, tatweel and
    /// Persian letter forms in <paramref name="arabicWord"/> are ignored; when the exact letters are unknown, the
    /// hamza forms of alef, alef maksura and teh marbuta are read loosely (أسامة and اسامة find the same row).
    /// </summary>
    public static string? MostCommonLatin(string arabicWord)
    {
        ArgumentNullException.ThrowIfNull(arabicWord);
        int capacity = ArabicWord.Capacity(arabicWord.Length);
        if (capacity > 512)
        {
            return null;
        }

        Span<char> letters = stackalloc char[capacity];
        Span<ArabicMarks> marks = stackalloc ArabicMarks[capacity];
        int count = ArabicWord.Read(arabicWord, letters, marks);
        if (count == 0)
        {
            return null;
        }

        foreach (bool loose in (ReadOnlySpan<bool>)[false, true])
        {
            ReadOnlySpan<Spelling> spellings = Spellings(letters[..count], loose);
            if (!spellings.IsEmpty && spellings[0].Count >= MinimumCount)
            {
                return spellings[0].Latin;
            }
        }

        return null;
    }

    /// <summary>
    /// The ASCII spellings of a word's letters, most frequent first, looked up by exact key or by loose key
    /// (see <see cref="ArabicLetters.LooseKeyLetter"/>); empty when the table does not know the word.
    /// </summary>
    internal static ReadOnlySpan<Spelling> Spellings(ReadOnlySpan<char> letters, bool loose) => Table.Value.Find(letters, loose);

    /// <summary>The table, indexed for look-up by exact and by loose key.</summary>
    private sealed class SpellingTable
    {
        private readonly Dictionary<string, Spelling[]>.AlternateLookup<ReadOnlySpan<char>> _exact;
        private readonly Dictionary<string, Spelling[]>.AlternateLookup<ReadOnlySpan<char>> _loose;

        private SpellingTable(
            ArabicLatinSpelling[] rows,
            Dictionary<string, Spelling[]> exact,
            Dictionary<string, Spelling[]> loose)
        {
            Rows = rows;
            _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
            _loose = loose.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public IReadOnlyList<ArabicLatinSpelling> Rows { get; }

        public ReadOnlySpan<Spelling> Find(ReadOnlySpan<char> letters, bool loose)
        {
            if (letters.Length > 128)
            {
                return [];
            }

            Span<char> key = stackalloc char[letters.Length];
            ArabicWord.WriteKey(letters, key, loose);
            return (loose ? _loose : _exact).TryGetValue(key, out Spelling[]? spellings) ? spellings : [];
        }

        public static SpellingTable Load()
        {
            using Stream stream = typeof(ArabicLatinSpellings).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(ArabicLatinSpellings).Assembly.GetName().Name}.");
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);

            var rows = new List<ArabicLatinSpelling>(65_000);
            var exact = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            var loose = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            var folded = new Dictionary<string, string?>(StringComparer.Ordinal);
            Span<char> letters = stackalloc char[512];
            Span<ArabicMarks> marks = stackalloc ArabicMarks[512];
            Span<char> key = stackalloc char[512];

            int lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                string[] fields = line.Split('\t');
                if (fields.Length != 3 || !int.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count))
                {
                    throw new InvalidDataException($"{ResourceName} line {lineNumber}: expected latin<TAB>arabic<TAB>count.");
                }

                string arabic = fields[1].Replace(" ", "", StringComparison.Ordinal);
                rows.Add(new ArabicLatinSpelling(fields[0], arabic, count));

                if (!folded.TryGetValue(fields[0], out string? latin))
                {
                    latin = LatinFolding.Fold(fields[0]);
                    folded.Add(fields[0], latin);
                }

                if (latin is null || arabic.Length > letters.Length / 4 || !IsWord(arabic))
                {
                    continue;
                }

                int length = ArabicWord.Read(arabic, letters, marks);
                if (length == 0)
                {
                    continue;
                }

                ArabicWord.WriteKey(letters[..length], key, loose: false);
                AddCount(exact, new string(key[..length]), latin, count);
                ArabicWord.WriteKey(letters[..length], key, loose: true);
                AddCount(loose, new string(key[..length]), latin, count);
            }

            return new SpellingTable(rows.ToArray(), Freeze(exact), Freeze(loose));
        }

        /// <summary>True when the token holds only Arabic word characters (rows with dots or commas are abbreviations or phrases).</summary>
        private static bool IsWord(string arabic)
        {
            foreach (char c in arabic)
            {
                if (!ArabicLetters.IsWordChar(c) && !ArabicLetters.IsJoiner(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static void AddCount(Dictionary<string, Dictionary<string, int>> index, string key, string latin, int count)
        {
            if (!index.TryGetValue(key, out Dictionary<string, int>? counts))
            {
                counts = new Dictionary<string, int>(StringComparer.Ordinal);
                index.Add(key, counts);
            }

            counts[latin] = counts.GetValueOrDefault(latin) + count;
        }

        private static Dictionary<string, Spelling[]> Freeze(Dictionary<string, Dictionary<string, int>> index)
        {
            var frozen = new Dictionary<string, Spelling[]>(index.Count, StringComparer.Ordinal);
            foreach ((string key, Dictionary<string, int> counts) in index)
            {
                Spelling[] spellings = counts.Select(pair => new Spelling(pair.Key, pair.Value)).ToArray();
                Array.Sort(spellings, static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Latin, b.Latin));
                frozen.Add(key, spellings);
            }

            return frozen;
        }
    }

    /// <summary>An ASCII spelling with the summed count of the rows that fold to it.</summary>
    internal readonly record struct Spelling(string Latin, int Count);
}
