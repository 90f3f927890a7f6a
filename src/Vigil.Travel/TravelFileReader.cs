using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.Paxlst;

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
                _ => Unsupported(message),
            });
        }

        var passengerLists = PassengerListAssembler.Assemble(messages.OfType<PassengerList>());
        IReadOnlyList<TravelMessage> ordered = [.. messages.Where(m => m is not PassengerList).Concat(passengerLists).OrderBy(m => m.Position.Offset)];
        return new TravelFile(ordered, diagnostics);
    }

    private static UnsupportedMessage Unsupported(EdifactMessage message)
    {
        var interchange = message.Interchange;
        return new UnsupportedMessage
        {
            Type = message.Type ?? "unknown",
            Version = message.VersionRelease,
            Sender = interchange.Sender,
            Recipient = interchange.Recipient,
            InterchangeReference = interchange.ControlReference,
            MessageReference = message.Reference,
            CommonAccessReference = message.CommonAccessReference,
            Part = message.Part,
            Position = new SourcePosition(message.SegmentIndex, message.Offset, message.Line),
            Diagnostics =
            [
                .. message.Diagnostics,
                new Diagnostic("unsupported-message-type", DiagnosticSeverity.Warning, message.SegmentIndex, message.Offset, message.Line,
                    $"Message type '{message.Type}' is not read by this version of Vigil; the message is kept but yields no travelers."),
            ],
        };
    }
}
