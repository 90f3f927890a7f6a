using System.Collections.Frozen;

namespace Vigil.Screening.Names;

/// <summary>
/// The OpenSanctions name-symbol table (<c>Names/Data/opensanctions-symbols.yml</c>, MIT licence beside it): the words
/// that say what kind of organisation a name belongs to, in many languages and scripts (company, компания, sharika,
/// bank, oil …), post-nominal letters (Jr, PhD, Esq), nicknames of English given names (Bob for Robert), and the
/// spellings of a few much-written name parts.
/// </summary>
internal sealed class NameSymbols
{
    private const string ResourceName = "Vigil.Screening.Names.Data.opensanctions-symbols.yml";

    /// <summary>
    /// The organisation symbols whose words alone say that a name is an organisation's: company, corporation,
    /// organisation, cooperative, association, foundation, ministry, bank and the like, in any of the table's languages.
    /// The other symbols (general, central, city, oil, power, house …) are also words of people's names, and mark a
    /// name only in a phrase of two words or more (named after, Islamic Revolutionary Guard Corps).
    /// </summary>
    private static readonly FrozenSet<string> MarkingSymbols = FrozenSet.ToFrozenSet(
        ["co", "org", "corp", "coop", "assoc", "ngo", "holding", "consortium", "concern", "agency", "fund", "institute", "institution",
         "fdn", "enterprise", "committee", "kombinat", "association", "ministry", "bureau", "authority", "party", "club", "alliance",
         "bank", "university", "academy", "airline", "factory", "shipping", "insurance", "investment", "hospital",
         "intl", "grp", "trade", "mgmt", "tech", "industry", "service", "system", "solution", "export", "import", "capital",
         "commerce", "commercial", "global", "network", "product", "project", "equipment", "world"],
        StringComparer.Ordinal);

    /// <summary>A single word marks a name as an organisation's only from this length: Co, Dom, Im and Ngo are also names.</summary>
    private const int ShortestMarkingWord = 4;

    /// <summary>The post-nominal symbols: letters and generations written after a person's name, not part of it.</summary>
    private static readonly FrozenSet<string> PostNominalSymbols = FrozenSet.ToFrozenSet(
        ["jr", "sr", "esq", "dds", "dvm", "phd", "cpa", "cfa", "cma", "csa"], StringComparer.Ordinal);

    /// <summary>Post-nominals are dropped only as abbreviations: Junior, Senior and Esquire are also names.</summary>
    private const int LongestPostNominal = 4;

    /// <summary>
    /// The small words between an organisation's terms (Ministry of Defence, Bank of the Republic): light, as a
    /// particle of a person's name is.
    /// </summary>
    private static readonly FrozenSet<string> OrganisationLinkingWords = FrozenSet.ToFrozenSet(
        ["of", "the", "and", "for", "in", "on", "at", "to", "by", "et", "und", "y", "e", "de", "des", "du", "la", "le", "les", "del", "der", "die", "das"],
        StringComparer.Ordinal);

    /// <summary>Whether a word of an organisation's name only links its terms (of, the, and, de).</summary>
    public static bool IsOrganisationLinkingWord(string word) => OrganisationLinkingWords.Contains(word);

    private static readonly Lazy<NameSymbols> Loaded = new(Load);

    /// <summary>Organisation terms by their first word, longest first.</summary>
    private readonly FrozenDictionary<string, OrganisationTerm[]> termsByFirstWord;
    private readonly FrozenSet<string> postNominals;
    private readonly FrozenDictionary<string, string[]> namesOfNicknames;
    private readonly FrozenDictionary<string, string[]> nicknamesOfNames;
    private readonly FrozenDictionary<string, string> namePartSpellings;

    private NameSymbols(
        FrozenDictionary<string, OrganisationTerm[]> termsByFirstWord,
        FrozenSet<string> postNominals,
        FrozenDictionary<string, string[]> namesOfNicknames,
        FrozenDictionary<string, string> namePartSpellings)
    {
        this.termsByFirstWord = termsByFirstWord;
        this.postNominals = postNominals;
        this.namesOfNicknames = namesOfNicknames;
        nicknamesOfNames = namesOfNicknames
            .SelectMany(n => n.Value.Select(name => (Name: name, Nickname: n.Key)))
            .GroupBy(pair => pair.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(pair => pair.Nickname).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        this.namePartSpellings = namePartSpellings;
    }

    public static NameSymbols Default => Loaded.Value;

    /// <summary>One organisation term: its folded words, the symbol it writes, and whether it alone marks a name as an organisation's.</summary>
    private sealed record OrganisationTerm(string[] Words, string Symbol, bool Marks);

    private static bool IsLatin(string spelling) =>
        spelling.All(c => !char.IsLetter(c) || c <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF');

    /// <summary>
    /// Whether the folded words name an organisation: they hold a term that says so — a word of one of the
    /// <see cref="MarkingSymbols"/>, a phrase of the table of two words or more, as the table writes them in Latin
    /// letters, or a legal form (<see cref="NameLexicon.LegalForms"/>). A title (General) marks nothing, and a
    /// known personal name (Islam) is no term at all.
    /// </summary>
    public bool ReadsAsOrganisation(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (TermAt(words, i) is { Marks: true })
            {
                return true;
            }
        }

        return false;
    }

    private static bool Marks(string[] words, string symbol, bool latin) =>
        latin && (words.Length > 1
            || (MarkingSymbols.Contains(symbol) && words[0].Length >= ShortestMarkingWord && !NameLexicon.IsTitle(words[0]) && !NameLexicon.IsHonorific(words[0])));

    /// <summary>The longest organisation term starting at word <paramref name="at"/>: how many words it spans (0 for none) and its symbol.</summary>
    public int OrganisationTermAt(IReadOnlyList<string> words, int at, out string symbol)
    {
        var term = TermAt(words, at);
        symbol = term?.Symbol ?? "";
        return term?.Words.Length ?? 0;
    }

    private OrganisationTerm? TermAt(IReadOnlyList<string> words, int at)
    {
        if (!termsByFirstWord.TryGetValue(words[at], out var terms))
        {
            return null;
        }

        foreach (var term in terms)
        {
            if (at + term.Words.Length <= words.Count && Matches(term.Words, words, at))
            {
                return term;
            }
        }

        return null;
    }

    private static bool Matches(string[] termWords, IReadOnlyList<string> words, int at)
    {
        for (var k = 1; k < termWords.Length; k++)
        {
            if (!string.Equals(termWords[k], words[at + k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a folded word is written after a person's name rather than being part of it (Jr, PhD, Esq).</summary>
    public bool IsPostNominal(string word) => postNominals.Contains(word);

    /// <summary>The given names a nickname may stand for (Bob → Robert; Ted → Edward, Theodore), or none.</summary>
    public IReadOnlyList<string> NamesOfNickname(string word) => namesOfNicknames.GetValueOrDefault(word) ?? [];

    /// <summary>The nicknames of a given name (Robert → Bob, Rob, Robbie), or none.</summary>
    public IReadOnlyList<string> NicknamesOf(string name) => nicknamesOfNames.GetValueOrDefault(name) ?? [];

    /// <summary>Whether one word is a nickname of the other, either way round.</summary>
    public bool AreNicknameAndName(string first, string second) =>
        NamesOfNickname(first).Contains(second) || NamesOfNickname(second).Contains(first);

    /// <summary>The one spelling the table gives a name part that is written many ways (Poutine, Putyin → putin), or null.</summary>
    public string? NamePartSpelling(string word) => namePartSpellings.GetValueOrDefault(word);

    private static NameSymbols Load()
    {
        using var stream = typeof(NameSymbols).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return FromSections(SymbolFile.Read(reader, ResourceName));
    }

    /// <summary>Builds the table from the file's sections (section → symbol → spellings).</summary>
    internal static NameSymbols FromSections(IReadOnlyDictionary<string, List<(string Symbol, List<string> Spellings)>> sections)
    {
        // A spelling the file gives under two symbols (corporation: co and corp) writes the first. One written in another
        // script is read as the parser reads it, transliterated, and then may be a personal name (مؤسسة, an
        // institution, reads "mussa", as Musa is written): a single word the Arabic–Latin table knows as a name is no
        // term, and only the table's Latin spellings mark a name as an organisation's.
        var terms = new Dictionary<string, OrganisationTerm>(StringComparer.Ordinal);
        void AddTerm(string[] words, string symbol, bool marks)
        {
            var key = string.Join(' ', words);
            terms[key] = terms.TryGetValue(key, out var known) ? known with { Marks = known.Marks || marks } : new OrganisationTerm(words, symbol, marks);
        }

        foreach (var section in (ReadOnlySpan<string>)["org_symbols", "org_domains"])
        {
            foreach (var (symbol, spellings) in sections.GetValueOrDefault(section) ?? [])
            {
                foreach (var spelling in spellings)
                {
                    var words = NameParser.WordsOf(spelling);
                    if (words.Length > 0 && !(words.Length == 1 && NameVariants.Of(words[0]) is not null))
                    {
                        AddTerm(words, symbol, Marks(words, symbol, IsLatin(spelling)));
                    }
                }
            }
        }

        // The legal forms, which the table leaves out, write the form they name (LLC, L.L.C., OOO, GmbH → llc).
        foreach (var (form, spellings) in NameLexicon.LegalForms)
        {
            foreach (var (spelling, marks) in spellings)
            {
                AddTerm(NameParser.WordsOf(spelling), form, marks);
            }
        }

        var postNominals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (symbol, spellings) in sections.GetValueOrDefault("person_symbols") ?? [])
        {
            if (PostNominalSymbols.Contains(symbol))
            {
                postNominals.UnionWith(spellings.Select(NameParser.WordsOf).Where(words => words is [{ Length: <= LongestPostNominal }]).Select(words => words[0]));
            }
        }

        // Each entry is a nickname with the names it stands for: the nickname is the entry's own name (robbie: Robbie,
        // Robert; ted2: Ted, Theodore) or else its shortest spelling (sama: Sam, Samantha; max: Maximilian).
        var nicknames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (symbol, spellings) in sections.GetValueOrDefault("person_nick") ?? [])
        {
            var forms = spellings.Select(NameParser.WordsOf).Where(words => words.Length == 1).Select(words => words[0]).Distinct().ToList();
            var named = symbol.TrimEnd("0123456789".ToCharArray());
            var nickname = forms.Contains(named) || forms.Count < 2 ? named : forms.MinBy(form => form.Length)!;
            if (NameLexicon.IsLink(nickname))
            {
                continue;
            }

            if (!nicknames.TryGetValue(nickname, out var names))
            {
                nicknames.Add(nickname, names = new HashSet<string>(StringComparer.Ordinal));
            }

            names.UnionWith(forms.Where(form => form != nickname));
        }

        var nameParts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, spellings) in sections.GetValueOrDefault("person_name_parts") ?? [])
        {
            var forms = spellings.Select(spelling => string.Concat(NameParser.WordsOf(spelling))).Where(form => form.Length > 0).ToList();
            foreach (var form in forms.Skip(1))
            {
                if (form != forms[0])
                {
                    nameParts.TryAdd(form, forms[0]);
                }
            }
        }

        return new NameSymbols(
            terms.Values.GroupBy(term => term.Words[0]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(term => term.Words.Length).ToArray(), StringComparer.Ordinal),
            postNominals.ToFrozenSet(StringComparer.Ordinal),
            nicknames.Where(n => n.Value.Count > 0).ToFrozenDictionary(n => n.Key, n => n.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
            nameParts.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

/// <summary>
/// Reads the symbol file: a YAML subset of sections, each a map of symbols to lists of spellings, with comments.
/// A line outside that shape is an error that names the line.
/// </summary>
internal static class SymbolFile
{
    public static Dictionary<string, List<(string Symbol, List<string> Spellings)>> Read(TextReader reader, string source)
    {
        var sections = new Dictionary<string, List<(string, List<string>)>>(StringComparer.Ordinal);
        List<(string, List<string>)>? section = null;
        List<string>? spellings = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var content = WithoutComment(line);
            if (content.Trim().Length == 0)
            {
                continue;
            }

            var indent = content.Length - content.TrimStart(' ').Length;
            var text = content.Trim();
            if (indent == 0 && text.EndsWith(':'))
            {
                sections[text[..^1]] = section = [];
                spellings = null;
            }
            else if (indent > 0 && text.EndsWith(':') && !text.StartsWith('-') && section is not null)
            {
                section.Add((Unquoted(text[..^1], source, lineNumber), spellings = []));
            }
            else if (indent > 0 && text.StartsWith("- ", StringComparison.Ordinal) && spellings is not null)
            {
                spellings.Add(Unquoted(text[2..].Trim(), source, lineNumber));
            }
            else
            {
                throw new FormatException($"{source}, line {lineNumber}: expected a section, a symbol or a '- spelling' under a symbol, found \"{line.Trim()}\".");
            }
        }

        return sections;
    }

    /// <summary>The line up to a comment: a '#' that opens the line or follows a space outside quotes.</summary>
    private static string WithoutComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] == ' '))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string Unquoted(string value, string source, int lineNumber)
    {
        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
        {
            return value[1..^1];
        }

        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            throw new FormatException($"{source}, line {lineNumber}: unclosed quote in {value}.");
        }

        return value;
    }
}
