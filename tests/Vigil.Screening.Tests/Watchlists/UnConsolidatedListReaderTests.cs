using System.Text;
using Vigil.Screening.Watchlists;
using Vigil.Tests;

namespace Vigil.Screening.Tests.Watchlists;

/// <summary>The UN Security Council Consolidated List of 2026-02-27, read whole, with figures measured on that file.</summary>
public class UnConsolidatedListReaderTests
{
    private static readonly Lazy<WatchList> List = new(() => UnConsolidatedListReader.Read(SharedData.PathOf("data", "lists", "un", "consolidated.xml")));

    private static ListedPerson Entry(string reference) => List.Value.Entries.Single(e => e.ListId == reference);

    [Fact]
    public void Reads_every_individual_and_entity_without_problems()
    {
        var list = List.Value;
        var stats = WatchListStatistics.Of(list);

        Assert.Equal("un", list.Code);
        Assert.Equal("2026-02-27T00:00:09.554Z", list.Version);
        Assert.Empty(list.Problems);
        Assert.Equal(730, stats.Individuals);
        Assert.Equal(273, stats.Entities);
        Assert.Equal(0, stats.Others);
    }

    [Fact]
    public void Names_keep_their_kind_quality_and_script()
    {
        var stats = WatchListStatistics.Of(List.Value);

        // 1 003 Latin primary names and 378 original-script ones, less one original-script name equal to its Latin form.
        Assert.Equal(1380, stats.Names(NameKind.Primary, NameQuality.Strong));
        Assert.Equal(1562, stats.Names(NameKind.Alias, NameQuality.Strong));
        Assert.Equal(621, stats.Names(NameKind.Alias, NameQuality.Weak));
        Assert.Equal(614, stats.Names(NameKind.Alias, NameQuality.Unknown));
        Assert.Equal(18, stats.Names(NameKind.Former));
        Assert.Equal(416, stats.OriginalScriptNames);
    }

    [Fact]
    public void Dates_of_birth_keep_their_precision()
    {
        var stats = WatchListStatistics.Of(List.Value);

        Assert.Equal(478, stats.BirthDates(BirthDatePrecision.Exact));
        Assert.Equal(4, stats.BirthDates(BirthDatePrecision.Month));
        Assert.Equal(263, stats.BirthDates(BirthDatePrecision.Year));
        Assert.Equal(116, stats.BirthDates(BirthDatePrecision.Approximate));
        Assert.Equal(31, stats.BirthDates(BirthDatePrecision.Range));
        Assert.Equal(52, stats.EntriesWithoutBirthDate);
    }

    [Fact]
    public void Other_facts_are_counted()
    {
        var stats = WatchListStatistics.Of(List.Value);

        Assert.Equal(657, stats.BirthPlaces);
        Assert.Equal(651, stats.Nationalities);
        Assert.Equal(2, stats.UnmappedNationalities); // "former Soviet Union", twice
        Assert.Equal(454, stats.Documents);
        Assert.Equal(54, stats.EntriesWithGender);
    }

    [Fact]
    public void Al_Qaida_entry_has_its_names_dates_and_nationality()
    {
        var entry = Entry("QDi.001");

        Assert.Equal("MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE", entry.PrimaryName);
        Assert.Contains(new ListedName("محمد صلاح الدين عبدالحليم زيدان", NameKind.Primary, NameQuality.Strong, IsOriginalScript: true), entry.Names);
        Assert.Contains(new ListedName("Sayf-Al Adl", NameKind.Alias, NameQuality.Strong), entry.Names);
        Assert.Contains(new ListedName("Seif al Adel", NameKind.Alias, NameQuality.Weak), entry.Names);
        Assert.Equal([ListedBirthDate.Exact(new DateOnly(1963, 4, 11)), ListedBirthDate.Exact(new DateOnly(1960, 4, 11))], entry.BirthDates);
        Assert.Equal(["EGY"], entry.Nationalities);
        Assert.Equal(["Al-Qaida"], entry.Programmes);
        Assert.Equal(new DateOnly(2001, 1, 25), entry.ListedOn);
    }

    [Fact]
    public void Passport_is_read_with_its_issuing_country()
    {
        var entry = Entry("QDi.003");

        var passport = Assert.Single(entry.Documents);
        Assert.Equal(new ListedDocument("Passport", "00385937", "YEM"), passport);
        Assert.Equal([ListedBirthDate.Year(1965)], entry.BirthDates);
        Assert.Equal(["Al-Mukalla, Yemen", "AI-Mukala, Yemen"], entry.BirthPlaces);
    }

    [Fact]
    public void Several_names_in_one_alias_field_become_separate_names()
    {
        var soleimani = Entry("IRi.039");
        Assert.Contains(soleimani.Names, n => n.FullName == "Qasim Soleimani");
        Assert.Contains(soleimani.Names, n => n.FullName == "Kasim Sulaymani");

        var khan = Entry("QDi.306");
        Assert.Contains(khan.Names, n => n is { FullName: "حسن غول", IsOriginalScript: true });
        Assert.Contains(khan.Names, n => n is { FullName: "Hassan Ghul", IsOriginalScript: false });
        Assert.Contains(khan.Names, n => n.FullName == "Hasan Gul");
    }

    [Fact]
    public void Listing_date_with_a_zone_is_read()
    {
        Assert.Equal(new DateOnly(2015, 7, 1), Entry("SSi.001").ListedOn);
    }

    [Fact]
    public void Record_without_a_name_or_with_a_bad_date_is_reported_and_the_rest_read()
    {
        var xml = """
            <?xml version="1.0"?>
            <CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
              <INDIVIDUALS>
                <INDIVIDUAL>
                  <FIRST_NAME></FIRST_NAME>
                  <REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>
                </INDIVIDUAL>
                <INDIVIDUAL>
                  <FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>DOE</SECOND_NAME>
                  <REFERENCE_NUMBER>XXi.002</REFERENCE_NUMBER>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-13-45</DATE></INDIVIDUAL_DATE_OF_BIRTH>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1971</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
                </INDIVIDUAL>
                <INDIVIDUAL>
                  <FIRST_NAME>NO</FIRST_NAME><SECOND_NAME>REFERENCE</SECOND_NAME>
                </INDIVIDUAL>
              </INDIVIDUALS>
              <ENTITIES>
                <ENTITY><FIRST_NAME>ACME TRADING</FIRST_NAME><REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER>
                  <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Acme Old</ALIAS_NAME></ENTITY_ALIAS>
                </ENTITY>
              </ENTITIES>
            </CONSOLIDATED_LIST>
            """;

        var list = UnConsolidatedListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(["XXi.002", "XXe.001"], list.Entries.Select(e => e.ListId));
        Assert.Equal([ListedBirthDate.Year(1971, approximate: true)], list.Entries[0].BirthDates);
        Assert.Equal(PartyKind.Entity, list.Entries[1].Kind);
        Assert.Contains(new ListedName("Acme Old", NameKind.Former), list.Entries[1].Names);
        Assert.Collection(
            list.Problems,
            p => Assert.Equal(("line 4, record 1 (XXi.001)", true), (p.Position, p.Message.Contains("without a name"))),
            p => Assert.Equal(("line 8, record 2 (XXi.002)", true), (p.Position, p.Message.Contains("1970-13-45"))),
            p => Assert.Equal(("line 14, record 3", true), (p.Position, p.Message.Contains("REFERENCE_NUMBER"))));
    }

    [Fact]
    public void Truncated_file_keeps_the_records_before_the_break_and_says_where_it_broke()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("data", "lists", "un", "consolidated.xml"));
        var truncated = bytes.AsSpan(0, 40_000).ToArray();

        var list = UnConsolidatedListReader.Read(new MemoryStream(truncated));

        Assert.NotEmpty(list.Entries);
        Assert.Equal("CDi.001", list.Entries[0].ListId);
        var problem = Assert.Single(list.Problems);
        Assert.StartsWith("line ", problem.Position);
        Assert.Contains("malformed", problem.Message);
    }
}
