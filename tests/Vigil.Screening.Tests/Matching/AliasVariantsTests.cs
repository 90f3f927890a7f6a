using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Tests.Matching;

public class AliasVariantsTests
{
    private static ListedPerson Person(string id, params string[] names) => new()
    {
        List = "test",
        ListId = id,
        Names = names.Select((n, i) => new ListedName(n, i == 0 ? NameKind.Primary : NameKind.Alias)).ToArray(),
    };

    [Fact]
    public void Two_names_of_one_person_differing_in_one_related_word_teach_a_spelling()
    {
        var index = WatchListIndex.Build([Person("A", "Enver Hoxha", "Enver Hodja"), Person("B", "Nexhmije Hodja")]);
        var matcher = new WatchListMatcher(index);

        Assert.Equal(2, index.LearntVariants);
        var match = matcher.Screen(new ScreeningQuery("Nexhmije Hoxha")).Single(m => m.ListId == "B");
        Assert.True(match.Alert, match.Explanation.ToString());

        var untaught = new WatchListMatcher(WatchListIndex.Build([Person("B", "Nexhmije Hodja")]));
        Assert.DoesNotContain(untaught.Screen(new ScreeningQuery("Nexhmije Hoxha")), m => m.Alert);
    }

    [Fact]
    public void Different_names_a_person_goes_by_are_not_spellings()
    {
        var index = WatchListIndex.Build([Person("A", "Abu Muhammad al-Masri", "Abu Muhammad al-Iraqi")]);
        Assert.Equal(0, index.LearntVariants);
    }

    [Fact]
    public void Names_the_dictionary_knows_apart_are_not_spellings_however_alike_their_letters()
    {
        var index = WatchListIndex.Build([Person("A", "Khalil Ahmed Haqqani", "Khalil Al-Rahman Haqqani"), Person("B", "Ahmed Nuristani")]);

        Assert.Equal(0, index.LearntVariants);
        Assert.DoesNotContain(new WatchListMatcher(index).Screen(new ScreeningQuery("Rahman Nuristani")), m => m.ListId == "B" && m.Alert);
    }
}
