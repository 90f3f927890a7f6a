namespace Vigil.Server;

/// <summary>
/// The service's own settings, bound from <c>Vigil:Server</c>: who may call it (<see cref="ApiKeys"/>), how large a
/// message may be, and whether readiness waits for a watch list.
/// </summary>
internal sealed class ServerOptions
{
    public const string Section = "Vigil:Server";

    /// <summary>One entry per caller: a sender (an airline's gateway), an analyst, an administrator.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Bodies above this are refused with 413 before they are stored; the largest real PNR push seen is ~250 KB.</summary>
    public long MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Readiness needs at least one watch list with a current version: a service that screens against nothing would
    /// report every traveler clear. Off for a service that only collects data.
    /// </summary>
    public bool RequireWatchLists { get; set; } = true;

    /// <summary>
    /// After a watch-list import, travelers on flights departing or arriving from now until this far ahead are
    /// screened again against the new version; earlier flights have gone, later ones will be screened when reported.
    /// </summary>
    public TimeSpan RescreenWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// A folder whose files are received like posted messages, for senders that deliver files rather than call the
    /// API; a file in a subfolder is sent by the subfolder's name. Not watched when unset.
    /// </summary>
    public string? DropFolder { get; set; }

    /// <summary>The sender of files placed directly in <see cref="DropFolder"/>.</summary>
    public string DropFolderSender { get; set; } = "drop-folder";

    // A message is held in memory while it is stored, so the limit stays well below what one buffer can hold.
    private const long MaxMessageBytesCeiling = 1L << 30;

    public static ServerOptions FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<ServerOptions>() ?? new ServerOptions();
        if (options.MaxMessageBytes is < 1 or > MaxMessageBytesCeiling)
        {
            throw new InvalidOperationException($"{Section}:MaxMessageBytes is {options.MaxMessageBytes}; use 1 to {MaxMessageBytesCeiling} (1 GiB).");
        }

        if (options.RescreenWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:RescreenWindow is {options.RescreenWindow}; use a positive span such as 3.00:00:00 (72 hours).");
        }

        return options;
    }
}

/// <summary>
/// One API key. Give the key either in clear (<see cref="Key"/>, hashed as soon as it is read) or, better, as the
/// lower- or upper-case hex SHA-256 of the key (<see cref="Sha256"/>), so the configuration never holds a usable secret.
/// </summary>
internal sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; for senders this is the sender recorded on every message they post.</summary>
    public string? Name { get; set; }

    public string? Key { get; set; }

    public string? Sha256 { get; set; }

    /// <summary><c>sender</c>, <c>analyst</c>, <c>admin</c>.</summary>
    public List<string> Roles { get; set; } = [];
}
