using Vigil.Edifact;
using Vigil.Travel.Model;

namespace Vigil.Travel;

/// <summary>The parts of one multi-part message, in part order, and what is missing.</summary>
/// <param name="Parts">The parts kept, ordered by part number (a part sent twice keeps its later copy).</param>
/// <param name="Received">Part numbers received.</param>
/// <param name="Incomplete">True when the final part or a part before it has not arrived.</param>
/// <param name="Diagnostics">The parts' own findings plus those of the assembly.</param>
internal sealed record PartSet<T>(List<T> Parts, List<int> Received, bool Incomplete, List<Diagnostic> Diagnostics)
    where T : TravelMessage;

/// <summary>
/// Reassembles messages sent in parts (UNH S010 <c>01:C</c>, <c>02:C</c> or <c>02</c> … <c>NN:F</c>) that share a
/// sender and common access reference, whatever order they arrive in. A part that arrives alone is still read:
/// the result is marked incomplete and holds what was received. Part numbers come from the wire, so missing
/// parts are counted, never enumerated.
/// </summary>
internal static class MultipartAssembler
{
    public static List<T> Assemble<T>(IEnumerable<T> messages, Func<PartSet<T>, T> combine)
        where T : TravelMessage
    {
        var result = new List<T>();
        var parts = new Dictionary<(string?, string?, string), List<T>>();
        foreach (var message in messages)
        {
            if (message.Part is { } part && !(part.Sequence == 1 && part.Final))
            {
                var key = (message.Sender, message.CommonAccessReference ?? message.MessageReference, message.Type);
                if (!parts.TryGetValue(key, out var group))
                {
                    parts[key] = group = [];
                    result.Add(message); // placeholder keeps the message where its first part was read
                }

                group.Add(message);
            }
            else
            {
                result.Add(message);
            }
        }

        foreach (var group in parts.Values)
        {
            result[result.IndexOf(group[0])] = combine(Collect(group));
        }

        return result;
    }

    private static PartSet<T> Collect<T>(List<T> group)
        where T : TravelMessage
    {
        var ordered = group.OrderBy(p => p.Part!.Value.Sequence).ToList();
        var diagnostics = ordered.SelectMany(p => p.Diagnostics).ToList();
        var sequences = new List<int>();
        var kept = new List<T>();
        foreach (var part in ordered)
        {
            var sequence = part.Part!.Value.Sequence;
            if (sequences.Contains(sequence))
            {
                diagnostics.Add(At(part, "duplicate-part",
                    $"Part {sequence} of {part.Type} {part.CommonAccessReference} arrived twice; the later copy replaces the earlier."));
                kept.RemoveAll(p => p.Part!.Value.Sequence == sequence);
            }
            else
            {
                sequences.Add(sequence);
            }

            kept.Add(part);
        }

        var final = kept.FirstOrDefault(p => p.Part!.Value.Final);
        var expected = final?.Part!.Value.Sequence ?? kept[^1].Part!.Value.Sequence;
        var present = sequences.Count(s => s >= 1 && s <= expected);
        var incomplete = final is null || present < expected;
        if (incomplete)
        {
            var missing = expected - present;
            var what = final is null
                ? $"the final part has not arrived (parts received: {string.Join(", ", sequences)})"
                : missing <= 20
                    ? $"parts {string.Join(", ", Enumerable.Range(1, expected).Except(sequences))} have not arrived"
                    : $"{missing} of its {expected} parts have not arrived";
            diagnostics.Add(At(kept[0], "multipart-incomplete",
                $"{kept[0].Type} {kept[0].CommonAccessReference} is sent in parts and {what}; it holds only what was received."));
        }

        return new PartSet<T>(kept, sequences, incomplete, diagnostics);
    }

    public static Diagnostic At(TravelMessage message, string code, string text) =>
        new(code, DiagnosticSeverity.Warning, message.Position.Segment, message.Position.Offset, message.Position.Line, text);
}
