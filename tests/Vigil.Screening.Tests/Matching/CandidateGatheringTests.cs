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
