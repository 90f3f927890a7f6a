using System.Collections.Concurrent;
using System.Text;
using Vigil.Edifact;

namespace Vigil.Travel;

/// <summary>
/// Short codes (qualifiers, countries, airports, document types) repeat on every traveler of every list; they
/// are read into one shared string each instead of a new string per occurrence.
/// </summary>
internal static class CodeStrings
{
    // Bounded so that a stream of distinct values (a fuzzer, a malicious sender) cannot grow it without end.
    private const int Capacity = 16_384;
    private static readonly ConcurrentDictionary<ulong, string> Cache = new();

    /// <summary>The component as text; null when empty or blank.</summary>
    public static string? Of(EdifactComponent component)
    {
        var raw = component.Raw;
        if (raw.IsEmpty || raw.Length > 8)
        {
            return component.TextOrNull();
        }

        ulong key = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            // Printable ASCII without spaces only: anything else (escapes, blanks, other scripts) takes the full path.
            if (b is <= 0x20 or >= 0x7F || b == component.Service.Release.Value)
            {
                return component.TextOrNull();
            }

            key |= (ulong)b << (8 * i);
        }

        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var text = Encoding.ASCII.GetString(raw);
        if (Cache.Count < Capacity)
        {
            Cache.TryAdd(key, text);
        }

        return text;
    }

    /// <summary>Component <paramref name="component"/> of element <paramref name="element"/> as a shared code string.</summary>
    public static string? Code(this EdifactSegment segment, int element, int component = 0) =>
        Of(segment.Element(element).Component(component));
}
