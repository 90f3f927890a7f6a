using System.Text;

namespace Vigil.Edifact;

/// <summary>
/// Writes EDIFACT segments with the given service characters, escaping data with the release character and
/// leaving out trailing empty elements and components.
/// </summary>
/// <remarks>
/// Stand-in for the generator branch, built against the writer API agreed with the EDIFACT branch; the
/// EDIFACT branch's writer replaces it at merge.
/// </remarks>
public sealed class EdifactWriter
{
    private readonly ServiceCharacters _service;
    private readonly Encoding _encoding;
    private readonly string _segmentSuffix;
    private readonly StringBuilder _text = new();
    private readonly List<List<List<string?>>> _elements = [];
    private string? _tag;
    private byte[] _bytes = [];
    private int _flushed;

    public EdifactWriter(ServiceCharacters service, EdifactCharset? charset = null, string segmentSuffix = "")
    {
        _service = service;
        // Seven-bit repertoires are written as UTF-8 so that out-of-repertoire text survives rather than turning into '?'.
        _encoding = charset is null || charset.Kind == CharsetKind.SevenBit ? new UTF8Encoding(false) : charset.Encoding;
        _segmentSuffix = segmentSuffix;
    }

    public int SegmentCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => Flush();

    public byte[] ToArray() => Flush().ToArray();

    public void WriteServiceStringAdvice() => _text.Append(_service.ToUna()).Append(_segmentSuffix);

    public void BeginSegment(string tag)
    {
        if (_tag is not null)
        {
            throw new InvalidOperationException($"Segment {_tag} is still open.");
        }

        _tag = tag;
        _elements.Clear();
    }

    public void AddElement(string? value = null) => OpenSegment().Add([[value]]);

    public void AddComponent(string? value) => CurrentElement()[^1].Add(value);

    public void AddRepetition(string? value) => CurrentElement().Add([value]);

    public void EndSegment()
    {
        var tag = _tag ?? throw new InvalidOperationException("No segment is open.");
        _text.Append(tag);
        var elements = _elements.Count;
        while (elements > 0 && IsEmpty(_elements[elements - 1]))
        {
            elements--;
        }

        for (var e = 0; e < elements; e++)
        {
            _text.Append(_service.Element.ToString());
            var repetitions = _elements[e];
            var repetitionCount = repetitions.Count;
            while (repetitionCount > 1 && IsEmpty(repetitions[repetitionCount - 1]))
            {
                repetitionCount--;
            }

            for (var r = 0; r < repetitionCount; r++)
            {
                if (r > 0)
                {
                    _text.Append((_service.Repetition ?? throw new InvalidOperationException("The service characters declare no repetition separator.")).ToString());
                }

                var components = repetitions[r];
                var componentCount = components.Count;
                while (componentCount > 0 && string.IsNullOrEmpty(components[componentCount - 1]))
                {
                    componentCount--;
                }

                for (var c = 0; c < componentCount; c++)
                {
                    if (c > 0)
                    {
                        _text.Append(_service.Component.ToString());
                    }

                    AppendEscaped(components[c]);
                }
            }
        }

        _text.Append(_service.Terminator.ToString()).Append(_segmentSuffix);
        _tag = null;
        SegmentCount++;
    }

    public void Segment(string tag, params string?[][] elements)
    {
        BeginSegment(tag);
        foreach (var element in elements)
        {
            AddElement(element.Length > 0 ? element[0] : null);
            for (var i = 1; i < element.Length; i++)
            {
                AddComponent(element[i]);
            }
        }

        EndSegment();
    }

    private List<List<List<string?>>> OpenSegment() =>
        _tag is null ? throw new InvalidOperationException("No segment is open.") : _elements;

    private List<List<string?>> CurrentElement()
    {
        var elements = OpenSegment();
        return elements.Count == 0 ? throw new InvalidOperationException("The segment has no element yet.") : elements[^1];
    }

    private void AppendEscaped(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (rune == _service.Component || rune == _service.Element || rune == _service.Release
                || rune == _service.Terminator || rune == _service.Repetition)
            {
                _text.Append(_service.Release.ToString());
            }

            _text.Append(rune.ToString());
        }
    }

    private ReadOnlySpan<byte> Flush()
    {
        if (_text.Length > 0)
        {
            var chunk = _encoding.GetBytes(_text.ToString());
            if (_flushed + chunk.Length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _flushed + chunk.Length));
            }

            chunk.CopyTo(_bytes, _flushed);
            _flushed += chunk.Length;
            _text.Clear();
        }

        return _bytes.AsSpan(0, _flushed);
    }

    private static bool IsEmpty(List<string?> components) => components.TrueForAll(string.IsNullOrEmpty);

    private static bool IsEmpty(List<List<string?>> repetitions) => repetitions.TrueForAll(IsEmpty);
}
