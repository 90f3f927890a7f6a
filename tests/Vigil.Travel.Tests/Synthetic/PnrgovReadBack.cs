using Vigil.Edifact;

namespace Vigil.Travel.Tests.Synthetic;

/// <summary>A PNR as read back from a PNRGOV body with the bare EDIFACT reader, no mapper involved.</summary>
internal sealed record ReadPnr(string? Locator, bool EmptyOrg, List<ReadPnrTraveler> Travelers, List<string> SensitiveSsrs);

internal sealed record ReadPnrTraveler(string? Surname, string? Given, string? Type, string? Reference, List<string> DocsTexts);

internal static class PnrgovReadBack
{
    /// <summary>
    /// The PNRs of a message in order. A TIF right after a TRI is the check-in copy of a traveler, not a new one;
    /// DOCS are tied to the traveler whose TIF group they follow.
    /// </summary>
    public static (int? DeclaredBookings, List<ReadPnr> Pnrs) Read(EdifactMessage message, IReadOnlyCollection<string> sensitiveCodes)
    {
        int? declared = null;
        var pnrs = new List<ReadPnr>();
        ReadPnr? current = null;
        ReadPnrTraveler? traveler = null;
        var afterTri = false;
        var reader = message.OpenBody();
        while (reader.Read())
        {
            var segment = reader.Segment;
            if (segment.IsTag("SRC"u8))
            {
                current = new ReadPnr(null, false, [], []);
                pnrs.Add(current);
                traveler = null;
            }
            else if (current is null)
            {
                if (segment.IsTag("EQN"u8))
                {
                    declared = int.Parse(segment.Text(0)!, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            else if (segment.IsTag("RCI"u8) && current.Locator is null)
            {
                pnrs[^1] = current = current with { Locator = segment.Text(0, 1) };
            }
            else if (segment.IsTag("ORG"u8) && segment.ElementCount == 0)
            {
                pnrs[^1] = current = current with { EmptyOrg = true };
            }
            else if (segment.IsTag("TIF"u8) && !afterTri)
            {
                traveler = new ReadPnrTraveler(segment.Text(0), segment.Text(1), segment.Text(1, 1), segment.Text(1, 2), []);
                current.Travelers.Add(traveler);
            }
            else if (segment.IsTag("TVL"u8))
            {
                traveler = null;
            }
            else if (segment.IsTag("SSR"u8))
            {
                var code = segment.Text(0);
                if (code == "DOCS" && traveler is not null)
                {
                    traveler.DocsTexts.Add(segment.Text(0, 8)!);
                }
                else if (code is not null && sensitiveCodes.Contains(code))
                {
                    current.SensitiveSsrs.Add(code);
                }
            }

            afterTri = segment.IsTag("TRI"u8);
        }

        return (declared, pnrs);
    }

    /// <summary>The declared segment count in the UNT of the first message.</summary>
    public static int UntCount(ReadOnlySpan<byte> content)
    {
        var reader = new EdifactReader(content);
        while (reader.Read())
        {
            if (reader.Segment.IsTag("UNT"u8))
            {
                return int.Parse(reader.Segment.Text(0)!, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
