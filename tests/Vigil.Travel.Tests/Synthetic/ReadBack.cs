using Vigil.Edifact;

namespace Vigil.Travel.Tests.Synthetic;

/// <summary>A person as read back from a PAXLST body with the bare EDIFACT reader, no mapper involved.</summary>
internal sealed record ReadPerson(
    string Party,
    string? Surname,
    string? Given,
    string? Middle,
    string? Sex,
    string? DateOfBirth,
    string? Nationality,
    string? DocumentNumber,
    string? Expiry,
    string? RecordLocator);

internal static class ReadBack
{
    /// <summary>The people of a message in order, read segment by segment.</summary>
    public static List<ReadPerson> People(EdifactMessage message)
    {
        var people = new List<ReadPerson>();
        ReadPerson? current = null;
        var reader = message.OpenBody();
        while (reader.Read())
        {
            var segment = reader.Segment;
            var qualifier = segment.Text(0);
            if (segment.IsTag("NAD"u8) && qualifier is "FL" or "FM")
            {
                if (current is not null)
                {
                    people.Add(current);
                }

                current = new ReadPerson(qualifier, segment.Text(3, 0), segment.Text(3, 1), segment.Text(3, 2), null, null, null, null, null, null);
            }
            else if (current is null)
            {
                continue;
            }
            else if (segment.IsTag("ATT"u8))
            {
                current = current with { Sex = segment.Text(2) };
            }
            else if (segment.IsTag("DTM"u8) && qualifier == "329")
            {
                current = current with { DateOfBirth = segment.Text(0, 1) };
            }
            else if (segment.IsTag("DTM"u8) && qualifier == "36")
            {
                current = current with { Expiry = segment.Text(0, 1) };
            }
            else if (segment.IsTag("NAT"u8))
            {
                current = current with { Nationality = segment.Text(1) };
            }
            else if (segment.IsTag("DOC"u8))
            {
                current = current with { DocumentNumber = segment.Text(1) };
            }
            else if (segment.IsTag("RFF"u8) && qualifier == "AVF")
            {
                current = current with { RecordLocator = segment.Text(0, 1) };
            }
        }

        if (current is not null)
        {
            people.Add(current);
        }

        return people;
    }

    /// <summary>Every component of every element of every segment, read as text, to make sure none throws.</summary>
    public static int WalkEverything(ReadOnlySpan<byte> data)
    {
        var components = 0;
        var reader = new EdifactReader(data);
        while (reader.Read())
        {
            foreach (var element in reader.Segment.Elements)
            {
                for (var r = 0; r < element.RepetitionCount; r++)
                {
                    var repetition = element.Repetition(r);
                    for (var c = 0; c < repetition.ComponentCount; c++)
                    {
                        _ = repetition.Component(c).ToString();
                        components++;
                    }
                }
            }
        }

        return components;
    }
}
