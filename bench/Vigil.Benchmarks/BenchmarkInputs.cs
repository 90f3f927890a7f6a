using Vigil.Travel.Synthetic;

namespace Vigil.Benchmarks;

/// <summary>Generated inputs shared by the benchmarks; fixed seeds so every run measures the same bytes.</summary>
internal static class BenchmarkInputs
{
    public const int Seed = 20250314;
    public const int PassengersPerList = 500;

    /// <summary>
    /// About 8 MB of 500-passenger PAXLST interchanges back to back, in the standard layout (one segment per line,
    /// default separators), as a feed's daily batch file would hold them.
    /// </summary>
    public static byte[] LargePaxlstFile(int targetBytes = 8 * 1024 * 1024)
    {
        var generator = new PaxlstGenerator(Seed);
        var buffer = new MemoryStream(targetBytes + (256 * 1024));
        for (var index = 1; buffer.Length < targetBytes; index++)
        {
            buffer.Write(generator.GenerateFile(index, PassengersPerList, PaxlstLayout.Standard, crewList: false).Content);
        }

        return buffer.ToArray();
    }
}
