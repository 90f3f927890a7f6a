namespace Vigil.Tests;

/// <summary>Damages valid input the way transmission and hand edits do: flipped, inserted, deleted and repeated bytes.</summary>
internal static class Mutations
{
    /// <summary>One to five edits of <paramref name="data"/>; <paramref name="noise"/> holds the format's significant bytes.</summary>
    public static byte[] Mutate(byte[] data, Random random, byte[] noise)
    {
        var bytes = new List<byte>(data);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] = noise[random.Next(noise.Length)];
                    break;
                case 2:
                    bytes.Insert(at, noise[random.Next(noise.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
                default:
                    var length = Math.Min(random.Next(1, 60), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
