using Spectre.Console.Testing;
using Vigil.Cli.Commands;
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
}
