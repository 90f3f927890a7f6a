using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using Vigil.Cli.Commands;
using Vigil.Cli.Input;
using Vigil.Cli.Screening;
using Vigil.Data;
using Vigil.Travel;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_runs_a_day_of_api_and_pnr_traffic_through_the_service_and_finds_every_planted_person()
    {
        var console = new TestConsole().Width(250);
        var data = Directory.CreateTempSubdirectory("vigil-demo-test-");
        try
        {
            var exit = await DemoCommand.RunAsync(new DemoSettings(Flights: 6, Seed: 7, data.FullName, Port: 0, Serve: false), console, TestContext.Current.CancellationToken);

            var output = console.Output;
            Assert.Equal(0, exit);
            Assert.Matches(@"Travelers read back from PAXLST\s+│\s+(\d+) of \1 generated", output);
            Assert.Matches(@"PNRs read back from PNRGOV\s+│\s+(\d+) of \1 generated", output);
            Assert.Matches(@"Messages posted by the demo airline\s+│\s+12: 6 PAXLST, 6 PNRGOV", output);
            Assert.Matches(@"Processed / quarantined\s+│\s+12 / 0", output);
            Assert.Matches($@"Planted persons found\s+│\s+{PlantedPersons.Count} of {PlantedPersons.Count}\s", output);
            foreach (var id in (string[])["IQi.084", "QDi.006", "KPi.056", "QDi.396", "QDi.083"])
            {
                Assert.Contains(id, output);
            }

            // Every false alert is a row marked as not planted; a few are expected (synthetic Arabic names meet short UN
            // aliases now and then), never more than 1 % of the traveler records.
            var records = int.Parse(Regex.Match(output, @"(\d+) travelers \(API and PNR records\)").Groups[1].Value, CultureInfo.InvariantCulture);
            var falseAlerts = int.Parse(Regex.Match(output, @"False alerts among the synthetic travelers\s+│\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(falseAlerts * 100 <= records, $"{falseAlerts} false alerts among {records} traveler records");
            Assert.True(Regex.Matches(output, "not planted").Count >= falseAlerts);

            // The data stays where the demo says, in a store the service opens again.
            Assert.True(File.Exists(Path.Combine(data.FullName, VigilStoreOptions.SqliteFileName)));
            Assert.Contains(Path.Combine(data.FullName, VigilStoreOptions.SqliteFileName), output.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("│", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_planted_flight_brings_a_pnr_push_of_the_same_travelers()
    {
        var traffic = DemoTraffic.Generate(flights: 12, seed: 3, EmbeddedList.Read());
        Assert.Contains(traffic.Flights, f => f.List.Flight.Legs.Count > 1 && f.Push is not null);

        foreach (var flight in traffic.Flights.Where(f => f.Push is not null))
        {
            var listed = flight.List.Travelers.Where(t => !t.IsCrew).Select(t => (t.Surname, t.DateOfBirth)).ToHashSet();
            var booked = flight.Push!.Bookings.SelectMany(b => b.Travelers).Select(t => (t.Person.Surname, t.Person.DateOfBirth)).ToHashSet();
            Assert.Equal([flight.List.Flight.BorderCrossing], flight.Push.Flight.Legs);
            Assert.True(listed.SetEquals(booked), $"flight {flight.List.Flight.FlightNumber}: the PNR push holds other travelers than the API list");
        }

        Assert.Contains(traffic.Planted, p => traffic.Flights[p.File].Push!.Bookings.SelectMany(b => b.Travelers).Any(t => t.Person.Surname == p.Traveler.Surname));
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
