using Vigil.Screening.Watchlists;

namespace Vigil.Cli.Input;

/// <summary>
/// The UN Security Council Consolidated List compiled into <c>vigil</c> (src/Vigil.Cli/Data, dated 2026-02-27), so that
/// screening works on a fresh machine when no list is named.
/// </summary>
internal static class EmbeddedList
{
    private const string ResourceName = "Vigil.Cli.Data.un-consolidated.xml";

    /// <summary>What the list is called in output: it is a snapshot, not a live download.</summary>
    public const string Description = "UN Security Council Consolidated List of 2026-02-27 (bundled)";

    private static readonly Lazy<WatchList> List = new(Load);

    public static WatchList Read() => List.Value;

    /// <summary>The list file as bundled, for importing it where a file is expected (the service's upload).</summary>
    public static byte[] Bytes()
    {
        using var stream = Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream Open() => typeof(EmbeddedList).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"{ResourceName} is missing from the vigil assembly.");

    private static WatchList Load()
    {
        using var stream = Open();
        return UnConsolidatedListReader.Read(stream, "un") with { SourcePath = Description };
    }
}
