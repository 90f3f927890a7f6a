using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Vigil.Edifact;
using Vigil.Travel.Model;
using Vigil.Travel.Privacy;

namespace Vigil.Travel.PnrgovXml;

/// <summary>What every PNR of one push is read against: the push's header facts and its findings.</summary>
internal sealed class PnrContext(SourceMap map, DateOnly reference)
{
    public SourceMap Map { get; } = map;

    public DateOnly Reference { get; } = reference;

    public SensitiveDataFilter Filter { get; } = SensitiveDataFilter.Default;

    public List<Diagnostic> Diagnostics { get; } = [];

    public PushKind Kind { get; set; } = PushKind.Full;

    /// <summary>The pushing airline, used as the carrier of an FQTV that names none.</summary>
    public string? Airline { get; set; }

    public Flight? PushedFlight { get; set; }

    public void Warn(string code, IXmlLineInfo? at, string message) => Add(code, DiagnosticSeverity.Warning, at, message);

    public void Error(string code, IXmlLineInfo? at, string message) => Add(code, DiagnosticSeverity.Error, at, message);

    public SourcePosition PositionOf(IXmlLineInfo? at) => Map.Of(at);

    public DateTime? Instant(XElement element, string attribute)
    {
        var value = element.Attr(attribute);
        if (value is null)
        {
            return null;
        }

        if (XmlDates.TryInstant(value, out var instant))
        {
            return instant;
        }

        BadValue(element, attribute, value, "a date and time");
        return null;
    }

    public DateTime? Clock(XElement element, string attribute)
    {
        var value = element.Attr(attribute);
        if (value is null)
        {
            return null;
        }

        if (XmlDates.TryClock(value, out var clock))
        {
            return clock;
        }

        BadValue(element, attribute, value, "a date and time");
        return null;
    }

    public DateOnly? Date(XElement element, string attribute)
    {
        var value = element.Attr(attribute);
        if (value is null)
        {
            return null;
        }

        if (XmlDates.TryDate(value, out var date))
        {
            return date;
        }

        BadValue(element, attribute, value, "a date");
        return null;
    }

    public decimal? Decimal(XElement element, string attribute)
    {
        var value = element.Attr(attribute);
        if (value is null)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        BadValue(element, attribute, value, "a number");
        return null;
    }

    public int? Integer(XElement element, string attribute)
    {
        var value = element.Attr(attribute);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        BadValue(element, attribute, value, "a whole number");
        return null;
    }

    private void BadValue(XElement element, string attribute, string value, string expected)
    {
        // Dates and counts are not sensitive, but cap the echo so a damaged file cannot flood the findings.
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        Warn("xml-bad-value", element, $"{element.Name.LocalName}/@{attribute} holds '{shown}', which is not {expected}; the value is ignored.");
    }

    private void Add(string code, DiagnosticSeverity severity, IXmlLineInfo? at, string message)
    {
        var position = Map.Of(at);
        Diagnostics.Add(new Diagnostic(code, severity, -1, position.Offset, position.Line, message));
    }
}
