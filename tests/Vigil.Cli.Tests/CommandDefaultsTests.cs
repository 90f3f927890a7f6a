using Vigil.Cli.Commands;

namespace Vigil.Cli.Tests;

/// <summary>
/// Options a user leaves out take their defaults, and the range checks still refuse bad values: the README's
/// <c>vigil demo</c> has no option at all.
/// </summary>
public class CommandDefaultsTests
{
    [Fact]
    public void Demo_without_options_parses_with_the_default_flights()
    {
        var result = DemoCommand.Create().Parse([]);
        Assert.Empty(result.Errors);
        Assert.Equal(40, result.GetValue<int>("--flights"));
        Assert.Equal(DemoCommand.DefaultPort, result.GetValue<int>("--port"));
    }

    [Theory]
    [InlineData("--flights", "0", "--flights must be between 1 and 2000.")]
    [InlineData("--flights", "2001", "--flights must be between 1 and 2000.")]
    [InlineData("--port", "70000", "--port must be between 0 and 65535.")]
    public void Demo_refuses_values_out_of_range(string option, string value, string error)
    {
        var result = DemoCommand.Create().Parse([option, value]);
        Assert.Contains(result.Errors, e => e.Message == error);
    }

    [Theory]
    [InlineData("paxlst")]
    [InlineData("pnrgov")]
    public void Generate_without_flights_or_size_parses_with_the_defaults(string kind)
    {
        var result = GenerateCommand.Create().Parse([kind, "--out", "somewhere"]);
        Assert.Empty(result.Errors);
        Assert.Equal(10, result.GetValue<int>("--flights"));
    }

    [Theory]
    [InlineData("paxlst", "--flights", "0", "--flights must be at least 1.")]
    [InlineData("paxlst", "--passengers", "0", "--passengers must be at least 1.")]
    [InlineData("pnrgov", "--bookings", "-3", "--bookings must be at least 1.")]
    public void Generate_refuses_values_out_of_range(string kind, string option, string value, string error)
    {
        var result = GenerateCommand.Create().Parse([kind, "--out", "somewhere", option, value]);
        Assert.Contains(result.Errors, e => e.Message == error);
    }
}
