using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Tests.Matching;

/// <summary>The packed attributes weigh every listed person exactly as the person's record does.</summary>
public class AttributeTableTests(WatchListMatcherTests.UnIndex un) : IClassFixture<WatchListMatcherTests.UnIndex>
{
    [Fact]
    public void Every_UN_person_is_weighed_as_its_record_is_for_travelers_of_every_kind()
    {
        var persons = un.Index.Persons.ToArray();
        var table = AttributeTable.Build(persons);
        var random = new Random(7);
        var weighed = 0;
        var nonZero = 0;
        for (var p = 0; p < persons.Length; p++)
        {
            foreach (var query in TravelersAgainst(persons[p], random))
            {
                var expected = AttributeEvidence.Contribution(query, persons[p]);
                Assert.Equal(expected, table.Contribution(new AttributeTable.Traveler(query), p));
                weighed++;
                nonZero += expected != 0 ? 1 : 0;
            }
        }

        Assert.True(nonZero > weighed / 3, $"only {nonZero} of {weighed} weighings added anything");
    }

    [Fact]
    public void No_person_adds_more_than_the_travelers_own_date_nationality_and_document_can_add()
    {
        var persons = un.Index.Persons.ToArray();
        var random = new Random(11);
        int weighed = 0, reached = 0, yearOnly = 0;
        for (var p = 0; p < persons.Length; p++)
        {
            foreach (var query in TravelersAgainst(persons[p], random))
            {
                var most = AttributeEvidence.MostAdded(query) + (query.DocumentNumber is null ? 0 : AttributeEvidence.DocumentAgrees);
                var added = AttributeEvidence.Contribution(query, persons[p]);
                Assert.True(added <= most + 1e-12, $"{persons[p].ListId} adds {added} for {query.DateOfBirth} {query.Nationality}, at most {most}");
                weighed++;
                reached += most > 0 && Math.Abs(added - most) < 1e-12 ? 1 : 0;
                yearOnly += query.DateOfBirth is { IsFullDate: false } && added >= AttributeEvidence.YearAgrees ? 1 : 0;
            }
        }

        // The most is what agreeing records add: a bound that is never reached would keep every candidate anyway.
        Assert.True(reached > weighed / 50, $"only {reached} of {weighed} weighings reached the most");
        Assert.True(yearOnly > 0, "no year-only date agreed");
    }

    [Fact]
    public void A_persons_outline_never_adds_less_than_its_record_and_takes_off_exactly_what_the_record_does_where_it_can_tell()
    {
        var persons = un.Index.Persons.ToArray();
        var table = AttributeTable.Build(persons);
        var random = new Random(13);
        int weighed = 0, ruled = 0, exact = 0;
        for (var p = 0; p < persons.Length; p++)
        {
            var outline = table.OutlineOf(p);
            foreach (var query in TravelersAgainst(persons[p], random))
            {
                var traveler = new AttributeTable.Traveler(query);
                var added = AttributeEvidence.Contribution(query, persons[p]);
                var most = outline.MostAdded(traveler);
                Assert.True(added <= most + 1e-12, $"{persons[p].ListId} adds {added} for {query.DateOfBirth} {query.Nationality} {query.Gender}, outline at most {most}");
                weighed++;
                ruled += most < traveler.MostAdded ? 1 : 0;
                exact += added < 0 && Math.Abs(added - most) < 1e-12 ? 1 : 0;
            }
        }

        // An outline that rules nothing out would keep every candidate; contradictions are what it is for.
        Assert.True(ruled > weighed / 4, $"the outline ruled on only {ruled} of {weighed} weighings");
        Assert.True(exact > weighed / 20, $"only {exact} of {weighed} weighings taking something off were bounded exactly");
    }

    [Fact]
    public void Birth_years_read_beside_the_holders_contradict_a_traveler_exactly_where_the_outline_does_and_bound_what_it_adds()
    {
        var persons = un.Index.Persons.ToArray();
        var table = AttributeTable.Build(persons);
        var random = new Random(17);
        int dated = 0, contradicted = 0;
        for (var p = 0; p < persons.Length; p++)
        {
            var outline = table.OutlineOf(p);
            foreach (var query in TravelersAgainst(persons[p], random))
            {
                if (query.DateOfBirth is not { } dob)
                {
                    continue;
                }

                var traveler = new AttributeTable.Traveler(query);
                var contradicts = AttributeTable.Outline.YearContradicts(outline.BirthYears, dob.Year);
                var withoutTheDate = outline.MostAdded(new AttributeTable.Traveler(query with { DateOfBirth = null }));
                var dateAdds = outline.MostAdded(traveler) - withoutTheDate;
                if (!traveler.IrregularNationality)
                {
                    Assert.Equal(contradicts, Math.Abs(dateAdds - AttributeEvidence.DateContradicts) < 1e-12);
                }

                if (contradicts)
                {
                    Assert.True(
                        outline.MostAdded(traveler) <= AttributeTable.Outline.MostAddedWhenTheYearContradicts(traveler) + 1e-12,
                        $"{persons[p].ListId} for {dob.Year} {query.Nationality} {query.Gender}");
                    contradicted++;
                }

                dated++;
            }
        }

        Assert.True(contradicted > dated / 10 && contradicted < dated, $"{contradicted} of {dated} dated travelers contradicted");
    }

    [Fact]
    public void Odd_records_are_weighed_as_their_records_are()
    {
        ListedPerson[] persons =
        [
            Person([new ListedBirthDate(1970, 1970, Day: 5)], ["Syr", "ira", "Iraq"], Gender.Female),
            Person([ListedBirthDate.Exact(new DateOnly(1970, 1, 1)), ListedBirthDate.Range(1965, 1968)], ["SYR", "ÉGY"], Gender.Male),
            Person([ListedBirthDate.Year(1971, approximate: true), new ListedBirthDate(1969, 1969, Month: 3)], [], Gender.Unknown),
        ];
        var table = AttributeTable.Build(persons);
        QueryBirthDate?[] dates = [null, new(1970), new(1970, 1, 1), new(1970, 3, 5), new(1969, 3, 9), new(1972), new(1966), new(1980), new(1970, null, 5)];
        string?[] nationalities = [null, "SYR", "syr", "IRA", "ÉGY", "égy", "IRQ", "SY", "Iraq"];
        var weighed = 0;
        foreach (var dob in dates)
        {
            foreach (var nationality in nationalities)
            {
                foreach (var gender in new[] { Gender.Unknown, Gender.Male, Gender.Female })
                {
                    var query = new ScreeningQuery("X") { DateOfBirth = dob, Nationality = nationality, Gender = gender, DocumentNumber = "N0012345" };
                    for (var p = 0; p < persons.Length; p++)
                    {
                        var added = AttributeEvidence.Contribution(query, persons[p]);
                        Assert.Equal(added, table.Contribution(new AttributeTable.Traveler(query), p));
                        Assert.True(added <= table.OutlineOf(p).MostAdded(new AttributeTable.Traveler(query)) + 1e-12, $"person {p} adds {added} for {dob} {nationality} {gender}");
                        weighed++;
                    }
                }
            }
        }

        Assert.Equal(dates.Length * nationalities.Length * 3 * persons.Length, weighed);
        Assert.Equal(["un", "ofac"], table.Lists);
        Assert.Equal(1, table.ListOf(2));
    }

    private static ListedPerson Person(ListedBirthDate[] dates, string[] nationalities, Gender gender) => new()
    {
        List = dates.Length == 2 && nationalities.Length == 0 ? "ofac" : "un",
        ListId = "X",
        Names = [new ListedName("X", NameKind.Primary)],
        BirthDates = dates,
        Nationalities = nationalities,
        Gender = gender,
        Documents = [new ListedDocument("Passport", "passport no. N0012345")],
    };

    /// <summary>Travelers agreeing with the person's record, contradicting it, and unrelated, with and without each attribute.</summary>
    private static IEnumerable<ScreeningQuery> TravelersAgainst(ListedPerson person, Random random)
    {
        var listed = person.BirthDates.Count > 0 ? person.BirthDates[random.Next(person.BirthDates.Count)] : null;
        QueryBirthDate?[] dates =
        [
            null,
            listed is null ? null : new QueryBirthDate(listed.FromYear, listed.Month ?? 6, listed.Day ?? 15),
            listed is null ? null : new QueryBirthDate(listed.ToYear + random.Next(-3, 4)),
            new QueryBirthDate(1940 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28)),
        ];
        string?[] nationalities = [null, person.Nationalities.Count > 0 ? person.Nationalities[0] : "AFG", "FRA", person.Nationalities.Count > 0 ? person.Nationalities[0].ToLowerInvariant() : "x"];
        string?[] documents = [null, person.Documents.Count > 0 ? person.Documents[0].Number : "AB123456"];
        foreach (var dob in dates)
        {
            foreach (var nationality in nationalities)
            {
                yield return new ScreeningQuery("X")
                {
                    DateOfBirth = dob,
                    Nationality = nationality,
                    Gender = (Gender)random.Next(3),
                    DocumentNumber = documents[random.Next(documents.Length)],
                };
            }
        }
    }
}
