using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Tests.Watchlists;

public class WatchListDiffTests
{
    private static ListedPerson Person(string id, params ListedName[] names) => new()
    {
        List = "un",
        ListId = id,
        Names = names,
    };

    [Fact]
    public void Added_removed_and_changed_entries_are_told_apart_and_described()
    {
        var kept = Person("QDi.001", new ListedName("JOHN DOE", NameKind.Primary, NameQuality.Strong)) with { BirthDates = [ListedBirthDate.Year(1960)] };
        var previous = new WatchList("un", "test", "v1", [kept, Person("QDi.002", new ListedName("GONE AWAY", NameKind.Primary)), Person("QDi.003", new ListedName("SAME SAME", NameKind.Primary))], []);
        var changed = kept with
        {
            Names = [.. kept.Names, new ListedName("Johnny Doe", NameKind.Alias, NameQuality.Weak)],
            BirthDates = [ListedBirthDate.Exact(new DateOnly(1960, 4, 11))],
            Documents = [new ListedDocument("Passport", "A123", "EGY")],
        };
        var current = new WatchList("un", "test", "v2", [changed, Person("QDi.003", new ListedName("SAME SAME", NameKind.Primary)), Person("QDi.004", new ListedName("NEW COMER", NameKind.Primary))], []);

        var diff = WatchListDiff.Between(previous, current);

        Assert.Equal(("v1", "v2"), (diff.PreviousVersion, diff.CurrentVersion));
        Assert.Equal(["QDi.004"], diff.Added.Select(e => e.ListId));
        Assert.Equal(["QDi.002"], diff.Removed.Select(e => e.ListId));
        var entry = Assert.Single(diff.Changed);
        Assert.Equal(
            "QDi.001: names + \"Johnny Doe\" (alias, weak); dates of birth + 1960-04-11, - 1960; documents + Passport A123 (EGY)",
            entry.Description);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Same_list_twice_has_no_differences_even_when_field_order_differs()
    {
        var a = Person("X", new ListedName("A B", NameKind.Primary), new ListedName("C D", NameKind.Alias)) with { Nationalities = ["IRQ", "SYR"] };
        var b = Person("X", new ListedName("C D", NameKind.Alias), new ListedName("A B", NameKind.Primary)) with { Nationalities = ["SYR", "IRQ"] };

        Assert.True(WatchListDiff.Between(new WatchList("un", "t", "1", [a], []), new WatchList("un", "t", "2", [b], [])).IsEmpty);
    }
}
