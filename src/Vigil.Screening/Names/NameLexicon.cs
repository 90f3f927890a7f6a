using System.Collections.Frozen;

namespace Vigil.Screening.Names;

/// <summary>
/// The closed word classes of names that the parser recognises as typed tokens. They are never deleted by a guess
/// about the language; titles alone are removed, and only as whole tokens.
/// </summary>
internal static class NameLexicon
{
    /// <summary>Forms of the Arabic article written as a separate word.</summary>
    private static readonly FrozenSet<string> Articles = FrozenSet.ToFrozenSet(["al", "el", "ul", "ud"], StringComparer.Ordinal);

    /// <summary>The article assimilated to a following "sun" letter (ar-rahman, ash-shami): only an article before that letter.</summary>
    private static readonly FrozenDictionary<string, string> SunArticles = new Dictionary<string, string>
    {
        ["ad"] = "d", ["adh"] = "dh", ["ar"] = "r", ["as"] = "s", ["ash"] = "sh", ["at"] = "t", ["ath"] = "th",
        ["az"] = "z", ["an"] = "n",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The article as Urdu, Persian, Bengali and Maghrebi spellings write it inside a compound given name (Zia-ur-Rahman,
    /// Zia-ul-Haq, Nizam-ud-Din, Salah ed-Din), mostly assimilated to the letter that follows; null where it stands
    /// before any letter.
    /// </summary>
    private static readonly FrozenDictionary<string, string?> InnerArticles = new Dictionary<string, string?>
    {
        ["ul"] = null, ["ud"] = "d", ["ur"] = "r", ["us"] = "s", ["ush"] = "sh", ["ut"] = "t", ["uth"] = "th", ["uz"] = "z", ["un"] = "n",
        ["ed"] = "d", ["er"] = "r", ["es"] = "s", ["esh"] = "sh", ["et"] = "t", ["eth"] = "th", ["ez"] = "z", ["en"] = "n",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>"Servant of": always followed by one of the names of God, often with an article, written glued or apart.</summary>
    private static readonly FrozenSet<string> AbdForms = FrozenSet.ToFrozenSet(
        ["abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdur", "abdus"], StringComparer.Ordinal);

    /// <summary>Kunya openers: "father of" / "mother of", written glued or apart.</summary>
    private static readonly FrozenSet<string> KunyaForms = FrozenSet.ToFrozenSet(["abu", "abou", "abo", "aboo", "umm", "um", "oum"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LinkForms = FrozenSet.ToFrozenSet(
        ["bin", "ibn", "ben", "bint", "binti", "bent", "ould", "walad", "ibnu"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> HonorificForms = FrozenSet.ToFrozenSet(
        ["haji", "hajji", "hadji", "hajj", "alhaj", "alhaji", "sheikh", "shaykh", "shaikh", "cheikh", "sheik", "mullah", "mulla", "molla",
         "mawlawi", "maulawi", "maulvi", "molvi", "mawlana", "maulana", "mufti", "qari", "sayyid", "sayyed", "seyed", "sayed"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ParticleForms = FrozenSet.ToFrozenSet(
        ["de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den", "la", "le", "lo", "y", "e", "zu", "ter", "ten"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> TitleForms = FrozenSet.ToFrozenSet(
        ["mr", "mrs", "ms", "miss", "mstr", "dr", "prof", "professor", "doctor", "gen", "general", "col", "colonel", "capt", "captain",
         "lt", "ltcol", "maj", "brig", "brigadier", "sgt", "eng", "engr", "engineer", "sir", "hon", "rev", "mme", "mlle", "herr", "frau"],
        StringComparer.Ordinal);

    /// <summary>Placeholders registries write for a missing name part ("first name unknown"); removed like titles.</summary>
    private static readonly FrozenSet<string> PlaceholderForms = FrozenSet.ToFrozenSet(["fnu", "lnu", "mnu", "nfn", "nmn", "unk", "xx", "xxx"], StringComparer.Ordinal);

    /// <summary>
    /// Legal forms of companies as registries write them, which the symbol table leaves out, by the form they name: the
    /// abbreviations and the spelled-out names of one kind of company in the lists' languages write one symbol
    /// (a limited-liability company: LLC, OOO, TOV, GmbH, SARL, Gesellschaft mit beschränkter Haftung …), and the
    /// Russian joint-stock forms one together, since a company renamed from OAO to PAO in 2014 is listed under both.
    /// With each spelling, whether it says by itself that a name is an organisation's. Two letters do not (SA, AG, AB,
    /// BV, and dotted S.A. or B.V. are also a person's initials, Ao and As parts of names), nor words that are names or
    /// ordinary words (Asa, Too, Pao).
    /// </summary>
    public static readonly (string Form, (string Spelling, bool Marks)[] Spellings)[] LegalForms =
    [
        ("llc", [
            ("LLC", true), ("L.L.C.", true), ("Limited Liability Company", true), ("Limited Liability Co", true),
            ("OOO", true), ("ООО", true), ("Общество с ограниченной ответственностью", true),
            ("Obshchestvo s Ogranichennoi Otvetstvennostiu", true), ("Obshchestvo s Ogranichennoy Otvetstvennostyu", true),
            ("Obshestvo s Ogranichennoy Otvetstvennostyu", true),
            ("TOV", true), ("ТОВ", true), ("Товариство з обмеженою відповідальністю", true),
            ("Tovarystvo z Obmezhenoiu Vidpovidalnistiu", true), ("Tovarystvo z Obmezhenoyu Vidpovidalnistyu", true),
            ("TOO", false), ("ТОО", false), ("Товарищество с ограниченной ответственностью", true),
            ("GmbH", true), ("mbH", true), ("Gesellschaft mit beschränkter Haftung", true),
            ("SARL", true), ("S.A.R.L.", true), ("Société à responsabilité limitée", true),
            ("SRL", true), ("S.R.L.", true), ("Società a responsabilità limitata", true), ("Sociedad de Responsabilidad Limitada", true),
            ("SL", false), ("S.L.", false), ("Sociedad Limitada", true), ("Ltda", true),
            ("sp. z o.o.", true), ("Spółka z ograniczoną odpowiedzialnością", true),
            ("s.r.o.", true), ("Společnost s ručením omezeným", true), ("d.o.o.", true),
            ("EOOD", true), ("ЕООД", true), ("OOD", false), ("ООД", false), ("Kft", true),
        ]),
        ("jsc", [
            ("JSC", true), ("Joint Stock Company", true), ("Joint-Stock Company", true),
            ("OJSC", true), ("Open Joint Stock Company", true), ("CJSC", true), ("Closed Joint Stock Company", true),
            ("PJSC", true), ("Public Joint Stock Company", true),
            ("AO", false), ("АО", false), ("Акционерное общество", true), ("Aktsionernoe Obshchestvo", true), ("Aktsionernoye Obshchestvo", true),
            ("OAO", true), ("ОАО", true), ("Открытое акционерное общество", true), ("Otkrytoe Aktsionernoe Obshchestvo", true),
            ("Otkrytoye Aktsionernoye Obshchestvo", true),
            ("ZAO", true), ("ЗАО", true), ("Закрытое акционерное общество", true), ("Zakrytoe Aktsionernoe Obshchestvo", true),
            ("Zakrytoye Aktsionernoye Obshchestvo", true),
            ("PAO", false), ("ПАО", false), ("Публичное акционерное общество", true), ("Publichnoe Aktsionernoe Obshchestvo", true),
            ("Publichnoye Aktsionernoye Obshchestvo", true),
            ("AD", false), ("АД", false), ("Акционерно дружество", true),
            ("AG", false), ("Aktiengesellschaft", true), ("SA", false), ("S.A.", false), ("Société Anonyme", true),
            ("Sociedad Anónima", true), ("Sociedade Anónima", true), ("Sociedade Anônima", true),
            ("SpA", true), ("S.p.A.", true), ("Società per Azioni", true), ("SAS", false), ("S.A.S.", false),
            ("NV", false), ("N.V.", false), ("Naamloze Vennootschap", true), ("AB", false), ("Aktiebolag", true),
            ("AS", false), ("A/S", false), ("ASA", false), ("Aktieselskab", true), ("Aksjeselskap", true),
            ("Oy", false), ("Oyj", true), ("Osakeyhtiö", true), ("Zrt", true), ("Nyrt", true), ("SE", false),
        ]),
        ("ltd", [("Ltd", true), ("Limited", true)]),
        ("plc", [("PLC", true), ("P.L.C.", true), ("Public Limited Company", true)]),
        ("inc", [("Inc", true), ("Incorporated", true)]),
        ("llp", [("LLP", true), ("L.L.P.", true), ("Limited Liability Partnership", true)]),
        ("lp", [("LP", false), ("Limited Partnership", true)]),
        ("kg", [("KG", false), ("Kommanditgesellschaft", true)]),
        ("kgaa", [("KGaA", true), ("Kommanditgesellschaft auf Aktien", true)]),
        ("bv", [("BV", false), ("B.V.", false), ("Besloten Vennootschap", true)]),
        ("fze", [("FZE", true), ("Free Zone Establishment", true)]),
        ("fzco", [("FZCO", true), ("FZC", true), ("Free Zone Company", true)]),
        ("fzllc", [("FZ-LLC", true)]),
        ("dmcc", [("DMCC", true)]),
        ("pte", [("Pte", true)]),
        ("pty", [("Pty", true)]),
        ("pvt", [("Pvt", true)]),
        ("bhd", [("Bhd", true), ("Berhad", true)]),
        ("sdnbhd", [("Sdn Bhd", true), ("Sendirian Berhad", true)]),
        ("tbk", [("Tbk", true)]),
        ("pt", [("PT", false)]),
    ];

    private static readonly FrozenSet<string> LegalFormSymbols = FrozenSet.ToFrozenSet(LegalForms.Select(f => f.Form), StringComparer.Ordinal);

    /// <summary>Whether an organisation term's symbol is a legal form (llc, jsc) rather than a descriptor (co, bank).</summary>
    public static bool IsLegalForm(string symbol) => LegalFormSymbols.Contains(symbol);

    public static bool IsPlaceholder(string word) => PlaceholderForms.Contains(word);

    public static bool IsArticle(string word) => Articles.Contains(word);

    public static bool IsSunArticleBefore(string word, string next) =>
        SunArticles.TryGetValue(word, out var letter) && next.StartsWith(letter, StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="word"/>, written between two words, is the article inside a compound given name before
    /// <paramref name="next"/>. Only between words: Ed and An open Western and Asian names.
    /// </summary>
    public static bool IsInnerArticleBefore(string word, string next) =>
        InnerArticles.TryGetValue(word, out var letter) && (letter is null || next.StartsWith(letter, StringComparison.Ordinal));

    /// <summary>
    /// Whether <paramref name="word"/> opens a compound with the name after it: an abd form, also with one slip
    /// (<see cref="IsSlippedAbd"/>), a kunya opener, or "servant of" as Levantine spellings write it before the article
    /// (Abed al-Rahman; on its own Abed is a name, Abid, "worshipper").
    /// </summary>
    public static bool OpensCompoundBefore(string word, string next) =>
        AbdForms.Contains(word) || KunyaForms.Contains(word) || IsSlippedAbd(word) || (word == "abed" && Articles.Contains(next));

    /// <summary>The abd forms a slip is looked for in: the shorter ones are a letter away from too many names.</summary>
    private static readonly string[] SlippedAbdTargets = ["abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abdou", "abdoul"];

    /// <summary>Names that are one slip from an abd form and stand on their own.</summary>
    private static readonly FrozenSet<string> NamesNearAbd = FrozenSet.ToFrozenSet(
        ["adel", "abel", "abdali", "abduh", "abdo", "abdon", "abdi", "abid", "abed"], StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="word"/> is an abd form with one typing slip (Abgul, Bdul, Abds, Abudl): read as the
    /// form it was meant to be, it is glued to the name after it, as the list writes it (Abdul Baqi as abdulbaqi);
    /// left apart, neither half is anything like the listed word, and the search never meets the listed person.
    /// </summary>
    private static bool IsSlippedAbd(string word)
    {
        if (word.Length is < 4 or > 7 || AbdForms.Contains(word) || NamesNearAbd.Contains(word))
        {
            return false;
        }

        // One slip leaves two of the letters a, b and d among the first four: most words end here, without a distance.
        var opening = word.AsSpan(0, 4);
        if ((opening.Contains('a') ? 1 : 0) + (opening.Contains('b') ? 1 : 0) + (opening.Contains('d') ? 1 : 0) < 2)
        {
            return false;
        }

        foreach (var target in SlippedAbdTargets)
        {
            if (SpellingDistance.PlainDistance(word, target) == 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word that begins a compound name: abd-, abu-, or an article.</summary>
    public static bool IsCompoundOpener(string word) => AbdForms.Contains(word) || KunyaForms.Contains(word) || Articles.Contains(word);

    public static bool IsLink(string word) => LinkForms.Contains(word);

    /// <summary>English glosses of the link that lists write out: "Abdul Haq son of Anwar Khan".</summary>
    public static bool IsLinkPhrase(string word, string next) =>
        next == "of" && word is "son" or "daughter";

    public static bool IsHonorific(string word) => HonorificForms.Contains(word);

    public static bool IsParticle(string word) => ParticleForms.Contains(word);

    public static bool IsTitle(string word) => TitleForms.Contains(word);
}
