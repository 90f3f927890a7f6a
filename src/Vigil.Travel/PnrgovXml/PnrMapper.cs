using System.Xml.Linq;
using Vigil.Travel.Model;
using Vigil.Travel.Pnrgov;
using Vigil.Travel.Ssr;

namespace Vigil.Travel.PnrgovXml;

/// <summary>Maps one <c>PNR</c> element into a <see cref="Booking"/>.</summary>
internal sealed class PnrMapper
{
    private static readonly HashSet<string> KnownPnrChildren =
    [
        "BookingRefID", "SSR", "POS", "ContactInfo", "PrepaidBag", "Flight", "Passenger", "OSI", "Remark",
        "FormOfPayment", "TicketDocument",
    ];

    private static readonly HashSet<string> KnownPassengerChildren =
    [
        "GivenName", "MiddleName", "SurnamePrefix", "Surname", "NameTitle", "CustLoyalty", "DOC_SSR", "SSR",
        "PrepaidBag",
    ];

    /// <summary>SSRs whose text is structured and read field by field; only their code decides sensitivity.</summary>
    private static readonly HashSet<string> StructuredSsrs =
        ["DOCS", "DOCO", "DOCA", "CTCE", "CTCM", "CTCH", "FQTV", "INFT", "TKNE", "SEAT", "NSST", "RQST"];

    private readonly PnrContext _context;
    private readonly XElement _pnr;
    private readonly List<PassengerDraft> _passengers = [];
    private readonly Dictionary<string, PassengerDraft> _byReference = new(StringComparer.Ordinal);
    private readonly List<LegDraft> _legs = [];
    private readonly List<string> _emails = [];
    private readonly List<string> _phones = [];
    private readonly List<Ticket> _tickets = [];
    private readonly List<Payment> _payments = [];
    private readonly List<CheckedBag> _bags = [];
    private readonly List<Remark> _remarks = [];
    private readonly List<RawSegment> _unmapped = [];
    private readonly SortedDictionary<string, int> _removed = new(StringComparer.Ordinal);
    private readonly List<SsrFinding> _findings = [];

    private PnrMapper(PnrContext context, XElement pnr)
    {
        _context = context;
        _pnr = pnr;
    }

    public static Booking Map(PnrContext context, XElement pnr) => new PnrMapper(context, pnr).Map();

    private Booking Map()
    {
        var locators = _pnr.Children("BookingRefID")
            .Select(r => r.Attr("ID") is { } id ? new RecordLocatorReference(r.Child("CompanyName").Attr("Code"), id, r.Attr("Type"), null) : null)
            .OfType<RecordLocatorReference>()
            .ToList();
        if (locators.Count == 0)
        {
            _context.Warn("xml-pnr-without-locator", _pnr, "The PNR has no BookingRefID/@ID; it cannot be matched with earlier pushes.");
        }

        // Passengers, then legs, then SSRs: an SSR anywhere may name a passenger or a leg sent after it.
        var passengers = _pnr.Children("Passenger").Select(p => (Element: p, Draft: ReadPassenger(p))).ToList();
        foreach (var flight in _pnr.Children("Flight"))
        {
            ReadFlight(flight);
        }

        foreach (var (element, draft) in passengers)
        {
            ReadPassengerServices(element, draft);
        }

        foreach (var child in _pnr.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "SSR":
                    ReadSsr(child, null, null);
                    break;
                case "ContactInfo":
                    ReadContactInfo(child);
                    break;
                case "PrepaidBag":
                    ReadBag(child, null);
                    break;
                case "OSI":
                case "Remark":
                    ReadRemark(child);
                    break;
                case "FormOfPayment":
                    ReadPayment(child);
                    break;
                case "TicketDocument":
                    ReadTicket(child);
                    break;
                case var name when !KnownPnrChildren.Contains(name):
                    Keep(child, _unmapped);
                    break;
            }
        }

        foreach (var (element, draft) in passengers)
        {
            if (draft.Infant is { Surname: null, GivenNames: null, DateOfBirth: null })
            {
                _context.Warn("xml-infant-without-details", element,
                    "The passenger travels with an infant, but no INFT or infant DOCS names it.");
            }
        }

        var declared = _context.Integer(_pnr, "NumberOfPassengers");
        if (declared is { } count && count != _passengers.Count)
        {
            _context.Warn("xml-passenger-count-mismatch", _pnr, $"The PNR declares {count} passengers but lists {_passengers.Count}.");
        }

        var source = _pnr.Child("POS")?.Child("Source");
        var recordLocator = locators.Count > 0 ? locators[0].Locator : null;
        return new Booking
        {
            RecordLocator = recordLocator,
            Locators = locators,
            Cancelled = IsCancellation(source),
            Created = _context.Instant(_pnr, "PNR_CreationDate"),
            LastChanged = _context.Instant(_pnr, "PNR_TransDate"),
            Agency = Agency(source),
            Travelers = [.. _passengers.SelectMany(p => p.Infant is null ? [p.Build(recordLocator)] : new[] { p.Build(recordLocator), p.Infant.Build(recordLocator) })],
            Itinerary = [.. _legs.Select(l => l.Build())],
            Contacts = new BookingContacts([.. _emails], [.. _phones], []),
            Tickets = [.. _tickets],
            Payments = [.. _payments],
            Bags = [.. _bags],
            Remarks = [.. _remarks],
            RemovedSensitive = [.. _removed.Select(r => new SensitiveRemoval(r.Key, r.Value))],
            UnmappedSegments = [.. _unmapped],
            Position = _context.PositionOf(_pnr),
        };
    }

    /// <summary>
    /// As in PNRGOV EDIFACT, where an empty group-1 ORG cancels: an update push that sends a PNR with an empty
    /// <c>POS/Source</c> says the PNR was cancelled or no longer holds the flight.
    /// </summary>
    private bool IsCancellation(XElement? source)
    {
        if (source is null || source.HasAttributes || source.HasElements)
        {
            return false;
        }

        if (_context.Kind != PushKind.Update)
        {
            _context.Warn("xml-cancellation-in-full-push", source,
                "An empty POS/Source marks a cancellation only in an update push; in this push the PNR is kept as active.");
            return false;
        }

        return true;
    }

    private static BookingAgency? Agency(XElement? source) => source is null || !source.HasAttributes
        ? null
        : new BookingAgency
        {
            System = source.Attr("AirlineVendorID"),
            Location = source.Attr("AirportCode"),
            AgentId = source.Attr("AgentSine"),
            OfficeId = source.Attr("PseudoCityCode"),
            OriginatorType = source.Attr("OriginatorType"),
            Country = source.Attr("ISOCountry"),
            Currency = source.Attr("ISOCurrency"),
        };

    private PassengerDraft ReadPassenger(XElement element)
    {
        var draft = new PassengerDraft(TravelerRole.Passenger, _context.PositionOf(element))
        {
            Reference = element.Attr("RPH"),
        };
        if (draft.Reference is null)
        {
            _context.Warn("xml-passenger-without-rph", element, "The passenger has no RPH; SSRs elsewhere in the PNR cannot be tied to it.");
        }
        else if (!_byReference.TryAdd(draft.Reference, draft))
        {
            _context.Warn("xml-duplicate-rph", element, $"RPH {draft.Reference} is used by more than one passenger; SSRs go to the first.");
        }

        _passengers.Add(draft);
        if (element.Attr("SurnameRefNumber") is { } surnameReference)
        {
            draft.References.Add(new TravelerReference("SurnameRefNumber", surnameReference));
        }

        if (element.Attr("BoardingStatus") is { } boarding)
        {
            draft.References.Add(new TravelerReference("BoardingStatus", boarding));
        }

        var surname = element.Child("Surname").TextOf();
        var prefix = element.Child("SurnamePrefix").TextOf();
        draft.Surname = prefix is null ? surname : surname is null ? prefix : prefix + " " + surname;
        var given = string.Join(' ', element.Children("GivenName").Concat(element.Children("MiddleName")).Select(e => e.TextOf()).OfType<string>());
        var (givenNames, titleInName) = PersonTitles.Split(given.Length == 0 ? null : given);
        draft.GivenNames = givenNames;
        draft.Title = element.Child("NameTitle").TextOf() ?? titleInName;

        foreach (var loyalty in element.Children("CustLoyalty"))
        {
            if (loyalty.Attr("MembershipID") is { } number)
            {
                draft.AddFrequentFlyer(new FrequentFlyerAccount(loyalty.Attr("ProgramID"), number, loyalty.Attr("LoyalLevel")));
            }
        }

        if (XmlValues.IsTrue(element.Attr("AccompaniedByInfantInd")))
        {
            draft.EnsureInfant();
        }

        foreach (var docs in element.Children("DOC_SSR").SelectMany(d => d.Children("DOCS")))
        {
            ApplyDocs(draft, DocsFromAttributes(docs));
        }

        return draft;
    }

    private void ReadPassengerServices(XElement element, PassengerDraft draft)
    {
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "SSR":
                    ReadSsr(child, draft, null);
                    break;
                case "PrepaidBag":
                    ReadBag(child, draft.Reference);
                    break;
                case var name when !KnownPassengerChildren.Contains(name):
                    Keep(child, draft.Unmapped);
                    break;
            }
        }
    }

    private DocsInfo DocsFromAttributes(XElement docs)
    {
        var gender = docs.Attr("Gender");
        var given = string.Join(' ', new[] { docs.Attr("FirstGivenName"), docs.Attr("SecondGivenName") }.OfType<string>());
        var (givenNames, title) = PersonTitles.Split(given.Length == 0 ? null : given);
        return new DocsInfo(
            docs.Attr("DocType"),
            docs.Attr("DocIssueCountry"),
            docs.Attr("DocID"),
            docs.Attr("DocHolderNationality"),
            _context.Date(docs, "BirthDate"),
            gender,
            _context.Date(docs, "DocExpireDate"),
            docs.Attr("Surname"),
            givenNames,
            title,
            false,
            gender is "MI" or "FI",
            null);
    }

    private static void ApplyDocs(PassengerDraft owner, DocsInfo docs)
    {
        if (docs.Infant)
        {
            var infant = owner.EnsureInfant();
            infant.Apply(docs);
            infant.Gender = PassengerDraft.AdultGender(docs.Gender);
        }
        else
        {
            owner.Apply(docs);
        }
    }

    private void ReadFlight(XElement element)
    {
        var operating = element.Child("OperatingAirline");
        var leg = new LegDraft
        {
            MarketingCarrier = element.Child("MarketingAirline").Attr("Code"),
            MarketingNumber = element.Attr("FlightNumber"),
            OperatingCarrier = operating.Attr("Code"),
            OperatingNumber = operating.Attr("FlightNumber"),
            Origin = element.Child("DepartureAirport").Attr("LocationCode"),
            Destination = element.Child("ArrivalAirport").Attr("LocationCode"),
            ScheduledDeparture = _context.Clock(element, "DepartureDateTime"),
            ScheduledArrival = _context.Clock(element, "ArrivalDateTime"),
            BookingClass = element.Attr("ResBookDesigCode"),
            Status = element.Attr("Status"),
            Equipment = element.Child("Equipment").Attr("AirEquipType"),
        };
        _legs.Add(leg);
        foreach (var ssr in element.Children("SSR"))
        {
            ReadSsr(ssr, null, leg);
        }
    }

    private void ReadSsr(XElement element, PassengerDraft? nestedIn, LegDraft? leg)
    {
        var code = element.Attr("SSRCode")?.ToUpperInvariant();
        var text = element.Child("Text").TextOf() ?? element.Attr("Text");
        if (code is null)
        {
            _context.Warn("xml-ssr-without-code", element, "An SSR has no SSRCode; it is ignored.");
            return;
        }

        var category = _context.Filter.CategoryOfSsr(code)
            ?? (StructuredSsrs.Contains(code) || text is null ? null : _context.Filter.CategoryOfText(text));
        if (category is not null)
        {
            Removed(category);
            return;
        }

        var owner = nestedIn ?? Owner(element);
        _findings.Clear();
        switch (code)
        {
            case "DOCS" when text is not null:
                var docs = SsrParsers.ParseDocs(text, _context.Reference, _findings);
                if (OwnerOrOnly(owner, element, code) is { } docsOwner)
                {
                    ApplyDocs(docsOwner, docs);
                }

                break;
            case "DOCO" when text is not null:
                var doco = SsrParsers.ParseDoco(text, _context.Reference, _findings);
                if (OwnerOrOnly(owner, element, code) is { } docoOwner)
                {
                    var holder = doco.Infant ? docoOwner.EnsureInfant() : docoOwner;
                    holder.BirthPlace ??= doco.BirthPlace;
                    if (doco.Number is not null || doco.DocumentType is not null)
                    {
                        holder.AddDocument(new TravelDocument
                        {
                            Type = doco.DocumentType,
                            Number = doco.Number,
                            IssuingCountry = doco.ApplicableCountry,
                            IssueDate = doco.IssueDate,
                        });
                    }
                }

                break;
            case "DOCA" when text is not null:
                var doca = SsrParsers.ParseDoca(text, _findings);
                if (OwnerOrOnly(owner, element, code) is { } docaOwner)
                {
                    var holder = doca.Infant ? docaOwner.EnsureInfant() : docaOwner;
                    holder.Address = new PostalAddress(doca.Street, doca.City, doca.Region, doca.PostalCode, doca.Country);
                    if (doca.AddressType == "R")
                    {
                        holder.ResidenceCountry ??= doca.Country;
                    }
                }

                break;
            case "CTCE" when text is not null:
                if (SsrParsers.ParseEmail(text, _findings) is { } email)
                {
                    AddContact(owner, email, "EM");
                }

                break;
            case "CTCM" or "CTCH" when text is not null:
                if (SsrParsers.ParsePhone(text, _findings) is { } phone)
                {
                    AddContact(owner, phone, "TE");
                }

                break;
            case "FQTV" when text is not null:
                var account = SsrParsers.ParseFrequentFlyer(text, element.Attr("AirlineCode") ?? _context.Airline, _findings);
                if (account is not null && OwnerOrOnly(owner, element, code) is { } flyer)
                {
                    flyer.AddFrequentFlyer(account);
                }

                break;
            case "INFT" when text is not null:
                var infantInfo = SsrParsers.ParseInfant(text, _context.Reference, _findings);
                if (OwnerOrOnly(owner, element, code) is { } parent)
                {
                    var infant = parent.EnsureInfant();
                    infant.Surname ??= infantInfo.Surname;
                    infant.GivenNames ??= infantInfo.GivenNames;
                    infant.DateOfBirth ??= infantInfo.DateOfBirth;
                }

                break;
            case "TKNE" when text is not null:
                if (SsrParsers.ParseTicket(text, _findings) is { } ticket && !_tickets.Any(t => t.Number == ticket.Number))
                {
                    _tickets.Add(new Ticket(owner?.Reference, ticket.Number, ticket.Infant ? "TKNE INF" : "TKNE", null, null, null));
                }

                break;
            case "SEAT" or "NSST" or "RQST" when text is not null:
                AssignSeat(element, owner, leg, SsrParsers.NormaliseSeat(text));
                break;
            default:
                if (text is null)
                {
                    _context.Warn("xml-ssr-without-text", element, $"SSR {code} has no text.");
                }

                _remarks.Add(new Remark("SSR " + code, text ?? "", owner?.Reference));
                break;
        }

        foreach (var finding in _findings)
        {
            _context.Warn(finding.Code, element, finding.Message);
        }
    }

    /// <summary>The passenger an SSR's RPH names; SSRs at PNR or flight level are tied to travelers only this way.</summary>
    private PassengerDraft? Owner(XElement ssr)
    {
        var reference = ssr.Attr("RPH");
        if (reference is null)
        {
            return null;
        }

        if (_byReference.TryGetValue(reference, out var owner))
        {
            return owner;
        }

        _context.Warn("xml-ssr-unknown-rph", ssr, $"The SSR names RPH {reference}, which no passenger of the PNR has.");
        return null;
    }

    /// <summary>A personal SSR without a traveler can still only be meant for the PNR's single passenger.</summary>
    private PassengerDraft? OwnerOrOnly(PassengerDraft? owner, XElement ssr, string code)
    {
        if (owner is not null)
        {
            return owner;
        }

        if (_passengers.Count == 1)
        {
            return _passengers[0];
        }

        _context.Warn("xml-ssr-unassigned", ssr, $"SSR {code} names no passenger and the PNR has {_passengers.Count}; it is ignored.");
        return null;
    }

    private void AddContact(PassengerDraft? owner, string value, string channel)
    {
        if (owner is not null)
        {
            owner.AddContact(new Contact(value, channel));
            return;
        }

        var list = channel == "EM" ? _emails : _phones;
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private void AssignSeat(XElement ssr, PassengerDraft? owner, LegDraft? leg, string seat)
    {
        var board = ssr.Attr("BoardPoint");
        var off = ssr.Attr("OffPoint");
        leg ??= _legs.FirstOrDefault(l => l.Origin == board && l.Destination == off && board is not null);
        leg?.Seats.Add(new SeatAssignment(owner?.Reference, seat));
        var pushed = _context.PushedFlight?.Legs.FirstOrDefault();
        var onPushedLeg = leg is null
            ? board is null || (pushed is not null && pushed.Origin == board && pushed.Destination == off)
            : pushed is not null && pushed.Origin == leg.Origin && pushed.Destination == leg.Destination;
        if (owner is not null && onPushedLeg)
        {
            owner.Seat = seat;
        }
    }

    private void ReadContactInfo(XElement element)
    {
        if (element.Attr("EmailAddress") is { } email && !_emails.Contains(email))
        {
            _emails.Add(email);
        }

        if (element.Attr("PhoneNumber") is { } phone && !_phones.Contains(phone))
        {
            _phones.Add(phone);
        }
    }

    private void ReadBag(XElement element, string? reference)
    {
        var quantity = _context.Decimal(element, "UnitOfMeasureQuantity");
        var unit = element.Attr("UnitOfMeasureCode")?.ToUpperInvariant();
        var weightUnit = unit switch
        {
            "KGM" or "KG" or "KGS" or "K" => "KGM",
            "LBR" or "LB" or "LBS" or "L" => "LBR",
            _ => null,
        };
        _bags.Add(new CheckedBag
        {
            TravelerReference = element.Attr("RPH") ?? reference,
            Count = weightUnit is null && quantity is { } pieces && pieces == decimal.Truncate(pieces) && pieces is >= 0 and <= int.MaxValue ? (int)pieces : null,
            Weight = weightUnit is null ? null : quantity,
            WeightUnit = weightUnit,
        });
    }

    private void ReadRemark(XElement element)
    {
        var text = element.Child("Text").TextOf() ?? element.TextOf();
        if (text is null)
        {
            return;
        }

        if (_context.Filter.CategoryOfText(text) is { } category)
        {
            Removed(category);
            return;
        }

        var kind = element.Name.LocalName == "OSI" ? "OSI" : element.Attr("Type") ?? "RM";
        var owner = Owner(element);
        _remarks.Add(new Remark(kind, text, owner?.Reference));
        ReadContactsInRemark(text, owner);
    }

    /// <summary>OSI texts often carry contacts the SSRs lack (<c>CTCM 2126…</c>, <c>CTC M …</c>, <c>CTCE …</c>).</summary>
    private void ReadContactsInRemark(string text, PassengerDraft? owner)
    {
        var compact = text.StartsWith("CTC ", StringComparison.Ordinal) ? "CTC" + text[4..] : text;
        if (compact.Length < 6 || !compact.StartsWith("CTC", StringComparison.Ordinal) || compact[4] != ' ')
        {
            return;
        }

        _findings.Clear();
        var value = compact[5..];
        switch (compact[3])
        {
            case 'E' when SsrParsers.ParseEmail(value, _findings) is { } email:
                AddContact(owner, email, "EM");
                break;
            case 'M' or 'H' or 'B' when SsrParsers.ParsePhone(value, _findings) is { } phone:
                AddContact(owner, phone, "TE");
                break;
        }
    }

    private void ReadPayment(XElement element)
    {
        _payments.Add(new Payment
        {
            Type = element.Attr("Type"),
            Amount = _context.Decimal(element, "Amount"),
            Vendor = element.Attr("VendorCode"),
            MaskedCardNumber = Mask(element.Attr("CardNumber")),
            CardExpiry = element.Attr("ExpireDate"),
            Holder = element.Attr("CardHolderName"),
            TravelerReference = element.Attr("RPH"),
        });
    }

    /// <summary>A sender that forgets to mask a card number must not make Vigil store it: all but the last four digits go.</summary>
    private static string? Mask(string? number)
    {
        if (number is null || number.Count(char.IsAsciiDigit) <= 4)
        {
            return number;
        }

        var keep = 4;
        var chars = number.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = keep-- > 0 ? chars[i] : 'X';
            }
        }

        return new string(chars);
    }

    private void ReadTicket(XElement element)
    {
        if (element.Attr("TicketDocumentNbr") is not { } number)
        {
            _context.Warn("xml-ticket-without-number", element, "A TicketDocument has no TicketDocumentNbr; it is ignored.");
            return;
        }

        _tickets.RemoveAll(t => t.Number == number);
        _tickets.Add(new Ticket(element.Attr("RPH"), number, element.Attr("Type"), _context.Decimal(element, "TotalAmount"),
            element.Attr("CurrencyCode"), _context.Instant(element, "DateOfIssue")));
    }

    private void Removed(string category)
    {
        _removed[category] = _removed.TryGetValue(category, out var count) ? count + 1 : 1;
    }

    /// <summary>Keeps an element Vigil does not map, unless its text is sensitive: then only the category is counted.</summary>
    private void Keep(XElement element, List<RawSegment> into)
    {
        var text = element.ToString(SaveOptions.DisableFormatting);
        if (_context.Filter.CategoryOfText(text) is { } category)
        {
            Removed(category);
            return;
        }

        into.Add(new RawSegment(text, _context.PositionOf(element)));
    }
}
