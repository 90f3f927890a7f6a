namespace Vigil.Edifact;

/// <summary>
/// One data element (simple or composite) of a segment, possibly repeated when the interchange declares a
/// repetition separator. Components are 0-based; component access reads the first repetition.
/// </summary>
public readonly ref struct EdifactElement
{
    internal EdifactElement(ReadOnlySpan<byte> raw, ServiceCharacters service, EdifactCharset charset)
    {
        Raw = raw;
        Service = service;
        Charset = charset;
    }

    /// <summary>The element's bytes, still escaped.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public ServiceCharacters Service { get; }

    public EdifactCharset Charset { get; }

    public bool IsEmpty => Raw.IsEmpty;

    /// <summary>Number of repetitions (1 for an element that does not repeat, including an empty one).</summary>
    public int RepetitionCount
    {
        get
        {
            var count = 1;
            var at = 0;
            while ((at = NextRepetition(at)) >= 0)
            {
                count++;
                at += Service.RepetitionBytes.Length;
            }

            return count;
        }
    }

    /// <summary>Repetition <paramref name="index"/> of the element, or an empty element if there are fewer.</summary>
    public EdifactElement Repetition(int index)
    {
        var start = 0;
        for (var i = 0; ; i++)
        {
            var end = NextRepetition(start);
            if (i == index)
            {
                return new EdifactElement(end < 0 ? Raw[start..] : Raw[start..end], Service, Charset);
            }

            if (end < 0)
            {
                return new EdifactElement(default, Service, Charset);
            }

            start = end + Service.RepetitionBytes.Length;
        }
    }

    /// <summary>Number of components of the first repetition.</summary>
    public int ComponentCount
    {
        get
        {
            var first = FirstRepetition;
            var count = 1;
            var at = 0;
            while ((at = Scanner.IndexOfUnescaped(first, at, Service.ComponentBytes, default, Service.ComponentStops, Service)) >= 0)
            {
                count++;
                at += Service.ComponentBytes.Length;
            }

            return count;
        }
    }

    /// <summary>Component <paramref name="index"/> of the first repetition, or an empty component.</summary>
    public EdifactComponent Component(int index)
    {
        if (Service.IsAsciiSingleByte)
        {
            return ComponentSingleByte(index);
        }

        var first = FirstRepetition;
        var start = 0;
        for (var i = 0; ; i++)
        {
            var end = Scanner.IndexOfUnescaped(first, start, Service.ComponentBytes, default, Service.ComponentStops, Service);
            if (i == index)
            {
                return new EdifactComponent(end < 0 ? first[start..] : first[start..end], Service, Charset);
            }

            if (end < 0)
            {
                return new EdifactComponent(default, Service, Charset);
            }

            start = end + Service.ComponentBytes.Length;
        }
    }

    public EdifactComponent this[int index] => Component(index);

    /// <summary>
    /// <see cref="Component(int)"/> in one pass over the bytes, ending at the first repetition separator: the
    /// same result without finding the first repetition and then each component in turn.
    /// </summary>
    private EdifactComponent ComponentSingleByte(int index)
    {
        var raw = Raw;
        var separator = Service.ComponentByte;
        var release = Service.ReleaseByte;
        var repetition = Service.RepetitionByte;
        var separators = 0;
        var start = index == 0 ? 0 : -1;
        var end = raw.Length;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == release)
            {
                i++;
            }
            else if (b == repetition)
            {
                end = i;
                break;
            }
            else if (b == separator)
            {
                if (start >= 0)
                {
                    end = i;
                    break;
                }

                if (++separators == index)
                {
                    start = i + 1;
                }
            }
        }

        return new EdifactComponent(start >= 0 ? raw[start..end] : default, Service, Charset);
    }

    /// <summary>The components of the first repetition in one forward pass (at least one, possibly empty).</summary>
    public ComponentEnumerator Components => new(FirstRepetition, Service, Charset);

    /// <summary>The whole element as text, release characters removed (separators inside it kept as printed).</summary>
    public override string ToString() => new EdifactComponent(Raw, Service, Charset).ToString();

    private ReadOnlySpan<byte> FirstRepetition
    {
        get
        {
            var end = NextRepetition(0);
            return end < 0 ? Raw : Raw[..end];
        }
    }

    private int NextRepetition(int start) =>
        Service.RepetitionBytes.Length == 0
            ? -1
            : Scanner.IndexOfUnescaped(Raw, start, Service.RepetitionBytes, default, Service.RepetitionStops, Service);

    /// <summary>Walks the components of an element without allocating and without rescanning.</summary>
    public ref struct ComponentEnumerator
    {
        private readonly ReadOnlySpan<byte> _raw;
        private readonly ServiceCharacters _service;
        private readonly EdifactCharset _charset;
        private int _start;
        private EdifactComponent _current;

        internal ComponentEnumerator(ReadOnlySpan<byte> raw, ServiceCharacters service, EdifactCharset charset)
        {
            _raw = raw;
            _service = service;
            _charset = charset;
            _start = 0;
            _current = default;
        }

        public readonly EdifactComponent Current => _current;

        public readonly ComponentEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_start < 0)
            {
                return false;
            }

            var end = Scanner.IndexOfUnescaped(_raw, _start, _service.ComponentBytes, default, _service.ComponentStops, _service);
            _current = new EdifactComponent(end < 0 ? _raw[_start..] : _raw[_start..end], _service, _charset);
            _start = end < 0 ? -1 : end + _service.ComponentBytes.Length;
            return true;
        }
    }
}
