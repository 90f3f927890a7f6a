using System.Buffers;
using System.Buffers.Text;

namespace Vigil.Edifact;

/// <summary>One component (a simple data element inside a composite), still escaped until read as text.</summary>
public readonly ref struct EdifactComponent
{
    internal EdifactComponent(ReadOnlySpan<byte> raw, ServiceCharacters service, EdifactCharset charset)
    {
        Raw = raw;
        Service = service;
        Charset = charset;
    }

    public ReadOnlySpan<byte> Raw { get; }

    public ServiceCharacters Service { get; }

    public EdifactCharset Charset { get; }

    public bool IsEmpty => Raw.IsEmpty;

    /// <summary>True when the unescaped value equals <paramref name="ascii"/> byte for byte.</summary>
    public bool Is(ReadOnlySpan<byte> ascii) => Raw.SequenceEqual(ascii) && Raw.IndexOf(Service.ReleaseBytes) < 0;

    /// <summary>The value with release characters removed and bytes decoded by the interchange's repertoire.</summary>
    public override string ToString()
    {
        if (Raw.IsEmpty)
        {
            return string.Empty;
        }

        var wrapped = Raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0;
        if (!wrapped && Raw.IndexOf(Service.ReleaseBytes) < 0)
        {
            return Charset.Decode(Raw);
        }

        byte[]? rented = null;
        var buffer = Raw.Length <= 256 ? stackalloc byte[Raw.Length] : (rented = ArrayPool<byte>.Shared.Rent(Raw.Length));
        try
        {
            // Senders that fold long segments at a fixed width (as Type-B traffic does) break lines inside values;
            // an unreleased line break is not data, so the folds are undone.
            var length = Scanner.Unescape(Raw, buffer, Service, unfold: wrapped);
            return Charset.Decode(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The text, or null when the component is empty or blank.</summary>
    public string? TextOrNull()
    {
        if (Raw.IsEmpty)
        {
            return null;
        }

        var text = ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Reads an unsigned decimal integer; false for anything else, including an empty component.</summary>
    public bool TryGetInt32(out int value)
    {
        var trimmed = Raw.Trim((byte)' ');
        value = 0;
        // Counts and part numbers are unsigned on the wire: a sign is as wrong as a letter.
        return trimmed.Length > 0 && !trimmed.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && Utf8Parser.TryParse(trimmed, out value, out var consumed) && consumed == trimmed.Length;
    }
}
