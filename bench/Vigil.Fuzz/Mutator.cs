using System.Text;

namespace Vigil.Fuzz;

/// <summary>
/// Breaks valid EDIFACT the ways transmission and hand-editing break it: cut short, bytes flipped, separators
/// swapped, bytes inserted or deleted, segments duplicated or spliced in from another message.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> corpus)
{
    // Bytes that change how a tokenizer reads: service characters of every layout, whitespace, escapes, high bytes.
    private static readonly byte[] Interesting = "'+:?*$-\\.,\r\n \0"u8.ToArray().Concat(new byte[] { 0x7F, 0x80, 0xC3, 0xE2, 0xFF }).ToArray();
    private static readonly byte[][] Fragments =
    [
        "UNA"u8.ToArray(), "UNA:+.? '"u8.ToArray(), "UNB+UNOA:4+"u8.ToArray(), "UNH+1+PAXLST:D:05B:UN:IATA'"u8.ToArray(),
        "UNT+999999999999+1'"u8.ToArray(), "UNZ'"u8.ToArray(), "NAD+FL+++"u8.ToArray(), "DTM+329:991399'"u8.ToArray(),
        "DOC+P:110:111+'"u8.ToArray(), "CNT+42:-1'"u8.ToArray(), "?"u8.ToArray(), "’"u8.ToArray(), "UNB+UNOW:4+"u8.ToArray(),
        "LOC+92+'DTM+189:9913322561:201'"u8.ToArray(), "UNH+2+PAXLST:D:05B:UN:IATA+X/1/2+02:C'"u8.ToArray(),
    ];

    public byte[] Mutate(byte[] input)
    {
        var data = new List<byte>(input);
        var rounds = 1 + random.Next(random.Next(4) == 0 ? 8 : 3);
        for (var i = 0; i < rounds; i++)
        {
            Apply(data);
        }

        return [.. data];
    }

    private void Apply(List<byte> data)
    {
        if (data.Count == 0)
        {
            data.AddRange(Fragments[random.Next(Fragments.Length)]);
            return;
        }

        switch (random.Next(9))
        {
            case 0: // truncation
                var keep = random.Next(data.Count);
                data.RemoveRange(keep, data.Count - keep);
                break;
            case 1: // bit flip
                var at = random.Next(data.Count);
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 2: // byte replaced by a service character or a troublesome byte
                data[random.Next(data.Count)] = Interesting[random.Next(Interesting.Length)];
                break;
            case 3:
                SwapSeparators(data);
                break;
            case 4: // inserted bytes
                var insert = random.Next(3) == 0
                    ? Fragments[random.Next(Fragments.Length)]
                    : Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Interesting[random.Next(Interesting.Length)]).ToArray();
                data.InsertRange(random.Next(data.Count + 1), insert);
                break;
            case 5: // deleted bytes
                var start = random.Next(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(16)));
                break;
            case 6:
                DuplicateSegment(data);
                break;
            case 7: // splice a piece of another message
                var other = corpus[random.Next(corpus.Count)];
                var from = random.Next(other.Length);
                var length = Math.Min(other.Length - from, 1 + random.Next(400));
                data.InsertRange(random.Next(data.Count + 1), other.AsSpan(from, length).ToArray());
                break;
            default: // the UNA rewritten with random characters
                var una = IndexOf(data, "UNA"u8);
                for (var i = una < 0 ? 0 : una + 3; i < Math.Min(data.Count, (una < 0 ? 0 : una + 3) + 6); i++)
                {
                    if (random.Next(3) == 0)
                    {
                        data[i] = Interesting[random.Next(Interesting.Length)];
                    }
                }

                break;
        }
    }

    /// <summary>Every occurrence of one separator becomes another, or a single occurrence does.</summary>
    private void SwapSeparators(List<byte> data)
    {
        ReadOnlySpan<byte> separators = "'+:?*$-"u8;
        var from = separators[random.Next(separators.Length)];
        var to = separators[random.Next(separators.Length)];
        var all = random.Next(2) == 0;
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == from)
            {
                data[i] = to;
                if (!all)
                {
                    return;
                }
            }
        }
    }

    private void DuplicateSegment(List<byte> data)
    {
        var start = random.Next(data.Count);
        var terminator = (byte)"'$*"[random.Next(3)];
        var end = data.IndexOf(terminator, start);
        if (end < 0)
        {
            return;
        }

        var next = data.IndexOf(terminator, end + 1);
        if (next < 0)
        {
            return;
        }

        var segment = data.GetRange(end + 1, next - end);
        var copies = 1 + random.Next(random.Next(5) == 0 ? 50 : 2);
        for (var i = 0; i < copies; i++)
        {
            data.InsertRange(next + 1, segment);
        }
    }

    private static int IndexOf(List<byte> data, ReadOnlySpan<byte> value)
    {
        for (var i = 0; i + value.Length <= data.Count; i++)
        {
            var match = true;
            for (var j = 0; j < value.Length && match; j++)
            {
                match = data[i + j] == value[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    public static string Describe(byte[] data) => Encoding.Latin1.GetString(data.AsSpan(0, Math.Min(80, data.Length))).ReplaceLineEndings(" ");
}
