using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;

namespace Vigil.Travel.Privacy;

/// <summary>
/// Recognises booking data that reveals race or ethnic origin, political opinions, religion or beliefs,
/// trade-union membership, health, or sex life and sexual orientation, which the EU PNR Directive (art. 13(4))
/// forbids processing. The mapper drops what this recognises and keeps only the category and a count.
/// </summary>
/// <remarks>
/// Text is matched on whole words and whole phrases, never on parts of words (MOSLEY is not MOSLEM), after
/// upper-casing; anything that is not a letter or digit separates words. It therefore misses misspellings,
/// abbreviations and other languages that are not on the list, and flags a name that happens to equal a term:
/// terms that are common names (CHRISTIAN, JAIN, CHURCH, GAY) are left off the default list for that reason.
/// </remarks>
internal sealed class SensitiveDataFilter
{
    public const string Religion = "religion";
    public const string Health = "health";
    public const string EthnicOrigin = "ethnic-origin";
    public const string PoliticalOpinion = "political-opinion";
    public const string TradeUnion = "trade-union";
    public const string SexLife = "sex-life";

    public static readonly IReadOnlySet<string> Categories =
        new HashSet<string>([Religion, Health, EthnicOrigin, PoliticalOpinion, TradeUnion, SexLife], StringComparer.Ordinal);

    private const string DefaultResource = "Vigil.Travel.Privacy.sensitive-data.json";

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<SensitiveDataFilter> DefaultFilter = new(LoadDefault);

    private readonly FrozenDictionary<string, string> codes;

    // Phrases by their first word, longest first, so that one lookup per word of the text finds every candidate.
    private readonly FrozenDictionary<string, (string[] Words, string Category)[]> phrases;

    // Every remark, SSR text and history line passes through here: words are looked up as spans, not strings.
    private readonly FrozenDictionary<string, (string[] Words, string Category)[]>.AlternateLookup<ReadOnlySpan<char>> phraseLookup;

    private SensitiveDataFilter(Dictionary<string, string> codes, List<(string[] Words, string Category)> terms)
    {
        this.codes = codes.ToFrozenDictionary(StringComparer.Ordinal);

        // An SSR code quoted in text (history lines, OSI "REQ WCHR") reveals as much as the SSR itself.
        var all = terms.Concat(codes.Select(c => (Words: new[] { c.Key }, Category: c.Value)));
        phrases = all
            .GroupBy(t => t.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        phraseLookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lists shipped with Vigil (Privacy/sensitive-data.json).</summary>
    public static SensitiveDataFilter Default => DefaultFilter.Value;

    /// <summary>SSR codes by category, for documentation and review.</summary>
    public IReadOnlyDictionary<string, string> SsrCodes => codes;

    /// <summary>
    /// An operator's own lists. The file replaces the default lists unless it sets <c>"includeDefaults": true</c>.
    /// A file that cannot be read or names an unknown category is a configuration error and throws
    /// <see cref="InvalidDataException"/>: starting with a silently empty filter would process sensitive data.
    /// </summary>
    public static SensitiveDataFilter Load(string jsonPath)
    {
        string json;
        try
        {
            json = File.ReadAllText(jsonPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"sensitive-data list '{jsonPath}' cannot be read: {e.Message}", e);
        }

        return Parse(json, jsonPath, Default);
    }

    /// <summary>The category of data an SSR code reveals (<c>MOML</c> → <c>religion</c>); null if none.</summary>
    public string? CategoryOfSsr(string ssrCode)
    {
        if (string.IsNullOrWhiteSpace(ssrCode))
        {
            return null;
        }

        return codes.GetValueOrDefault(ssrCode.Trim().ToUpperInvariant());
    }

    /// <summary>The category of the first sensitive word or phrase in free text; null if none.</summary>
    public string? CategoryOfText(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        const int StackWords = 64;
        Range[]? rented = null;
        var words = text.Length / 2 + 1 <= StackWords ? stackalloc Range[StackWords] : (rented = ArrayPool<Range>.Shared.Rent(text.Length / 2 + 1));
        try
        {
            var count = WordRanges(text, words);
            var span = text.AsSpan();
            for (var i = 0; i < count; i++)
            {
                if (!phraseLookup.TryGetValue(span[words[i]], out var candidates))
                {
                    continue;
                }

                foreach (var (phrase, category) in candidates)
                {
                    if (StartsAt(span, words[..count], i, phrase))
                    {
                        return category;
                    }
                }
            }

            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Range>.Shared.Return(rented);
            }
        }
    }

    internal static SensitiveDataFilter Parse(string json, string source, SensitiveDataFilter? defaults)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = new List<(string[] Words, string Category)>();
        try
        {
            using var document = JsonDocument.Parse(json, JsonOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: the file must hold one JSON object");
            }

            if (root.TryGetProperty("includeDefaults", out var include) && include.ValueKind == JsonValueKind.True && defaults is not null)
            {
                foreach (var (code, category) in defaults.codes)
                {
                    codes[code] = category;
                }

                terms.AddRange(defaults.phrases.Values.SelectMany(p => p).Where(p => !defaults.codes.ContainsKey(string.Join(' ', p.Words))));
            }

            foreach (var (category, entry) in Lists(root, "ssrCodes", source))
            {
                var code = entry.Trim().ToUpperInvariant();
                if (code.Length is < 2 or > 5 || !code.All(char.IsAsciiLetterOrDigit))
                {
                    throw new InvalidDataException($"{source}: '{entry}' is not an SSR code");
                }

                codes[code] = category;
            }

            foreach (var (category, entry) in Lists(root, "terms", source))
            {
                var ranges = new Range[entry.Length / 2 + 1];
                var count = WordRanges(entry, ranges);
                if (count == 0)
                {
                    throw new InvalidDataException($"{source}: term '{entry}' has no letters or digits");
                }

                terms.Add(([.. ranges[..count].Select(r => entry[r].ToUpperInvariant())], category));
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON: {e.Message}", e);
        }

        return new SensitiveDataFilter(codes, terms);
    }

    private static IEnumerable<(string Category, string Entry)> Lists(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var lists))
        {
            yield break;
        }

        if (lists.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{source}: '{name}' must map categories to lists");
        }

        foreach (var list in lists.EnumerateObject())
        {
            if (!Categories.Contains(list.Name))
            {
                throw new InvalidDataException(
                    $"{source}: '{list.Name}' is not a category; use one of {string.Join(", ", Categories)}");
            }

            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{source}: '{name}.{list.Name}' must be a list of strings");
            }

            foreach (var entry in list.Value.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidDataException($"{source}: '{name}.{list.Name}' must be a list of strings");
                }

                yield return (list.Name, entry.GetString()!);
            }
        }
    }

    /// <summary>Letters-or-digits runs of <paramref name="text"/>; returns how many were written.</summary>
    private static int WordRanges(string text, Span<Range> words)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words[count++] = start..i;
                start = -1;
            }
        }

        return count;
    }

    private static bool StartsAt(ReadOnlySpan<char> text, ReadOnlySpan<Range> words, int index, string[] phrase)
    {
        if (index + phrase.Length > words.Length)
        {
            return false;
        }

        for (var j = 1; j < phrase.Length; j++)
        {
            if (!text[words[index + j]].Equals(phrase[j], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static SensitiveDataFilter LoadDefault()
    {
        using var stream = typeof(SensitiveDataFilter).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default sensitive-data list", null);
    }
}
