using System.Text.Json;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

namespace Vigil.Travel.Tests.Synthetic;

/// <summary>The PNRGOV mapper, through the file reader, finds every booking and traveler the generator wrote, and no sensitive code.</summary>
public class PnrgovGeneratedMappingTests
{
    private static readonly string[] SensitiveCodes = [.. PnrgovBookingPlanner.SensitiveMeals, PnrgovBookingPlanner.Wheelchair];

    private static readonly List<GeneratedPush> Pushes = new PnrgovGenerator(20250314).Generate(24).ToList();

    public static TheoryData<int> PushIndexes() => new(Enumerable.Range(0, Pushes.Count));

    [Theory]
    [MemberData(nameof(PushIndexes))]
    public void Every_generated_booking_and_traveler_is_read(int index)
    {
        var push = Pushes[index];

        var mapped = Read(push);

        Assert.Equal(push.Kind, mapped.Kind);
        Assert.Equal(push.Bookings.Count, mapped.DeclaredBookings);
        Assert.Equal(push.Bookings.Count, mapped.Bookings.Count);
        for (var b = 0; b < push.Bookings.Count; b++)
        {
            var expected = push.Bookings[b];
            var booking = mapped.Bookings[b];
            Assert.Equal(expected.RecordLocator, booking.RecordLocator);
            Assert.Equal(expected.Cancelled, booking.Cancelled);
            Assert.Equal(expected.Travelers.Count, booking.Travelers.Count);
            foreach (var traveler in expected.Travelers)
            {
                var read = Assert.Single(booking.Travelers, t => t.ReferenceNumber == traveler.Reference);
                var where = $"{expected.RecordLocator} traveler {traveler.Reference} ({traveler.TifGivenName} {traveler.Surname})";
                Assert.True(traveler.Surname == read.Surname, $"{where}: surname {read.Surname}");
                Assert.True(read.GivenNames is not null && read.GivenNames.StartsWith(traveler.GivenName, StringComparison.Ordinal), $"{where}: given names {read.GivenNames}");
                Assert.True(ExpectedTitle(traveler) == read.Title, $"{where}: title {read.Title}");
                Assert.True(traveler.IsInfant == (read.Role == TravelerRole.Infant), $"{where}: role {read.Role}");
                Assert.True(traveler.AccompaniedBy == read.AccompaniedBy, $"{where}: accompanied by {read.AccompaniedBy}");
                if (traveler.HasDocs)
                {
                    Assert.True(traveler.DateOfBirth == read.DateOfBirth, $"{where}: date of birth {read.DateOfBirth}");
                    Assert.True(read.Documents.Any(d => d.Number == traveler.DocumentNumber), $"{where}: no document {traveler.DocumentNumber}");
                }
                else
                {
                    // A visa (DOCO) may still be there.
                    Assert.True(read.Documents.All(d => d.Type == "V"), $"{where}: documents without DOCS: {string.Join(", ", read.Documents)}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(PushIndexes))]
    public void No_sensitive_code_survives_mapping_and_every_one_is_counted(int index)
    {
        var push = Pushes[index];

        var mapped = Read(push);
        var json = JsonSerializer.Serialize(mapped);

        foreach (var code in SensitiveCodes)
        {
            Assert.DoesNotContain(code, json, StringComparison.Ordinal);
        }

        for (var b = 0; b < push.Bookings.Count; b++)
        {
            Assert.Equal(push.Bookings[b].SensitivePlacements, mapped.Bookings[b].RemovedSensitive.Sum(r => r.Count));
        }
    }

    [Fact]
    public void The_runs_place_sensitive_codes_to_remove() =>
        Assert.True(Pushes.Sum(p => p.SensitivePlacements) > 50);

    /// <summary>
    /// MS and DR glued to a given name stay part of it: real names end with those letters (WILLIAMS, ALEKSANDR), so
    /// the mapper removes only the glued titles no given name ends with.
    /// </summary>
    private static string? ExpectedTitle(GeneratedPnrTraveler traveler) =>
        traveler.TitleGlued && traveler.Title is "MS" or "DR" ? null : traveler.Title;

    private static BookingPush Read(GeneratedPush push)
    {
        var file = TravelFileReader.Read(push.Content, DateOnly.FromDateTime(push.Flight.Legs[0].DepartureLocal));
        Assert.Empty(file.Diagnostics);
        return Assert.IsType<BookingPush>(Assert.Single(file.Messages));
    }
}
