using Vigil.Tests;
using System.Text;
using Vigil.Travel.Model;
using Vigil.Travel.PnrgovXml;

namespace Vigil.Travel.Tests.PnrgovXml;

/// <summary>Seeded truncations and byte damage of the samples: findings and lost PNRs, never an exception.</summary>
public class PnrgovXmlFuzzTests
{
    private static readonly byte[] Noise = "<>/=\"' \n&;:?!-PNR"u8.ToArray();

    public static TheoryData<string> Samples => [.. XmlSamples.Names];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_truncation_maps_without_throwing_and_yields_no_more_bookings_than_the_whole(string name)
    {
        var data = XmlSamples.Bytes(name);
        var whole = Map(name, data).Bookings.Count;
        var step = data.Length > 3000 ? 7 : 1;
        var lastEndTag = data.AsSpan().LastIndexOf("</"u8);
        for (var length = 0; length <= data.Length; length += step)
        {
            var push = Map(name, data.AsMemory(0, length).ToArray());
            Assert.True(push.Bookings.Count <= whole, $"{name} cut at {length} yields {push.Bookings.Count} bookings, more than {whole}");
            if (length <= lastEndTag)
            {
                Assert.NotEmpty(push.Errors);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Random_damage_never_throws_and_every_error_has_a_line(string name)
    {
        var data = XmlSamples.Bytes(name);
        var random = new Random(name.Length * 7919);
        for (var round = 0; round < 300; round++)
        {
            var push = Map(name, Mutations.Mutate(data, random, Noise));
            Assert.All(push.Errors, e => Assert.True(e.Line >= 1 && e.Offset >= 0, e.ToString()));
        }
    }

    private static BookingPush Map(string name, byte[] input)
    {
        BookingPush? push = null;
        var failure = Record.Exception(() => push = PnrgovXmlMapper.Read(input, XmlSamples.Today));
        Assert.True(failure is null, $"{name}: {failure}\n{Encoding.UTF8.GetString(input)}");
        return push!;
    }
}
