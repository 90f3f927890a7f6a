using System.Globalization;
using System.Text;
using Vigil.Benchmarks.Matching;
using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.MatchBench;

/// <summary>
/// Generates a large watch list of made-up identities, deterministically from a seed. Name words are drawn from the
/// Latin spellings of the shared Wikidata name table (weighted by how often each occurs there, which mixes Arabic,
/// Western, African and Asian names) and from the words of the real list names (weighted by their frequency in
/// the lists); 2–5 words per name, 0–3 aliases per identity (spelling variants, family name first, a dropped
/// middle name), dates of birth (exact or year only), nationalities, and a passport for some.
/// </summary>
internal sealed class IdentityGenerator
{
    public const string ListCode = "gen";

    /// <summary>Spelling variants seen across transliterations; each pair is applied in either direction.</summary>
    private static readonly (string, string)[] SpellingPairs =
    [
        ("ou", "u"), ("ph", "f"), ("y", "i"), ("ee", "i"), ("oo", "u"), ("k", "q"), ("c", "k"), ("mm", "m"),
        ("ll", "l"), ("ss", "s"), ("ad", "ed"), ("ah", "a"), ("ei", "ey"), ("sh", "ch"), ("j", "dj"), ("kh", "h"),
        ("w", "v"), ("ie", "y"), ("th", "t"), ("ai", "ay"), ("ua", "wa"), ("dh", "d"), ("gh", "g"), ("o", "u"),
    ];

    private static readonly string[] Countries =
    [
        "AFG", "DZA", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE", "BHR", "BGD", "BLR", "BEL", "BIH", "BRA", "BGR", "BFA",
        "KHM", "CMR", "CAN", "TCD", "CHL", "CHN", "COL", "COD", "HRV", "CUB", "CZE", "DNK", "EGY", "ERI", "ETH", "FIN",
        "FRA", "GEO", "DEU", "GHA", "GRC", "GIN", "HUN", "IND", "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "CIV", "JPN",
        "JOR", "KAZ", "KEN", "PRK", "KOR", "KWT", "KGZ", "LBN", "LBY", "MYS", "MLI", "MRT", "MEX", "MAR", "MOZ", "NLD",
        "NER", "NGA", "NOR", "OMN", "PAK", "PSE", "PER", "PHL", "POL", "PRT", "QAT", "ROU", "RUS", "SAU", "SEN", "SRB",
        "SOM", "ZAF", "ESP", "LKA", "SDN", "SWE", "CHE", "SYR", "TJK", "TZA", "THA", "TUN", "TUR", "TKM", "UGA", "UKR",
        "ARE", "GBR", "USA", "UZB", "VEN", "VNM", "YEM", "ZWE",
    ];

    private readonly int seed;
    private readonly WeightedPool wikidataWords;
    private readonly WeightedPool listWords;
    private readonly WeightedPool nationalities;

    public IdentityGenerator(int seed, string namesTablePath, IEnumerable<ListedPerson> listed)
    {
        this.seed = seed;
        wikidataWords = ReadNamesTable(namesTablePath);
        var words = new Dictionary<string, long>(StringComparer.Ordinal);
        var countries = Countries.ToDictionary(c => c, _ => 20L, StringComparer.Ordinal);
        foreach (var person in listed)
        {
            foreach (var nationality in person.Nationalities)
            {
                if (nationality.Length == 3 && nationality.All(char.IsAsciiLetterUpper))
                {
                    countries[nationality] = countries.GetValueOrDefault(nationality) + 1;
                }
            }

            if (person.Kind != PartyKind.Individual)
            {
                continue;
            }

            foreach (var name in person.Names)
            {
                if (name.IsOriginalScript)
                {
                    continue;
                }

                foreach (var word in name.FullName.Split([' ', ',', '.', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (IsLatinWord(word))
                    {
                        var titled = TitleCase(word);
                        words[titled] = words.GetValueOrDefault(titled) + 1;
                    }
                }
            }
        }

        listWords = new WeightedPool(words);
        nationalities = new WeightedPool(countries);
    }

    public int WikidataWordCount => wikidataWords.Count;

    public int ListWordCount => listWords.Count;

    /// <summary><paramref name="count"/> identities, the same ones for the same seed.</summary>
    public IEnumerable<ListedPerson> Generate(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Identity(i, random);
        }
    }

    /// <summary>
    /// Queries aimed at generated identities: one of the identity's names (primary, or an alias for three in ten)
    /// with one typing or spelling change, and some of its date of birth, nationality and gender.
    /// </summary>
    public List<EvalQuery> Queries(IReadOnlyList<ListedPerson> identities, int count, int querySeed)
    {
        var random = new Random(querySeed);
        var queries = new List<EvalQuery>(count);
        while (queries.Count < count)
        {
            var identity = identities[random.Next(identities.Count)];
            var name = identity.Names.Count > 1 && random.NextDouble() < 0.3
                ? identity.Names[1 + random.Next(identity.Names.Count - 1)].FullName
                : identity.Names[0].FullName;
            var dob = identity.BirthDates.Count > 0 && random.NextDouble() < 0.6 ? identity.BirthDates[0] : null;
            var query = new ScreeningQuery(Misspell(name, random))
            {
                DateOfBirth = dob is null ? null : new QueryBirthDate(dob.FromYear, dob.Month, dob.Day),
                Nationality = identity.Nationalities.Count > 0 && random.NextDouble() < 0.6 ? identity.Nationalities[0] : null,
                Gender = random.NextDouble() < 0.5 ? identity.Gender : Gender.Unknown,
            };
            queries.Add(new EvalQuery($"gen-q-{queries.Count:D5}", query, identity.ListId));
        }

        return queries;
    }

    private ListedPerson Identity(int number, Random random)
    {
        var wordCount = Pick(random, [35, 35, 20, 10]) + 2;
        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var pool = random.NextDouble() < 0.65 ? wikidataWords : listWords;
            words[w] = pool.Pick(random);
        }

        var primary = string.Join(' ', words);
        var names = new List<ListedName> { new(primary, NameKind.Primary) };
        var aliases = Pick(random, [40, 30, 20, 10]);
        for (var a = 0; a < aliases; a++)
        {
            var alias = Alias(words, random);
            if (names.TrueForAll(n => n.FullName != alias))
            {
                names.Add(new ListedName(alias, NameKind.Alias, random.NextDouble() < 0.7 ? NameQuality.Strong : NameQuality.Weak));
            }
        }

        var birthDates = new List<ListedBirthDate>();
        var dateKind = random.NextDouble();
        if (dateKind >= 0.12)
        {
            var date = new DateOnly(1945, 1, 1).AddDays(random.Next(62 * 365));
            birthDates.Add(dateKind < 0.72 ? ListedBirthDate.Exact(date) : ListedBirthDate.Year(date.Year));
            if (random.NextDouble() < 0.05)
            {
                birthDates.Add(ListedBirthDate.Year(date.Year + (random.NextDouble() < 0.5 ? -1 : 1)));
            }
        }

        var countryKind = random.NextDouble();
        string[] countries = countryKind < 0.15 ? []
            : countryKind < 0.92 ? [nationalities.Pick(random)]
            : [nationalities.Pick(random), nationalities.Pick(random)];
        var genderDraw = random.NextDouble();
        var gender = genderDraw < 0.45 ? Gender.Male : genderDraw < 0.9 ? Gender.Female : Gender.Unknown;
        ListedDocument[] documents = random.NextDouble() < 0.3
            ? [new ListedDocument("Passport", PassportNumber(random), countries.Length > 0 ? countries[0] : null)]
            : [];

        return new ListedPerson
        {
            List = ListCode,
            ListId = $"GEN-{number + 1:D7}",
            Kind = PartyKind.Individual,
            Names = [.. names],
            BirthDates = [.. birthDates],
            Nationalities = countries.Length > 0 ? countries.Distinct(StringComparer.Ordinal).ToArray() : [],
            Gender = gender,
            Documents = documents,
        };
    }

    /// <summary>An alias: a spelling variant of one word, the family name put first, a middle name dropped, or two of these.</summary>
    private static string Alias(string[] words, Random random)
    {
        var alias = (string[])words.Clone();
        switch (random.Next(4))
        {
            case 0:
                alias = [alias[^1], .. alias[..^1]];
                break;
            case 1:
                Respell(alias, random);
                break;
            case 2 when alias.Length >= 3:
                var drop = 1 + random.Next(alias.Length - 2);
                alias = [.. alias[..drop], .. alias[(drop + 1)..]];
                break;
            default:
                Respell(alias, random);
                alias = [alias[^1], .. alias[..^1]];
                break;
        }

        return string.Join(' ', alias);
    }

    private static void Respell(string[] words, Random random)
    {
        var start = random.Next(words.Length);
        for (var tries = 0; tries < words.Length; tries++)
        {
            var w = (start + tries) % words.Length;
            var lower = words[w].ToLowerInvariant();
            var first = random.Next(SpellingPairs.Length);
            for (var p = 0; p < SpellingPairs.Length; p++)
            {
                var (one, other) = SpellingPairs[(first + p) % SpellingPairs.Length];
                var (from, to) = random.NextDouble() < 0.5 ? (one, other) : (other, one);
                var at = lower.IndexOf(from, 1, StringComparison.Ordinal);
                if (lower.Length > 1 && at > 0)
                {
                    words[w] = TitleCase(string.Concat(lower.AsSpan(0, at), to, lower.AsSpan(at + from.Length)));
                    return;
                }
            }
        }
    }

    /// <summary>One typing change in one word of four letters or more (never its first letter): swap, drop, double or replace.</summary>
    private static string Misspell(string name, Random random)
    {
        var words = name.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4).ToArray();
        if (candidates.Length == 0)
        {
            return name;
        }

        var w = candidates[random.Next(candidates.Length)];
        var chars = new StringBuilder(words[w]);
        var at = 1 + random.Next(chars.Length - 2);
        switch (random.Next(4))
        {
            case 0:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                break;
            case 1:
                chars.Remove(at, 1);
                break;
            case 2:
                chars.Insert(at, chars[at]);
                break;
            default:
                chars[at] = "aeiou".Contains(chars[at], StringComparison.Ordinal)
                    ? "aeiou"[random.Next(5)]
                    : "bdgklmnrst"[random.Next(10)];
                break;
        }

        words[w] = chars.ToString();
        return string.Join(' ', words);
    }

    private static string PassportNumber(Random random)
    {
        Span<char> number = stackalloc char[9];
        number[0] = (char)('A' + random.Next(26));
        number[1] = (char)('A' + random.Next(26));
        for (var i = 2; i < number.Length; i++)
        {
            number[i] = (char)('0' + random.Next(10));
        }

        return new string(number);
    }

    /// <summary>Index into <paramref name="weights"/>, drawn in proportion to them.</summary>
    private static int Pick(Random random, ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var draw = random.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Column 1 (Latin spelling) weighted by column 3 (count); words of one or two letters ("de", "al") are left out.</summary>
    private static WeightedPool ReadNamesTable(string path)
    {
        var words = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var columns = line.Split('\t');
            if (columns.Length < 3 || columns[0].Length < 3 || !IsLatinWord(columns[0])
                || !long.TryParse(columns[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }

            var word = TitleCase(columns[0]);
            words[word] = words.GetValueOrDefault(word) + count;
        }

        return new WeightedPool(words);
    }

    private static bool IsLatinWord(string word) =>
        word.Length >= 2 && char.IsLetter(word[0]) && word.All(c => c < '\u0250' && (char.IsLetter(c) || c is '-' or '\''));

    /// <summary>"ABU-BAKR" and "abu-bakr" become "Abu-Bakr".</summary>
    private static string TitleCase(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is '-' or '\'')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    /// <summary>Strings drawn in proportion to their weights (cumulative weights, binary search), in a fixed order.</summary>
    private sealed class WeightedPool
    {
        private readonly string[] items;
        private readonly long[] cumulative;

        public WeightedPool(Dictionary<string, long> weights)
        {
            var ordered = weights.Where(w => w.Value > 0).OrderBy(w => w.Key, StringComparer.Ordinal).ToArray();
            items = [.. ordered.Select(w => w.Key)];
            cumulative = new long[items.Length];
            long total = 0;
            for (var i = 0; i < ordered.Length; i++)
            {
                total += ordered[i].Value;
                cumulative[i] = total;
            }
        }

        public int Count => items.Length;

        public string Pick(Random random)
        {
            var draw = random.NextInt64(cumulative[^1]);
            var at = Array.BinarySearch(cumulative, draw + 1);
            return items[at >= 0 ? at : ~at];
        }
    }
}
