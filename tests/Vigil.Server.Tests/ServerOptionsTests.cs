using Microsoft.Extensions.Configuration;

namespace Vigil.Server.Tests;

public sealed class ServerOptionsTests
{
    [Fact]
    public void Settings_are_read_from_the_server_section()
    {
        var options = ServerOptions.FromConfiguration(Configuration(("MaxMessageBytes", "1024"), ("RescreenWindow", "1.12:00:00"), ("RequireWatchLists", "false")));
        Assert.Equal(1024, options.MaxMessageBytes);
        Assert.Equal(TimeSpan.FromHours(36), options.RescreenWindow);
        Assert.False(options.RequireWatchLists);
    }

    [Theory]
    [InlineData("MaxMessageBytes", "0", "MaxMessageBytes is 0")]
    [InlineData("MaxMessageBytes", "5000000000", "1 GiB")]
    [InlineData("RescreenWindow", "-01:00:00", "RescreenWindow is -01:00:00")]
    public void A_setting_out_of_range_stops_the_start_with_its_name(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServerOptions.FromConfiguration(Configuration((key, value))));
        Assert.Contains(expected, error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{ServerOptions.Section}:{s.Key}", s.Value))).Build();
}
