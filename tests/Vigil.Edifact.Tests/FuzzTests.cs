using System.Text;
using CsCheck;
using Vigil.Tests;

namespace Vigil.Edifact.Tests;

/// <summary>Damaged input yields findings, never exceptions, from every entry point a mapper uses.</summary>
public class FuzzTests
{
    private static readonly Lazy<(string Name, byte[] Data)[]> Samples = new(() =>
        [.. SampleFileTests.SampleNames().Select(s => (s.Name, File.ReadAllBytes(SharedData.PathOf("data", "messages", s.Folder, s.Name))))]);

    private static readonly byte[][] Noise =
    [
        "'"u8.ToArray(), "+"u8.ToArray(), ":"u8.ToArray(), "?"u8.ToArray(), "*"u8.ToArray(), "\\"u8.ToArray(),
        "$"u8.ToArray(), "-"u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), " "u8.ToArray(),
        "UNA"u8.ToArray(), "UNA:+.? '"u8.ToArray(), "UNA:*.? $"u8.ToArray(), "UNA:+\\*'"u8.ToArray(),
        "UNB+"u8.ToArray(), "UNB+UNOW:4+S'"u8.ToArray(), "UNB+XXXX:4'"u8.ToArray(), "UNG+"u8.ToArray(), "UNH+"u8.ToArray(),
        "UNH+1+PAXLST:D:05B:UN+X+02:F'"u8.ToArray(), "UNT+"u8.ToArray(), "UNE+"u8.ToArray(), "UNZ+"u8.ToArray(),
        "UNZ+1+1'"u8.ToArray(), "\u2019"u8.ToArray(), [0xE2, 0x80], [0xC3], [0xFF], [0x00], [0x92],
    ];

    [Fact]
    public void Every_truncation_of_the_smallest_samples_is_read_without_exception()
    {
        foreach (var (_, data) in Samples.Value.Where(s => s.Data.Length < 1000))
        {
            for (var length = 0; length <= data.Length; length++)
            {
                Exercise(data.AsMemory(0, length));
            }
        }
    }

    [Fact]
    public void Random_truncations_of_large_samples_are_read_without_exception()
    {
        var random = new Random(9735);
        foreach (var (_, data) in Samples.Value.Where(s => s.Data.Length >= 1000))
        {
            for (var i = 0; i < 8; i++)
            {
                Exercise(data.AsMemory(0, random.Next(data.Length)));
            }
        }
    }

    [Fact]
    public void Random_mutations_of_samples_are_read_without_exception()
    {
        var random = new Random(681);
        foreach (var (name, data) in Samples.Value)
        {
            var rounds = data.Length > 20_000 ? 6 : 60;
            for (var i = 0; i < rounds; i++)
            {
                var mutant = Mutate(data, random);
                var failure = Record.Exception(() => Exercise(mutant));
                Assert.True(failure is null, $"{name} mutant {i}: {failure}\n{Encoding.Latin1.GetString(mutant)}");
            }
        }
    }

    [Fact]
    public void Sequences_of_edifact_fragments_are_read_without_exception() =>
        Gen.OneOf(Noise).Array[0, 40]
            .Select(parts => parts.SelectMany(p => p).ToArray())
            .Sample(data => Exercise(data), iter: 6000, print: data => Convert.ToHexString(data));

    private static byte[] Mutate(byte[] data, Random random)
    {
        var bytes = new List<byte>(data);
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, Noise[random.Next(Noise.Length)]);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 40)));
                    break;
                case 3:
                    SwapEverywhere(bytes, Noise[random.Next(12)][0], Noise[random.Next(12)][0]);
                    break;
                default:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
            }
        }

        return [.. bytes];
    }

    private static void SwapEverywhere(List<byte> bytes, byte a, byte b)
    {
        for (var i = 0; i < bytes.Count; i++)
        {
            bytes[i] = bytes[i] == a ? b : bytes[i] == b ? a : bytes[i];
        }
    }

    /// <summary>Touches everything a consumer can: envelopes, bodies, every element, repetition and component.</summary>
    private static void Exercise(ReadOnlyMemory<byte> data)
    {
        var file = EdifactFile.Read(data);
        foreach (var message in file.Messages)
        {
            var body = message.OpenBody();
            while (body.Read())
            {
                Touch(body.Segment);
            }

            _ = message.VersionRelease;
            _ = message.Interchange.PreparationDateValue;
        }

        _ = string.Join('\n', Edi.AllDiagnostics(file));

        var reader = new EdifactReader(data.Span, []);
        while (reader.Read())
        {
            Touch(reader.Segment);
        }
    }

    private static void Touch(EdifactSegment segment)
    {
        _ = Edi.Copy(segment);
        _ = segment.ToString();
        _ = segment.ElementCount;
        _ = segment.Text(3, 2);
        foreach (var element in segment.Elements)
        {
            _ = element.ToString();
            _ = element.Component(0).TryGetInt32(out _);
            _ = element.Component(0).TextOrNull();
        }
    }
}
