namespace Vigil.Tests;

/// <summary>
/// Locates the read-only shared data folder: <c>VIGIL_SHARED</c> if set, otherwise <c>../shared</c> beside
/// the repository (found by walking up to <c>Vigil.slnx</c>).
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static IEnumerable<string> Files(string folder, string pattern = "*") =>
        Directory.EnumerateFiles(PathOf(folder), pattern).Order(StringComparer.Ordinal);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("VIGIL_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate)
            ? candidate
            : throw new DirectoryNotFoundException($"Shared data not found at {candidate}; set VIGIL_SHARED.");
    }
}
