using System.Globalization;
using System.Text;
using Vigil.Edifact;
using Vigil.Travel.Synthetic;

namespace Vigil.Travel.Tests.Synthetic;

public class PaxlstGeneratorTests
{
    private static readonly List<GeneratedFile> Files = new PaxlstGenerator(20250314).Generate(60).ToList();

    public static TheoryData<string> LayoutNames()
    {
        var names = new TheoryData<string>();
        foreach (var layout in PaxlstLayout.All)
        {
            names.Add(layout.Name);
            names.Add(layout.WithUtf8().Name);
        }

        return names;
    }

    [Fact]
    public void Same_seed_writes_the_same_bytes()
    {
        var again = new PaxlstGenerator(20250314).Generate(60).ToList();

        Assert.Equal(Files.Count, again.Count);
        for (var i = 0; i < Files.Count; i++)
        {
            Assert.Equal(Files[i].FileName, again[i].FileName);
            Assert.Equal(Files[i].Content, again[i].Content);
        }
    }

    [Fact]
    public void Another_seed_writes_other_bytes()
    {
        var other = new PaxlstGenerator(20250315).Generate(5).ToList();

        for (var i = 0; i < other.Count; i++)
        {
            Assert.NotEqual(Files[i].Content, other[i].Content);
        }
    }

    [Fact]
    public void A_file_does_not_depend_on_the_files_before_it() =>
        Assert.Equal(Files[41].Content, new PaxlstGenerator(20250314).GenerateFile(42).Content);

    [Fact]
    public void Runs_meet_unusual_layouts_repertoires_crew_lists_and_progressive_flights()
    {
        Assert.True(Files.Select(f => f.Layout.Name).Distinct().Count() >= 6);
        Assert.Contains(Files, f => f.Layout.KeepsDiacritics);
        Assert.Contains(Files, f => f.IsCrewList);
        Assert.Contains(Files, f => f.Flight.Legs.Count > 1);
        Assert.All(Files.Where(f => !f.IsCrewList), f => Assert.InRange(f.Travelers.Count, 100, 300));
    }

    [Fact]
    public void Every_file_reads_without_a_single_diagnostic()
    {
        foreach (var generated in Files)
        {
            var file = EdifactFile.Read(generated.Content);

            Assert.Empty(file.Diagnostics);
            var message = Assert.Single(file.Messages);
            Assert.Empty(message.Diagnostics);
            Assert.True(message.Terminated);
            Assert.Equal("PAXLST", message.Type);
            Assert.Equal(generated.Flight.CommonAccessReference, message.CommonAccessReference);
            Assert.Equal(new MessagePart(1, true), message.Part);
        }
    }

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void Every_layout_reads_cleanly_and_counts_right(string layoutName)
    {
        var layout = PaxlstLayout.All.Select(l => l.Name == layoutName ? l : l.WithUtf8()).First(l => l.Name == layoutName);
        var generated = new PaxlstGenerator(7).GenerateFile(3, passengers: 40, layout: layout, crewList: false);

        var file = EdifactFile.Read(generated.Content);

        Assert.Empty(file.Diagnostics);
        var message = Assert.Single(file.Messages);
        Assert.Empty(message.Diagnostics);
        Assert.Equal(generated.MessageSegmentCount, message.SegmentCount);
        Assert.Equal(layout.Service.Element, file.Interchanges[0].Service.Element);
        Assert.Equal(layout.Service.Terminator, file.Interchanges[0].Service.Terminator);
        Assert.Equal(layout.SyntaxIdentifier, file.Interchanges[0].SyntaxIdentifier);
        AssertPeopleMatch(generated, message);
    }

    [Fact]
    public void Unt_counts_segments_from_unh_to_unt()
    {
        foreach (var generated in Files)
        {
            var message = EdifactFile.Read(generated.Content).Messages[0];
            var reader = new EdifactReader(generated.Content);
            var declared = -1;
            while (reader.Read())
            {
                if (reader.Segment.IsTag("UNT"u8))
                {
                    declared = int.Parse(reader.Segment.Text(0)!, CultureInfo.InvariantCulture);
                }
            }

            Assert.Equal(generated.MessageSegmentCount, declared);
            Assert.Equal(declared, message.SegmentCount);
        }
    }

    [Fact]
    public void Segments_carry_the_generated_travelers()
    {
        foreach (var generated in Files)
        {
            AssertPeopleMatch(generated, EdifactFile.Read(generated.Content).Messages[0]);
        }
    }

    [Fact]
    public void Control_total_matches_the_people_listed()
    {
        foreach (var generated in Files)
        {
            var text = Encoding.UTF8.GetString(generated.Content);
            var qualifier = generated.IsCrewList ? "41" : "42";
            Assert.Contains($"CNT{generated.Layout.Service.Element}{qualifier}:{generated.Travelers.Count}{generated.Layout.Service.Terminator}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_traveler_holds_a_passport_whose_MRZ_checks()
    {
        foreach (var traveler in Files.SelectMany(f => f.Travelers))
        {
            Assert.Empty(traveler.Mrz.FailedChecks());
            Assert.Equal(traveler.DocumentNumber, traveler.Mrz.DocumentNumber);
            Assert.Equal(traveler.Nationality, traveler.Mrz.Nationality);
            Assert.Equal(traveler.DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture), traveler.Mrz.DateOfBirth);
            Assert.Equal(traveler.DocumentExpiry.ToString("yyMMdd", CultureInfo.InvariantCulture), traveler.Mrz.Expiry);
            Assert.True(traveler.DocumentIssued > traveler.DateOfBirth);
        }
    }

    [Fact]
    public void Documents_are_valid_on_the_day_of_travel()
    {
        foreach (var generated in Files)
        {
            var travelDate = DateOnly.FromDateTime(generated.Flight.Legs[0].DepartureLocal);
            Assert.All(generated.Travelers, t => Assert.InRange(travelDate, t.DocumentIssued, t.DocumentExpiry));
        }
    }

    [Fact]
    public void Names_come_from_many_traditions_and_spellings()
    {
        var surnames = Files.SelectMany(f => f.Travelers).Select(t => t.Surname).ToHashSet();
        var given = Files.SelectMany(f => f.Travelers).Select(t => t.GivenName).ToHashSet();

        Assert.Contains(given, g => g is "MOHAMMED" or "MUHAMMAD" or "MOHAMED");
        Assert.Contains(surnames, s => s.StartsWith("AL-", StringComparison.Ordinal) || s.StartsWith("EL-", StringComparison.Ordinal));
        Assert.Contains(surnames, s => s.Contains('\'', StringComparison.Ordinal));
        Assert.Contains(surnames, s => s.Contains('-', StringComparison.Ordinal));
        Assert.Contains(surnames, s => s.Any(c => c > 127));
        Assert.True(surnames.Count > 100);
    }

    [Fact]
    public void Seven_bit_files_hold_only_ascii()
    {
        foreach (var generated in Files.Where(f => !f.Layout.KeepsDiacritics))
        {
            Assert.DoesNotContain(generated.Content, b => b > 127);
        }
    }

    [Fact]
    public void Names_with_service_characters_are_escaped()
    {
        var generated = Files.Concat(PaxlstLayout.All.Select(l => new PaxlstGenerator(11).GenerateFile(1, 300, l, crewList: false)));
        var checkedNames = 0;
        foreach (var file in generated)
        {
            var service = file.Layout.Service;
            var text = Encoding.UTF8.GetString(file.Content);
            foreach (var traveler in file.Travelers.Where(t => t.Surname.Contains('\'', StringComparison.Ordinal) || t.Surname.Contains('-', StringComparison.Ordinal)))
            {
                var escaped = new StringBuilder();
                foreach (var c in traveler.Surname)
                {
                    if (c.ToString() == service.Element.ToString() || c.ToString() == service.Terminator.ToString())
                    {
                        escaped.Append(service.Release.ToString());
                    }

                    escaped.Append(c);
                }

                Assert.Contains(escaped.ToString(), text, StringComparison.Ordinal);
                checkedNames++;
            }
        }

        Assert.True(checkedNames > 20);
    }

    [Fact]
    public void Every_component_of_every_file_reads_as_text() =>
        Assert.All(Files, f => Assert.True(ReadBack.WalkEverything(f.Content) > f.Travelers.Count * 20));

    [Fact]
    public void Crew_lists_name_crew_and_count_them_with_41()
    {
        var crew = new PaxlstGenerator(3).GenerateFile(1, passengers: 12, crewList: true);

        var message = EdifactFile.Read(crew.Content).Messages[0];

        Assert.Equal(12, crew.Travelers.Count);
        Assert.All(ReadBack.People(message), p => Assert.Equal("FM", p.Party));
        Assert.Contains("BGM+250", Encoding.UTF8.GetString(crew.Content).Replace(crew.Layout.Service.Element.ToString(), "+", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmark_sized_interchange_has_exactly_the_passengers_asked_for()
    {
        var content = new PaxlstGenerator(1).GenerateInterchange(500, PaxlstLayout.Standard);

        var people = ReadBack.People(EdifactFile.Read(content).Messages[0]);

        Assert.Equal(500, people.Count);
    }

    private static void AssertPeopleMatch(GeneratedFile generated, EdifactMessage message)
    {
        var people = ReadBack.People(message);
        Assert.Equal(generated.Travelers.Count, people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var expected = generated.Travelers[i];
            var read = people[i];
            Assert.Equal(expected.IsCrew ? "FM" : "FL", read.Party);
            Assert.Equal(expected.Surname, read.Surname);
            Assert.Equal(expected.GivenName, read.Given);
            Assert.Equal(expected.MiddleName, read.Middle);
            Assert.Equal(expected.Sex.ToString(), read.Sex);
            Assert.Equal(expected.DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture), read.DateOfBirth);
            Assert.Equal(expected.Nationality, read.Nationality);
            Assert.Equal(expected.DocumentNumber, read.DocumentNumber);
            Assert.Equal(expected.DocumentExpiry.ToString("yyMMdd", CultureInfo.InvariantCulture), read.Expiry);
            Assert.Equal(expected.RecordLocator, read.RecordLocator);
        }
    }
}
