using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.Paxlst;
using Vigil.Travel.Pnrgov;

namespace Vigil.Travel;

/// <summary>Everything read from one received file: its messages in file order and the file-level findings.</summary>
public sealed record TravelFile(IReadOnlyList<TravelMessage> Messages, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads a received file of EDIFACT interchanges into canonical travel messages: PAXLST lists are mapped and
/// their parts reassembled; messages of other types are reported as unsupported, never dropped silently.
/// </summary>
public static class TravelFileReader
{
    public static TravelFile Read(ReadOnlyMemory<byte> data, DateOnly? today = null)
    {
        var file = EdifactFile.Read(data);
        var diagnostics = new List<Diagnostic>(file.Diagnostics);
        if (file.Messages.Count == 0)
        {
            diagnostics.Add(new Diagnostic("no-message", DiagnosticSeverity.Error, -1, 0, 1,
                "The file holds no EDIFACT message (no UNH segment was found)."));
        }

        var messages = new List<TravelMessage>();
        foreach (var message in file.Messages)
        {
            messages.Add(message.Type switch
            {
                "PAXLST" => PaxlstMapper.Map(message, today),
                "PNRGOV" => PnrgovMapper.Map(message, today),
                _ => Unsupported(message),
            });
        }

        IReadOnlyList<TravelMessage> ordered =
        [
            .. messages.OfType<UnsupportedMessage>()
                .Concat<TravelMessage>(PassengerListAssembler.Assemble(messages.OfType<PassengerList>()))
                .Concat(BookingPushAssembler.Assemble(messages.OfType<BookingPush>()))
                .OrderBy(m => m.Position.Offset),
        ];
        return new TravelFile(ordered, diagnostics);
    }

    private static UnsupportedMessage Unsupported(EdifactMessage message) => new(message)
    {
        Diagnostics =
        [
            .. message.Diagnostics,
            new Diagnostic("unsupported-message-type", DiagnosticSeverity.Warning, message.SegmentIndex, message.Offset, message.Line,
                $"Message type '{message.Type}' is not read by this version of Vigil; the message is kept but yields no travelers."),
        ],
    };
}
