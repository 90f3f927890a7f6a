using Vigil.Screening.Watchlists;
using Vigil.Tests;

namespace Vigil.Screening.Tests.Watchlists;

/// <summary>The national CSV/JSON format and the format detection of <see cref="WatchListReader"/>.</summary>
public class NationalListAndReaderTests
{
    [Fact]
    public void National_csv_is_read_with_problems_per_line()
    {
        var list = WatchListReader.Read(Samples.PathOf("national.csv"));

        Assert.Equal("national", list.Code);
        Assert.Equal(NationalListReader.CsvFormatName, list.Format);
        Assert.Equal(["NL-001", "NL-002", "NL-003", "NL-005"], list.Entries.Select(e => e.ListId));

        var jan = list.Entries[0];
        Assert.Equal(
            [new ListedName("Jan de VRIES", NameKind.Primary, NameQuality.Strong), new ListedName("Johannes de Vries", NameKind.Alias), new ListedName("J. Vries", NameKind.Alias)],
            jan.Names);
        Assert.Equal([ListedBirthDate.Exact(new DateOnly(1971, 3, 9))], jan.BirthDates);
        Assert.Equal(Gender.Male, jan.Gender);
        Assert.Equal([new ListedDocument("Passport", "NX1234567", "NLD")], jan.Documents);

        var pieter = list.Entries[1];
        Assert.Equal([ListedBirthDate.Range(1960, 1965)], pieter.BirthDates);
        Assert.Equal(["NLD", "BEL"], pieter.Nationalities);
        Assert.Equal([new ListedDocument("Document", "AB123456", "BEL")], pieter.Documents);

        Assert.Equal("Karel \"Kees\" JANSEN", list.Entries[3].PrimaryName);
        Assert.Equal(["NLD"], list.Entries[3].Nationalities);

        Assert.Equal(
            ["line 4 (NL-003): dob '1980-02-30' is not YYYY-MM-DD, YYYY or YYYY..YYYY; ignored", "line 5 (NL-004): no name; skipped"],
            list.Problems.Select(p => $"{p.Position}: {p.Message}"));
    }

    [Fact]
    public void National_json_reads_like_the_csv()
    {
        var csv = WatchListReader.Read(Samples.PathOf("national.csv"));
        var json = WatchListReader.Read(Samples.PathOf("national.json"), "nl");

        Assert.Equal("nl", json.Code);
        Assert.Equal(NationalListReader.JsonFormatName, json.Format);
        Assert.Empty(json.Problems);
        Assert.Equal(csv.Entries[0] with { List = "nl" }, json.Entries[0], ListedPersonEquality.Instance);
        Assert.Equal(csv.Entries[1] with { List = "nl" }, json.Entries[1], ListedPersonEquality.Instance);
    }

    [Theory]
    [InlineData("un/consolidated.xml", "un", UnConsolidatedListReader.FormatName)]
    [InlineData("ofac", "ofac", OfacSdnCsvReader.FormatName)]
    [InlineData("ofac/sdn.csv", "ofac", OfacSdnCsvReader.FormatName)]
    [InlineData("ftm/us_tel-sample.json", "us_tel-sample", FollowTheMoneyReader.FormatName)]
    public void Format_is_recognised_from_the_content_of_shared_lists(string relative, string code, string format)
    {
        var list = WatchListReader.Read(SharedData.PathOf(["data", "lists", .. relative.Split('/')]));

        Assert.Equal(code, list.Code);
        Assert.Equal(format, list.Format);
        Assert.NotEmpty(list.Entries);
    }

    [Theory]
    [InlineData("ofac-sdn.xml", OfacSdnXmlReader.FormatName)]
    [InlineData("eu-fsf.xml", EuFinancialSanctionsReader.FormatName)]
    [InlineData("ftm-nested.jsonl", FollowTheMoneyReader.FormatName)]
    public void Format_is_recognised_from_the_content_of_samples(string name, string format) =>
        Assert.Equal(format, WatchListReader.Read(Samples.PathOf(name)).Format);

    [Fact]
    public void Unknown_format_is_refused_with_the_path_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-unknown-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<html><body>not a list</body></html>");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => WatchListReader.Read(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("<html>", error.Message);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Throws<FileNotFoundException>(() => WatchListReader.Read(path));
    }

    /// <summary>Records holding lists compare them by reference; this compares their contents.</summary>
    private sealed class ListedPersonEquality : IEqualityComparer<ListedPerson>
    {
        public static readonly ListedPersonEquality Instance = new();

        public bool Equals(ListedPerson? x, ListedPerson? y) =>
            x is not null && y is not null && x.List == y.List && x.ListId == y.ListId && x.Kind == y.Kind && x.Gender == y.Gender
            && x.Names.SequenceEqual(y.Names) && x.BirthDates.SequenceEqual(y.BirthDates) && x.Nationalities.SequenceEqual(y.Nationalities)
            && x.Documents.SequenceEqual(y.Documents) && x.Programmes.SequenceEqual(y.Programmes);

        public int GetHashCode(ListedPerson obj) => obj.ListId.GetHashCode(StringComparison.Ordinal);
    }
}
