using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Vigil.Data.Ingest;

/// <summary>
/// Threads of lower priority, one per core, for the ingest work that runs beside the batch writer: reading and parsing
/// the next batches and screening the last ones. Ingest goes as fast as its one writer, so the writer should never wait
/// for a core while parsing or screening holds it; at lower priority they take what the writer leaves, and every core
/// when it waits. On Linux a thread's priority is its nice value (raised by 10, which needs no privilege).
/// </summary>
internal sealed class BackgroundWork : TaskScheduler
{
    private const int LowerBy = 10;

    /// <summary><c>PRIO_PROCESS</c>: on Linux, with a thread id, the priority of that thread alone.</summary>
    private const int ProcessPriority = 0;

    [ThreadStatic]
    private static bool isBackgroundThread;

    private readonly BlockingCollection<Task> queued = [];
    private readonly int threads;

    private BackgroundWork(int threads)
    {
        this.threads = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = "Vigil ingest background" }.Start();
        }
    }

    public static BackgroundWork Shared { get; } = new(Environment.ProcessorCount);

    public override int MaximumConcurrencyLevel => threads;

    /// <summary>Runs <paramref name="work"/> on a background thread; what it awaits continues there too.</summary>
    public Task<T> Run<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    public Task<T> Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    protected override void QueueTask(Task task) => queued.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        isBackgroundThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queued.ToArray();

    private void Work()
    {
        isBackgroundThread = true;
        LowerPriority();
        foreach (var task in queued.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return;
        }

        try
        {
            var self = gettid();
            _ = setpriority(ProcessPriority, self, getpriority(ProcessPriority, self) + LowerBy);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // An unusual C library: the threads keep the normal priority, which costs speed, not correctness.
        }
    }

    [DllImport("libc")]
    private static extern int gettid();

    [DllImport("libc")]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int setpriority(int which, int who, int priority);
}
