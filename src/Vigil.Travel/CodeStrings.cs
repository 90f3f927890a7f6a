using System.Text;
using Vigil.Edifact;

namespace Vigil.Travel;

/// <summary>
/// Short codes (qualifiers, countries, airports, document types) repeat on every traveler of every list; they
/// are read into one shared string each instead of a new string per occurrence.
/// </summary>
internal static class CodeStrings
{
    // A fixed table of slots rather than a dictionary: it is bounded by construction, so a stream of distinct
    // values (a fuzzer, a malicious sender) cannot grow it, and a look-up is one multiply and one compare. A code
    // whose slot another code took is simply read again; each code may sit in one of two neighbouring slots so
    // that two busy codes rarely keep evicting each other.
    private const int SlotBits = 14;
    private static readonly Entry?[] Slots = new Entry?[1 << SlotBits];

    /// <summary>The component as text; null when empty or blank.</summary>
    public static string? Of(EdifactComponent component)
    {
        var raw = component.Raw;
        if (raw.IsEmpty || raw.Length > 8)
        {
            return component.TextOrNull();
        }

        var release = component.Service.Release.Value;
        ulong key = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            // Printable ASCII without spaces only: anything else (escapes, blanks, other scripts) takes the full path.
            if (b is <= 0x20 or >= 0x7F || b == release)
            {
                return component.TextOrNull();
            }

            key |= (ulong)b << (8 * i);
        }

        // Keys are never 0 (every byte is above 0x20), so an empty slot never matches.
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
        var neighbour = slot ^ 1;
        if (Volatile.Read(ref Slots[slot]) is { } entry && entry.Key == key)
        {
            return entry.Text;
        }

        if (Volatile.Read(ref Slots[neighbour]) is { } other && other.Key == key)
        {
            return other.Text;
        }

        var text = Encoding.ASCII.GetString(raw);
        Volatile.Write(ref Slots[Slots[slot] is null || Slots[neighbour] is not null ? slot : neighbour], new Entry(key, text));
        return text;
    }

    private sealed class Entry(ulong key, string text)
    {
        public ulong Key { get; } = key;

        public string Text { get; } = text;
    }

    /// <summary>Component <paramref name="component"/> of element <paramref name="element"/> as a shared code string.</summary>
    public static string? Code(this EdifactSegment segment, int element, int component = 0) =>
        Of(segment.Element(element).Component(component));
}
