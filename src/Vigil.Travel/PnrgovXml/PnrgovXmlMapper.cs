using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;
using Vigil.Edifact;
using Vigil.Travel.Model;

namespace Vigil.Travel.PnrgovXml;

/// <summary>
/// Reads a PNRGOV XML push (<c>IATA_PNRGOV_NotifRQ</c>) into the same <see cref="BookingPush"/> the EDIFACT
/// PNRGOV mapper produces. Damaged XML never throws: it costs the PNRs it breaks and is reported in the diagnostics.
/// </summary>
/// <remarks>
/// Push kind: the root's <c>@MessageFunction</c> carries the EDIFACT MSG code (<c>22</c> full, <c>141</c> update) or
/// the words <c>Full</c> / <c>Update</c>; without it the push is full. A PNR of an update push whose
/// <c>POS/Source</c> is present but empty is a cancellation, as an empty ORG is in EDIFACT.
/// </remarks>
internal static class PnrgovXmlMapper
{
    public const string Namespace = "http://www.iata.org/IATA/2007/00";

    private const string RootName = "IATA_PNRGOV_NotifRQ";

    /// <summary>True when the data starts like an XML document (after a byte-order mark and white space).</summary>
    public static bool LooksLikeXml(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
        {
            return true;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }

        var start = data.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && data[start] == (byte)'<' && start + 1 < data.Length
            && (data[start + 1] is (byte)'?' or (byte)'!' or (byte)'_' || char.IsAsciiLetter((char)data[start + 1]));
    }

    public static BookingPush Read(ReadOnlyMemory<byte> data, DateOnly? today = null)
    {
        var context = new PnrContext(new SourceMap(data), today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        return new PushReader(data, context).Read();
    }

    /// <summary>One read of one push: a streaming pass that falls back to resuming at the next PNR after a break.</summary>
    private sealed class PushReader(ReadOnlyMemory<byte> data, PnrContext context)
    {
        private readonly List<Booking> _bookings = [];
        private readonly XmlNamespaceManager _namespaces = new(new NameTable());
        private string? _version;
        private string? _originator;
        private string? _sender;
        private int? _declaredBookings;
        private bool _sawRoot;
        private bool _broken;

        /// <summary>Where the PNR being read starts, while one is; a break there costs that PNR.</summary>
        private int? _pnrLine;

        public BookingPush Read()
        {
            if (data.Span.IndexOfAnyExcept(" \t\r\n\0"u8) < 0)
            {
                context.Error("xml-empty", null, "The message is empty.");
                return Build();
            }

            var resume = ReadDocument();
            while (resume >= 0)
            {
                resume = ReadFragment(resume);
            }

            if (!_broken && _declaredBookings is { } declared && declared != _bookings.Count)
            {
                context.Warn("xml-pnr-count-mismatch", null, $"PNRs/@NumberOfPnrs declares {declared} PNRs but the push holds {_bookings.Count}.");
            }

            return Build();
        }

        private BookingPush Build() => new("PNRGOV", new SourcePosition(-1, 0, 1))
        {
            Version = _version,
            Sender = _sender,
            Originator = _originator,
            Kind = context.Kind,
            PushedFlight = context.PushedFlight,
            DeclaredBookings = _declaredBookings,
            Incomplete = _broken,
            Bookings = [.. _bookings],
            Diagnostics = [.. context.Diagnostics],
        };

        /// <summary>Reads from the start of the file; returns where to resume after a break, or -1.</summary>
        private int ReadDocument()
        {
            try
            {
                using var reader = XmlReader.Create(Stream(0), Settings(ConformanceLevel.Document));
                if (reader.MoveToContent() != XmlNodeType.Element)
                {
                    context.Error("xml-no-root", null, "The XML has no root element.");
                    return -1;
                }

                if (reader.LocalName != RootName)
                {
                    context.Error("xml-not-pnrgov", (IXmlLineInfo)reader,
                        $"The root element is '{reader.LocalName}', not {RootName}; the message is not read.");
                    return -1;
                }

                _sawRoot = true;
                ReadRoot(reader);
                return -1;
            }
            catch (XmlException exception)
            {
                return Broken(exception);
            }
        }

        private void ReadRoot(XmlReader reader)
        {
            if (reader.NamespaceURI != Namespace)
            {
                context.Warn("xml-namespace", (IXmlLineInfo)reader,
                    $"The root element's namespace is '{reader.NamespaceURI}', not {Namespace}; it is read by element names.");
            }

            _version = XmlValues.Clean(reader.GetAttribute("Version"));
            context.Kind = KindOf(XmlValues.Clean(reader.GetAttribute("MessageFunction")), (IXmlLineInfo)reader);
            while (reader.MoveToNextAttribute())
            {
                if (reader.Prefix == "xmlns")
                {
                    _namespaces.AddNamespace(reader.LocalName, reader.Value);
                }
                else if (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")
                {
                    _namespaces.AddNamespace("", reader.Value);
                }
            }

            reader.MoveToElement();
            if (reader.IsEmptyElement)
            {
                return;
            }

            reader.Read();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "Originator":
                        ReadOriginator(Load(reader));
                        reader.Read();
                        break;
                    case "FlightLeg":
                        ReadFlightLeg(Load(reader));
                        reader.Read();
                        break;
                    case "PNRs":
                        ReadPnrs(reader);
                        break;
                    default:
                        context.Warn("xml-unknown-element", (IXmlLineInfo)reader, $"Element {reader.LocalName} is not part of a PNRGOV push; it is skipped.");
                        reader.Skip();
                        break;
                }
            }
        }

        private PushKind KindOf(string? function, IXmlLineInfo at)
        {
            switch (function?.ToUpperInvariant())
            {
                case null or "22" or "FULL":
                    return PushKind.Full;
                case "141" or "UPDATE":
                    return PushKind.Update;
                default:
                    context.Warn("xml-unknown-push-kind", at, $"MessageFunction '{function}' is neither 22 (full) nor 141 (update).");
                    return PushKind.Unknown;
            }
        }

        private void ReadOriginator(XElement element)
        {
            _sender = element.Attr("AirlineCode");
            context.Airline = _sender;
            var parts = new[] { element.Attr("AirlineCode"), element.Attr("SystemCode") }.OfType<string>().ToArray();
            _originator = parts.Length == 0 ? null : string.Join(':', parts);
        }

        private void ReadFlightLeg(XElement element)
        {
            context.PushedFlight = new Flight
            {
                Carrier = element.Attr("CarrierCode"),
                Number = element.Attr("FlightNumber"),
                Legs =
                [
                    new Leg
                    {
                        Origin = element.Child("DepartureAirport").Attr("LocationCode"),
                        Destination = element.Child("ArrivalAirport").Attr("LocationCode"),
                        ScheduledDeparture = context.Clock(element, "DepartureDateTime"),
                        ScheduledArrival = context.Clock(element, "ArrivalDateTime"),
                    },
                ],
            };
        }

        private void ReadPnrs(XmlReader reader)
        {
            if (XmlValues.Clean(reader.GetAttribute("NumberOfPnrs")) is { } declared)
            {
                if (int.TryParse(declared, out var count))
                {
                    _declaredBookings = count;
                }
                else
                {
                    context.Warn("xml-bad-value", (IXmlLineInfo)reader, $"PNRs/@NumberOfPnrs is not a whole number; it is ignored.");
                }
            }

            if (reader.IsEmptyElement)
            {
                reader.Read();
                return;
            }

            reader.Read();
            ReadPnrSequence(reader);
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                reader.Read();
            }
        }

        /// <summary>Reads sibling PNR elements until something else ends them.</summary>
        private void ReadPnrSequence(XmlReader reader)
        {
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                if (reader.LocalName != "PNR")
                {
                    context.Warn("xml-unknown-element", (IXmlLineInfo)reader, $"Element {reader.LocalName} inside PNRs is not a PNR; it is skipped.");
                    reader.Skip();
                    continue;
                }

                _pnrLine = context.PositionOf((IXmlLineInfo)reader).Line;
                var pnr = Load(reader);
                _pnrLine = null;
                _bookings.Add(PnrMapper.Map(context, pnr));
                reader.Read();
            }
        }

        /// <summary>Reads PNRs from the middle of the file after a break; returns where to resume after another, or -1.</summary>
        private int ReadFragment(int offset)
        {
            context.Map.Rebase(offset);
            try
            {
                var parserContext = new XmlParserContext(_namespaces.NameTable, _namespaces, null, XmlSpace.None);
                using var reader = XmlReader.Create(Stream(offset), Settings(ConformanceLevel.Fragment), parserContext);
                ReadPnrSequence(reader);
                return -1;
            }
            catch (XmlException exception) when (_pnrLine is null && NoPnrAfter(exception))
            {
                // The closing tags after the last PNR have no opening tag in a fragment: that is where the PNRs end.
                return -1;
            }
            catch (XmlException exception)
            {
                return Broken(exception);
            }
        }

        private bool NoPnrAfter(XmlException exception) =>
            context.Map.NextPnrStart(context.Map.Locate(exception.LineNumber, exception.LinePosition).Offset) < 0;

        /// <summary>Reports a break and finds the next PNR to resume at.</summary>
        private int Broken(XmlException exception)
        {
            _broken = true;
            var (offset, line) = context.Map.Locate(exception.LineNumber, exception.LinePosition);
            // A break inside a PNR's own start tag is met while moving past the PNR before it.
            var lostLine = _pnrLine ?? (context.Map.ByteAddressable && context.Map.InPnrStartTag(offset) ? line : null);
            var lost = lostLine is { } pnrLine ? $" The PNR starting at line {pnrLine} is lost." : "";
            _pnrLine = null;
            var next = _sawRoot && context.Map.ByteAddressable ? context.Map.NextPnrStart(offset) : -1;
            var then = next >= 0 ? " Reading resumes at the next PNR." : " Nothing after it is read.";
            context.Diagnostics.Add(new Diagnostic("xml-malformed", DiagnosticSeverity.Error, -1, offset, line,
                $"The XML is malformed at line {line}, column {exception.LinePosition}: {exception.Message}{lost}{then}"));
            return next;
        }

        /// <summary>
        /// Loads the element the reader is on, with line information, leaving the reader on its last node: moving on is
        /// the caller's step, taken after the element is used, because that move already parses the next element and
        /// may break on it.
        /// </summary>
        private static XElement Load(XmlReader reader)
        {
            using var subtree = reader.ReadSubtree();
            return XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        private MemoryStream Stream(int offset)
        {
            var slice = data[offset..];
            return MemoryMarshal.TryGetArray(slice, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(slice.ToArray(), writable: false);
        }

        private static XmlReaderSettings Settings(ConformanceLevel level) => new()
        {
            ConformanceLevel = level,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };
    }
}
