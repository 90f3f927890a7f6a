using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

namespace Vigil.Travel.Tests.Synthetic;

/// <summary>The PAXLST mapper reads back every synthetic traveler, in every layout the generator writes.</summary>
public class GeneratedListMappingTests
{
    [Fact]
    public void Mapper_reads_every_generated_traveler()
    {
        foreach (var generated in new PaxlstGenerator(99).Generate(25))
        {
            var file = TravelFileReader.Read(generated.Content, new DateOnly(2025, 3, 14));

            var list = Assert.IsType<PassengerList>(Assert.Single(file.Messages));
            Assert.DoesNotContain(list.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(generated.Travelers.Count, list.Travelers.Count);
            for (var i = 0; i < list.Travelers.Count; i++)
            {
                var expected = generated.Travelers[i];
                var mapped = list.Travelers[i];
                Assert.Equal(expected.Surname, mapped.Surname);
                Assert.Equal(expected.DateOfBirth, mapped.DateOfBirth);
                Assert.Equal(expected.Nationality, mapped.Nationality);
                Assert.Equal(expected.DocumentNumber, Assert.Single(mapped.Documents).Number);
                Assert.Equal(expected.DocumentExpiry, mapped.Documents[0].Expiry);
            }
        }
    }
}
