namespace Vigil.Screening.Tests.Watchlists;

/// <summary>Sample lists written for these tests (formats for which no real copy is stored in the shared data).</summary>
internal static class Samples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Watchlists", "Samples", name);
}
