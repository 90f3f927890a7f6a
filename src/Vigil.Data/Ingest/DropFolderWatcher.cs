namespace Vigil.Data.Ingest;

/// <summary>Where the drop folder is and how it is watched.</summary>
public sealed record DropFolderOptions
{
    /// <summary>The subfolder that takes files once their bytes are stored.</summary>
    public const string DoneFolderName = "done";

    /// <summary>The folder carriers or a transfer agent write into. Files in a subfolder are sent by the subfolder's name.</summary>
    public required string Folder { get; init; }

    /// <summary>The sender of files placed in the folder itself.</summary>
    public string DefaultSender { get; init; } = "drop-folder";

    /// <summary>How often the folder is swept besides the file-system notifications (which can be lost).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A file is taken only once it has not been written to for this long, so half-copied files wait.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Processes the pending messages after each sweep that received something (the default).</summary>
    public bool ProcessAfterReceiving { get; init; } = true;
}

/// <summary>
/// Ingests files placed in a folder: a <see cref="FileSystemWatcher"/> wakes it when files arrive, and a sweep at start
/// and every <see cref="DropFolderOptions.SweepInterval"/> catches whatever the notifications missed. Each file's bytes
/// are stored through <see cref="IngestPipeline.ReceiveAsync"/> before the file is moved to <c>done/</c> (keeping its
/// subfolder), so a stop between the two only means the file is received again later — as a duplicate — and moved then.
/// Hidden files and names ending in <c>.tmp</c> or <c>.part</c> are left alone until renamed.
/// </summary>
public sealed class DropFolderWatcher : IAsyncDisposable
{
    private static readonly string[] IncompleteSuffixes = [".tmp", ".part", ".partial"];

    private readonly IngestPipeline pipeline;
    private readonly DropFolderOptions options;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);
    private readonly SemaphoreSlim sweeping = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private FileSystemWatcher? watcher;
    private Task? loop;

    public DropFolderWatcher(IngestPipeline pipeline, DropFolderOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Folder);
        this.pipeline = pipeline;
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        Root = Path.GetFullPath(options.Folder);
    }

    /// <summary>The watched folder, full path.</summary>
    public string Root { get; }

    /// <summary>The folder that takes files whose bytes are stored.</summary>
    public string DoneFolder => Path.Combine(Root, DropFolderOptions.DoneFolderName);

    /// <summary>The last failure of a background sweep (the folder unreadable, the store down), or null; the next sweep tries again.</summary>
    public string? LastError { get; private set; }

    /// <summary>Sweeps once, then watches the folder in the background until disposed.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (loop is not null)
        {
            throw new InvalidOperationException("The drop folder is watched already.");
        }

        Directory.CreateDirectory(DoneFolder);
        await SweepAsync(ct);
        watcher = new FileSystemWatcher(Root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Created += (_, _) => wake.Release();
        watcher.Changed += (_, _) => wake.Release();
        watcher.Renamed += (_, _) => wake.Release();
        watcher.EnableRaisingEvents = true;
        loop = WatchAsync(stopping.Token);
    }

    /// <summary>
    /// Stores every settled file of the folder and moves it to <c>done/</c>, then (by default) processes what is
    /// pending. Returns how many files were taken. Files that cannot be read yet stay for the next sweep.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await sweeping.WaitAsync(ct);
        try
        {
            var taken = 0;
            foreach (var path in WaitingFiles())
            {
                byte[] bytes;
                try
                {
                    bytes = await File.ReadAllBytesAsync(path, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // still being written, or gone: the next sweep looks again
                }

                var receipt = await pipeline.ReceiveAsync(bytes, SenderOf(path), ct);
                MoveToDone(path, receipt.MessageId);
                taken++;
            }

            if (taken > 0 && options.ProcessAfterReceiving)
            {
                await pipeline.ProcessPendingAsync(ct);
            }

            LastError = null;
            return taken;
        }
        finally
        {
            sweeping.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        watcher?.Dispose();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped while sweeping; the files not moved are taken again at the next start.
            }
        }

        stopping.Dispose();
        wake.Dispose();
        sweeping.Dispose();
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // A notification or the sweep interval, whichever comes first; a burst of notifications is one sweep.
            await wake.WaitAsync(options.SweepInterval, ct);
            await Task.Delay(options.SettleTime, ct);
            while (wake.CurrentCount > 0)
            {
                await wake.WaitAsync(ct);
            }

            try
            {
                await SweepAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LastError = $"{clock.GetUtcNow():O} sweeping {Root} failed: {e.GetType().Name}: {e.Message}";
            }
        }
    }

    private IEnumerable<string> WaitingFiles()
    {
        var settled = clock.GetUtcNow().UtcDateTime - options.SettleTime;
        return Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(path => !IsUnder(path, DoneFolder))
            .Where(path => !Path.GetFileName(path).StartsWith('.') && !IncompleteSuffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            .Where(path => File.GetLastWriteTimeUtc(path) <= settled)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The first subfolder under the drop folder names the sender; files in the folder itself have the default.</summary>
    private string SenderOf(string path)
    {
        var relative = Path.GetRelativePath(Root, path);
        var separator = relative.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        return separator > 0 ? relative[..separator] : options.DefaultSender;
    }

    private void MoveToDone(string path, long messageId)
    {
        var target = Path.Combine(DoneFolder, Path.GetRelativePath(Root, path));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            // The same name sent twice: keep both, the later one marked with its message id.
            target = Path.Combine(Path.GetDirectoryName(target)!, $"{Path.GetFileNameWithoutExtension(target)}.{messageId}{Path.GetExtension(target)}");
        }

        File.Move(path, target, overwrite: true);
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
