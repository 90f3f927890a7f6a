using Vigil.Screening.Watchlists;
using Vigil.Tests;

namespace Vigil.Screening.Tests.Watchlists;

/// <summary>OFAC's legacy SDN CSV set of 2021-07-07, with figures measured on those four files.</summary>
public class OfacSdnCsvReaderTests
{
    private static readonly Lazy<WatchList> List = new(() => OfacSdnCsvReader.Read(SharedData.PathOf("data", "lists", "ofac")));

    private static ListedPerson Entry(string entNum) => List.Value.Entries.Single(e => e.ListId == entNum);

    [Fact]
    public void Reads_every_row_of_the_set_without_problems()
    {
        var stats = WatchListStatistics.Of(List.Value);

        Assert.Empty(List.Value.Problems);
        Assert.Equal("ofac", List.Value.Code);
        Assert.StartsWith("sha256:", List.Value.Version);
        Assert.Equal(4620, stats.Individuals);
        Assert.Equal(3673, stats.Entities);
        Assert.Equal(683, stats.Others); // 406 vessels and 277 aircraft
        Assert.Equal(406, List.Value.Entries.Count(e => e.Kind == PartyKind.Vessel));
    }

    [Fact]
    public void Aliases_from_the_alias_file_are_strong_and_those_from_remarks_weak()
    {
        var stats = WatchListStatistics.Of(List.Value);

        Assert.Equal(8976, stats.Names(NameKind.Primary, NameQuality.Strong));
        Assert.Equal(11533, stats.Names(NameKind.Alias, NameQuality.Strong));
        Assert.Equal(2414, stats.Names(NameKind.Alias, NameQuality.Weak));
        Assert.Equal(367, stats.Names(NameKind.Former, NameQuality.Strong));
        Assert.Equal(24, stats.Names(NameKind.Former, NameQuality.Weak));
    }

    [Fact]
    public void Remarks_give_dates_places_nationalities_genders_and_documents()
    {
        var stats = WatchListStatistics.Of(List.Value);

        Assert.Equal(4024, stats.BirthDates(BirthDatePrecision.Exact));
        Assert.Equal(48, stats.BirthDates(BirthDatePrecision.Month));
        Assert.Equal(896, stats.BirthDates(BirthDatePrecision.Year));
        Assert.Equal(77, stats.BirthDates(BirthDatePrecision.Approximate));
        Assert.Equal(79, stats.BirthDates(BirthDatePrecision.Range));
        Assert.Equal(3073, stats.BirthPlaces);
        Assert.Equal(2692, stats.Nationalities);
        Assert.Equal(3, stats.UnmappedNationalities);
        Assert.Equal(1513, stats.EntriesWithGender);
        Assert.Equal(4592, stats.Documents);
    }

    [Fact]
    public void Individual_is_stored_given_names_first_with_everything_the_remarks_say()
    {
        var entry = Entry("7263");

        Assert.Equal("Wa'el Hamza Abd Al-Fatah JULAIDAN", entry.PrimaryName);
        Assert.Contains(new ListedName("Wa'il Hamza JALADIN", NameKind.Alias, NameQuality.Strong), entry.Names);
        Assert.Contains(new ListedName("ABU AL-HASAN AL MADANI", NameKind.Alias, NameQuality.Weak), entry.Names);
        Assert.Equal([ListedBirthDate.Exact(new DateOnly(1958, 1, 22)), ListedBirthDate.Exact(new DateOnly(1958, 1, 20))], entry.BirthDates);
        Assert.Equal(["Al-Madinah, Saudi Arabia"], entry.BirthPlaces);
        Assert.Equal(["SAU"], entry.Nationalities);
        Assert.Equal(
            [new ListedDocument("Passport", "A-992535", "SAU"), new ListedDocument("Passport", "B 524420", null, "issued 15 Jul 1998 expires 22 May 2003")],
            entry.Documents);
        Assert.Equal(["SDGT"], entry.Programmes);
    }

    [Fact]
    public void Remarks_continued_in_the_comments_file_are_read_whole()
    {
        var entry = Entry("28264");

        Assert.Equal("Jiadong LI", entry.PrimaryName);
        Assert.Equal(["DPRK3", "CYBER2"], entry.Programmes);
        Assert.Equal(Gender.Male, entry.Gender);
        Assert.Contains(new ListedDocument("Identification Number", "210302198701102136", "CHN"), entry.Documents);
        Assert.Contains(new ListedName("khaleesi", NameKind.Alias, NameQuality.Weak), entry.Names);
        Assert.EndsWith("Linked To: LAZARUS GROUP.", entry.Remarks);
    }

    [Fact]
    public void Organisations_keep_their_name_as_written()
    {
        Assert.Equal("ANGLO-CARIBBEAN CO., LTD.", Entry("173").PrimaryName);
        Assert.Equal(PartyKind.Entity, Entry("173").Kind);
    }

    [Theory]
    [InlineData("DOB 01 Jan 1960 to 31 Dec 1962", "1960..1962")]
    [InlineData("DOB circa 1955", "~1955")]
    [InlineData("DOB Jan 1960", "1960-01")]
    [InlineData("alt. DOB 1961", "1961")]
    public void Birth_dates_in_remarks_keep_their_precision(string remark, string expected)
    {
        var person = new ListedPersonBuilder("ofac", "1", PartyKind.Individual);
        OfacRemarks.Apply(remark, person);
        Assert.Equal(expected, Assert.Single(person.Build().BirthDates).ToString());
    }

    [Fact]
    public void Malformed_rows_are_reported_with_their_line_and_the_rest_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-ofac-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "sdn.csv"), string.Join("\r\n",
                "10,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 31 Feb 1960; alt. DOB 1961; nationality Iraq.\"",
                "11,\"ROE, Richard\",\"individual\"",
                "x12,\"BAD NUMBER\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ",
                "13,-0- ,-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ",
                "14,\"ACME LTD.\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ") + "\r\n\x1a");
            File.WriteAllText(Path.Combine(folder, "alt.csv"), "99,1,\"aka\",\"NOBODY\",-0- \r\n14,2,\"fka\",\"ACME OLD\",-0- \r\n");

            var list = OfacSdnCsvReader.Read(folder);

            Assert.Equal(["10", "14"], list.Entries.Select(e => e.ListId));
            Assert.Equal([ListedBirthDate.Year(1961)], list.Entries[0].BirthDates);
            Assert.Equal(["IRQ"], list.Entries[0].Nationalities);
            Assert.Contains(new ListedName("ACME OLD", NameKind.Former, NameQuality.Strong), list.Entries[1].Names);
            Assert.Equal(
                [
                    "sdn.csv line 2: row has 3 fields, 12 expected; skipped",
                    "sdn.csv line 3: ent_num 'x12' is not a number; row skipped",
                    "sdn.csv line 4 (ent_num 13): SDN_Name is empty; row skipped",
                    "alt.csv line 1: ent_num '99' is not in sdn.csv; row skipped",
                    "sdn.csv line 1 (ent_num 10): remark 'DOB 31 Feb 1960' is not a date; ignored",
                ],
                list.Problems.Select(p => $"{p.Position}: {p.Message}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
