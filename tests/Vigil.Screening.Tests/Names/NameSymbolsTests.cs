using Vigil.Screening.Matching;
using Vigil.Screening.Names;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Tests.Names;

public class NameSymbolsTests
{
    private static readonly NamePreparer Preparer = new(TokenWeights.Default);

    private static (string Text, UnitKind Kind)[] Units(string name) => NameParser.Parse(name).Units.Select(u => (u.Text, u.Kind)).ToArray();

    private static double Score(string name1, string name2) => NameScorer.Score(Preparer, name1, name2).Score;

    [Fact]
    public void The_shipped_table_gives_the_names_of_nicknames_and_post_nominal_abbreviations()
    {
        var symbols = NameSymbols.Default;

        Assert.Equal(["robert"], symbols.NamesOfNickname("bob"));
        Assert.Equal(["robert"], symbols.NamesOfNickname("robbie"));
        Assert.Empty(symbols.NamesOfNickname("robert"));
        Assert.Equal(["bob", "rob", "robbie"], symbols.NicknamesOf("robert"));
        Assert.Equal(["edward", "theodore"], symbols.NamesOfNickname("ted").Order());
        Assert.Equal(["samantha", "samuel"], symbols.NamesOfNickname("sam").Order());
        Assert.Equal(["maximilian"], symbols.NamesOfNickname("max"));
        Assert.Empty(symbols.NamesOfNickname("ben"));
        Assert.True(symbols.IsPostNominal("jr"));
        Assert.True(symbols.IsPostNominal("phd"));
        Assert.False(symbols.IsPostNominal("junior"));
        Assert.Equal("putin", symbols.NamePartSpelling("poutine"));
    }

    [Fact]
    public void A_malformed_symbol_file_is_refused_with_the_line()
    {
        var file = "org_symbols:\n  co:\n    - company\n  oops here\n";
        var error = Assert.Throws<FormatException>(() => SymbolFile.Read(new StringReader(file), "symbols.yml"));
        Assert.Contains("symbols.yml, line 4", error.Message);

        var read = SymbolFile.Read(new StringReader("org_symbols:\n  co: # the company\n    - \"Co\" # short\n    - compañía\n"), "symbols.yml");
        Assert.Equal(["Co", "compañía"], read["org_symbols"].Single().Spellings);
    }

    [Fact]
    public void An_organisation_name_reads_its_descriptors_as_their_symbols()
    {
        Assert.Equal([("rosneft", UnitKind.Word), ("oil", UnitKind.Descriptor), ("co", UnitKind.Descriptor)], Units("Rosneft Oil Company"));
        Assert.Equal([("rosneft", UnitKind.Word), ("co", UnitKind.Descriptor)], Units("Роснефть Компания"));
        Assert.Equal([("irgc", UnitKind.Descriptor)], Units("Islamic Revolutionary Guard Corps"));

        // Of a company's name, a title is a word: General Electric is not Electric.
        Assert.Equal(["general", "electric", "co"], Units("General Electric Company").Select(u => u.Text));
        Assert.Equal([("ministry", UnitKind.Descriptor), ("of", UnitKind.Particle), ("defence", UnitKind.Descriptor)], Units("Ministry of Defense"));
    }

    [Fact]
    public void A_legal_form_marks_an_organisation_and_is_light()
    {
        Assert.Equal([("romashka", UnitKind.Word), ("llc", UnitKind.Descriptor)], Units("Romashka L.L.C."));
        Assert.Equal([("llc", UnitKind.Descriptor), ("romashka", UnitKind.Word)], Units("ООО «Ромашка»"));
        Assert.True(Score("Romashka LLC", "OOO Romashka") >= 0.75);
        Assert.True(Score("Gazprom", "PJSC Gazprom") >= 0.9);
        Assert.True(Score("Romashka LLC", "Vasilek LLC") < 0.75);
    }

    [Fact]
    public void A_legal_form_spelled_out_or_in_another_language_writes_the_form_it_names()
    {
        Assert.Equal([("volkswagen", UnitKind.Word), ("jsc", UnitKind.Descriptor)], Units("Volkswagen Aktiengesellschaft"));
        Assert.Equal([("llc", UnitKind.Descriptor), ("romashka", UnitKind.Word)], Units("Общество с ограниченной ответственностью «Ромашка»"));
        Assert.Equal([("acme", UnitKind.Word), ("llc", UnitKind.Descriptor)], Units("Acme Gesellschaft mit beschränkter Haftung"));
        Assert.Equal(1, Score("Gazprom Neft PJSC", "Publichnoe Aktsionernoe Obshchestvo Gazprom Neft"));
        Assert.Equal(1, Score("Rosneft OAO", "Rosneft PAO"));
        Assert.Equal(1, Score("Acme Holdings Limited", "Acme Holdings Ltd"));
        Assert.True(Score("Romashka Limited Liability Company", "Vasilek LLC") < 0.75);
    }

    [Fact]
    public void A_business_word_marks_an_organisation_and_agrees_with_its_abbreviation()
    {
        Assert.Equal([("abc", UnitKind.Word), ("intl", UnitKind.Descriptor), ("trade", UnitKind.Descriptor)], Units("ABC International Trading"));
        Assert.True(Score("ABC International Trading", "ABC Intl Trading") >= 0.75);
        Assert.True(Score("Acme Global Solutions", "ACME Global Solution") >= 0.75);
        Assert.True(Score("ABC International Trading", "XYZ International Trading") < 0.75);
    }

    [Theory]
    [InlineData("S. A. Khan")]
    [InlineData("Asa Nwosu")]
    [InlineData("Kim Doo Han")]
    [InlineData("Samantha Power")]
    [InlineData("Nurul Islam")]
    [InlineData("Marine House")]
    [InlineData("Im Jong Sok")]
    public void A_person_whose_names_are_also_organisation_words_stays_a_person(string name) =>
        Assert.DoesNotContain(Units(name), unit => unit.Kind == UnitKind.Descriptor);

    [Fact]
    public void An_organisation_is_also_read_as_its_initials_which_agree_only_letter_for_letter()
    {
        var readings = NameParser.Readings("China National Petroleum Corporation").ToList();
        Assert.Contains(readings, r => r.IsInitials && r.Units.Single() is { Text: "cnpc", Kind: UnitKind.Acronym });
        Assert.DoesNotContain(NameParser.Readings("Chiara Nadia Paola Conti"), r => r.IsInitials);
        Assert.DoesNotContain(NameParser.Readings("Bank of China"), r => r.IsInitials);

        Assert.Equal(1, Score("CNPC", "China National Petroleum Corporation"));
        Assert.Equal(1, Score("Islamic Republic of Iran Shipping Lines", "IRISL"));
        Assert.True(Score("CNPX", "China National Petroleum Corporation") < 0.75);
        Assert.True(Score("Ali", "Arab Libyan Investment Company") < 0.75);

        // Two organisations' initials are never compared with each other.
        Assert.True(Score("National Iranian Oil Company", "National Iraqi Oil Company") < 0.75);
    }

    [Fact]
    public void Screening_for_organisations_finds_one_by_its_initials()
    {
        var company = new ListedPerson
        {
            List = "test",
            ListId = "E1",
            Kind = PartyKind.Entity,
            Names = [new ListedName("China National Petroleum Corporation", NameKind.Primary)],
        };

        var matcher = new WatchListMatcher(WatchListIndex.Build([company]), new MatchingOptions { IncludeEntities = true });
        Assert.Contains(matcher.Alerts(new ScreeningQuery("CNPC")), m => m.ListId == "E1");
        Assert.Empty(matcher.Alerts(new ScreeningQuery("CNOC")));
    }

    [Fact]
    public void Post_nominal_abbreviations_are_dropped_but_a_given_name_junior_is_kept()
    {
        Assert.Equal(["john", "smith"], Units("John Smith Jr.").Select(u => u.Text));
        Assert.Equal(["john", "smith"], Units("Jr. John Smith").Select(u => u.Text));
        Assert.Equal(["ali", "hassan"], Units("Ali Hassan PhD").Select(u => u.Text));
        Assert.Equal(["junior", "santos"], Units("Junior Santos").Select(u => u.Text));
    }

    [Fact]
    public void Organisation_names_agree_despite_their_descriptors_and_disagree_on_their_names()
    {
        Assert.True(Score("Rosneft Oil Company", "Rosneft") >= 0.75);
        Assert.True(Score("Islamic Revolutionary Guard Corps", "IRGC") >= 0.75);
        Assert.True(Score("Bank Saderat Iran", "Bank Melli Iran") < 0.75);
        Assert.True(Score("Rosneft", "Gazprom Neft") < 0.75);

        // Beside an organisation's name, a name with nothing that says so is read as one too.
        Assert.True(Score("General Electric", "General Electric Company") >= 0.75);
        Assert.True(Score("Rosneft Petroleum", "Rosneft Oil Company") >= 0.9);

        // A country in an organisation's name is some evidence, written as its code.
        Assert.Equal([("irn", UnitKind.Country), ("co", UnitKind.Descriptor), ("mahan", UnitKind.Word)], Units("Iranian Company Mahan"));
        Assert.True(Score("Bank Melli Iran", "Bank Melli") >= 0.75);
        Assert.True(Score("Ministry of Defence of Iran", "Iranian Ministry of Defense") >= 0.75);
        Assert.True(Score("National Iranian Oil Company", "National Iraqi Oil Company") < 0.75);
    }

    [Fact]
    public void A_nickname_agrees_with_the_names_it_stands_for_but_two_of_those_do_not_agree()
    {
        Assert.True(Score("Bob Smith", "Robert Smith") >= 0.75);
        Assert.True(Score("Robert Smith", "Bob Smith") >= 0.75);
        Assert.True(Score("Sam Jones", "Samantha Jones") >= 0.75);
        Assert.True(Score("Samuel Jones", "Samantha Jones") < 0.75);
        Assert.True(Score("Bob Smith", "Robert Jones") < 0.75);
        Assert.True(Score("Bob Smith", "Robert Smith") < 1);
    }

    [Fact]
    public void A_name_part_written_many_ways_is_read_in_the_tables_spelling()
    {
        Assert.Equal(1, Score("Vladimir Poutine", "Vladimir Putin"));
        Assert.Equal(1, Score("Muammar el Gadafi", "Muammar Qaddafi"));
    }

    [Fact]
    public void Screening_finds_a_listed_name_through_a_nickname_either_way_and_explains_it()
    {
        static ListedPerson Person(string id, string name) => new()
        {
            List = "test",
            ListId = id,
            Names = [new ListedName(name, NameKind.Primary)],
        };

        var index = WatchListIndex.Build([Person("R", "Robert Kowalczyk"), Person("W", "Bill Nowakowski"), Person("S", "Samantha Wiśniewska")]);
        var matcher = new WatchListMatcher(index);

        Assert.Equal(3, index.Names.Count);
        Assert.Contains(matcher.Alerts(new ScreeningQuery("Bob Kowalczyk")), m => m.ListId == "R");
        var explained = matcher.Screen(new ScreeningQuery("Bob Kowalczyk")).Single(m => m.ListId == "R");
        Assert.True(explained.Alert);
        Assert.Contains(explained.Explanation.NameScore.Pairs, pair => pair.Query == "bob" && pair.Listed == "robert" && pair.Similarity == UnitSimilarity.Nickname);
        Assert.Contains(matcher.Alerts(new ScreeningQuery("William Nowakowski")), m => m.ListId == "W");
        Assert.Contains(matcher.Alerts(new ScreeningQuery("Sam Wisniewska")), m => m.ListId == "S");
        Assert.DoesNotContain(matcher.Alerts(new ScreeningQuery("Samuel Wisniewska")), m => m.ListId == "S");
        Assert.DoesNotContain(matcher.Alerts(new ScreeningQuery("Bob Nowakowski")), m => m.ListId == "W");
    }
}
