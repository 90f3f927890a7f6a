using Vigil.Edifact;
using Vigil.Travel.Model;

namespace Vigil.Travel.Paxlst;

/// <summary>
/// Reassembles passenger lists sent in parts into one list, and checks the CNT totals of every complete list
/// against the travelers read.
/// </summary>
public static class PassengerListAssembler
{
    public static IReadOnlyList<PassengerList> Assemble(IEnumerable<PassengerList> lists) =>
        MultipartAssembler.Assemble(lists, Combine).ConvertAll(CheckTotals);

    private static PassengerList Combine(PartSet<PassengerList> set)
    {
        var kept = set.Parts;
        return kept[0] with
        {
            Part = kept[^1].Part,
            PartsReceived = set.Received,
            Incomplete = set.Incomplete,
            Flights = kept.FirstOrDefault(p => p.Flights.Count > 0)?.Flights ?? [],
            ReportingParty = kept.Select(p => p.ReportingParty).FirstOrDefault(p => p is not null),
            Travelers = [.. kept.SelectMany(p => p.Travelers)],
            UnmappedSegments = [.. kept.SelectMany(p => p.UnmappedSegments)],
            DeclaredPassengers = kept.LastOrDefault(p => p.DeclaredPassengers is not null)?.DeclaredPassengers,
            DeclaredCrew = kept.LastOrDefault(p => p.DeclaredCrew is not null)?.DeclaredCrew,
            Diagnostics = set.Diagnostics,
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
            (added ??= []).Add(MultipartAssembler.At(list, "cnt-mismatch", $"CNT 42 declares {declaredPassengers} passengers but {passengers} were read."));
        }

        if (list.DeclaredCrew is { } declaredCrew && declaredCrew != crew)
        {
            (added ??= []).Add(MultipartAssembler.At(list, "cnt-mismatch", $"CNT 41 declares {declaredCrew} crew members but {crew} were read."));
        }

        return added is null ? list : list with { Diagnostics = [.. list.Diagnostics, .. added] };
    }
}
