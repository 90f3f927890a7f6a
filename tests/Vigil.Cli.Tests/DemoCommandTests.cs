using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using Vigil.Cli.Commands;
using Vigil.Cli.Input;
using Vigil.Cli.Screening;
using Vigil.Travel;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_reads_back_every_generated_traveler_unchanged()
    {
        var console = new TestConsole().Width(200);

        var exit = DemoCommand.Run(flightCount: 6, seed: 7, console);

        Assert.Equal(0, exit);
        Assert.Contains("Travelers differing from what was generated", console.Output);
        Assert.Matches(@"Travelers read\s+│\s+(\d+) of \1 generated", console.Output);
    }

    [Fact]
    public void A_reader_that_loses_a_name_is_counted_as_a_mismatch()
    {
        var generated = new PaxlstGenerator(11).GenerateFile(0, passengers: 5);
        var damaged = System.Text.Encoding.Latin1.GetBytes(
            System.Text.Encoding.Latin1.GetString(generated.Content).Replace(generated.Travelers[0].Surname, "SOMEONE ELSE", StringComparison.Ordinal));

        Assert.Equal(0, DemoCommand.Mismatches(generated, TravelFileReader.Read(generated.Content)));
        Assert.True(DemoCommand.Mismatches(generated, TravelFileReader.Read(damaged)) >= 1);
    }

    [Fact]
    public void Demo_finds_every_planted_listed_person_and_prints_its_false_alerts()
    {
        var console = new TestConsole().Width(250);

        var exit = DemoCommand.Run(flightCount: 12, seed: 7, console);

        Assert.Equal(0, exit);
        var output = console.Output;
        Assert.Matches($@"Planted persons found\s+│\s+{PlantedPersons.Count} of {PlantedPersons.Count}\s", output);
        var screened = int.Parse(Regex.Match(output, @"Travelers screened\s+│\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var falseAlerts = int.Parse(Regex.Match(output, @"False alerts among the synthetic travelers\s+│\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var alerts = int.Parse(Regex.Match(output, @"Alerts raised\s+│\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Every alert is a row of the alerts table; the false ones are those marked as not planted.
        Assert.Equal(alerts, PlantedPersons.Count + falseAlerts);
        Assert.Equal(falseAlerts, Regex.Matches(output, "not planted").Count);
        // Synthetic Arabic names meet short UN aliases now and then: a few false alerts, never more than 1 % of travelers.
        Assert.True(falseAlerts * 100 <= screened, $"{falseAlerts} false alerts among {screened} travelers");
        foreach (var id in (string[])["IQi.084", "QDi.006", "KPi.056", "QDi.396", "QDi.083"])
        {
            Assert.Contains(id, output);
        }
    }

    [Fact]
    public void The_same_seed_plants_the_same_persons_in_the_same_places()
    {
        var generated = new PaxlstGenerator(5).Generate(8).ToList();
        var first = PlantedPersons.Plant(generated, EmbeddedList.Read(), 5);
        var second = PlantedPersons.Plant(generated, EmbeddedList.Read(), 5);

        Assert.Equal(PlantedPersons.Count, first.Planted.Count);
        Assert.Equal(first.Planted.Select(p => (p.File, p.Position, p.ListId)), second.Planted.Select(p => (p.File, p.Position, p.ListId)));
        Assert.True(first.Files.Zip(second.Files).All(pair => pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content)));
        foreach (var planted in first.Planted)
        {
            // The planted person is in the PAXLST bytes and reads back exactly as planted.
            Assert.Equal(0, DemoCommand.Mismatches(first.Files[planted.File], TravelFileReader.Read(first.Files[planted.File].Content)));
            var read = TravelFileReader.Read(first.Files[planted.File].Content).Messages.OfType<Vigil.Travel.Model.PassengerList>().Single().Travelers[planted.Position];
            Assert.Equal(planted.Traveler.Surname, read.Surname);
        }
    }

    [Fact]
    public void The_MRZ_form_drops_hyphens_and_cuts_the_name_at_39_characters()
    {
        var (surname, given) = PlantedPersons.FromMrz("AL-TIKRITI", "IBRAHIM SABAWI IBRAHIM HASAN");

        Assert.Equal("AL TIKRITI", surname);
        Assert.Equal("IBRAHIM SABAWI IBRAHIM HASA", given);
    }
}
