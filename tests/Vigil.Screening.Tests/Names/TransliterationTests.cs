using Vigil.Screening.Names.Transliteration;
using Vigil.Tests;

namespace Vigil.Screening.Tests.Names;

public class TransliterationTests
{
    // ---- Cyrillic: ICAO Doc 9303 (formats.md §9.2) ----

    [Theory]
    [InlineData("Владимир Путин", "vladimir putin")]
    [InlineData("Щукин", "shchukin")]
    [InlineData("Жуков Хрущёв", "zhukov khrushchev")]
    [InlineData("Цой Чехов Шишкин", "tsoi chekhov shishkin")]
    [InlineData("Юлия Тимошенко", "iuliia timoshenko")]
    [InlineData("Ёлкин Майя", "elkin maiia")]
    [InlineData("Быков Объедков", "bykov obieedkov")]
    [InlineData("Игорь Эрдели", "igor erdeli")]
    public void Russian_follows_the_icao_table(string cyrillic, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(cyrillic));

    [Theory]
    [InlineData("Їжак", "izhak")]
    [InlineData("Євгенія Ґудзь", "ievgeniia gudz")]
    [InlineData("Іван", "ivan")]
    [InlineData("Аляксандр Лукашэнка Ўладзімір", "aliaksandr lukashenka uladzimir")]
    [InlineData("Новак Ђоковић", "novak dokovic")]
    [InlineData("Љубиша Његош Џаја Јовановић", "ljubisha njegosh dzaja jovanovic")]
    [InlineData("Ѓорѓе Ќосе Ѕвездан", "gorge kose dzvezdan")]
    [InlineData("Нұрсұлтан Назарбаев", "nursultan nazarbaev")]
    [InlineData("Қасым-Жомарт Тоқаев", "kasym-zhomart tokaev")]
    [InlineData("Әлихан Ғани Өмір Үсен Һ", "alikhan gani omir usen h")]
    [InlineData("Эмомалӣ Раҳмон Ҷӯраев", "emomali rahmon juraev")]
    public void Other_cyrillic_alphabets_use_the_icao_rows_and_the_closest_letter_for_the_rest(string cyrillic, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(cyrillic));

    [Fact]
    public void Cyrillic_letters_written_with_a_combining_accent_read_as_the_precomposed_letter() =>
        Assert.Equal("sergei alekseev", ScriptTransliterator.ToLatin("Серге\u0438\u0306 Алексе\u0435\u0308в"));

    // ---- Arabic: phonetic scheme ----

    [Theory]
    [InlineData("محمد", "mohamed")]
    [InlineData("عمر", "omar")]
    [InlineData("علي", "ali")]
    [InlineData("أسامة بن لادن", "osama ibn laden")]
    [InlineData("عبد الله", "abdul allah")]
    [InlineData("ابو بكر محمد بن زكريا الرازي", "abu bakr mohamed ibn zakaria alrazi")]
    public void Phonetic_arabic_takes_the_most_common_wikidata_spelling(string arabic, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(arabic));

    [Fact]
    public void The_table_is_read_past_harakat_tatweel_and_presentation_forms()
    {
        Assert.Equal("mohamed", ScriptTransliterator.ToLatin("مُحَمَّد"));
        Assert.Equal("mohamed", ScriptTransliterator.ToLatin("محـــمد"));
        Assert.Equal("mohamed", ScriptTransliterator.ToLatin("\uFEE3\uFEA4\uFEE4\uFEAA"));
    }

    [Fact]
    public void Bare_alef_and_persian_letters_find_the_arabic_row()
    {
        Assert.Equal("osama", ScriptTransliterator.ToLatin("اسامة"));
        Assert.Equal("hussein", ScriptTransliterator.ToLatin("حسین"));
    }

    [Fact]
    public void Persian_names_come_out_as_plausible_ascii()
    {
        string latin = ScriptTransliterator.ToLatin("حسین موسوی");

        Assert.Equal("hussein mousavi", latin);
        Assert.All(latin, c => Assert.True(c is ' ' or >= 'a' and <= 'z'));
    }

    [Theory]
    [InlineData("الرحمن", "alrahman")]
    [InlineData("الأمير", "alamir")]
    [InlineData("الله", "allah")]
    [InlineData("عبدالله", "abdallah")]
    [InlineData("نصرالله", "nasrallah")]
    [InlineData("عبدالعزيز", "abdalazeez")]
    public void The_article_is_written_al_and_joined_to_its_word(string arabic, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(arabic));

    [Theory]
    [InlineData("خالد", "khalid")]
    [InlineData("أحمد", "ahmad")]
    [InlineData("محمود", "mahmud")]
    [InlineData("حسن", "hasan")]
    [InlineData("فهد", "fahad")]
    [InlineData("سعد", "saad")]
    [InlineData("سعيد", "said")]
    [InlineData("ناصر", "nasir")]
    [InlineData("طارق", "tariq")]
    [InlineData("علي", "ali")]
    [InlineData("إبراهيم", "ibrahim")]
    [InlineData("وليد", "walid")]
    [InlineData("جعفر", "jafar")]
    [InlineData("ظواهري", "zawahiri")]
    [InlineData("خديجة", "khadija")]
    [InlineData("هدى", "hada")]
    [InlineData("فائز", "faiz")]
    [InlineData("إيطاليا", "italiya")]
    [InlineData("ذكي", "dhaki")]
    [InlineData("ثابت", "thabit")]
    [InlineData("غانم", "ghanim")]
    [InlineData("شريف", "sharif")]
    public void Letter_rules_guess_the_short_vowels(string arabic, string latin) =>
        Assert.Equal(latin, ArabicPhonetic.SpellByRules(arabic));

    [Theory]
    [InlineData("مُحَمَّد", "muhammad")]
    [InlineData("عُمَر", "umar")]
    [InlineData("رَحْمٰن", "rahman")]
    public void Written_harakat_replace_the_guessed_vowels(string arabic, string latin) =>
        Assert.Equal(latin, ArabicPhonetic.SpellByRules(arabic));

    [Theory]
    [InlineData("چمران", "chamran")]
    [InlineData("ژیلا", "zhila")]
    [InlineData("گلبدین", "galbadin")]
    [InlineData("پروین", "parwin")]
    [InlineData("زاده", "zadeh")]
    [InlineData("بھٹو", "bhatu")]
    [InlineData("هەولێر", "hewler")]
    public void Persian_urdu_and_kurdish_letters_have_rules(string arabic, string latin) =>
        Assert.Equal(latin, ArabicPhonetic.SpellByRules(arabic));

    // ---- Arabic: ICAO 9303 X-scheme (formats.md §9.3) ----

    [Fact]
    public void Icao_scheme_reproduces_the_tag_mrtd_test_vector() =>
        Assert.Equal("abw bkr mxhmd bn zkrya alrazy",
            ScriptTransliterator.ToLatin("ابو بكر محمد بن زكريا الرازي", ArabicScheme.Icao9303));

    [Theory]
    [InlineData("ء", "xe")]
    [InlineData("آ", "xaa")]
    [InlineData("أ", "xae")]
    [InlineData("ؤ", "xw")]
    [InlineData("إ", "i")]
    [InlineData("ئ", "xi")]
    [InlineData("ث", "xth")]
    [InlineData("ح", "xh")]
    [InlineData("خ", "xkh")]
    [InlineData("ذ", "xdh")]
    [InlineData("ش", "xsh")]
    [InlineData("ص", "xss")]
    [InlineData("ض", "xdz")]
    [InlineData("ط", "xtt")]
    [InlineData("ظ", "xzz")]
    [InlineData("ع", "e")]
    [InlineData("غ", "g")]
    [InlineData("ى", "xay")]
    [InlineData("پ", "p")]
    [InlineData("چ", "xc")]
    [InlineData("ژ", "xj")]
    [InlineData("ک", "xkk")]
    [InlineData("گ", "xgg")]
    [InlineData("ی", "xya")]
    public void Icao_scheme_letters_follow_the_table(string arabic, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(arabic, ArabicScheme.Icao9303));

    [Fact]
    public void Icao_teh_marbuta_is_xah_at_the_end_of_a_name_part_and_xta_inside()
    {
        Assert.Equal("xaesamxah", ScriptTransliterator.ToLatin("أسامة", ArabicScheme.Icao9303));
        Assert.Equal("xtaxae", ScriptTransliterator.ToLatin("ةأ", ArabicScheme.Icao9303));
    }

    [Fact]
    public void Icao_scheme_writes_harakat_and_doubles_for_shadda() =>
        Assert.Equal("muxhammadn", ScriptTransliterator.ToLatin("مُحَمَّدٌ", ArabicScheme.Icao9303));

    // ---- The Wikidata table ----

    [Fact]
    public void The_embedded_table_is_the_shared_file_row_for_row()
    {
        string[] lines = File.ReadAllLines(SharedData.PathOf("data", "names", "arabic-latin-wikidata.tsv"));
        IReadOnlyList<ArabicLatinSpelling> all = ArabicLatinSpellings.All;

        Assert.Equal(lines.Length, all.Count);
        Assert.Equal(64_973, all.Count);
        Assert.Equal(new ArabicLatinSpelling("mogherini", "موغيريني", 1), all[0]);
        string[] last = lines[^1].Split('\t');
        Assert.Equal(new ArabicLatinSpelling(last[0], last[1].Replace(" ", ""), int.Parse(last[2])), all[^1]);
    }

    [Fact]
    public void The_licence_ships_beside_the_table()
    {
        string data = Path.Combine(SharedData.RepositoryRoot, "src", "Vigil.Screening", "Names", "Data");
        Assert.True(File.Exists(Path.Combine(data, "arabic-latin-wikidata.LICENSE")));
        Assert.Contains("CC0 1.0 Universal", File.ReadAllText(Path.Combine(data, "arabic-latin-wikidata.LICENSE")));
    }

    [Fact]
    public void Most_common_latin_sums_rows_that_fold_to_the_same_ascii()
    {
        Assert.Equal("mohamed", ArabicLatinSpellings.MostCommonLatin("محمد"));
        Assert.Equal("ali", ArabicLatinSpellings.MostCommonLatin("علي"));
        Assert.Equal("hussein", ArabicLatinSpellings.MostCommonLatin("حسين"));
        Assert.Equal("rahman", ArabicLatinSpellings.MostCommonLatin("الرحمن"));
    }

    [Fact]
    public void Spellings_seen_once_are_not_trusted()
    {
        // بغدادي has only "baghdady" and "bagdadi", once each.
        Assert.Null(ArabicLatinSpellings.MostCommonLatin("بغدادي"));
        Assert.Null(ArabicLatinSpellings.MostCommonLatin("قثقثقث"));
        Assert.Null(ArabicLatinSpellings.MostCommonLatin("Ali"));
    }

    [Fact]
    public void Diacritics_in_table_spellings_fold_to_ascii()
    {
        Assert.Equal("muhammad", LatinFolding.Fold("muḥammad"));
        Assert.Equal("huseyin", LatinFolding.Fold("hüseyin"));
        Assert.Equal("said", LatinFolding.Fold("saʿīd"));
        Assert.Equal("altintop", LatinFolding.Fold("altıntop"));
        Assert.Equal("aeoess", LatinFolding.Fold("æœß"));
        Assert.Null(LatinFolding.Fold("a.j."));
    }

    [Fact]
    public void Table_translations_do_not_pass_for_spellings()
    {
        Assert.False(ArabicPhonetic.IsPlausible("أمير", "prince"));
        Assert.False(ArabicPhonetic.IsPlausible("أول", "i"));
        Assert.True(ArabicPhonetic.IsPlausible("بن", "ibn"));
        Assert.True(ArabicPhonetic.IsPlausible("عمر", "omar"));
    }

    // ---- Mixed text and pass-through ----

    [Theory]
    [InlineData("Vladimir Putin")]
    [InlineData("JOSÉ O'NEILL-ßMITH")]
    [InlineData("毛泽东")]
    [InlineData("मोहनदास करमचंद गांधी")]
    [InlineData("בנימין נתניהו")]
    [InlineData("")]
    public void Other_scripts_pass_through_as_the_same_instance(string text) =>
        Assert.Same(text, ScriptTransliterator.ToLatin(text));

    [Fact]
    public void Mixed_text_keeps_its_words_spaces_and_punctuation()
    {
        Assert.Equal("Vladimir putin, ali (毛) 12", ScriptTransliterator.ToLatin("Vladimir Путин, علي (毛) ١٢"));
        Assert.Equal("ADAMS  shchukin-mohamed", ScriptTransliterator.ToLatin("ADAMS  Щукин-محمد"));
    }

    [Fact]
    public void Each_input_word_gives_one_output_word()
    {
        string[] inputs = ["أسامة بن محمد بن عوض بن لادن", "عبد الرحمن  الحسين", "Иван Петрович Сидоров", "حسین موسوی"];
        foreach (string input in inputs)
        {
            foreach (ArabicScheme scheme in Enum.GetValues<ArabicScheme>())
            {
                string[] words = ScriptTransliterator.ToLatin(input, scheme).Split(' ');
                Assert.Equal(input.Split(' ').Length, words.Length);
                Assert.All(words.Where(w => w.Length > 0), w => Assert.Matches("^[a-z]+$", w));
            }
        }
    }

    // ---- Greek (ELOT 743), Armenian and Georgian (as their passports write them) ----

    [Theory]
    [InlineData("Γεώργιος Παπαδόπουλος", "georgios papadopoulos")]
    [InlineData("ΝΙΚΟΛΑΟΣ ΜΙΧΑΛΟΛΙΑΚΟΣ", "nikolaos michaloliakos")]
    [InlineData("Ευάγγελος Βενιζέλος", "evangelos venizelos")]
    [InlineData("Ευθύμιος Ψαρράς", "efthymios psarras")]
    [InlineData("Μπακογιάννης Κολομπούρας", "bakogiannis kolompouras")]
    [InlineData("Ταΰγετος Ξανθή Άγχος", "taygetos xanthi anchos")]
    public void Greek_follows_elot_743(string greek, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(greek));

    [Fact]
    public void A_long_greek_run_is_written_whole() =>
        Assert.Equal(string.Concat(Enumerable.Repeat("papadopoulos", 40)), ScriptTransliterator.ToLatin(string.Concat(Enumerable.Repeat("Παπαδόπουλος", 40))));

    [Theory]
    [InlineData("Նիկոլ Փաշինյան", "nikol pashinyan")]
    [InlineData("Հովհաննիսյան Երևան", "hovhannisyan yerevan")]
    [InlineData("ՈՍԿԱՆ Սարգսյան Ուրիկ", "voskan sargsyan urik")]
    public void Armenian_writes_its_initial_vowels_and_ou_as_passports_do(string armenian, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(armenian));

    [Theory]
    [InlineData("მიხეილ სააკაშვილი", "mikheil saakashvili")]
    [InlineData("ბიძინა ივანიშვილი", "bidzina ivanishvili")]
    [InlineData("ᲘᲠᲐᲙᲚᲘ ღარიბაშვილი", "irakli gharibashvili")]
    public void Georgian_follows_the_national_system(string georgian, string latin) =>
        Assert.Equal(latin, ScriptTransliterator.ToLatin(georgian));

    [Fact]
    public void Latin_input_allocates_nothing_and_converted_input_only_its_result()
    {
        const string latin = "ABDULRAHMAN BIN MOHAMMED AL-HUSSEINI";
        const string cyrillic = "Владимир Владимирович Путин";
        const string arabic = "أسامة بن محمد بن لادن";
        ScriptTransliterator.ToLatin(arabic);
        ScriptTransliterator.ToLatin(cyrillic);
        ScriptTransliterator.ToLatin(latin);

        long before = GC.GetAllocatedBytesForCurrentThread();
        string same = ScriptTransliterator.ToLatin(latin);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Same(latin, same);

        foreach (string text in new[] { cyrillic, arabic })
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            string result = ScriptTransliterator.ToLatin(text);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.InRange(allocated, 1, 32 + (2 * result.Length));
        }
    }

    [Fact]
    public async Task The_table_loads_once_under_concurrent_first_use()
    {
        string[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ScriptTransliterator.ToLatin("محمد"))));
        Assert.All(results, r => Assert.Equal("mohamed", r));
    }
}
