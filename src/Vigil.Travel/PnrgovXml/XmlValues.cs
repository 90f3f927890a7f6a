using System.Globalization;
using System.Xml.Linq;

namespace Vigil.Travel.PnrgovXml;

/// <summary>
/// Element and attribute access by local name: feeds disagree on namespaces (some send none, some prefix them), while
/// the element names themselves are stable, so names are compared without their namespace.
/// </summary>
internal static class XmlValues
{
    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);

    public static XElement? Child(this XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>The attribute's trimmed value, or null when it is absent or blank.</summary>
    public static string? Attr(this XElement? element, string localName)
    {
        if (element is null)
        {
            return null;
        }

        foreach (var attribute in element.Attributes())
        {
            if (attribute.Name.LocalName == localName && !attribute.IsNamespaceDeclaration)
            {
                return Clean(attribute.Value);
            }
        }

        return null;
    }

    /// <summary>The element's trimmed text, or null when it is absent or blank.</summary>
    public static string? TextOf(this XElement? element) => element is null ? null : Clean(element.Value);

    public static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("Y", StringComparison.OrdinalIgnoreCase));
}

/// <summary>xs:date and xs:dateTime values as PNRGOV XML sends them.</summary>
internal static class XmlDates
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-ddK",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// A schedule time: the clock as printed, with any offset dropped, because the canonical legs carry local times
    /// without a zone (as PNRGOV EDIFACT TVL does).
    /// </summary>
    public static bool TryClock(string value, out DateTime clock)
    {
        if (TryParse(value, out var parsed, out _))
        {
            clock = DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified);
            return true;
        }

        clock = default;
        return false;
    }

    /// <summary>
    /// A booking timestamp: converted to UTC when an offset is sent; without one it is taken as UTC, the PNRGOV
    /// convention for transaction times.
    /// </summary>
    public static bool TryInstant(string value, out DateTime instant)
    {
        if (TryParse(value, out var parsed, out var zoned))
        {
            instant = zoned ? parsed.UtcDateTime : DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Utc);
            return true;
        }

        instant = default;
        return false;
    }

    public static bool TryDate(string value, out DateOnly date)
    {
        if (TryParse(value, out var parsed, out _))
        {
            date = DateOnly.FromDateTime(parsed.DateTime);
            return true;
        }

        date = default;
        return false;
    }

    private static bool TryParse(string value, out DateTimeOffset parsed, out bool zoned)
    {
        var text = value.Trim();
        zoned = HasZone(text);
        return DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out parsed);
    }

    private static bool HasZone(string text)
    {
        if (text.EndsWith('Z'))
        {
            return true;
        }

        // An offset sign can only follow the date part's own hyphens.
        var tail = text.Length > 10 ? text.AsSpan(10) : [];
        return tail.IndexOfAny('+', '-') >= 0;
    }
}
