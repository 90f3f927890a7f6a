using System.Text;
using System.Text.Unicode;

namespace Vigil.Edifact;

/// <summary>
/// The character repertoire an interchange declares in UNB (syntax identifier), and how its bytes become text.
/// </summary>
public sealed class EdifactCharset
{
    private static readonly Encoding Windows1252;
    private static readonly Dictionary<string, EdifactCharset> Known;

    static EdifactCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
        Known = new Dictionary<string, EdifactCharset>(StringComparer.OrdinalIgnoreCase)
        {
            ["UNOA"] = SevenBit("UNOA"),
            ["UNOB"] = SevenBit("UNOB"),
            ["IATA"] = SevenBit("IATA"),
            ["IATB"] = SevenBit("IATB"),
            ["UNOC"] = new("UNOC", Encoding.Latin1, CharsetKind.SingleByte),
            ["UNOD"] = SingleByte("UNOD", "iso-8859-2"),
            ["UNOE"] = SingleByte("UNOE", "iso-8859-5"),
            ["UNOF"] = SingleByte("UNOF", "iso-8859-7"),
            ["UNOG"] = SingleByte("UNOG", "iso-8859-3"),
            ["UNOH"] = SingleByte("UNOH", "iso-8859-4"),
            ["UNOI"] = SingleByte("UNOI", "iso-8859-6"),
            ["UNOJ"] = SingleByte("UNOJ", "iso-8859-8"),
            ["UNOK"] = SingleByte("UNOK", "iso-8859-9"),
            ["UNOW"] = new("UNOW", new UTF8Encoding(false, false), CharsetKind.Utf8),
            ["UNOY"] = new("UNOY", new UTF8Encoding(false, false), CharsetKind.Utf8),
        };
        Default = Known["UNOA"];
    }

    private EdifactCharset(string id, Encoding encoding, CharsetKind kind)
    {
        Id = id;
        Encoding = encoding;
        Kind = kind;
    }

    /// <summary>The repertoire assumed before UNB is read, and for an unknown syntax identifier.</summary>
    public static EdifactCharset Default { get; }

    /// <summary>Syntax identifier as written in UNB, e.g. <c>UNOA</c>.</summary>
    public string Id { get; }

    public Encoding Encoding { get; }

    internal CharsetKind Kind { get; }

    /// <summary>The charset for a UNB syntax identifier, or null when Vigil does not know it.</summary>
    public static EdifactCharset? FromSyntaxIdentifier(string id) => Known.GetValueOrDefault(id.Trim());

    /// <summary>The same lookup over the identifier's bytes, so that reading a UNB allocates nothing.</summary>
    internal static EdifactCharset? FromSyntaxIdentifier(ReadOnlySpan<byte> id)
    {
        id = id.Trim((byte)' ');
        Span<char> chars = stackalloc char[8];
        if (id.Length > chars.Length || id.ContainsAnyExceptInRange((byte)0x21, (byte)0x7E))
        {
            return null;
        }

        for (var i = 0; i < id.Length; i++)
        {
            chars[i] = (char)id[i];
        }

        return Known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..id.Length], out var charset) ? charset : null;
    }

    /// <summary>IATA syntax identifiers number their own versions; PADIS interchanges never use repetition.</summary>
    internal bool IsIata => Id is "IATA" or "IATB";

    /// <summary>
    /// Decodes unescaped bytes. Seven-bit repertoires are declared far more often than honoured: bytes above
    /// 0x7F are read as UTF-8 when they form valid UTF-8 and as Windows-1252 otherwise (the reader has
    /// already warned about them); nothing throws.
    /// </summary>
    public string Decode(ReadOnlySpan<byte> bytes)
    {
        if (Kind != CharsetKind.SevenBit)
        {
            return Encoding.GetString(bytes);
        }

        if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
        {
            return Encoding.ASCII.GetString(bytes);
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1252.GetString(bytes);
    }

    /// <summary>
    /// Index of the first byte in <paramref name="bytes"/> that this repertoire cannot hold as declared, or -1.
    /// Lower case under UNOA is tolerated: real senders use it throughout.
    /// </summary>
    internal int FindInvalidByte(ReadOnlySpan<byte> bytes)
    {
        switch (Kind)
        {
            case CharsetKind.SevenBit:
                return bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            case CharsetKind.Utf8:
                if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F) || Utf8.IsValid(bytes))
                {
                    return -1;
                }

                var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
                return status == System.Buffers.OperationStatus.Done ? -1 : read;
            default:
                return -1;
        }
    }

    public override string ToString() => Id;

    /// <summary>
    /// The character a lone non-UTF-8 byte stands for. Windows-1252 rather than Latin-1, because such bytes come
    /// from word-processor copies: 0x92 there is the typographic quote U+2019, not a control character.
    /// </summary>
    internal static Rune LegacyByteToRune(byte b)
    {
        Span<char> decoded = stackalloc char[1];
        return Windows1252.GetChars([b], decoded) == 1 && !char.IsSurrogate(decoded[0]) ? new Rune(decoded[0]) : new Rune(b);
    }

    private static EdifactCharset SevenBit(string id) => new(id, Encoding.ASCII, CharsetKind.SevenBit);

    private static EdifactCharset SingleByte(string id, string encodingName) =>
        new(id, Encoding.GetEncoding(encodingName), CharsetKind.SingleByte);
}

internal enum CharsetKind
{
    SevenBit,
    SingleByte,
    Utf8,
}
