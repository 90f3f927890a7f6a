using Vigil.Screening.Rules;
using Vigil.Travel.Model;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>What the service needs from the rules engine: versions read back from its store, and the identifiers of stored travelers.</summary>
public class StoredVersionTests
{
    [Fact]
    public void A_stored_rule_version_loads_as_saved_and_tells_the_check()
    {
        var saved = new RuleRepository(Lists());
        var first = saved.Save(Rule(Term("traveler.nationality", "in", "SYR")), "analyst.a", "case 17").Saved!;
        var edit = saved.History(first.Id)[0];

        var restored = new RuleRepository(Lists());
        var told = new List<RuleEdit>();
        restored.Changed += told.Add;
        var loaded = restored.Load(edit);

        Assert.Equal(1, loaded.Version);
        Assert.Equal(RuleJson.Write(first), RuleJson.Write(loaded));
        Assert.Equal(edit, Assert.Single(restored.History(first.Id)));
        Assert.Equal(edit, Assert.Single(told));
        // A gap in the versions means a version is missing from the store: refused, not renumbered.
        Assert.Throws<ArgumentException>(() => restored.Load(edit with { Version = 3 }));
        Assert.Throws<ArgumentException>(() => restored.Load(edit with { RuleId = "OTHER" }));
    }

    [Fact]
    public void A_stored_value_list_version_loads_in_order()
    {
        var lists = new ValueListRepository();
        var told = new List<string>();
        lists.Changed += told.Add;
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        lists.Load(new ValueList("airports", 1, ["IST"], "analyst.a", "first", at));
        lists.Load(new ValueList("airports", 2, ["IST", "BEY"], "analyst.b", "second", at.AddDays(1)));

        Assert.Equal(["IST", "BEY"], lists.Current("airports")!.Values);
        Assert.Equal(at, lists.History("airports")[0].SavedAt);
        Assert.Equal(["airports", "airports"], told);
        Assert.Throws<ArgumentException>(() => lists.Load(new ValueList("airports", 2, ["X"], "analyst.a", "again", at)));
    }

    [Fact]
    public void A_stored_travelers_identifiers_link_a_traveler_who_shares_one()
    {
        // Someone else, whose hit was confirmed, booked with the same agency and gave the phone Samir's booking gives.
        var confirmed = new Traveler { Surname = "OTHER", GivenNames = "PERSON", ReferenceNumber = "1" };
        var theirBooking = new Booking
        {
            RecordLocator = "ZZZ999",
            Travelers = [confirmed],
            Agency = new BookingAgency { OfficeId = "isttk0042" },
            Contacts = new BookingContacts([], ["0090 212 5550101"], []),
        };
        var links = new LinkDirectory().AddTraveler(confirmed, theirBooking, new LinkSource(LinkSourceKind.ConfirmedHit, "hit 7"));

        Assert.True(Fires(new LinkTerm("phone", "confirmedHit"), environment: Environment(links)));
        Assert.True(Fires(new LinkTerm("agency", "confirmedHit"), environment: Environment(links)));
        Assert.False(Fires(new LinkTerm("email", "confirmedHit"), environment: Environment(links)));
        Assert.False(Fires(new LinkTerm("phone", "watchListed"), environment: Environment(links)));
        Assert.Throws<InvalidOperationException>(() => LinkDirectory.Empty.AddTraveler(confirmed, theirBooking, new LinkSource(LinkSourceKind.ConfirmedHit, "hit 7")));
    }
}
