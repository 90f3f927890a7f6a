using System.Buffers;
using System.Text;

namespace Vigil.Edifact;

/// <summary>
/// Writes EDIFACT segments as bytes that <see cref="EdifactReader"/> reads back exactly: every service character
/// inside a value is released, and trailing empty components and elements are omitted (ISO 9735).
/// </summary>
/// <remarks>
/// Text is encoded by the charset: UTF-8 for UNOW/UNOY, the ISO 8859 part for UNOC…UNOK. Seven-bit repertoires
/// (UNOA, UNOB, IATA, IATB) write characters above U+007F as UTF-8 rather than dropping them; the reader decodes
/// valid UTF-8 under those repertoires (with a <c>charset-violation</c> warning). A character a single-byte charset
/// cannot hold, or a lone surrogate, throws <see cref="EncoderFallbackException"/>: losing it silently would
/// change a name on a passenger list.
/// </remarks>
public sealed class EdifactWriter
{
    private readonly ServiceCharacters _service;
    private readonly Encoding _encoding;
    private readonly byte[] _suffix;
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private SegmentPosition _position;

    // Separators owed before the next non-empty value; dropping them at the end of an element or segment is
    // what omits trailing empties without buffering the segment.
    private int _pendingElements;
    private int _pendingComponents;

    public EdifactWriter(ServiceCharacters service, EdifactCharset? charset = null, string segmentSuffix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(segmentSuffix);
        _service = service;
        Charset = charset ?? EdifactCharset.Default;
        _encoding = StrictEncoding(Charset);
        _suffix = Encoding.UTF8.GetBytes(segmentSuffix);
    }

    public ServiceCharacters Service => _service;

    public EdifactCharset Charset { get; }

    /// <summary>Segments written so far (UNA not counted).</summary>
    public int SegmentCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _output.WrittenSpan;

    public ReadOnlyMemory<byte> WrittenMemory => _output.WrittenMemory;

    /// <summary>Writes <c>UNA</c> and the six service characters, then the segment suffix.</summary>
    public void WriteServiceStringAdvice()
    {
        EnsureNoOpenSegment(nameof(WriteServiceStringAdvice));
        Write("UNA"u8);
        Write(_service.ComponentBytes);
        Write(_service.ElementBytes);
        WriteRune(_service.DecimalMark);
        Write(_service.ReleaseBytes);
        Write(_service.Repetition is null ? " "u8 : _service.RepetitionBytes);
        Write(_service.TerminatorBytes);
        Write(_suffix);
    }

    /// <summary>Starts a segment; <paramref name="tag"/> is three upper-case letters or digits.</summary>
    public void BeginSegment(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        EnsureNoOpenSegment(nameof(BeginSegment));
        if (tag.Length != 3 || !IsTagCharacter(tag[0]) || !IsTagCharacter(tag[1]) || !IsTagCharacter(tag[2]))
        {
            throw new ArgumentException($"A segment tag is three upper-case letters or digits, not '{tag}'.", nameof(tag));
        }

        if (tag == "UNA")
        {
            throw new ArgumentException("UNA is not a segment; write it with WriteServiceStringAdvice.", nameof(tag));
        }

        Span<byte> ascii = stackalloc byte[3];
        Encoding.ASCII.GetBytes(tag, ascii);
        Write(ascii);
        _position = SegmentPosition.AfterTag;
        _pendingElements = 0;
        _pendingComponents = 0;
    }

    /// <summary>Starts a new data element whose first component is <paramref name="value"/> (null or empty: empty).</summary>
    public void AddElement(string? value = null)
    {
        EnsureOpenSegment(nameof(AddElement));
        _pendingComponents = 0;
        _pendingElements++;
        _position = SegmentPosition.InElement;
        WriteValue(value);
    }

    /// <summary>Appends a component to the current element (or repetition).</summary>
    public void AddComponent(string? value)
    {
        EnsureElement(nameof(AddComponent));
        _pendingComponents++;
        WriteValue(value);
    }

    /// <summary>Starts a new repetition of the current element whose first component is <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">The service characters declare no repetition separator.</exception>
    public void AddRepetition(string? value)
    {
        EnsureElement(nameof(AddRepetition));
        if (_service.Repetition is null)
        {
            throw new InvalidOperationException(
                $"The service characters '{_service.ToUna()}' declare no repetition separator (syntax 3 or a space in UNA).");
        }

        // A repetition separator is content: the repetitions before it, empty or not, are kept.
        _pendingComponents = 0;
        FlushPendingSeparators();
        Write(_service.RepetitionBytes);
        WriteValue(value);
    }

    /// <summary>Ends the segment: drops trailing empty elements and components, writes the terminator and suffix.</summary>
    public void EndSegment()
    {
        EnsureOpenSegment(nameof(EndSegment));
        _pendingElements = 0;
        _pendingComponents = 0;
        Write(_service.TerminatorBytes);
        Write(_suffix);
        _position = SegmentPosition.None;
        SegmentCount++;
    }

    /// <summary>Writes a whole segment; each inner array holds one element's components.</summary>
    public void Segment(string tag, params string?[][] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        BeginSegment(tag);
        foreach (var components in elements)
        {
            AddElement(components is { Length: > 0 } ? components[0] : null);
            for (var i = 1; i < (components?.Length ?? 0); i++)
            {
                AddComponent(components![i]);
            }
        }

        EndSegment();
    }

    public byte[] ToArray() => _output.WrittenSpan.ToArray();

    /// <summary>The bytes written so far, decoded with the charset.</summary>
    public override string ToString() => Charset.Decode(_output.WrittenSpan);

    private void WriteValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        FlushPendingSeparators();
        var length = _encoding.GetByteCount(value);
        byte[]? rented = null;
        var encoded = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            _encoding.GetBytes(value, encoded);
            WriteEscaped(encoded[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Releases service characters by their bytes, exactly where the reader would see them: this also covers
    /// a plain apostrophe when the terminator is a typographic quote, and multi-byte service characters.
    /// </summary>
    private void WriteEscaped(ReadOnlySpan<byte> encoded)
    {
        var i = 0;
        while (i < encoded.Length)
        {
            var next = encoded[i..].IndexOfAny(_service.EscapeStops);
            if (next < 0)
            {
                Write(encoded[i..]);
                return;
            }

            Write(encoded.Slice(i, next));
            i += next;
            // A line break in a value is released: unreleased ones are read as folds of a long segment.
            var match = encoded[i] is (byte)'\r' or (byte)'\n' ? 1 : _service.MatchAny(encoded[i..]);
            if (match > 0)
            {
                Write(_service.ReleaseBytes);
                Write(encoded.Slice(i, match));
                i += match;
            }
            else
            {
                Write(encoded.Slice(i, 1));
                i++;
            }
        }
    }

    private void FlushPendingSeparators()
    {
        for (; _pendingElements > 0; _pendingElements--)
        {
            Write(_service.ElementBytes);
        }

        for (; _pendingComponents > 0; _pendingComponents--)
        {
            Write(_service.ComponentBytes);
        }
    }

    private void WriteRune(Rune rune)
    {
        Span<byte> utf8 = stackalloc byte[4];
        Write(utf8[..rune.EncodeToUtf8(utf8)]);
    }

    private void Write(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

    private void EnsureNoOpenSegment(string operation)
    {
        if (_position != SegmentPosition.None)
        {
            throw new InvalidOperationException($"{operation} needs the open segment to be ended first (EndSegment).");
        }
    }

    private void EnsureOpenSegment(string operation)
    {
        if (_position == SegmentPosition.None)
        {
            throw new InvalidOperationException($"{operation} needs an open segment (BeginSegment).");
        }
    }

    private void EnsureElement(string operation)
    {
        EnsureOpenSegment(operation);
        if (_position != SegmentPosition.InElement)
        {
            throw new InvalidOperationException($"{operation} needs an element (AddElement).");
        }
    }

    private static bool IsTagCharacter(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private static Encoding StrictEncoding(EdifactCharset charset) =>
        charset.Kind == CharsetKind.SingleByte
            ? Encoding.GetEncoding(charset.Encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback)
            : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private enum SegmentPosition
    {
        None,
        AfterTag,
        InElement,
    }
}
