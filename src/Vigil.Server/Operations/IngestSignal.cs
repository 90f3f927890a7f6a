using System.Threading.Channels;

namespace Vigil.Server.Operations;

/// <summary>
/// Wakes the ingest worker when there is work: a received or replayed message, or a watch list that needs a
/// re-screen. Signals that arrive while the worker is busy collapse into one, since one run takes all that is pending.
/// </summary>
internal sealed class IngestSignal
{
    private readonly Channel<bool> messages = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> rescreens = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void MessagesArrived() => messages.Writer.TryWrite(true);

    public void WatchListsChanged() => rescreens.Writer.TryWrite(true);

    public ChannelReader<bool> Messages => messages.Reader;

    public ChannelReader<bool> Rescreens => rescreens.Reader;
}
