using Vigil.Screening.Names;

namespace Vigil.Screening.Tests.Names;

public class SpellingTests
{
    [Theory]
    [InlineData("muhammad", "mohamed")]
    [InlineData("hussein", "husayn")]
    [InlineData("hocine", "hussein")]
    [InlineData("qadhafi", "gaddafi")]
    [InlineData("youssef", "yusuf")]
    [InlineData("abdurrahman", "abdulrahman")]
    [InlineData("abderrahmane", "abdalrahman")]
    [InlineData("abdullah", "abdallah")]
    public void Romanisations_of_one_name_are_close(string a, string b) =>
        Assert.True(SpellingDistance.Similarity(PhoneticForm.Of(a), PhoneticForm.Of(b)) >= 0.8, $"{a} ~ {b}");

    [Theory]
    [InlineData("ahmad", "ahmadi")]
    [InlineData("terry", "atari")]
    [InlineData("karim", "kazem")]
    public void Different_names_are_not_close(string a, string b) =>
        Assert.True(SpellingDistance.Similarity(PhoneticForm.Of(a), PhoneticForm.Of(b)) < 0.9, $"{a} ~ {b}");

    [Theory]
    [InlineData("pyotr", "petr")]
    [InlineData("fyodor", "fedor")]
    [InlineData("semyon", "semen")]
    [InlineData("solovyov", "solovev")]
    [InlineData("iurii", "yurii")]
    [InlineData("iakov", "yakov")]
    public void A_passport_s_icao_cyrillic_and_the_lists_popular_spelling_have_one_phonetic_form(string popularOrIcao, string other) =>
        Assert.Equal(PhoneticForm.Of(other), PhoneticForm.Of(popularOrIcao));

    [Theory]
    [InlineData("hyon", "hen")]
    [InlineData("ryong", "reng")]
    [InlineData("hyok", "hek")]
    public void A_korean_syllable_keeps_its_yo(string korean, string other) =>
        Assert.NotEqual(PhoneticForm.Of(other), PhoneticForm.Of(korean));

    [Theory]
    [InlineData("dhahabi", "zahabi")]
    [InlineData("uthman", "usman")]
    [InlineData("maxamed", "mohamed")]
    public void Skeletons_merge_the_consonants_romanisations_swap(string a, string b) =>
        Assert.Equal(PhoneticForm.Skeleton(PhoneticForm.Of(a)), PhoneticForm.Skeleton(PhoneticForm.Of(b)));

    [Fact]
    public void A_typing_slip_costs_one_edit_and_a_swap_less_than_two()
    {
        Assert.Equal(1, SpellingDistance.Distance("rahman", "rahmzn"));
        Assert.True(SpellingDistance.Distance("rahman", "rahamn") < 2 * SpellingDistance.Distance("rahman", "rahmzn"));
        Assert.Equal(0.8, SpellingDistance.PlainSimilarity("salah", "saaah"), 3);
    }

    [Fact]
    public void The_floor_stops_work_without_changing_results_above_it()
    {
        Assert.Equal(SpellingDistance.Similarity("mohamad", "muhamad"), SpellingDistance.Similarity("mohamad", "muhamad", 0.75));
        Assert.Equal(0, SpellingDistance.Similarity("mohamad", "ibrahim", 0.75));
    }

    /// <summary>The letter-count bound may only ever be too generous: it decides which distances are not computed.</summary>
    [Fact]
    public void Letter_counts_never_promise_less_than_the_distance_gives()
    {
        var random = new Random(7);
        const string letters = "aeiouhwystxdzkgjbpfvlmnrq\u00e9";
        foreach (var (a, b) in SpellingPairs(random, letters))
        {
            foreach (var plain in (bool[])[false, true])
            {
                var exact = plain ? SpellingDistance.PlainSimilarity(a, b) : SpellingDistance.Similarity(a, b);
                var bound = SpellingDistance.SimilarityAtMost(new LetterCounts(a), new LetterCounts(b), plain);
                Assert.True(bound >= exact, $"{a} ~ {b} ({(plain ? "plain" : "weighted")}): bound {bound}, similarity {exact}");
            }
        }
    }

    /// <summary>The word-parallel plain distance must be the table's: swaps, repeats and long words included.</summary>
    [Fact]
    public void Plain_distance_computed_by_bits_equals_the_edit_table()
    {
        var random = new Random(11);
        foreach (var letters in (string[])["ab", "abc", "aeiouhwystxdzkgjbpfvlmnrq\u00e9"])
        {
            foreach (var (a, b) in SpellingPairs(random, letters))
            {
                Assert.True(SpellingDistance.PlainDistance(a, b) == RestrictedSwapDistance(a, b), $"{a} ~ {b}");
            }
        }

        var longWord = new string('a', 40) + new string('b', 24);
        Assert.Equal(RestrictedSwapDistance(longWord, "ba" + longWord[2..] + "c"), SpellingDistance.PlainDistance(longWord, "ba" + longWord[2..] + "c"));
        Assert.Equal(3, SpellingDistance.PlainDistance("", "abc"));
        Assert.Equal(1, SpellingDistance.PlainDistance("rahman", "rahamn"));
    }

    /// <summary>
    /// The weighted distance, however it is computed (a branch-free table for ASCII spellings, a general one for the
    /// rest), must be the plain reading of its documented costs, and a floor may only cut what lies below it: the
    /// band of the table a floor leaves to fill narrows with it.
    /// </summary>
    [Fact]
    public void Weighted_distance_is_the_table_of_its_documented_costs()
    {
        var random = new Random(13);
        foreach (var letters in (string[])["aeiouhwystxdzkgjbpfvlmnrq", "aeiouhwystxdzkgjbpfvlmnrq\u00e9", "ahst"])
        {
            foreach (var (a, b) in SpellingPairs(random, letters))
            {
                var expected = WeightedDistance(a, b);
                Assert.True((int)Math.Round(SpellingDistance.Distance(a, b) * 10) == expected, $"{a} ~ {b}: {SpellingDistance.Distance(a, b)}, expected {expected / 10.0}");
                var similarity = SpellingDistance.Similarity(a, b);
                foreach (var floor in (double[])[0.5, 0.67, 0.75, 0.78, 0.9])
                {
                    var floored = SpellingDistance.Similarity(a, b, floor);
                    Assert.True(floored == similarity || (floored == 0 && similarity < floor), $"{a} ~ {b}: {floored} with a floor of {floor}, {similarity} without");
                }
            }
        }
    }

    /// <summary>In tenths: vowels 3 to change and 4 to add or drop (8 at either end), h/w/y 5 to add or drop (8 first),
    /// consonants of one class 5 to swap, a swap of neighbours 8, anything else 10.</summary>
    private static int WeightedDistance(string a, string b)
    {
        const string vowels = "aeiou", breaths = "hwy";
        string[] classes = ["stx", "dz", "kgj", "bp", "fv"];
        int Indel(string word, int i)
        {
            var c = word[i];
            var edge = word.Length > 1;
            return vowels.Contains(c) ? (edge && (i == 0 || i == word.Length - 1) ? 8 : 4)
                : breaths.Contains(c) ? (edge && i == 0 ? 8 : 5)
                : 10;
        }

        int Substitute(char x, char y) =>
            x == y ? 0
            : vowels.Contains(x) && vowels.Contains(y) ? 3
            : classes.Any(c => c.Contains(x) && c.Contains(y)) ? 5
            : 10;

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            d[i, 0] = d[i - 1, 0] + Indel(a, i - 1);
        }

        for (var j = 1; j <= b.Length; j++)
        {
            d[0, j] = d[0, j - 1] + Indel(b, j - 1);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + Indel(a, i - 1), d[i, j - 1] + Indel(b, j - 1)), d[i - 1, j - 1] + Substitute(a[i - 1], b[j - 1]));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 8);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Edit distance where a swap of two different neighbours is one edit and a swapped pair is not edited again.</summary>
    private static int RestrictedSwapDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>20,000 pairs of spellings: a third unrelated, the rest one spelling and a slipped copy of it.</summary>
    private static IEnumerable<(string, string)> SpellingPairs(Random random, string letters)
    {
        for (var n = 0; n < 20_000; n++)
        {
            var a = Spelling(random, letters);
            yield return (a, random.Next(3) == 0 ? Spelling(random, letters) : Slipped(random, a, letters));
        }
    }

    private static string Spelling(Random random, string letters) =>
        string.Create(1 + random.Next(10), (random, letters), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.letters[state.random.Next(state.letters.Length)];
            }
        });

    /// <summary>A few substitutions, drops, insertions and swaps: spellings near each other, where the bound is tight.</summary>
    private static string Slipped(Random random, string spelling, string letters)
    {
        var chars = new List<char>(spelling);
        for (var slips = 1 + random.Next(3); slips > 0 && chars.Count > 1; slips--)
        {
            var at = random.Next(chars.Count - 1);
            switch (random.Next(4))
            {
                case 0: chars[at] = letters[random.Next(letters.Length)]; break;
                case 1: chars.RemoveAt(at); break;
                case 2: chars.Insert(at, letters[random.Next(letters.Length)]); break;
                default: (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); break;
            }
        }

        return new string([.. chars]);
    }

    [Theory]
    [InlineData("mohamed", "muhammad", VariantRelation.SameName)]
    [InlineData("mohamed", "mahmoud", VariantRelation.DifferentNames)]
    [InlineData("hassan", "ihsan", VariantRelation.DifferentNames)]
    [InlineData("qwzxv", "mohamed", VariantRelation.Unknown)]
    public void The_variant_dictionary_knows_spellings_of_one_name_and_different_names(string a, string b, VariantRelation relation) =>
        Assert.Equal(relation, NameVariants.Relation(a, b));
}
