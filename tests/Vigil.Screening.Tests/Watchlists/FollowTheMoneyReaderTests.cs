using Vigil.Screening.Watchlists;
using Vigil.Tests;

namespace Vigil.Screening.Tests.Watchlists;

public class FollowTheMoneyReaderTests
{
    [Fact]
    public void Array_sample_from_OpenSanctions_is_read()
    {
        var list = FollowTheMoneyReader.Read(SharedData.PathOf("data", "lists", "ftm", "us_tel-sample.json"), "us_tel");
        var stats = WatchListStatistics.Of(list);

        Assert.Empty(list.Problems);
        Assert.Equal(10, stats.Entities);
        Assert.Equal(0, stats.Individuals);
        Assert.Equal(10, stats.Names(NameKind.Primary, NameQuality.Strong));
        Assert.Equal(3, stats.Names(NameKind.Alias, NameQuality.Strong)); // URF, PLC, NDA
        var front = list.Entries.Single(e => e.ListId == "NK-TST006yUiOpAsDfGhJk");
        Assert.Equal(["Unity Resistance Front", "URF"], front.Names.Select(n => n.FullName));
        Assert.Contains("Terrorist Exclusion List", Assert.Single(front.Programmes));
        Assert.Equal("Topics: sanction. Datasets: us_state_terrorist_exclusion.", front.Remarks);
    }

    [Fact]
    public void Nested_lines_give_names_dates_countries_and_documents()
    {
        var list = FollowTheMoneyReader.Read(Samples.PathOf("ftm-nested.jsonl"), "os");

        Assert.Equal(["NK-PERSON1", "NK-COMPANY1", "NK-PERSON2"], list.Entries.Select(e => e.ListId));
        var ivan = list.Entries[0];
        Assert.Equal(
            [
                new ListedName("Ivan Samplov", NameKind.Primary, NameQuality.Strong),
                new ListedName("Иван Сэмплов", NameKind.Alias, NameQuality.Strong, IsOriginalScript: true),
                new ListedName("Ivan Samplow", NameKind.Alias, NameQuality.Strong),
                new ListedName("Vanya", NameKind.Alias, NameQuality.Weak),
                new ListedName("Ivan Petrov", NameKind.Former, NameQuality.Strong),
            ],
            ivan.Names);
        Assert.Equal([ListedBirthDate.Exact(new DateOnly(1966, 2, 14)), ListedBirthDate.Year(1967)], ivan.BirthDates);
        Assert.Equal(["RUS", "CYP"], ivan.Nationalities);
        Assert.Equal(Gender.Male, ivan.Gender);
        Assert.Equal(
            [
                new ListedDocument("Passport", "720000001"),
                new ListedDocument("Identification", "4510 123456"),
                new ListedDocument("Foreign passport", "530000002", "RUS", "issued 2015-03-01"),
            ],
            ivan.Documents);
        Assert.Equal(["UKR"], ivan.Programmes);

        Assert.Equal(PartyKind.Entity, list.Entries[1].Kind);
        Assert.Equal(["suhh"], list.Entries[2].Nationalities);
        Assert.Empty(list.Entries[2].BirthDates);

        Assert.Equal("line 4", list.Problems[0].Position);
        Assert.StartsWith("not a JSON object", list.Problems[0].Message);
        Assert.Equal(
            [
                "line 5 (NK-PERSON2): birthDate '1970-13' is not a date; ignored",
                "line 7 (NK-NONAME): Person without a name skipped",
                "whole file: 1 record(s) of schema Passport (not a person, organisation, vessel or aircraft); not imported as list entries",
                "whole file: 1 record(s) with target false (related parties, not listed themselves); not imported as list entries",
            ],
            list.Problems.Skip(1).Select(p => $"{p.Position}: {p.Message}"));
    }
}
