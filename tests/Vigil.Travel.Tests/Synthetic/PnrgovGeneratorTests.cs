using System.Text;
using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

namespace Vigil.Travel.Tests.Synthetic;

public class PnrgovGeneratorTests
{
    private const int Seed = 20250314;

    private static readonly string[] SensitiveCodes = [.. PnrgovBookingPlanner.SensitiveMeals, PnrgovBookingPlanner.Wheelchair];

    private static readonly List<GeneratedPush> Pushes = new PnrgovGenerator(Seed).Generate(30).ToList();

    [Fact]
    public void Same_seed_writes_the_same_bytes()
    {
        var again = new PnrgovGenerator(Seed).Generate(30).ToList();

        Assert.Equal(Pushes.Count, again.Count);
        for (var i = 0; i < Pushes.Count; i++)
        {
            Assert.Equal(Pushes[i].FileName, again[i].FileName);
            Assert.Equal(Pushes[i].Content, again[i].Content);
        }
    }

    [Fact]
    public void Another_seed_writes_other_bytes()
    {
        var other = new PnrgovGenerator(Seed + 1).Generate(5).ToList();

        for (var i = 0; i < other.Count; i++)
        {
            Assert.NotEqual(Pushes[i].Content, other[i].Content);
        }
    }

    [Fact]
    public void A_push_does_not_depend_on_the_pushes_before_it() =>
        Assert.Equal(Pushes[17].Content, new PnrgovGenerator(Seed).GenerateFile(18).Content);

    [Fact]
    public void Every_push_reads_without_a_single_diagnostic()
    {
        foreach (var push in Pushes)
        {
            var file = EdifactFile.Read(push.Content);

            Assert.Empty(file.Diagnostics);
            var message = Assert.Single(file.Messages);
            Assert.Empty(message.Diagnostics);
            Assert.True(message.Terminated);
            Assert.Equal("PNRGOV", message.Type);
            Assert.Equal("13:1", message.VersionRelease);
            Assert.Equal("IATA", file.Interchanges[0].SyntaxIdentifier);
            Assert.Equal("PNRGOV", Assert.Single(file.Interchanges[0].Groups).GroupId);
            Assert.Equal(push.Flight.CommonAccessReference, message.CommonAccessReference);
            Assert.Equal(new MessagePart(1, true), message.Part);
        }
    }

    [Fact]
    public void Unt_counts_segments_from_unh_to_unt_and_eqn_counts_the_pnrs()
    {
        foreach (var push in Pushes)
        {
            var message = EdifactFile.Read(push.Content).Messages[0];
            var (declared, pnrs) = PnrgovReadBack.Read(message, SensitiveCodes);

            Assert.Equal(push.MessageSegmentCount, PnrgovReadBack.UntCount(push.Content));
            Assert.Equal(push.MessageSegmentCount, message.SegmentCount);
            Assert.Equal(push.Bookings.Count, declared);
            Assert.Equal(push.Bookings.Count, pnrs.Count);
        }
    }

    [Fact]
    public void Asked_for_booking_count_is_exact()
    {
        var push = new PnrgovGenerator(5).GenerateFile(1, bookings: 100);

        var (declared, pnrs) = PnrgovReadBack.Read(EdifactFile.Read(push.Content).Messages[0], SensitiveCodes);

        Assert.Equal(100, push.Bookings.Count);
        Assert.Equal(100, declared);
        Assert.Equal(100, pnrs.Count);
    }

    [Fact]
    public void Segments_carry_the_generated_bookings_and_travelers()
    {
        foreach (var push in Pushes)
        {
            var (_, pnrs) = PnrgovReadBack.Read(EdifactFile.Read(push.Content).Messages[0], SensitiveCodes);
            for (var b = 0; b < pnrs.Count; b++)
            {
                var expected = push.Bookings[b];
                var read = pnrs[b];
                Assert.Equal(expected.RecordLocator, read.Locator);
                Assert.Equal(expected.Cancelled, read.EmptyOrg);
                Assert.Equal(expected.SensitivePlacements, read.SensitiveSsrs.Count);
                Assert.Equal(expected.Travelers.Count, read.Travelers.Count);
                foreach (var traveler in expected.Travelers)
                {
                    var tif = Assert.Single(read.Travelers, t => t.Reference == traveler.Reference);
                    Assert.Equal(traveler.Surname, tif.Surname);
                    Assert.Equal(traveler.TifGivenName, tif.Given);
                    Assert.Equal(traveler.Type, tif.Type);
                }

                foreach (var adult in expected.Travelers.Where(t => !t.IsInfant))
                {
                    var docs = read.Travelers.Single(t => t.Reference == adult.Reference).DocsTexts;
                    var infant = expected.Travelers.FirstOrDefault(t => t.Reference == adult.InfantReference);
                    var expectedDocs = (adult.HasDocs ? 1 : 0) + (infant?.HasDocs == true ? 1 : 0);
                    Assert.Equal(expectedDocs, docs.Count);
                    if (adult.HasDocs)
                    {
                        Assert.Contains("/" + adult.DocumentNumber + "/", docs[0], StringComparison.Ordinal);
                        Assert.Contains("/" + PnrgovText.SsrDate(adult.DateOfBirth) + "/", docs[0], StringComparison.Ordinal);
                    }

                    if (infant?.HasDocs == true)
                    {
                        Assert.Contains("/" + infant.DocumentNumber + "/", docs[^1], StringComparison.Ordinal);
                        Assert.Contains(infant.Person.Sex == 'F' ? "/FI/" : "/MI/", docs[^1], StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    [Fact]
    public void Runs_meet_every_feature_the_parser_must_handle()
    {
        var bookings = Pushes.SelectMany(p => p.Bookings).ToList();
        var travelers = bookings.SelectMany(b => b.Travelers).ToList();
        var text = string.Concat(Pushes.Select(p => Encoding.UTF8.GetString(p.Content)));

        Assert.Contains(Pushes, p => p.Kind == PushKind.Update);
        Assert.All(Pushes.Where(p => p.Kind == PushKind.Update), p => Assert.Contains(p.Bookings, b => b.Cancelled));
        Assert.Contains(Pushes, p => !p.WritesServiceStringAdvice);
        Assert.Contains(travelers, t => t.IsInfant);
        Assert.Contains(travelers, t => t.Type == "C");
        Assert.Contains(travelers, t => !t.HasDocs);
        Assert.Contains(travelers, t => t.AlphaTwoCodes);
        Assert.Contains(travelers, t => t.TitleGlued && t.Title is not null);
        Assert.Contains(travelers, t => !t.TitleGlued && t.Title is not null);
        Assert.Contains(travelers, t => t.Email is not null && t.Email.Any(char.IsAsciiLetterLower));
        Assert.Contains(travelers, t => t.BagTag is not null);
        Assert.Contains(bookings, b => b.SplitLocator is not null);
        Assert.Contains(bookings, b => b.HistorySensitiveCode is not null);
        Assert.Contains(bookings, b => b.Itinerary.Any(l => l.OperatingCarrier is not null));
        Assert.Contains(bookings, b => b.Itinerary.Count == 3 || b.Itinerary.Count == 2);
        Assert.Contains(bookings, b => b.Agency.Type == "T");
        Assert.Contains(bookings, b => b.Agency.Type == "A");
        foreach (var code in SensitiveCodes)
        {
            Assert.Contains(travelers, t => t.SensitiveCodes.Contains(code));
        }

        foreach (var tag in new[] { "DOCO", "DOCA", "CTCE", "CTCM", "INFT", "SEAT", "TRA+", "TRI+", "SSD+", "TBD+", "ABI+", "SAC+", "FTI+", "FOP+CC", "FOP+CA", "IFT+4:28", "ADD++700" })
        {
            Assert.Contains(tag, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_traveler_of_a_live_booking_has_a_reference_and_infants_ride_on_an_adult()
    {
        foreach (var booking in Pushes.SelectMany(p => p.Bookings).Where(b => !b.Cancelled))
        {
            Assert.NotEmpty(booking.Travelers);
            Assert.Equal(booking.Travelers.Count, booking.Travelers.Select(t => t.Reference).Distinct().Count());
            foreach (var infant in booking.Travelers.Where(t => t.IsInfant))
            {
                var adult = Assert.Single(booking.Travelers, t => t.Reference == infant.AccompaniedBy);
                Assert.Equal("A", adult.Type);
                Assert.Equal(infant.Reference, adult.InfantReference);
            }

            Assert.Single(booking.Itinerary, l => l.IsPushedFlight);
        }
    }

    [Fact]
    public void Names_with_apostrophes_are_escaped_and_read_back_whole()
    {
        var checkedNames = 0;
        foreach (var push in Pushes)
        {
            var text = Encoding.UTF8.GetString(push.Content);
            var (_, pnrs) = PnrgovReadBack.Read(EdifactFile.Read(push.Content).Messages[0], SensitiveCodes);
            foreach (var (booking, read) in push.Bookings.Zip(pnrs))
            {
                foreach (var traveler in booking.Travelers.Where(t => t.Surname.Contains('\'', StringComparison.Ordinal)))
                {
                    Assert.Contains("TIF+" + traveler.Surname.Replace("'", "?'", StringComparison.Ordinal) + "+", text, StringComparison.Ordinal);
                    Assert.Contains(read.Travelers, t => t.Surname == traveler.Surname);
                    checkedNames++;
                }
            }
        }

        Assert.True(checkedNames > 10, $"only {checkedNames} names with an apostrophe");
    }

    [Fact]
    public void Plus_signs_in_email_addresses_are_released()
    {
        var tagged = Pushes.SelectMany(p => p.Travelers).Where(t => t.Email?.Contains('+', StringComparison.Ordinal) == true).ToList();
        var text = string.Concat(Pushes.Select(p => Encoding.UTF8.GetString(p.Content)));

        Assert.NotEmpty(tagged);
        Assert.All(tagged, t => Assert.Contains(t.Email!.Replace("+", "?+", StringComparison.Ordinal), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Pushes_hold_only_ascii() =>
        Assert.All(Pushes, p => Assert.DoesNotContain(p.Content, b => b > 127));

    [Fact]
    public void Every_component_of_every_push_reads_as_text() =>
        Assert.All(Pushes, p => Assert.True(ReadBack.WalkEverything(p.Content) > p.Bookings.Count * 10));
}
