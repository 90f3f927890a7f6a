namespace Vigil.Edifact;

/// <summary>
/// One segment as it lies in the input: no copy is made. Elements are 0-based and exclude the tag,
/// so in <c>NAD+FL+++DOE:JANE</c> element 0 is <c>FL</c> and element 3 is <c>DOE:JANE</c>.
/// </summary>
public readonly ref struct EdifactSegment
{
    internal EdifactSegment(ReadOnlySpan<byte> raw, int index, long offset, int line, ServiceCharacters service, EdifactCharset charset)
    {
        Raw = raw;
        Index = index;
        Offset = offset;
        Line = line;
        Service = service;
        Charset = charset;
    }

    /// <summary>The segment's bytes from its tag up to, not including, the terminator.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>0-based position of the segment in the file (UNA not counted).</summary>
    public int Index { get; }

    /// <summary>0-based byte offset of the tag in the file.</summary>
    public long Offset { get; }

    /// <summary>1-based line of the tag in the file.</summary>
    public int Line { get; }

    public ServiceCharacters Service { get; }

    public EdifactCharset Charset { get; }

    /// <summary>The tag, normally three upper-case letters.</summary>
    public ReadOnlySpan<byte> Tag
    {
        get
        {
            var end = Scanner.IndexOfUnescaped(Raw, 0, Service.ElementBytes, default, Service.ElementStops, Service);
            var tag = end < 0 ? Raw : Raw[..end];
            // A tag may carry components (tag:nesting); the tag proper is the first.
            var colon = Scanner.IndexOfUnescaped(tag, 0, Service.ComponentBytes, default, Service.ComponentStops, Service);
            return colon < 0 ? tag : tag[..colon];
        }
    }

    public bool IsTag(ReadOnlySpan<byte> tag) => Tag.SequenceEqual(tag);

    public string TagText => Charset.Decode(Tag);

    /// <summary>Number of data elements after the tag (trailing empty elements are usually omitted by senders).</summary>
    public int ElementCount
    {
        get
        {
            var count = 0;
            foreach (var _ in Elements)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>The data element at <paramref name="index"/>, or an empty element when the segment is shorter.</summary>
    public EdifactElement this[int index] => Element(index);

    public EdifactElement Element(int index)
    {
        if (Service.IsAsciiSingleByte)
        {
            return ElementSingleByte(index);
        }

        var i = 0;
        foreach (var element in Elements)
        {
            if (i++ == index)
            {
                return element;
            }
        }

        return new EdifactElement(default, Service, Charset);
    }

    /// <summary>
    /// <see cref="Element(int)"/> in one pass over the bytes: mappers ask for elements by index many times per
    /// segment, and walking the enumerator for each costs more than the mapping that follows.
    /// </summary>
    private EdifactElement ElementSingleByte(int index)
    {
        var raw = Raw;
        var separator = Service.ElementByte;
        var release = Service.ReleaseByte;
        var separators = -1;
        var start = -1;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == release)
            {
                i++;
            }
            else if (b == separator)
            {
                if (start >= 0)
                {
                    return new EdifactElement(raw[start..i], Service, Charset);
                }

                // Element n starts after the (n+1)th separator; the first separator ends the tag.
                if (++separators == index)
                {
                    start = i + 1;
                }
            }
        }

        return new EdifactElement(start >= 0 ? raw[start..] : default, Service, Charset);
    }

    /// <summary>Shorthand for component <paramref name="component"/> of element <paramref name="element"/> as text; null when empty.</summary>
    public string? Text(int element, int component = 0) => Element(element).Component(component).TextOrNull();

    public ElementEnumerator Elements => new(Raw, Service, Charset);

    public override string ToString() => Charset.Decode(Raw);

    /// <summary>Walks the data elements of a segment without allocating.</summary>
    public ref struct ElementEnumerator
    {
        private readonly ReadOnlySpan<byte> _raw;
        private readonly ServiceCharacters _service;
        private readonly EdifactCharset _charset;
        private int _next;
        private EdifactElement _current;

        internal ElementEnumerator(ReadOnlySpan<byte> raw, ServiceCharacters service, EdifactCharset charset)
        {
            _raw = raw;
            _service = service;
            _charset = charset;
            _next = Scanner.IndexOfUnescaped(raw, 0, service.ElementBytes, default, service.ElementStops, service);
            _current = default;
        }

        public readonly EdifactElement Current => _current;

        public readonly ElementEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next < 0)
            {
                return false;
            }

            var start = _next + _service.ElementBytes.Length;
            var end = Scanner.IndexOfUnescaped(_raw, start, _service.ElementBytes, default, _service.ElementStops, _service);
            _current = new EdifactElement(end < 0 ? _raw[start..] : _raw[start..end], _service, _charset);
            _next = end;
            return true;
        }
    }
}
