using System.Globalization;
using Vigil.Edifact;
using Vigil.Travel.Dates;
using Vigil.Travel.Model;

namespace Vigil.Travel.Paxlst;

/// <summary>
/// Maps one PAXLST message (API passenger or crew list) onto the canonical travel model. The mapper follows the
/// segments as they come rather than a strict grammar: an unknown segment or qualifier is kept raw with a
/// warning, a bad value costs that value, and a traveler group that cannot be read costs that traveler only.
/// </summary>
public static class PaxlstMapper
{
    /// <summary>Maps <paramref name="message"/>; <paramref name="today"/> resolves two-digit years when UNB carries no date.</summary>
    public static PassengerList Map(EdifactMessage message, DateOnly? today = null)
    {
        var reference = message.Interchange.PreparationDateValue ?? today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        return new Mapping(message, reference).Run();
    }

    private enum Context
    {
        Header,
        ReportingParty,
        Flight,
        Traveler,
        IgnoredParty,
        Trailer,
    }

    private sealed class Mapping(EdifactMessage message, DateOnly reference)
    {
        private readonly List<Diagnostic> _diagnostics = [.. message.Diagnostics];
        private readonly List<(string? Carrier, string? Number, string? Stage, LegAssembler Legs)> _flightGroups = [];
        private readonly List<FlightStop> _stops = [];
        private readonly List<Traveler> _travelers = [];
        private readonly List<RawSegment> _unmapped = [];
        private readonly List<Contact> _partyContacts = [];
        private Context _context = Context.Header;
        private TravelerDraft? _traveler;
        private bool _travelerBroken;
        private string? _documentCode;
        private string? _function;
        private string? _transactionReference;
        private string? _partyName;
        private bool _hasParty;
        private int? _declaredPassengers;
        private int? _declaredCrew;

        public PassengerList Run()
        {
            var reader = message.OpenBody();
            while (reader.Read())
            {
                var segment = reader.Segment;
                var tag = SegmentTag.Of(segment.Tag);
                if (_travelerBroken && tag != SegmentTag.NAD && tag != SegmentTag.CNT)
                {
                    continue;
                }

                try
                {
                    Dispatch(segment, tag);
                }
                catch (Exception exception) when (_traveler is not null)
                {
                    // Defence in depth: whatever went wrong stays inside this traveler's group.
                    Error(segment, "traveler-unreadable",
                        $"The traveler group starting at segment {_traveler.Position.Segment} could not be read ({exception.Message}); the traveler is left out and reading resumes at the next NAD.");
                    _traveler = null;
                    _travelerBroken = true;
                }
            }

            EndTraveler();
            return Build();
        }

        private void Dispatch(EdifactSegment segment, int tag)
        {
            switch (tag)
            {
                case SegmentTag.BGM:
                    _documentCode = segment.Code(0);
                    _function = segment.Code(1);
                    break;
                case SegmentTag.RFF:
                    OnReference(segment);
                    break;
                case SegmentTag.DTM:
                    OnDate(segment);
                    break;
                case SegmentTag.NAD:
                    OnParty(segment);
                    break;
                case SegmentTag.COM:
                    OnContact(segment);
                    break;
                case SegmentTag.TDT:
                    OnTransport(segment);
                    break;
                case SegmentTag.LOC:
                    OnLocation(segment);
                    break;
                case SegmentTag.CNT:
                    OnControlTotal(segment);
                    break;
                case SegmentTag.ATT or SegmentTag.GEI or SegmentTag.FTX or SegmentTag.MEA or SegmentTag.NAT
                    or SegmentTag.EMP or SegmentTag.DOC or SegmentTag.QTY when _traveler is not null:
                    OnTravelerDetail(segment);
                    break;
                default:
                    Unexpected(segment, "unexpected-segment",
                        $"Segment {segment.TagText} is not expected here in a PAXLST message; it is kept as received.");
                    break;
            }
        }

        private void OnReference(EdifactSegment segment)
        {
            var qualifier = segment.Code(0, 0);
            var value = segment.Text(0, 1);
            if (_traveler is not null)
            {
                if (value is null)
                {
                    Warn(segment, "empty-value", $"RFF {qualifier} carries no reference; it was ignored.");
                    return;
                }

                if (qualifier is not ("AVF" or "ABO" or "SEA" or "AEA" or "CR" or "YZY"))
                {
                    Warn(segment, "unknown-qualifier", $"RFF qualifier '{qualifier}' is not one Vigil knows; the reference is kept with its qualifier.");
                }

                (_traveler.References ??= []).Add(new TravelerReference(qualifier ?? "", value));
                return;
            }

            if (qualifier == "TN")
            {
                _transactionReference = value;
                return;
            }

            Unexpected(segment, "unknown-qualifier", $"RFF qualifier '{qualifier}' is not expected at message level; the segment is kept as received.");
        }

        private void OnDate(EdifactSegment segment)
        {
            var qualifier = segment.Code(0, 0);
            var value = segment.Element(0).Component(1);
            switch (qualifier)
            {
                case "189" or "232" when _context == Context.Flight:
                    if (_stops.Count == 0)
                    {
                        Unexpected(segment, "orphan-date", $"DTM {qualifier} comes before any airport (LOC) of the flight; it is kept as received.");
                        return;
                    }

                    if (ParseDate(segment, value, YearDirection.Nearest) is { } time)
                    {
                        if (qualifier == "189")
                        {
                            _stops[^1].Departure = time;
                        }
                        else
                        {
                            _stops[^1].Arrival = time;
                        }
                    }

                    return;
                case "329" when _traveler is not null:
                    _traveler.DateOfBirth = DateOnly(ParseDate(segment, value, YearDirection.Past));
                    return;
                case "36" or "182" when _traveler is not null:
                    if (_traveler.CurrentDocument is not { } document)
                    {
                        Unexpected(segment, "orphan-date", $"DTM {qualifier} (document date) comes before any DOC of the traveler; it is kept as received.");
                        return;
                    }

                    if (qualifier == "36")
                    {
                        document.Expiry = DateOnly(ParseDate(segment, value, YearDirection.Future));
                    }
                    else
                    {
                        document.IssueDate = DateOnly(ParseDate(segment, value, YearDirection.Past));
                    }

                    return;
                default:
                    Unexpected(segment, "unknown-qualifier", $"DTM qualifier '{qualifier}' is not expected here; the segment is kept as received.");
                    return;
            }
        }

        private void OnParty(EdifactSegment segment)
        {
            var qualifier = segment.Code(0);
            EndTraveler();
            _travelerBroken = false;
            switch (qualifier)
            {
                case "MS":
                    _hasParty = true;
                    _partyName = JoinedName(segment.Element(3)) ?? segment.Element(2).Component(0).TextOrNull();
                    _context = Context.ReportingParty;
                    return;
                case "FL":
                    StartTraveler(segment, TravelerRole.Passenger);
                    return;
                case "FM":
                    StartTraveler(segment, TravelerRole.Crew);
                    return;
                case "DDU":
                    StartTraveler(segment, TravelerRole.InTransitPassenger);
                    return;
                case "DDT":
                    StartTraveler(segment, TravelerRole.InTransitCrew);
                    return;
                case "ZZZ":
                    // An iAPI flight close names no person: nothing to screen, the segment is kept.
                    _unmapped.Add(Raw(segment));
                    _context = Context.IgnoredParty;
                    return;
                default:
                    Unexpected(segment, "unknown-qualifier",
                        $"NAD party qualifier '{qualifier}' is not a reporting party or a traveler; the party and its details are kept as received.");
                    _context = Context.IgnoredParty;
                    return;
            }
        }

        private void StartTraveler(EdifactSegment segment, TravelerRole role)
        {
            _context = Context.Traveler;
            var traveler = new TravelerDraft(role, PositionOf(segment));
            var name = segment.Element(3);
            traveler.Surname = name.Component(0).TextOrNull();
            traveler.GivenNames = JoinedName(name, from: 1);
            if (traveler.Surname is null && traveler.GivenNames is null)
            {
                // Some senders put the name in the free-form element (C058) instead of the structured one.
                traveler.Surname = segment.Element(2).Component(0).TextOrNull();
            }

            if (traveler.Surname is null && traveler.GivenNames is null)
            {
                Warn(segment, "traveler-without-name", "The traveler's NAD carries no name; the traveler is kept and can be matched by document only.");
            }

            var street = JoinedName(segment.Element(4));
            var city = segment.Text(5);
            var region = segment.Text(6);
            var postcode = segment.Text(7);
            var country = segment.Text(8);
            if (street is not null || city is not null || region is not null || postcode is not null || country is not null)
            {
                traveler.Address = new PostalAddress(street, city, region, postcode, country);
            }

            _traveler = traveler;
        }

        private void EndTraveler()
        {
            if (_traveler is null)
            {
                return;
            }

            _travelers.Add(_traveler.Build());
            _traveler = null;
        }

        private void OnContact(EdifactSegment segment)
        {
            var contacts = _traveler is not null ? (_traveler.Contacts ??= []) : _context == Context.ReportingParty ? _partyContacts : null;
            if (contacts is null)
            {
                Unexpected(segment, "unexpected-segment", "COM is not attached to a reporting party or a traveler; it is kept as received.");
                return;
            }

            foreach (var element in segment.Elements)
            {
                if (element.Component(0).TextOrNull() is { } number)
                {
                    contacts.Add(new Contact(number, element.Component(1).TextOrNull()));
                }
            }
        }

        private void OnTransport(EdifactSegment segment)
        {
            EndTraveler();
            CloseFlightGroup();
            _context = Context.Flight;
            var journey = segment.Text(1);
            var carrier = segment.Code(4, 0);
            var (splitCarrier, number) = SplitFlightNumber(journey, carrier);
            _flightGroups.Add((carrier ?? splitCarrier, number, segment.Code(0), new LegAssembler()));
        }

        private void OnLocation(EdifactSegment segment)
        {
            var qualifier = segment.Code(0);
            var place = segment.Element(1);
            var code = CodeStrings.Of(place.Component(0));
            var name = place.Component(3).TextOrNull();
            var value = code is not null && name is not null ? $"{name}, {code}" : code ?? name;

            if (_context == Context.Flight && qualifier is "125" or "87" or "92" or "130" or "188" or "172")
            {
                if (qualifier is "188" or "172")
                {
                    // Filing and reporting locations describe the transmission, not the route.
                    _unmapped.Add(Raw(segment));
                    return;
                }

                _stops.Add(new FlightStop(qualifier!, value));
                return;
            }

            if (_traveler is null)
            {
                Unexpected(segment, "unknown-qualifier", $"LOC {qualifier} is not expected here; the segment is kept as received.");
                return;
            }

            switch (qualifier)
            {
                case "22":
                    _traveler.PortOfClearance = value;
                    break;
                case "174":
                    _traveler.ResidenceCountry = value;
                    break;
                case "178":
                    _traveler.Embarkation = value;
                    break;
                case "179":
                    _traveler.Debarkation = value;
                    break;
                case "180":
                    _traveler.BirthPlace = value;
                    break;
                case "91" when _traveler.CurrentDocument is { } document:
                    document.IssuingCountry = value;
                    break;
                default:
                    Unexpected(segment, "unknown-qualifier", $"LOC qualifier '{qualifier}' is not expected in a traveler's group; the segment is kept with the traveler.");
                    break;
            }
        }

        private void OnTravelerDetail(EdifactSegment segment)
        {
            var traveler = _traveler!;
            var qualifier = segment.Code(0);
            switch (SegmentTag.Of(segment.Tag))
            {
                case SegmentTag.ATT when qualifier == "2":
                    traveler.Gender = segment.Code(2);
                    if (traveler.Gender is not (null or "M" or "F" or "U" or "X"))
                    {
                        Warn(segment, "unknown-gender", $"Gender '{traveler.Gender}' is none of M, F, U, X; it is kept as sent.");
                    }

                    return;
                case SegmentTag.GEI when qualifier == "4":
                    traveler.Verified = segment.Text(1) switch { "173" => true, "174" => false, _ => null };
                    return;
                case SegmentTag.FTX when qualifier == "BAG":
                    var tags = segment.Element(3);
                    if (tags.Component(0).TextOrNull() is { } first)
                    {
                        var count = tags.Component(1).TryGetInt32(out var n) ? n : 1;
                        (traveler.BagTags ??= []).Add(new BagTagRange(first, count));
                    }

                    return;
                case SegmentTag.MEA when qualifier is "CT" or "WT":
                    OnMeasure(segment, traveler, qualifier);
                    return;
                case SegmentTag.NAT:
                    traveler.Nationality = segment.Code(1);
                    return;
                case SegmentTag.EMP:
                    traveler.CrewFunction = segment.Code(1);
                    return;
                case SegmentTag.QTY:
                    if (segment.Code(0, 0) is { } kind && segment.Text(0, 1) is { } amount)
                    {
                        (traveler.Quantities ??= []).Add(new Quantity(kind, amount));
                    }

                    return;
                case SegmentTag.DOC:
                    OnDocument(segment, traveler);
                    return;
                default:
                    Unexpected(segment, "unknown-qualifier", $"{segment.TagText} qualifier '{qualifier}' is not one Vigil knows; the segment is kept with the traveler.");
                    return;
            }
        }

        private void OnMeasure(EdifactSegment segment, TravelerDraft traveler, string qualifier)
        {
            var measure = segment.Element(2);
            var unit = CodeStrings.Of(measure.Component(0));
            var text = measure.Component(1).TextOrNull() ?? (qualifier == "CT" ? unit : null);
            var separator = segment.Service.DecimalMark.ToString();
            if (text is null || !decimal.TryParse(text.Replace(separator, ".", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                Warn(segment, "invalid-number", $"MEA {qualifier} carries no readable quantity ('{text}'); it was ignored.");
                return;
            }

            if (qualifier == "CT")
            {
                traveler.BagCount = (int)amount;
            }
            else
            {
                traveler.BagWeight = amount;
                traveler.BagWeightUnit = unit;
                if (unit is not (null or "KGM" or "LBR"))
                {
                    Warn(segment, "unknown-unit", $"Bag weight unit '{unit}' is neither KGM nor LBR; it is kept as sent.");
                }
            }
        }

        private void OnDocument(EdifactSegment segment, TravelerDraft traveler)
        {
            var kind = segment.Element(0);
            var number = segment.Text(1);
            var loose = kind.Component(1).TextOrNull();
            if (number is null && loose is not null && loose != "110")
            {
                number = loose;
                Warn(segment, "doc-number-in-type", $"DOC carries the document number '{loose}' inside the type composite; it was read as the number.");
            }

            if (number is null)
            {
                Warn(segment, "doc-without-number", "DOC carries no document number.");
            }

            (traveler.Documents ??= []).Add(new DocumentDraft { Type = CodeStrings.Of(kind.Component(0)), Number = number });
        }

        private void OnControlTotal(EdifactSegment segment)
        {
            EndTraveler();
            _context = Context.Trailer;
            var qualifier = segment.Text(0, 0);
            if (!segment.Element(0).Component(1).TryGetInt32(out var count))
            {
                Warn(segment, "invalid-number", $"CNT {qualifier} carries no readable count.");
                return;
            }

            switch (qualifier)
            {
                case "42":
                    _declaredPassengers = count;
                    break;
                case "41":
                    _declaredCrew = count;
                    break;
                default:
                    Unexpected(segment, "unknown-qualifier", $"CNT qualifier '{qualifier}' is not one Vigil knows; the segment is kept as received.");
                    break;
            }
        }

        private void CloseFlightGroup()
        {
            if (_flightGroups.Count == 0)
            {
                return;
            }

            var legs = _flightGroups[^1].Legs;
            foreach (var stop in _stops)
            {
                legs.Add(stop);
            }

            legs.Finish();
            _stops.Clear();
        }

        private PassengerList Build()
        {
            CloseFlightGroup();
            var flights = new List<Flight>();
            foreach (var group in _flightGroups)
            {
                // A progressive flight repeats its TDT for each leg: consecutive groups of one flight are one flight.
                if (flights.Count > 0 && flights[^1].Carrier == group.Carrier && flights[^1].Number == group.Number)
                {
                    flights[^1] = flights[^1] with
                    {
                        Legs = [.. flights[^1].Legs, .. group.Legs.Legs],
                        FinalDestination = group.Legs.FinalDestination ?? flights[^1].FinalDestination,
                    };
                    continue;
                }

                flights.Add(new Flight
                {
                    Carrier = group.Carrier,
                    Number = group.Number,
                    Stage = group.Stage,
                    Legs = group.Legs.Legs,
                    FinalDestination = group.Legs.FinalDestination,
                });
            }

            return new PassengerList(message)
            {
                PartsReceived = message.Part is { } part ? [part.Sequence] : [],
                Purpose = new ListPurpose(_documentCode, _function),
                TransactionReference = _transactionReference,
                ReportingParty = _hasParty ? new ReportingParty(_partyName, _partyContacts) : null,
                Flights = flights,
                Travelers = _travelers,
                DeclaredPassengers = _declaredPassengers,
                DeclaredCrew = _declaredCrew,
                UnmappedSegments = _unmapped,
                Diagnostics = _diagnostics,
            };
        }

        private DateTime? ParseDate(EdifactSegment segment, EdifactComponent value, YearDirection direction)
        {
            if (EdifactDateTime.TryParse(value.Raw, reference, direction, out var result))
            {
                return result;
            }

            Warn(segment, "invalid-date", value.IsEmpty
                ? "DTM carries no date."
                : $"'{value.ToString()}' is not a date in any DTM format Vigil reads (YYMMDD, CCYYMMDD, YYMMDDHHMM, CCYYMMDDHHMM); the date is left empty.");
            return null;
        }

        private static DateOnly? DateOnly(DateTime? value) => value is { } v ? System.DateOnly.FromDateTime(v) : null;

        /// <summary>Components from <paramref name="from"/> on, joined by spaces; null when all are empty.</summary>
        private static string? JoinedName(EdifactElement element, int from = 0)
        {
            string? joined = null;
            var index = 0;
            foreach (var component in element.Components)
            {
                if (index++ >= from && component.TextOrNull() is { } part)
                {
                    joined = joined is null ? part : $"{joined} {part}";
                }
            }

            return joined;
        }

        /// <summary>Splits a journey identifier such as <c>UA0989</c> into carrier and number.</summary>
        private static (string? Carrier, string? Number) SplitFlightNumber(string? journey, string? carrier)
        {
            if (journey is null)
            {
                return (carrier, null);
            }

            if (carrier is not null && journey.StartsWith(carrier, StringComparison.OrdinalIgnoreCase) && journey.Length > carrier.Length)
            {
                return (carrier, journey[carrier.Length..].Trim());
            }

            // Airline designators are two characters, or three letters for ICAO codes (UAL123).
            var designator = journey.Length > 3 && char.IsAsciiLetter(journey[0]) && char.IsAsciiLetter(journey[1])
                && char.IsAsciiLetter(journey[2]) && char.IsAsciiDigit(journey[3]) ? 3 : 2;
            return journey.Length > designator ? (journey[..designator], journey[designator..].Trim()) : (carrier, journey);
        }

        private void Unexpected(EdifactSegment segment, string code, string text)
        {
            var raw = Raw(segment);
            if (_traveler is not null)
            {
                (_traveler.Unmapped ??= []).Add(raw);
            }
            else
            {
                _unmapped.Add(raw);
            }

            Warn(segment, code, text);
        }

        private void Warn(EdifactSegment segment, string code, string text) =>
            _diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Warning, segment.Index, segment.Offset, segment.Line, text));

        private void Error(EdifactSegment segment, string code, string text) =>
            _diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Error, segment.Index, segment.Offset, segment.Line, text));

        private static RawSegment Raw(EdifactSegment segment) => new(segment.ToString(), PositionOf(segment));

        private static SourcePosition PositionOf(EdifactSegment segment) => new(segment.Index, segment.Offset, segment.Line);
    }
}
