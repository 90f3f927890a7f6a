using Vigil.Travel.Model;

namespace Vigil.Travel.Pnrgov;

/// <summary>
/// Reassembles PNR pushes sent in parts into one push, and checks the level-0 EQN (bookings in the whole push,
/// across parts) of every complete push against the bookings read.
/// </summary>
internal static class BookingPushAssembler
{
    public static List<BookingPush> Assemble(IEnumerable<BookingPush> pushes) =>
        MultipartAssembler.Assemble(pushes, Combine);

    private static BookingPush Combine(PartSet<BookingPush> set)
    {
        var kept = set.Parts;
        var bookings = kept.SelectMany(p => p.Bookings).ToList();
        var declared = kept.Select(p => p.DeclaredBookings).FirstOrDefault(d => d is not null);
        var diagnostics = set.Diagnostics;
        if (!set.Incomplete && declared is { } count && count != bookings.Count)
        {
            diagnostics.Add(MultipartAssembler.At(kept[0], "eqn-mismatch",
                $"EQN declares {count} booking(s) in the push but its {kept.Count} parts hold {bookings.Count}."));
        }

        return kept[0] with
        {
            Part = kept[^1].Part,
            PartsReceived = set.Received,
            Incomplete = set.Incomplete,
            PushedFlight = kept.Select(p => p.PushedFlight).FirstOrDefault(f => f is not null),
            DeclaredBookings = declared,
            Bookings = bookings,
            UnmappedSegments = [.. kept.SelectMany(p => p.UnmappedSegments)],
            Diagnostics = diagnostics,
        };
    }
}
