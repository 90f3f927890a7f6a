namespace Vigil.Screening.Names;

/// <summary>What role a unit of a name plays; it decides how much the unit weighs and how it may be omitted.</summary>
public enum UnitKind : byte
{
    /// <summary>An ordinary given name, family name or nisba.</summary>
    Word,

    /// <summary>A connector of a genealogical chain (bin, ibn, ben, bint, ould): no weight, but it orders the chain.</summary>
    Link,

    /// <summary>An honorific kept as part of the name (Haji, Sheikh, Mullah …): light evidence, cheap to omit.</summary>
    Honorific,

    /// <summary>A short particle of a European name (de, van, von, la …): light evidence, cheap to omit.</summary>
    Particle,

    /// <summary>A single letter standing for a name (M. Ashraf): agrees with any name of that initial.</summary>
    Initial,

    /// <summary>
    /// A word of an organisation's name that says what kind of organisation it is (company, bank, ministry), written
    /// as its symbol in every language: light evidence, cheap to omit.
    /// </summary>
    Descriptor,

    /// <summary>
    /// A country named in an organisation's name (Iran, Iranian), written as its ISO code: some evidence, lighter
    /// than a name, and alike only to the same country (Iranian is not Iraqi).
    /// </summary>
    Country,

    /// <summary>
    /// An organisation's name read as its initials (China National Petroleum Corporation as cnpc): weighs as a word,
    /// but alike only to the same letters, since initials one letter apart name other organisations (or a person: Ali).
    /// </summary>
    Acronym,
}

/// <summary>
/// One unit of a name: a word with the particles that belong to it glued on (<c>abd al rahman</c> → <c>abdalrahman</c>,
/// <c>al qaida</c> → <c>alqaida</c>, <c>abu bakr</c> → <c>abubakr</c>), because writers join and split exactly these.
/// </summary>
/// <param name="Text">The folded unit with its particles glued, e.g. <c>almasri</c>.</param>
/// <param name="Core">The unit without a separately written article (<c>masri</c>), or <see cref="Text"/>.</param>
/// <param name="HasArticle">True when the name wrote an article (al-, el-, ash- …) before the word.</param>
/// <param name="IsTruncated">True for the last unit of a full-length MRZ name field, which may have been cut off.</param>
public sealed record NameUnit(string Text, string Core, UnitKind Kind, bool HasArticle = false, bool IsTruncated = false)
{
    public override string ToString() => Text;
}

/// <summary>A name split into units, with the genealogical links it states (unit <c>Son</c> is "bin" unit <c>Father</c>).</summary>
public sealed record ParsedName(string Original, IReadOnlyList<NameUnit> Units, IReadOnlyList<(int Son, int Father)> Links)
{
    /// <summary>
    /// True for an organisation's name read as its initials (cnpc): compared with a name written out, never with
    /// another name's initials, which two organisations of different names share (National Iranian and National Iraqi
    /// Oil Company).
    /// </summary>
    public bool IsInitials => Units is [{ Kind: UnitKind.Acronym }];

    public override string ToString() => string.Join(' ', Units);
}
