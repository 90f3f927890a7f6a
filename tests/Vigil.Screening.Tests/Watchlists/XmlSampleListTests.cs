using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Tests.Watchlists;

/// <summary>OFAC SDN XML and EU Financial Sanctions Files, read from samples written from the published structures.</summary>
public class XmlSampleListTests
{
    [Fact]
    public void Ofac_xml_keeps_strong_and_weak_aliases_and_structured_facts()
    {
        var list = OfacSdnXmlReader.Read(Samples.PathOf("ofac-sdn.xml"));

        Assert.Equal("2021-07-07", list.Version);
        Assert.Equal(["306", "7263", "9999", "15036"], list.Entries.Select(e => e.ListId));
        Assert.Equal([PartyKind.Entity, PartyKind.Individual, PartyKind.Individual, PartyKind.Vessel], list.Entries.Select(e => e.Kind));

        var bank = list.Entries[0];
        Assert.Contains(new ListedName("BNC", NameKind.Alias, NameQuality.Weak), bank.Names);
        Assert.Contains(new ListedName("NATIONAL BANK OF CUBA", NameKind.Alias, NameQuality.Strong), bank.Names);
        Assert.Equal(["Zweierstrasse 35, Zurich CH-8022, Switzerland"], bank.Addresses);

        var person = list.Entries[1];
        Assert.Equal("Wa'el Hamza Abd Al-Fatah JULAIDAN", person.PrimaryName);
        Assert.Contains(new ListedName("Wa'el Hamza JALADIN", NameKind.Alias, NameQuality.Strong), person.Names);
        Assert.Contains(new ListedName("ABU AL-HASAN AL MADANI", NameKind.Alias, NameQuality.Weak), person.Names);
        Assert.Contains(new ListedName("Wail JULAYDAN", NameKind.Former, NameQuality.Strong), person.Names);
        Assert.Equal([ListedBirthDate.Exact(new DateOnly(1958, 1, 22)), ListedBirthDate.Year(1957, approximate: true)], person.BirthDates);
        Assert.Equal(["SAU"], person.Nationalities);
        Assert.Equal(Gender.Male, person.Gender);
        Assert.Equal(
            [new ListedDocument("Passport", "A-992535", "SAU"), new ListedDocument("Passport", "B 524420", null, "issued 15 Jul 1998; expires 22 May 2003")],
            person.Documents);

        var broken = list.Entries[2];
        Assert.Equal([ListedBirthDate.Range(1950, 1955)], broken.BirthDates);
        Assert.Equal(["PRK"], broken.Nationalities);
        var problem = Assert.Single(list.Problems);
        Assert.Equal("line 116, record 3 (uid 9999)", problem.Position);
        Assert.Contains("32 Foo 19X5", problem.Message);
    }

    [Fact]
    public void Eu_xml_reads_names_births_citizenships_and_identifications()
    {
        var list = EuFinancialSanctionsReader.Read(Samples.PathOf("eu-fsf.xml"));

        Assert.Equal("eu", list.Code);
        Assert.Equal("2026-02-20T17:02:11.123+01:00", list.Version);
        Assert.Equal(["EU.901.11", "EU.902.22", "EU.903.33"], list.Entries.Select(e => e.ListId));

        var omar = list.Entries[0];
        Assert.Equal(
            [
                new ListedName("Omar Abdel EXAMPLE", NameKind.Primary, NameQuality.Strong),
                new ListedName("Abu Example", NameKind.Alias, NameQuality.Weak),
                new ListedName("عمر عبد المثال", NameKind.Alias, NameQuality.Strong, IsOriginalScript: true),
            ],
            omar.Names);
        Assert.Equal(Gender.Male, omar.Gender);
        Assert.Equal([ListedBirthDate.Exact(new DateOnly(1952, 6, 7)), ListedBirthDate.Year(1950, approximate: true)], omar.BirthDates);
        Assert.Equal(["Sirte, LIBYA"], omar.BirthPlaces);
        Assert.Equal(["LBY"], omar.Nationalities);
        Assert.Equal([new ListedDocument("National passport", "B/011678", "LBY", "issued 2008-01-10")], omar.Documents);
        Assert.Equal(["LBY"], omar.Programmes);
        Assert.Equal(new DateOnly(2011, 3, 2), omar.ListedOn);
        Assert.StartsWith("UN reference QDi.901.", omar.Remarks);

        var ivan = list.Entries[1];
        Assert.Equal("Ivan Petrovich SAMPLOV", ivan.PrimaryName);
        Assert.Equal([ListedBirthDate.Range(1965, 1967)], ivan.BirthDates);
        Assert.Equal(["RUS"], ivan.Nationalities);

        Assert.Equal(PartyKind.Entity, list.Entries[2].Kind);
        Assert.Equal(2, list.Entries[2].Names.Count);

        Assert.Collection(
            list.Problems,
            p => Assert.Equal(("line 19, record 2 (EU.902.22)", true), (p.Position, p.Message.Contains("1966-02-31"))),
            p => Assert.Equal(("line 34, record 4 (EU.904.44)", true), (p.Position, p.Message.Contains("without a name"))));
    }
}
