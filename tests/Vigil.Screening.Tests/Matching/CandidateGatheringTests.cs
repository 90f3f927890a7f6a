using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Tests.Matching;

/// <summary>
/// Candidates are gathered a block of the index at a time; a list longer than several blocks must still give every
/// holder of the traveler's name, wherever it stands.
/// </summary>
public class CandidateGatheringTests
{
    [Fact]
    public void Holders_of_a_name_are_found_in_every_block_of_a_large_index()
    {
        const int Persons = (BoundScratch.BlockSize * 2) + 5_000;
        int[] holders = [3, BoundScratch.BlockSize - 1, BoundScratch.BlockSize, Persons - 1];
        var random = new Random(11);
        var persons = new List<ListedPerson>(Persons);
        for (var p = 0; p < Persons; p++)
        {
            var name = holders.Contains(p) ? "Zubair Qandahari"
                : p % 1000 == 7 ? "Yusuf Qandahari"
                : $"{Word(random)} {Word(random)}";
            persons.Add(new ListedPerson { List = "test", ListId = $"P{p}", Names = [new ListedName(name, NameKind.Primary)] });
        }

        var index = WatchListIndex.Build(persons);
        var matcher = new WatchListMatcher(index);
        Assert.True(index.NameCount > 2 * BoundScratch.BlockSize);

        var alerts = matcher.Alerts(new ScreeningQuery("Zubair Qandahari"));
        Assert.Equal(holders.Select(p => $"P{p}").Order(), alerts.Select(m => m.ListId).Order());

        // Those sharing only the family name come after every holder of the whole name.
        var top = matcher.Screen(new ScreeningQuery("Zubair Qandahari"), top: 6);
        Assert.Equal(6, top.Count);
        Assert.Equal(holders.Select(p => $"P{p}").Order(), top.Take(4).Select(m => m.ListId).Order());
        Assert.All(top.Skip(4), m => Assert.Equal(7, int.Parse(m.ListId[1..], System.Globalization.CultureInfo.InvariantCulture) % 1000));
    }

    [Fact]
    public void Holders_arranged_by_birth_year_are_every_holder_a_year_leaves_in_each_run_in_index_order()
    {
        var index = WatchListIndex.Build(DatedHoldersOfCommonNames());
        var holders = index.AllHolders.ToArray();
        var byYear = index.HoldersByYear.Holders.ToArray();
        var ranges = new List<(int Start, int End)>();
        int arranged = 0, readWhole = 0;
        long kept = 0, held = 0;
        for (var unit = 0; unit < index.Vocabulary.Count; unit++)
        {
            var (start, end) = index.HoldersRange(unit);
            if (!index.HoldersNotContradicting(unit, 1970, ranges))
            {
                Assert.True(end - start < HoldersByBirthYear.FewestHolders);
                readWhole++;
                continue;
            }

            arranged++;
            var unitHolders = holders[start..end];
            for (var year = 1925; year <= 2015; year += 2)
            {
                ranges.Clear();
                Assert.True(index.HoldersNotContradicting(unit, year, ranges));
                var read = new List<Holder>();
                foreach (var (runStart, runEnd) in ranges)
                {
                    var run = byYear[runStart..runEnd];
                    Assert.NotEmpty(run);
                    Assert.All(run.Zip(run.Skip(1)), pair => Assert.True(pair.First.Name < pair.Second.Name));
                    read.AddRange(run);
                }

                // Every holder the year leaves in is read once; any other read is one whose years span too wide a range to be arranged.
                Assert.Equal(read.Count, read.Distinct().Count());
                Assert.Subset(unitHolders.ToHashSet(), read.ToHashSet());
                var leftIn = unitHolders.Where(holder => !AttributeTable.Outline.YearContradicts(holder.BirthYears, year));
                Assert.Subset(read.ToHashSet(), leftIn.ToHashSet());
                Assert.All(
                    read.Where(holder => AttributeTable.Outline.YearContradicts(holder.BirthYears, year)),
                    holder => Assert.True((short)holder.BirthYears - (holder.BirthYears >> 16) > HoldersByBirthYear.NarrowSpan));
                kept += read.Count;
                held += end - start;
            }
        }

        Assert.True(arranged >= 4 && readWhole > 0, $"{arranged} units arranged, {readWhole} read whole");
        // Three in ten have no date or a wide span and are always read; of the rest, three years' runs of sixty.
        Assert.True(kept < held * 2 / 5, $"{kept} of {held} holders read");
    }

    [Fact]
    public void Travelers_with_a_date_of_birth_raise_the_alerts_the_full_walk_raises_on_names_arranged_by_year()
    {
        var index = WatchListIndex.Build(DatedHoldersOfCommonNames());
        var walking = new WatchListMatcher(index) { StopsBelowAlertFloor = false };
        var arranged = new WatchListMatcher(index);
        var random = new Random(5);
        int alerts = 0, travelers = 0;
        foreach (var name in new[] { "Zubair Qandahari", "Zubayr Qandahary", "Yusuf Al Qandahari", "Khalid Zubair" })
        {
            for (var year = 1935; year <= 2005; year += 3)
            {
                var query = new ScreeningQuery(name)
                {
                    DateOfBirth = random.Next(2) == 0 ? new QueryBirthDate(year) : new QueryBirthDate(year, 1 + random.Next(12), 1 + random.Next(28)),
                    Nationality = random.Next(3) == 0 ? "AFG" : null,
                };
                var expected = Printed(walking.Alerts(query));
                Assert.Equal(expected, Printed(arranged.Alerts(query)));
                alerts += expected.Count;
                travelers++;
            }
        }

        // The dates must matter: every traveler alerts on a few holders of the name, none on all of them.
        Assert.True(alerts > travelers * 3 && alerts < travelers * 150, $"{alerts} alerts for {travelers} travelers");
    }

    private static List<string> Printed(IReadOnlyList<ScreeningMatch> matches) =>
        [.. matches.Select(m => FormattableString.Invariant($"{m.ListId} {m.Score:F4} {m.Alert}"))];

    /// <summary>
    /// Three thousand people sharing a few names, with every kind of date a list gives: exact, a year, an approximate
    /// year, a range, two dates, none.
    /// </summary>
    private static List<ListedPerson> DatedHoldersOfCommonNames()
    {
        var random = new Random(23);
        string[] given = ["Zubair", "Yusuf", "Khalid", "Zubayr"];
        string[] family = ["Qandahari", "Al Qandahari", "Zubair", "Nuristani"];
        var persons = new List<ListedPerson>();
        for (var p = 0; p < 3_000; p++)
        {
            var year = 1940 + random.Next(60);
            IReadOnlyList<ListedBirthDate> dates = (p % 10) switch
            {
                < 5 => [ListedBirthDate.Exact(new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)))],
                5 or 6 => [ListedBirthDate.Year(year, approximate: false)],
                7 => [ListedBirthDate.Year(year, approximate: true)],
                8 => p % 20 == 8 ? [ListedBirthDate.Range(year, year + 3)] : [ListedBirthDate.Year(year, approximate: false), ListedBirthDate.Year(year + 4, approximate: false)],
                _ => [],
            };
            persons.Add(new ListedPerson
            {
                List = "test",
                ListId = $"P{p}",
                Names = [new ListedName($"{given[random.Next(given.Length)]} {family[random.Next(family.Length)]} {Word(random)}", NameKind.Primary)],
                BirthDates = dates,
            });
        }

        return persons;
    }

    private static string Word(Random random)
    {
        var letters = new char[random.Next(6, 10)];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + random.Next(26));
        }

        letters[0] = char.ToUpperInvariant(letters[0]);
        return new string(letters);
    }
}
