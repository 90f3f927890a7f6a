using System.Buffers.Text;
using System.Globalization;
using Vigil.Edifact;
using Vigil.Travel.Dates;
using Vigil.Travel.Model;
using Vigil.Travel.Privacy;
using Vigil.Travel.Ssr;

namespace Vigil.Travel.Pnrgov;

/// <summary>
/// Maps one PNRGOV message (a PNR push, versions 10.1 to 21.1) onto bookings. Segments are taken as they come:
/// each SRC opens a booking, and the segment groups inside it are recognised by their trigger segments. A traveler
/// exists for every TIF, with or without DOCS; a booking that cannot be read costs that booking only; sensitive
/// data is removed before anything is kept.
/// </summary>
public static class PnrgovMapper
{
    public static BookingPush Map(EdifactMessage message, DateOnly? today = null) =>
        Map(message, SensitiveDataFilter.Default, today);

    internal static BookingPush Map(EdifactMessage message, SensitiveDataFilter filter, DateOnly? today = null)
    {
        var reference = message.Interchange.PreparationDateValue ?? today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        return new Mapping(message, reference, filter).Run();
    }

    /// <summary>Which group the last trigger segment opened.</summary>
    private enum Group
    {
        Header,
        Booking,
        Traveler,
        Ticket,
        Payment,
        Leg,
        CheckIn,
        Boarding,
        Split,
        NonAir,
        History,
    }

    private readonly record struct OpenCheckIn(LegDraft Leg, string? TravelerReference, string? SequenceNumber, string? Seat = null, string? Cabin = null);

    private sealed class Mapping(EdifactMessage message, DateOnly reference, SensitiveDataFilter filter)
    {
        private readonly List<Diagnostic> _diagnostics = [.. message.Diagnostics];
        private readonly List<Booking> _bookings = [];
        private readonly List<RawSegment> _unmapped = [];
        private Group _group = Group.Header;
        private PushKind _kind;
        private string? _originator;
        private Flight? _pushedFlight;
        private int? _declaredBookings;
        private BookingDraft? _booking;
        private BookingDraft? _lastBooking;
        private PnrTravelerDraft? _traveler;
        private LegDraft? _leg;
        private string? _ticketNumber;
        private string? _fareBasis;
        private string? _ticketKind;
        private decimal? _ticketTotal;
        private string? _ticketCurrency;
        private DateTime? _ticketIssued;
        private int _payment = -1;
        private string? _boardingReference;
        private string? _historyAction;
        private DateTime? _historyDate;
        private bool _bookingBroken;

        // The check-in the last TRI opened: the SSD after it may still give a seat and cabin, so its record is
        // made only when the next TRI, leg or booking begins (one object per check-in, none to copy at the end).
        private OpenCheckIn? _checkIn;

        // Scratch reused from segment to segment: cleared before each use, never kept.
        private readonly List<SsrFinding> _findings = [];
        private readonly List<string> _textParts = [];
        private readonly List<BagTagRange> _bagTags = [];

        public BookingPush Run()
        {
            var reader = message.OpenBody();
            while (reader.Read())
            {
                var segment = reader.Segment;
                var tag = SegmentTag.Of(segment.Tag);
                if (_bookingBroken && tag != SegmentTag.SRC)
                {
                    continue;
                }

                try
                {
                    Dispatch(segment, tag);
                }
                catch (Exception exception) when (_booking is not null)
                {
                    Error(segment, "booking-unreadable",
                        $"The booking starting at segment {_booking.Position.Segment} could not be read ({exception.Message}); it is left out and reading resumes at the next SRC.");
                    _booking = null;
                    _bookingBroken = true;
                }
            }

            EndBooking();
            if (_declaredBookings is { } declared && message.Part is null or { Sequence: 1, Final: true } && declared != _bookings.Count)
            {
                Warn(message.SegmentIndex, message.Offset, message.Line, "eqn-mismatch",
                    $"EQN declares {declared} booking(s) in the push but {_bookings.Count} were read.");
            }

            return new BookingPush(message)
            {
                Kind = _kind,
                Originator = _originator,
                PushedFlight = _pushedFlight,
                DeclaredBookings = _declaredBookings,
                PartsReceived = message.Part is { } part ? [part.Sequence] : [],
                Bookings = _bookings,
                UnmappedSegments = _unmapped,
                Diagnostics = _diagnostics,
            };
        }

        private void Dispatch(EdifactSegment segment, int tag)
        {
            if (tag == SegmentTag.SRC)
            {
                EndBooking();
                _bookingBroken = false;
                _booking = _lastBooking = new BookingDraft(PositionOf(segment), _lastBooking);
                _group = Group.Booking;
                return;
            }

            if (_booking is null)
            {
                OnHeader(segment, tag);
                return;
            }

            if (_group == Group.History && tag is not (SegmentTag.ABI or SegmentTag.SAC or SegmentTag.LTS or SegmentTag.DAT))
            {
                AddHistory(segment);
                return;
            }

            switch (tag)
            {
                case SegmentTag.RCI:
                    OnLocators(segment);
                    break;
                case SegmentTag.SSR:
                    OnSsr(segment);
                    break;
                case SegmentTag.DAT:
                    OnDates(segment);
                    break;
                case SegmentTag.IFT:
                    OnText(segment);
                    break;
                case SegmentTag.ORG:
                    OnOriginator(segment);
                    break;
                case SegmentTag.ADD:
                    OnAddress(segment);
                    break;
                case SegmentTag.TIF:
                    OnTraveler(segment);
                    break;
                case SegmentTag.FTI when _traveler is not null:
                    if (segment.Text(0, 1) is { } number)
                    {
                        _traveler.FrequentFlyers.Add(new FrequentFlyerAccount(segment.Code(0, 0), number, segment.Text(0, 4)));
                    }

                    break;
                case SegmentTag.REF when _traveler is not null:
                    _traveler.PassengerReference = segment.Text(0, 1) ?? segment.Text(0, 0);
                    break;
                case SegmentTag.TKT:
                    OnTicket(segment);
                    break;
                case SegmentTag.MON:
                    OnAmounts(segment);
                    break;
                case SegmentTag.PTK:
                    _ticketIssued = PnrDateTime.Parse(segment.Element(2).Component(0).Raw, segment.Element(2).Component(1).Raw, reference) ?? _ticketIssued;
                    break;
                case SegmentTag.FOP:
                    OnPayment(segment);
                    break;
                case SegmentTag.TVL:
                    OnItinerary(segment);
                    break;
                case SegmentTag.TRA when _leg is not null:
                    _leg.OperatingCarrier = segment.Code(0);
                    _leg.OperatingNumber = segment.Text(1, 0);
                    break;
                case SegmentTag.RPI when _leg is not null:
                    _leg.Status = segment.Code(1);
                    break;
                case SegmentTag.APD when _leg is not null:
                    _leg.Equipment = segment.Code(0);
                    break;
                case SegmentTag.TRI:
                    _boardingReference = segment.Code(1, 3);
                    CloseCheckIn();
                    _checkIn = _leg is null ? null : new OpenCheckIn(_leg, _boardingReference, segment.Code(1, 0));
                    _group = Group.Boarding;
                    break;
                case SegmentTag.SSD when _checkIn is { } open:
                    var seat = segment.Code(0);
                    _checkIn = open with { Seat = seat is null ? null : SsrParsers.NormaliseSeat(seat), Cabin = segment.Code(4) };
                    break;
                case SegmentTag.TBD:
                    OnBags(segment);
                    break;
                case SegmentTag.EQN:
                    // Group 8: the RCI that follows names a booking split off from this one.
                    _group = Group.Split;
                    break;
                case SegmentTag.MSG:
                    _group = Group.NonAir;
                    break;
                case SegmentTag.ABI:
                    _group = Group.History;
                    _historyAction = null;
                    _historyDate = null;
                    break;
                case SegmentTag.SAC:
                    _group = Group.History;
                    _historyAction = segment.Code(2);
                    break;
                case SegmentTag.LTS:
                    AddHistory(segment, segment.Element(0).ToString());
                    break;
                case SegmentTag.FAR:
                    _fareBasis = segment.Code(5) ?? segment.Text(5);
                    break;
                case SegmentTag.EBD or SegmentTag.TXD:
                    // Excess-baggage charges and taxes carry nothing screening or analysts use; they stay in the
                    // stored raw message only.
                    break;
                default:
                    Unexpected(segment, "unexpected-segment", $"Segment {segment.TagText} is not expected here in a PNRGOV booking; it is kept as received.");
                    break;
            }
        }

        private void OnHeader(EdifactSegment segment, int tag)
        {
            switch (tag)
            {
                case SegmentTag.MSG:
                    _kind = segment.Code(0, 1) switch { "22" => PushKind.Full, "141" => PushKind.Update, _ => PushKind.Unknown };
                    if (_kind == PushKind.Unknown)
                    {
                        Warn(segment, "unknown-push-kind", $"MSG function '{segment.Element(0).ToString()}' is neither 22 (full push) nor 141 (update push).");
                    }

                    break;
                case SegmentTag.ORG:
                    _originator = string.Join(' ', new[] { segment.Text(0, 0), segment.Text(0, 1) }.Where(s => s is not null));
                    break;
                case SegmentTag.TVL:
                    var leg = ReadLeg(segment);
                    _pushedFlight = new Flight
                    {
                        Carrier = leg.MarketingCarrier,
                        Number = leg.MarketingNumber,
                        Legs = [new Leg { Origin = leg.Origin, Destination = leg.Destination, ScheduledDeparture = leg.ScheduledDeparture, ScheduledArrival = leg.ScheduledArrival }],
                    };
                    break;
                case SegmentTag.EQN:
                    _declaredBookings = segment.Element(0).Component(0).TryGetInt32(out var count) ? count : null;
                    break;
                default:
                    Unexpected(segment, "unexpected-segment", $"Segment {segment.TagText} comes before the first booking (SRC) and is not a push header; it is kept as received.");
                    break;
            }
        }

        private void OnLocators(EdifactSegment segment)
        {
            var booking = _booking!;
            foreach (var element in segment.Elements)
            {
                var carrier = CodeStrings.Of(element.Component(0));
                // Check-in groups repeat the booking's locator: a repeat is recognised on the bytes, before any string is made.
                if (_group != Group.Split && KnownAsPrinted(booking.Locators, carrier, element.Component(1)))
                {
                    continue;
                }

                if (element.Component(1).TextOrNull() is not { } locator)
                {
                    continue;
                }

                if (_group == Group.Split)
                {
                    (booking.SplitBookings ??= []).Add(locator);
                    continue;
                }

                if (Known(booking.Locators, carrier, locator))
                {
                    continue;
                }

                var created = PnrDateTime.Parse(element.Component(3).Raw, element.Component(4).Raw, reference);
                booking.Locators.Add(new RecordLocatorReference(carrier, locator, CodeStrings.Of(element.Component(2)), created));
            }
        }

        /// <summary>Whether a locator printed exactly as kept (plain ASCII, nothing to trim or unescape) is already known.</summary>
        private static bool KnownAsPrinted(List<RecordLocatorReference> locators, string? carrier, EdifactComponent component)
        {
            var printed = component.Raw;
            if (component.Service.Release.Value is not (>= 0 and < 0x80) || printed.Contains((byte)component.Service.Release.Value))
            {
                return false;
            }

            foreach (var known in locators)
            {
                if (known.Carrier == carrier && System.Text.Ascii.Equals(printed, known.Locator))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Known(List<RecordLocatorReference> locators, string? carrier, string locator)
        {
            foreach (var known in locators)
            {
                if (known.Locator == locator && known.Carrier == carrier)
                {
                    return true;
                }
            }

            return false;
        }

        private void OnDates(EdifactSegment segment)
        {
            var booking = _booking!;
            foreach (var element in segment.Elements)
            {
                var qualifier = CodeStrings.Of(element.Component(0));
                var at = PnrDateTime.Parse(element.Component(1).Raw, element.Component(2).Raw, reference);
                switch (qualifier)
                {
                    case "700" when _group == Group.Booking:
                        booking.LastChanged = at;
                        break;
                    case "710" when _group is Group.Ticket or Group.Payment:
                        _ticketIssued = at ?? _ticketIssued;
                        break;
                    case "2" or "3" when _group is Group.Leg or Group.CheckIn or Group.Boarding:
                        _group = Group.CheckIn;
                        break;
                    case "ZT" or "T" or "9" when _group == Group.History:
                        _historyDate = at;
                        break;
                    default:
                        if (_group == Group.History)
                        {
                            _historyDate = at;
                        }

                        break;
                }
            }
        }

        private void OnText(EdifactSegment segment)
        {
            var booking = _booking!;
            var kind = segment.Code(0, 1) switch
            {
                "28" => "OSI",
                "15" => "fare-calculation",
                "43" => "sponsor",
                "3" => "free-text",
                { } other => $"IFT {other}",
                null => "IFT",
            };
            var (text, firstLength) = TextOf(segment);
            if (filter.CategoryOfText(text) is { } category)
            {
                booking.Remove(category);
                return;
            }

            if (_group == Group.Payment && _payment >= 0 && booking.Payments[_payment].Holder is null && firstLength > 0)
            {
                // The first text element names the card holder.
                booking.Payments[_payment] = booking.Payments[_payment] with { Holder = firstLength == text.Length ? text : text[..firstLength] };
            }

            if (kind == "OSI" && text.StartsWith("CTC", StringComparison.OrdinalIgnoreCase))
            {
                // OSI contacts: "CTCE NAME//HOST.COM" is an e-mail, "CTCM 2126…", "CTC M …", "CTCR …" phones.
                var findings = _findings;
                findings.Clear();
                if (text.StartsWith("CTCE", StringComparison.OrdinalIgnoreCase))
                {
                    if (SsrParsers.ParseEmail(text.AsSpan(4).Trim(), findings) is { } email && !booking.Emails.Contains(email))
                    {
                        booking.Emails.Add(email);
                        _traveler?.Contacts.Add(new Contact(email, "EM"));
                    }
                }
                else if (SsrParsers.ParsePhone(text, findings) is { } phone)
                {
                    AddPhone(booking, _traveler, phone);
                }

                Report(segment, findings);
            }

            booking.Remarks.Add(new Remark(kind, text, _traveler?.Reference));
        }

        /// <summary>
        /// The text elements of an IFT (all but the first), trimmed, blanks left out, one space between each; and
        /// the length of the first of them alone (a payment's holder), -1 when blank. Plain ASCII text is joined
        /// straight from the bytes into one string; anything else is decoded element by element.
        /// </summary>
        private (string Text, int FirstLength) TextOf(EdifactSegment segment)
        {
            const int StackChars = 256;
            if (segment.Raw.Length > StackChars)
            {
                return DecodedTextOf(segment);
            }

            Span<char> chars = stackalloc char[StackChars];
            var length = 0;
            var firstLength = -1;
            var index = 0;
            foreach (var element in segment.Elements)
            {
                if (index++ == 0 || element.IsEmpty)
                {
                    continue;
                }

                // Read after a space's room; the part is moved into place once trimmed.
                var at = length == 0 ? 0 : length + 1;
                if (!PlainText.TryRead(element, chars[at..], out var read))
                {
                    return DecodedTextOf(segment);
                }

                var part = chars.Slice(at, read).Trim();
                if (part.IsEmpty)
                {
                    continue;
                }

                if (length > 0)
                {
                    chars[length] = ' ';
                }

                part.CopyTo(chars[at..]);
                length = at + part.Length;
                firstLength = index == 2 ? part.Length : firstLength;
            }

            return (length == 0 ? "" : new string(chars[..length]), firstLength);
        }

        /// <summary>As <see cref="TextOf"/>, decoding each element (release characters, folded lines, other scripts).</summary>
        private (string Text, int FirstLength) DecodedTextOf(EdifactSegment segment)
        {
            var parts = _textParts;
            parts.Clear();
            var firstLength = -1;
            var index = 0;
            foreach (var element in segment.Elements)
            {
                if (index++ == 0 || element.IsEmpty)
                {
                    continue;
                }

                var part = element.ToString().Trim();
                if (part.Length == 0)
                {
                    continue;
                }

                firstLength = index == 2 ? part.Length : firstLength;
                parts.Add(part);
            }

            var text = parts.Count switch
            {
                0 => "",
                1 => parts[0],
                _ => string.Join(' ', System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts)),
            };
            return (text, firstLength);
        }

        private void OnOriginator(EdifactSegment segment)
        {
            var booking = _booking!;
            if (_group is Group.CheckIn or Group.Boarding or Group.Leg)
            {
                // Group 6: the check-in agent; nothing screening uses.
                KeepRaw(segment);
                return;
            }

            if (segment.Raw.Length <= 3 || segment.Element(0).IsEmpty && segment.ElementCount <= 1)
            {
                booking.EmptyOriginator = true;
                return;
            }

            booking.Agency = new BookingAgency
            {
                System = segment.Code(0, 0),
                Location = segment.Code(0, 1),
                AgentId = segment.Text(1, 0),
                OfficeId = segment.Text(1, 1),
                OriginatorType = segment.Code(4, 0),
                Country = segment.Code(5, 0),
                Currency = segment.Code(5, 1),
            };
        }

        private void OnAddress(EdifactSegment segment)
        {
            var booking = _booking!;
            foreach (var element in segment.Elements)
            {
                var street = element.Component(1).TextOrNull();
                var city = element.Component(2).TextOrNull();
                var region = element.Component(3).TextOrNull();
                var country = CodeStrings.Of(element.Component(5));
                var postcode = element.Component(6).TextOrNull();
                if (street is not null || city is not null || country is not null || postcode is not null)
                {
                    var address = new PostalAddress(street, city, region, postcode, country);
                    booking.Addresses.Add(address);
                    if (_traveler is not null)
                    {
                        _traveler.Address ??= address;
                    }
                }

                if (element.Component(7).TextOrNull() is { } phone)
                {
                    AddPhone(booking, _traveler, phone);
                }
            }
        }

        private void OnTraveler(EdifactSegment segment)
        {
            var booking = _booking!;
            if (_group == Group.Boarding)
            {
                // Group 7 repeats the name of the traveler checked in; the TRI reference already ties it.
                return;
            }

            EndTicket();
            _fareBasis = null;
            var surname = segment.Text(0, 0);
            var details = segment.Element(1);
            var (givenNames, title) = GivenNamesAndTitle(details.Component(0));
            if (surname is null && givenNames is null && title is null)
            {
                Unexpected(segment, "tif-without-name", "TIF names no one; no traveler is created from it.");
                return;
            }

            var traveler = new PnrTravelerDraft(PositionOf(segment));
            traveler.Surname = surname;
            (traveler.GivenNames, traveler.Title) = (givenNames, title);
            var type = CodeStrings.Of(details.Component(1));
            traveler.Role = type is "IN" or "INF" ? TravelerRole.Infant : TravelerRole.Passenger;
            traveler.Reference = CodeStrings.Of(details.Component(2));
            traveler.HasInfant = details.Component(3).TextOrNull() is "1";
            if (traveler.Role == TravelerRole.Infant)
            {
                traveler.AccompaniedBy = AdultOfInfant(booking.Travelers)?.Reference;
            }

            booking.Travelers.Add(traveler);
            _traveler = traveler;
            _group = Group.Traveler;
        }

        /// <summary>A TIF's given names with any title split off; the name is read from its bytes when it is plain ASCII.</summary>
        private static (string? GivenNames, string? Title) GivenNamesAndTitle(EdifactComponent component)
        {
            Span<char> chars = stackalloc char[PlainText.MaxLength];
            return PlainText.TryRead(component, chars, out var length)
                ? PersonTitles.SplitAirimp(chars[..length])
                : PersonTitles.SplitAirimp(component.TextOrNull());
        }

        /// <summary>The adult an infant's TIF belongs to: the last adult who declared an infant, else the last adult.</summary>
        private static PnrTravelerDraft? AdultOfInfant(List<PnrTravelerDraft> travelers)
        {
            PnrTravelerDraft? lastAdult = null;
            for (var i = travelers.Count - 1; i >= 0; i--)
            {
                var candidate = travelers[i];
                if (candidate.Role == TravelerRole.Infant)
                {
                    continue;
                }

                if (candidate.HasInfant)
                {
                    return candidate;
                }

                lastAdult ??= candidate;
            }

            return lastAdult;
        }

        private void OnTicket(EdifactSegment segment)
        {
            EndTicket();
            _group = Group.Ticket;
            _ticketNumber = segment.Text(0, 0);
            _ticketKind = segment.Code(0, 1);
        }

        private void OnAmounts(EdifactSegment segment)
        {
            foreach (var element in segment.Elements)
            {
                if (CodeStrings.Of(element.Component(0)) == "T" && Amount(element.Component(1)) is { } total)
                {
                    _ticketTotal = total;
                    _ticketCurrency = CodeStrings.Of(element.Component(2));
                }
            }
        }

        private void OnPayment(EdifactSegment segment)
        {
            var booking = _booking!;
            foreach (var element in segment.Elements)
            {
                var card = element.Component(4).TextOrNull();
                booking.Payments.Add(new Payment
                {
                    Type = CodeStrings.Of(element.Component(0)),
                    Amount = Amount(element.Component(2)),
                    Vendor = CodeStrings.Of(element.Component(3)),
                    MaskedCardNumber = card is null ? null : Mask(card),
                    CardExpiry = element.Component(5).TextOrNull(),
                    TravelerReference = _traveler?.Reference,
                });
            }

            _payment = booking.Payments.Count - 1;
            _group = Group.Payment;
        }

        private void OnItinerary(EdifactSegment segment)
        {
            var booking = _booking!;
            EndTicket();
            switch (_group)
            {
                case Group.NonAir:
                    (booking.NonAirSegments ??= []).Add(segment.ToString());
                    return;
                case Group.Split:
                    _group = Group.Leg;
                    break;
            }

            var leg = ReadLeg(segment);
            // Codeshare: a TVL with no times right after another repeats the flight under its operating carrier.
            if (_leg is not null && _group == Group.Leg && leg.ScheduledDeparture is null && leg.Origin is null)
            {
                _leg.OperatingCarrier = leg.MarketingCarrier ?? _leg.OperatingCarrier;
                _leg.OperatingNumber = leg.MarketingNumber;
                return;
            }

            CloseCheckIn();
            _leg = leg;
            booking.Legs.Add(_leg);
            _group = Group.Leg;
        }

        /// <summary>Adds the check-in a TRI opened to its leg, with whatever seat and cabin an SSD gave it.</summary>
        private void CloseCheckIn()
        {
            if (_checkIn is { } open)
            {
                (open.Leg.CheckIns ??= []).Add(new CheckIn(open.TravelerReference, open.SequenceNumber, open.Seat, open.Cabin, null));
                _checkIn = null;
            }
        }

        private LegDraft ReadLeg(EdifactSegment segment)
        {
            var times = segment.Element(0);
            var departureDate = times.Component(0).Raw;
            var arrivalDate = times.Component(2).IsEmpty ? departureDate : times.Component(2).Raw;
            var departure = PnrDateTime.Parse(departureDate, times.Component(1).Raw, reference);
            var arrival = PnrDateTime.Parse(arrivalDate, times.Component(3).Raw, reference);
            if ((departure is null && !departureDate.IsEmpty) || (arrival is null && !times.Component(3).IsEmpty))
            {
                Warn(segment, "invalid-date", $"TVL times '{times.ToString()}' are not all valid DDMMYY:HHMM values; the unreadable ones are left empty.");
            }

            var marketing = CodeStrings.Of(segment.Element(3).Component(0));
            var operating = CodeStrings.Of(segment.Element(3).Component(1));
            var number = segment.Code(4, 0);
            return new LegDraft
            {
                ScheduledDeparture = departure,
                ScheduledArrival = times.Component(3).IsEmpty ? null : arrival,
                Origin = segment.Code(1, 0),
                Destination = segment.Code(2, 0),
                MarketingCarrier = marketing,
                MarketingNumber = number,
                OperatingCarrier = operating ?? marketing,
                OperatingNumber = operating is null ? number : null,
                BookingClass = segment.Code(4, 1),
            };
        }

        private void OnBags(EdifactSegment segment)
        {
            var booking = _booking!;
            var quantity = segment.Element(1);
            var count = quantity.Component(0).TryGetInt32(out var c) ? c : (int?)null;
            var weight = Amount(quantity.Component(1));
            var unit = CodeStrings.Of(quantity.Component(2)) switch { "700" or "KGM" or "K" => "KGM", "701" or "LBR" or "L" => "LBR", _ => null };
            var tags = _bagTags;
            tags.Clear();
            var index = 0;
            foreach (var element in segment.Elements)
            {
                if (index++ >= 4 && element.Component(1).TextOrNull() is { } tag)
                {
                    tags.Add(new BagTagRange(tag, element.Component(2).TryGetInt32(out var n) ? n : 1));
                }
            }

            booking.Bags.Add(new CheckedBag
            {
                TravelerReference = _group == Group.Boarding ? _boardingReference : _traveler?.Reference,
                Count = count,
                Weight = weight,
                WeightUnit = weight is null ? null : unit,
                Pool = CodeStrings.Of(segment.Element(3).Component(0)),
                Tags = tags.Count == 0 ? [] : tags.ToArray(),
            });
        }

        private void OnSsr(EdifactSegment segment)
        {
            var booking = _booking!;
            var head = segment.Element(0);
            var code = CodeStrings.Of(head.Component(0)) ?? "";
            string? text = null;
            var index = 0;
            foreach (var component in head.Components)
            {
                // Free text is component 9; a colon inside it that the sender did not release splits it further.
                if (index++ >= 8 && component.TextOrNull() is { } part)
                {
                    text = text is null ? part : $"{text}:{part}";
                }
            }

            if (code is "SEAT" or "NSST" or "RQST" && _leg is not null && _group is Group.Leg or Group.CheckIn or Group.Boarding
                && filter.CategoryOfSsr(code) is null)
            {
                // Seats need no traveler resolution: each element pairs a seat with a traveler reference.
                index = 0;
                foreach (var element in segment.Elements)
                {
                    if (index++ > 0 && CodeStrings.Of(element.Component(0)) is { } seat)
                    {
                        _leg.Seats.Add(new SeatAssignment(CodeStrings.Of(element.Component(2)), SsrParsers.NormaliseSeat(seat)));
                    }
                }

                return;
            }

            // The first traveler reference decides; references repeat on every leg, so they are shared strings.
            string? reference = null;
            index = 0;
            foreach (var element in segment.Elements)
            {
                if (index++ > 0 && CodeStrings.Of(element.Component(2)) is { } found)
                {
                    reference = found;
                    break;
                }
            }

            booking.Ssrs.Add(new PendingSsr(code, CodeStrings.Of(head.Component(1)), CodeStrings.Of(head.Component(3)), text, reference,
                _group is Group.Traveler or Group.Ticket or Group.Payment ? _traveler : null,
                _group is Group.Leg or Group.CheckIn or Group.Boarding ? _leg : null,
                PositionOf(segment)));
        }

        private void AddHistory(EdifactSegment segment, string? text = null)
        {
            var booking = _booking!;
            text ??= segment.ToString();
            // History repeats what was once in the booking, sensitive SSRs included.
            if (SegmentTag.Of(segment.Tag) == SegmentTag.SSR && filter.CategoryOfSsr(segment.Code(0, 0) ?? "") is { } ssrCategory)
            {
                booking.Remove(ssrCategory);
                return;
            }

            if (filter.CategoryOfText(text) is { } category)
            {
                booking.Remove(category);
                return;
            }

            (booking.History ??= []).Add(new HistoryEntry(_historyAction, text, _historyDate));
        }

        private void EndTicket()
        {
            if (_ticketNumber is not null && _booking is not null)
            {
                _booking.Tickets.Add(new Ticket(_traveler?.Reference, _ticketNumber, _ticketKind, _ticketTotal, _ticketCurrency, _ticketIssued) { FareBasis = _fareBasis });
                _fareBasis = null;
            }

            _ticketNumber = _ticketKind = _ticketCurrency = null;
            _ticketTotal = null;
            _ticketIssued = null;
        }

        private void EndBooking()
        {
            EndTicket();
            CloseCheckIn();
            if (_booking is { } draft)
            {
                _bookings.Add(new BookingAssembler(draft, _kind, reference, filter, _diagnostics).Build());
            }

            _booking = null;
            _traveler = null;
            _leg = null;
            _payment = -1;
            _group = Group.Header;
        }

        /// <summary>An amount read from the component's bytes, with the interchange's decimal mark.</summary>
        private static decimal? Amount(EdifactComponent component)
        {
            var raw = component.Raw.Trim((byte)' ');
            if (raw.IsEmpty || raw.Length > 32)
            {
                return null;
            }

            Span<byte> normal = stackalloc byte[raw.Length];
            raw.CopyTo(normal);
            if (component.Service.DecimalMark.Value is var mark and not '.' && mark < 0x80)
            {
                normal.Replace((byte)mark, (byte)'.');
            }

            return !normal.ContainsAnyExcept("0123456789."u8)
                && Utf8Parser.TryParse(normal, out decimal amount, out var consumed) && consumed == normal.Length ? amount : null;
        }

        /// <summary>Card numbers are kept only as masked as the sender masked them, and never with more than four digits shown.</summary>
        private static string Mask(string card)
        {
            var digits = 0;
            foreach (var c in card)
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
            }

            if (digits <= 4)
            {
                return card;
            }

            return string.Create(card.Length, card, static (masked, card) =>
            {
                card.CopyTo(masked);
                var shown = 0;
                for (var i = masked.Length - 1; i >= 0; i--)
                {
                    if (char.IsAsciiDigit(masked[i]) && shown++ >= 4)
                    {
                        masked[i] = 'X';
                    }
                }
            });
        }

        private static void AddPhone(BookingDraft booking, PnrTravelerDraft? traveler, string phone)
        {
            if (!booking.Phones.Contains(phone))
            {
                booking.Phones.Add(phone);
            }

            traveler?.Contacts.Add(new Contact(phone, "TE"));
        }

        private void Report(EdifactSegment segment, List<SsrFinding> findings)
        {
            foreach (var finding in findings)
            {
                Warn(segment, finding.Code, finding.Message);
            }
        }

        private void KeepRaw(EdifactSegment segment)
        {
            var raw = new RawSegment(segment.ToString(), PositionOf(segment));
            if (filter.CategoryOfText(raw.Text) is { } category)
            {
                _booking?.Remove(category);
                return;
            }

            if (_traveler is not null && _group is Group.Traveler or Group.Ticket or Group.Payment)
            {
                (_traveler.Unmapped ??= []).Add(raw);
            }
            else
            {
                if (_booking is not null)
                {
                    (_booking.Unmapped ??= []).Add(raw);
                }
                else
                {
                    _unmapped.Add(raw);
                }
            }
        }

        private void Unexpected(EdifactSegment segment, string code, string text)
        {
            KeepRaw(segment);
            Warn(segment, code, text);
        }

        private void Warn(EdifactSegment segment, string code, string text) =>
            Warn(segment.Index, segment.Offset, segment.Line, code, text);

        private void Warn(int index, long offset, int line, string code, string text) =>
            _diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Warning, index, offset, line, text));

        private void Error(EdifactSegment segment, string code, string text) =>
            _diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Error, segment.Index, segment.Offset, segment.Line, text));

        private static SourcePosition PositionOf(EdifactSegment segment) => new(segment.Index, segment.Offset, segment.Line);
    }
}
