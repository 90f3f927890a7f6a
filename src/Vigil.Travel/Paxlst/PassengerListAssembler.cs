using Vigil.Edifact;
using Vigil.Travel.Model;

namespace Vigil.Travel.Paxlst;

/// <summary>
/// Reassembles passenger lists sent in parts (UNH S010 <c>01:C</c>, <c>02:C</c> … <c>NN:F</c>, same sender and
/// common access reference) into one list, and checks the CNT totals of every complete list against the
/// travelers read. A part that arrives alone is still a list: marked incomplete, with the travelers it carries.
/// </summary>
public static class PassengerListAssembler
{
    public static IReadOnlyList<PassengerList> Assemble(IEnumerable<PassengerList> lists)
    {
        var result = new List<PassengerList>();
        var parts = new Dictionary<(string?, string?), List<PassengerList>>();
        foreach (var list in lists)
        {
            if (list.Part is { } part && !(part.Sequence == 1 && part.Final))
            {
                var key = (list.Sender, list.CommonAccessReference ?? list.MessageReference);
                if (!parts.TryGetValue(key, out var group))
                {
                    parts[key] = group = [];
                    result.Add(list); // placeholder keeps the list where its first part was read
                }

                group.Add(list);
            }
            else
            {
                result.Add(CheckTotals(list));
            }
        }

        foreach (var group in parts.Values)
        {
            var index = result.IndexOf(group[0]);
            result[index] = CheckTotals(Combine(group));
        }

        return result;
    }

    private static PassengerList Combine(List<PassengerList> group)
    {
        var ordered = group.OrderBy(p => p.Part!.Value.Sequence).ToList();
        var diagnostics = ordered.SelectMany(p => p.Diagnostics).ToList();
        var sequences = new List<int>();
        var kept = new List<PassengerList>();
        foreach (var part in ordered)
        {
            var sequence = part.Part!.Value.Sequence;
            if (sequences.Contains(sequence))
            {
                diagnostics.Add(At(part, "duplicate-part", DiagnosticSeverity.Warning,
                    $"Part {sequence} of list {part.CommonAccessReference} arrived twice; the later copy replaces the earlier."));
                kept.RemoveAll(p => p.Part!.Value.Sequence == sequence);
            }
            else
            {
                sequences.Add(sequence);
            }

            kept.Add(part);
        }

        var last = kept[^1];
        var final = kept.FirstOrDefault(p => p.Part!.Value.Final);
        var expected = final?.Part!.Value.Sequence ?? last.Part!.Value.Sequence;
        // Part numbers come from the wire: a damaged one may be huge, so missing parts are counted, not enumerated.
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
            diagnostics.Add(At(kept[0], "multipart-incomplete", DiagnosticSeverity.Warning,
                $"List {kept[0].CommonAccessReference} is sent in parts and {what}; it holds only the travelers received."));
        }

        var first = kept[0];
        return first with
        {
            Part = last.Part,
            PartsReceived = sequences,
            Incomplete = incomplete,
            Flights = kept.FirstOrDefault(p => p.Flights.Count > 0)?.Flights ?? [],
            ReportingParty = kept.Select(p => p.ReportingParty).FirstOrDefault(p => p is not null),
            Travelers = [.. kept.SelectMany(p => p.Travelers)],
            UnmappedSegments = [.. kept.SelectMany(p => p.UnmappedSegments)],
            DeclaredPassengers = kept.LastOrDefault(p => p.DeclaredPassengers is not null)?.DeclaredPassengers,
            DeclaredCrew = kept.LastOrDefault(p => p.DeclaredCrew is not null)?.DeclaredCrew,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>CNT 42 counts passengers (in transit included), CNT 41 crew; an incomplete list cannot be checked.</summary>
    private static PassengerList CheckTotals(PassengerList list)
    {
        if (list.Incomplete)
        {
            return list;
        }

        var passengers = list.Travelers.Count(t => t.Role is TravelerRole.Passenger or TravelerRole.InTransitPassenger or TravelerRole.Infant);
        var crew = list.Travelers.Count(t => t.Role is TravelerRole.Crew or TravelerRole.InTransitCrew);
        List<Diagnostic>? added = null;
        if (list.DeclaredPassengers is { } declaredPassengers && declaredPassengers != passengers)
        {
            (added ??= []).Add(At(list, "cnt-mismatch", DiagnosticSeverity.Warning,
                $"CNT 42 declares {declaredPassengers} passengers but {passengers} were read."));
        }

        if (list.DeclaredCrew is { } declaredCrew && declaredCrew != crew)
        {
            (added ??= []).Add(At(list, "cnt-mismatch", DiagnosticSeverity.Warning,
                $"CNT 41 declares {declaredCrew} crew members but {crew} were read."));
        }

        return added is null ? list : list with { Diagnostics = [.. list.Diagnostics, .. added] };
    }

    private static Diagnostic At(PassengerList list, string code, DiagnosticSeverity severity, string text) =>
        new(code, severity, list.Position.Segment, list.Position.Offset, list.Position.Line, text);
}
