using Vigil.Edifact;

namespace Vigil.Travel.Synthetic;

/// <summary>
/// How a synthetic interchange is laid out on the wire: its service characters, whether it declares them in a
/// UNA, its repertoire, and what follows each segment terminator. Each preset mirrors something real senders do.
/// </summary>
internal sealed record PaxlstLayout(
    string Name,
    ServiceCharacters Service,
    bool WritesServiceStringAdvice,
    string SyntaxIdentifier,
    string SegmentSuffix)
{
    public static PaxlstLayout Standard { get; } = new("standard", ServiceCharacters.Syntax4Default, true, "UNOA", "\n");

    public static PaxlstLayout OneLine { get; } = new("one-line", ServiceCharacters.Syntax4Default, true, "UNOA", "");

    /// <summary><c>UNA:+.? '</c> with <c>UNOA:4</c>: the UNA turns repetition off, as in the GTAS samples.</summary>
    public static PaxlstLayout NoRepetitionCrlf { get; } = new("no-repetition-crlf", new(':', '+', '.', '?', null, '\''), true, "UNOA", "\r\n");

    /// <summary><c>UNA:*.? $</c>: a US feed's asterisk element separator and dollar terminator.</summary>
    public static PaxlstLayout AsteriskDollar { get; } = new("asterisk-dollar", new(':', '*', '.', '?', null, '$'), true, "UNOA", "\n");

    /// <summary><c>UNA:-.? *</c>: hyphen separates elements, so every hyphenated name needs the release character.</summary>
    public static PaxlstLayout HyphenAsterisk { get; } = new("hyphen-asterisk", new(':', '-', '.', '?', null, '*'), true, "UNOA", "");

    public static PaxlstLayout Indented { get; } = new("indented", ServiceCharacters.Syntax4Default, true, "UNOA", "\n    ");

    /// <summary>Backslash as release character and comma as decimal mark, both legal in a UNA.</summary>
    public static PaxlstLayout BackslashRelease { get; } = new("backslash-release", new(':', '+', ',', '\\', '*', '\''), true, "UNOA", "\r\n");

    /// <summary>No UNA: the reader must fall back to the syntax version 4 defaults.</summary>
    public static PaxlstLayout NoServiceStringAdvice { get; } = new("no-una", ServiceCharacters.Syntax4Default, false, "UNOA", "\n");

    public static IReadOnlyList<PaxlstLayout> All { get; } =
        [Standard, OneLine, NoRepetitionCrlf, AsteriskDollar, HyphenAsterisk, Indented, BackslashRelease, NoServiceStringAdvice];

    /// <summary>Whether names keep their diacritics (UTF-8, <c>UNOW</c>) rather than being folded to A–Z.</summary>
    public bool KeepsDiacritics => SyntaxIdentifier == "UNOW";

    public PaxlstLayout WithUtf8() => this with { Name = Name + "-unow", SyntaxIdentifier = "UNOW" };

    /// <summary>Standard layouts most of the time, the unusual ones often enough that every run meets them.</summary>
    public static PaxlstLayout Pick(Random random)
    {
        var layout = random.Next(10) < 3 ? Standard : All[random.Next(All.Count)];
        return random.Next(100) < 15 ? layout.WithUtf8() : layout;
    }
}
