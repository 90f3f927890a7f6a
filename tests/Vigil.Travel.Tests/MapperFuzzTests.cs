using System.Text;
using Vigil.Tests;
using Vigil.Travel.Model;

namespace Vigil.Travel.Tests;

/// <summary>Damaged API and PNR messages cost findings and travelers, never an exception out of the mappers.</summary>
public class MapperFuzzTests
{
    private static readonly Lazy<(string Folder, string Name, byte[] Data, int Travelers)[]> Samples = new(() =>
        [.. ((string[])["paxlst", "pnrgov"]).SelectMany(folder => SharedData.Files(Path.Combine("data", "messages", folder)).Select(path =>
        {
            var data = File.ReadAllBytes(path);
            return (folder, Path.GetFileName(path), data, Travelers(TravelFileReader.Read(data)));
        }))]);

    private static readonly byte[] Noise = "'+:?* \r\n$-\\"u8.ToArray();

    [Fact]
    public void Every_truncation_of_the_small_samples_maps_to_no_more_travelers_than_the_whole()
    {
        foreach (var (folder, name, data, whole) in Samples.Value.Where(s => s.Data.Length < 2000))
        {
            // A PNR cut inside its infant's TIF can show that infant twice: once half-named by the TIF, once
            // from the adult's SSR INFT. No cut may add more than that one.
            var limit = folder == "pnrgov" ? whole + 1 : whole;
            for (var length = 0; length <= data.Length; length++)
            {
                var file = Map(name, data.AsMemory(0, length).ToArray());
                Assert.True(Travelers(file) <= limit, $"{name} cut at {length} yields {Travelers(file)} travelers, more than {limit}");
            }
        }
    }

    [Fact]
    public void Random_mutations_never_throw_out_of_the_mapper()
    {
        var random = new Random(2396);
        foreach (var (_, name, data, _) in Samples.Value)
        {
            var rounds = data.Length > 20_000 ? 20 : 200;
            for (var i = 0; i < rounds; i++)
            {
                Map(name, Mutations.Mutate(data, random, Noise));
            }
        }
    }

    private static TravelFile Map(string name, byte[] input)
    {
        TravelFile? file = null;
        var failure = Record.Exception(() => file = TravelFileReader.Read(input));
        Assert.True(failure is null, $"{name}: {failure}\n{Encoding.Latin1.GetString(input)}");
        return file!;
    }

    private static int Travelers(TravelFile file) =>
        file.Messages.OfType<PassengerList>().Sum(l => l.Travelers.Count) + file.Messages.OfType<BookingPush>().Sum(p => p.Travelers.Count());
}
