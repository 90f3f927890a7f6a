using Vigil.Edifact;
using Vigil.Travel.Codes;
using Vigil.Travel.Model;
using Vigil.Travel.Privacy;
using Vigil.Travel.Ssr;

namespace Vigil.Travel.Pnrgov;

/// <summary>
/// Ends a booking: ties each SSR to its traveler (by traveler reference, by the group it stood in, by the name it
/// carries, or to the only traveler), creates infants named only in SSR INFT or infant DOCS, removes sensitive
/// SSRs, and builds the immutable <see cref="Booking"/>.
/// </summary>
internal sealed class BookingAssembler(BookingDraft booking, PushKind kind, DateOnly reference, SensitiveDataFilter filter, List<Diagnostic> diagnostics)
{
    private readonly List<SsrFinding> _findings = [];

    public Booking Build()
    {
        foreach (var ssr in booking.Ssrs)
        {
            Apply(ssr);
        }

        if (booking.EmptyOriginator && kind != PushKind.Update)
        {
            Warn(booking.Position, "empty-originator",
                "The booking's ORG is empty, which means cancellation only in an update push (MSG 141); the booking is kept as active.");
        }

        var locator = booking.Locators.FirstOrDefault()?.Locator;
        if (locator is null)
        {
            Warn(booking.Position, "booking-without-locator", "The booking carries no record locator (RCI); it can be linked by its travelers only.");
        }

        return new Booking
        {
            RecordLocator = locator,
            Locators = booking.Locators,
            Cancelled = booking.EmptyOriginator && kind == PushKind.Update,
            Created = booking.Locators.FirstOrDefault()?.Created,
            LastChanged = booking.LastChanged,
            Agency = booking.Agency,
            Travelers = BuildTravelers(locator),
            Itinerary = BuildItinerary(),
            Contacts = new BookingContacts(booking.Emails, booking.Phones, booking.Addresses),
            Tickets = booking.Tickets,
            Payments = booking.Payments,
            Bags = booking.Bags,
            SplitBookings = booking.SplitBookings.OrEmpty(),
            NonAirSegments = booking.NonAirSegments.OrEmpty(),
            Remarks = booking.Remarks,
            History = booking.History.OrEmpty(),
            RemovedSensitive = booking.Removals(),
            UnmappedSegments = booking.Unmapped.OrEmpty(),
            Position = booking.Position,
        };
    }

    private Traveler[] BuildTravelers(string? locator)
    {
        var travelers = new Traveler[booking.Travelers.Count];
        for (var i = 0; i < travelers.Length; i++)
        {
            travelers[i] = booking.Travelers[i].Build(locator);
        }

        return travelers;
    }

    private ItineraryLeg[] BuildItinerary()
    {
        var legs = new ItineraryLeg[booking.Legs.Count];
        for (var i = 0; i < legs.Length; i++)
        {
            legs[i] = booking.Legs[i].Build();
        }

        return legs;
    }

    private void Apply(PendingSsr ssr)
    {
        if (filter.CategoryOfSsr(ssr.Code) is { } category)
        {
            booking.Remove(category);
            return;
        }

        var findings = _findings;
        findings.Clear();
        var traveler = Target(ssr, null, null);
        switch (ssr.Code)
        {
            case "DOCS" when ssr.Text is not null:
                ApplyDocs(ssr, SsrParsers.ParseDocs(ssr.Text, reference, findings));
                break;
            case "DOCO" when ssr.Text is not null:
                var doco = SsrParsers.ParseDoco(ssr.Text, reference, findings);
                if (Infant(Target(ssr, null, null), doco.Infant, null, null) is { } visaHolder)
                {
                    visaHolder.BirthPlace ??= doco.BirthPlace;
                    if (doco.Number is not null && !HasDocument(visaHolder, doco.Number, type: null, anyType: true))
                    {
                        visaHolder.Documents.Add(new TravelDocument { Type = doco.DocumentType ?? "V", Number = doco.Number, IssueDate = doco.IssueDate });
                    }
                }

                break;
            case "DOCA" when ssr.Text is not null:
                var doca = SsrParsers.ParseDoca(ssr.Text, findings);
                var address = new PostalAddress(doca.Street, doca.City, doca.Region, doca.PostalCode, doca.Country);
                if (!booking.Addresses.Contains(address))
                {
                    booking.Addresses.Add(address);
                }

                if (Infant(traveler, doca.Infant, null, null) is { } resident)
                {
                    resident.Address ??= address;
                }

                break;
            case "CTCE" when ssr.Text is not null:
                if (SsrParsers.ParseEmail(ssr.Text, findings) is { } email)
                {
                    if (!booking.Emails.Contains(email))
                    {
                        booking.Emails.Add(email);
                    }

                    traveler?.Contacts.Add(new Contact(email, "EM"));
                }

                break;
            case "CTCM" or "CTCH" or "CTCB" or "CTCR" when ssr.Text is not null:
                if (SsrParsers.ParsePhone(ssr.Text, findings) is { } phone)
                {
                    if (!booking.Phones.Contains(phone))
                    {
                        booking.Phones.Add(phone);
                    }

                    traveler?.Contacts.Add(new Contact(phone, ssr.Code == "CTCM" ? "MOB" : "TE"));
                }

                break;
            case "FQTV" or "FQTR" or "FQTS" when ssr.Text is not null && traveler is not null:
                if (SsrParsers.ParseFrequentFlyer(ssr.Text, ssr.Carrier, findings) is { } account && !traveler.FrequentFlyers.Contains(account))
                {
                    traveler.FrequentFlyers.Add(account);
                }

                break;
            case "INFT" when ssr.Text is not null:
                var infant = SsrParsers.ParseInfant(ssr.Text, reference, findings);
                if (Infant(traveler, true, infant.Surname, infant.GivenNames) is { } baby)
                {
                    baby.DateOfBirth ??= infant.DateOfBirth;
                }

                break;
            case "TKNE" when ssr.Text is not null:
                if (SsrParsers.ParseTicket(ssr.Text, findings) is { } ticket)
                {
                    // An infant's ticket repeats the adult's number with an INF prefix: the holder tells them apart.
                    var holder = Infant(traveler, ticket.Infant, null, null);
                    var holderReference = holder?.Reference ?? holder?.AccompaniedBy;
                    var kind = ticket.Infant ? "TKNE INF" : "TKNE";
                    if (!HasTicket(ticket.Number, holderReference, kind))
                    {
                        booking.Tickets.Add(new Ticket(holderReference, ticket.Number, kind, null, null, null));
                    }
                }

                break;
            default:
                if (ssr.Text is not null && filter.CategoryOfText(ssr.Text) is { } textCategory)
                {
                    booking.Remove(textCategory);
                    return;
                }

                booking.Remarks.Add(new Remark(RemarkKind(ssr.Code), ssr.Text ?? "", traveler?.Reference ?? ssr.Reference));
                break;
        }

        foreach (var finding in findings)
        {
            Warn(ssr.Position, finding.Code, finding.Message);
        }
    }

    private void ApplyDocs(PendingSsr ssr, DocsInfo docs)
    {
        var holder = Target(ssr, docs.Surname, docs.GivenNames);
        holder = Infant(holder, docs.Infant, docs.Surname, docs.GivenNames);
        if (holder is null)
        {
            Warn(ssr.Position, "docs-without-traveler",
                $"SSR DOCS for {docs.Surname} {docs.GivenNames} names no traveler of the booking; a traveler is created from it.");
            holder = new PnrTravelerDraft(ssr.Position) { Surname = docs.Surname, GivenNames = docs.GivenNames };
            booking.Travelers.Add(holder);
        }

        // AIRIMP name elements run given names together ("KEVINMICHAEL"); the passport's spacing is the better one.
        if (holder.GivenNames is { } given && !given.Contains(' ') && docs.GivenNames is { } passportGiven
            && passportGiven.Contains(' ') && passportGiven.Replace(" ", "", StringComparison.Ordinal) == given)
        {
            holder.GivenNames = passportGiven;
        }

        holder.DateOfBirth ??= docs.DateOfBirth;
        holder.Gender ??= docs.Gender switch { "FI" => "F", "MI" => "M", var g => g };
        holder.Nationality ??= docs.Nationality;
        if (docs.Number is not null && HasDocument(holder, docs.Number, docs.DocumentType))
        {
            return; // the same DOCS is repeated for every leg
        }

        if (docs.Number is not null || docs.IssuingCountry is not null)
        {
            holder.Documents.Add(new TravelDocument
            {
                Type = docs.DocumentType,
                Number = docs.Number,
                IssuingCountry = CountryCodes.ToAlpha3(docs.IssuingCountry) ?? docs.IssuingCountry,
                Expiry = docs.Expiry,
            });
        }
    }

    // Loops rather than LINQ: a lambda capturing a switch section's variable costs a closure on every SSR.
    private static bool HasDocument(PnrTravelerDraft holder, string number, string? type, bool anyType = false)
    {
        foreach (var document in holder.Documents)
        {
            if (document.Number == number && (anyType || document.Type == type))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasTicket(string number, string? travelerReference, string kind)
    {
        foreach (var ticket in booking.Tickets)
        {
            if (ticket.Number == number && ticket.TravelerReference == travelerReference && ticket.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The traveler an SSR is about: its reference, the traveler group it stood in, the name it carries, or the only traveler.</summary>
    private PnrTravelerDraft? Target(PendingSsr ssr, string? surname, string? givenNames)
    {
        if (booking.TravelerByReference(ssr.Reference) is { } byReference)
        {
            return byReference;
        }

        if (ssr.ContextTraveler is not null)
        {
            return ssr.ContextTraveler;
        }

        if (surname is not null && ByName(booking.Travelers, surname, givenNames, infantsOnly: false) is { } byName)
        {
            return byName;
        }

        PnrTravelerDraft? onlyAdult = null;
        foreach (var traveler in booking.Travelers)
        {
            if (traveler.Role == TravelerRole.Infant)
            {
                continue;
            }

            if (onlyAdult is not null)
            {
                return null;
            }

            onlyAdult = traveler;
        }

        return onlyAdult;
    }

    private static PnrTravelerDraft? ByName(List<PnrTravelerDraft> travelers, string surname, string? givenNames, bool infantsOnly)
    {
        foreach (var traveler in travelers)
        {
            if ((!infantsOnly || traveler.Role == TravelerRole.Infant) && traveler.NameMatches(surname, givenNames))
            {
                return traveler;
            }
        }

        return null;
    }

    /// <summary>
    /// For data about an infant (INFT, DOCS with gender FI/MI, …) sent under the adult: the infant traveling with
    /// <paramref name="adult"/>, created when no TIF named it.
    /// </summary>
    private PnrTravelerDraft? Infant(PnrTravelerDraft? adult, bool aboutInfant, string? surname, string? givenNames)
    {
        if (!aboutInfant || adult is null || adult.Role == TravelerRole.Infant)
        {
            return adult;
        }

        if ((surname is null ? null : ByName(booking.Travelers, surname, givenNames, infantsOnly: true)) is { } named)
        {
            return named;
        }

        foreach (var traveler in booking.Travelers)
        {
            if (traveler.Role == TravelerRole.Infant && traveler.AccompaniedBy is not null && traveler.AccompaniedBy == adult.Reference)
            {
                return traveler;
            }
        }

        var infant = new PnrTravelerDraft(adult.Position)
        {
            Role = TravelerRole.Infant,
            Surname = surname ?? adult.Surname,
            GivenNames = givenNames,
            AccompaniedBy = adult.Reference,
        };
        booking.Travelers.Add(infant);
        return infant;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> RemarkKinds = new(StringComparer.Ordinal);

    /// <summary>"SSR OTHS" and the like, made once per code rather than once per remark.</summary>
    private static string RemarkKind(string code) =>
        RemarkKinds.Count < 1024 ? RemarkKinds.GetOrAdd(code, c => $"SSR {c}") : $"SSR {code}";

    private void Warn(SourcePosition position, string code, string text) =>
        diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Warning, position.Segment, position.Offset, position.Line, text));
}
