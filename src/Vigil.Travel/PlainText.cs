using System.Text;
using Vigil.Edifact;

namespace Vigil.Travel;

/// <summary>
/// A component's text read straight from its bytes, without making a string, when the bytes need no decoding:
/// ASCII with no release character and no folded line. Every repertoire Vigil reads (UNOA … UNOY, IATA/IATB)
/// maps such bytes to the same characters, so the result is what <see cref="EdifactComponent.ToString"/> gives.
/// </summary>
internal static class PlainText
{
    /// <summary>Longest component read on the stack; longer ones take the ordinary path.</summary>
    public const int MaxLength = 128;

    /// <summary>Writes the component's characters into <paramref name="chars"/>; false when it needs real decoding or does not fit.</summary>
    public static bool TryRead(EdifactComponent component, Span<char> chars, out int length) =>
        TryRead(component.Raw, component.Service, chars, out length);

    /// <summary>As <see cref="TryRead(EdifactComponent, Span{char}, out int)"/> for a whole element, separators inside it kept as printed.</summary>
    public static bool TryRead(EdifactElement element, Span<char> chars, out int length) =>
        TryRead(element.Raw, element.Service, chars, out length);

    private static bool TryRead(ReadOnlySpan<byte> raw, ServiceCharacters service, Span<char> chars, out int length)
    {
        length = 0;
        var release = service.Release.Value;
        if (raw.Length > chars.Length || release >= 0x80 || raw.Contains((byte)release) || raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            return false;
        }

        return Ascii.ToUtf16(raw, chars, out length) == System.Buffers.OperationStatus.Done;
    }
}
