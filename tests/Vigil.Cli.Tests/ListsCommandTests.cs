using Spectre.Console.Testing;
using Vigil.Cli.Commands;
using Vigil.Tests;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil lists show</c>, in process for the figures and through the executable for the command line.</summary>
public class ListsCommandTests
{
    [Fact]
    public void Show_prints_version_and_counts_of_the_un_list()
    {
        var console = new TestConsole().Width(250);

        var exit = ListsCommand.Show(SharedData.PathOf("data", "lists", "un", "consolidated.xml"), null, console);

        Assert.Equal(0, exit);
        Assert.Contains("UN consolidated XML", console.Output);
        Assert.Contains("2026-02-27T00:00:09.554Z", console.Output);
        Assert.Contains("1003: 730 individuals, 273 entities, 0 others", console.Output);
        Assert.Contains("alias 2797 (unknown 614, strong 1562, weak 621)", console.Output);
        Assert.Contains("approximate year 116", console.Output);
    }

    [Fact]
    public void Show_lists_problems_with_their_positions_and_exits_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-lists-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["id,name,aliases,dob,nationality,gender,document,document_country,programme", "A1,John DOE,,1970-02-30,,,,,", "A2,,,,,,,,"]);
        try
        {
            var console = new TestConsole().Width(250);

            var exit = ListsCommand.Show(path, "test", console);

            Assert.Equal(1, exit);
            Assert.Contains("Problems (2):", console.Output);
            Assert.Contains("line 2 (A1): dob '1970-02-30'", console.Output);
            Assert.Contains("line 3 (A2): no name; skipped", console.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Executable_shows_the_ofac_set_and_refuses_an_unknown_file()
    {
        var (exit, stdout, _) = ParseCommandTests.RunVigil("lists", "show", SharedData.PathOf("data", "lists", "ofac"));
        Assert.Equal(0, exit);
        Assert.Contains("OFAC SDN legacy CSV", stdout);
        Assert.Contains("4620 individuals", stdout);

        var (unknownExit, unknownOut, _) = ParseCommandTests.RunVigil("lists", "show", SharedData.PathOf("data", "lists", "ftm", "LICENSE-watchman-apache2"));
        Assert.Equal(2, unknownExit);
        Assert.Contains("LICENSE-watchman-apache2", unknownOut);
    }
}
