using System.Text;
using System.Text.RegularExpressions;
using Vigil.Travel.Dates;
using Vigil.Travel.Model;

namespace Vigil.Travel.Ssr;

/// <summary>
/// Reads the AIRIMP free text of SSRs (and contact data in OSI text) for the PNRGOV EDIFACT and XML mappers.
/// None of them throws: each returns what it could read and adds a finding for every deviation.
/// </summary>
internal static partial class SsrParsers
{
    public static DocsInfo ParseDocs(string text, DateOnly reference, List<SsrFinding> findings) =>
        DocsReader.Read(text, reference, findings);

    /// <summary><c>/place of birth/type/number/place of issue/issue date/applicable country[/I]</c>.</summary>
    public static DocoInfo ParseDoco(string text, DateOnly reference, List<SsrFinding> findings)
    {
        var notes = new SsrNotes("doco", findings);
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
        {
            notes.Add("empty", "no DOCO text");
            return new DocoInfo(null, null, null, null, null, null, false);
        }

        var fields = notes.Fields(body);
        var infant = false;
        if (fields.Count > 6 && fields[^1] is { } last && last.Equals("I", StringComparison.OrdinalIgnoreCase))
        {
            infant = true;
            fields.RemoveAt(fields.Count - 1);
        }

        // The issue date anchors the tail; the document type (V for a visa) anchors the head, so a missing or
        // extra place field does not move the number.
        var date = fields.FindIndex(SsrDate.LooksLikeDate);
        if (date < 0)
        {
            date = 4;
        }
        else if (date != 4)
        {
            notes.Add("field-shift", $"issue date found in field {date + 1} instead of 5; the other fields are read around it");
        }

        var head = fields.Take(date).ToList();
        var typeAt = head.FindIndex(f => f is { Length: <= 2 } && f.All(char.IsAsciiLetter) && f.Length > 0 && Codes.CountryCodes.ToAlpha3(f) is null);
        string? birthPlace, type, number, issuePlace;
        if (typeAt < 0)
        {
            (birthPlace, type, number, issuePlace) = (SsrNotes.At(head, 0), SsrNotes.At(head, 1), SsrNotes.At(head, 2), SsrNotes.At(head, 3));
        }
        else
        {
            birthPlace = JoinPresent(head.Take(typeAt));
            type = head[typeAt];
            number = SsrNotes.At(head, typeAt + 1);
            issuePlace = JoinPresent(head.Skip(typeAt + 2));
        }

        if (fields.Count > date + 2 && fields.Skip(date + 2).Any(f => f is not null))
        {
            notes.Add("extra-fields", "fields after the applicable country were ignored");
        }

        return new DocoInfo(
            birthPlace,
            type?.ToUpperInvariant(),
            number,
            issuePlace,
            notes.Date(SsrNotes.At(fields, date), reference, YearDirection.Past, "issue date"),
            notes.Country(SsrNotes.At(fields, date + 1), "applicable country"),
            infant);
    }

    /// <summary><c>/D|R/country/street/city/state/postcode[/I]</c>.</summary>
    public static DocaInfo ParseDoca(string text, List<SsrFinding> findings)
    {
        var notes = new SsrNotes("doca", findings);
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
        {
            notes.Add("empty", "no DOCA text");
            return new DocaInfo(null, null, null, null, null, null, false);
        }

        var fields = notes.Fields(body);
        var infant = false;
        if (fields.Count > 6 && fields[^1] is { } last && last.Equals("I", StringComparison.OrdinalIgnoreCase))
        {
            infant = true;
            fields.RemoveAt(fields.Count - 1);
        }

        var type = fields[0]?.ToUpperInvariant();
        if (type is not null and not "D" and not "R")
        {
            notes.Add("unknown-address-type", $"address type '{type}' is neither D nor R; kept as sent");
        }

        if (fields.Count > 6 && fields.Skip(6).Any(f => f is not null))
        {
            notes.Add("extra-fields", "fields after the postcode were ignored");
        }

        return new DocaInfo(
            type,
            notes.Country(SsrNotes.At(fields, 1), "country"),
            SsrNotes.At(fields, 2),
            SsrNotes.At(fields, 3),
            SsrNotes.At(fields, 4),
            SsrNotes.At(fields, 5),
            infant);
    }

    /// <summary>
    /// CTCE text (or OSI <c>CTCE …</c>): <c>//</c> is <c>@</c> and <c>..</c> is <c>_</c>, since neither
    /// character is allowed in AIRIMP text. The case is kept as sent.
    /// </summary>
    public static string? ParseEmail(string text, List<SsrFinding> findings) => ParseEmail(text.AsSpan(), findings);

    /// <summary>
    /// <see cref="ParseEmail(string, List{SsrFinding})"/> over the characters as sent: the address is decoded into one
    /// string, without a string for each step.
    /// </summary>
    public static string? ParseEmail(ReadOnlySpan<char> text, List<SsrFinding> findings)
    {
        var notes = new SsrNotes("ctce", findings);
        var body = text.Trim();
        foreach (var prefix in ContactPrefix().EnumerateMatches(body))
        {
            body = body[prefix.Length..].Trim();
            break;
        }

        body = body.TrimStart('/');
        if (body.IsEmpty)
        {
            notes.Add("empty", "no e-mail text");
            return null;
        }

        // "?+" is a released plus, "//" the at sign and ".." an underscore; read left to right, as the
        // replacements would be applied one after the other.
        Span<char> decoded = body.Length <= 256 ? stackalloc char[body.Length] : new char[body.Length];
        var length = Decode(body, decoded);
        var address = decoded[..length];

        // A language or notification suffix after a single slash (…//EXAMPLE.COM/EN) is not part of the address.
        var firstAt = address.IndexOf('@');
        var slash = address[(firstAt + 1)..].IndexOf('/');
        if (slash >= 0 && firstAt + 1 + slash > 0)
        {
            address = address[..(firstAt + 1 + slash)];
        }

        address = address.Trim();
        var at = address.IndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address[(at + 1)..].Contains('@') || address.Contains(' '))
        {
            notes.Add("malformed", $"'{text}' does not decode to one e-mail address");
            return at > 0 ? address.ToString() : null;
        }

        return address.ToString();
    }

    private static int Decode(ReadOnlySpan<char> body, Span<char> decoded)
    {
        // Each replacement runs over the whole text before the next, exactly as chained string.Replace calls do.
        var length = Replace(body, decoded, "?+", '+');
        length = Replace(decoded[..length], decoded, "//", '@');
        return Replace(decoded[..length], decoded, "..", '_');
    }

    /// <summary>Replaces each non-overlapping <paramref name="pair"/> with <paramref name="with"/>, left to right; the target may be the source.</summary>
    private static int Replace(ReadOnlySpan<char> source, Span<char> target, ReadOnlySpan<char> pair, char with)
    {
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (i + 1 < source.Length && source[i] == pair[0] && source[i + 1] == pair[1])
            {
                target[length++] = with;
                i++;
            }
            else
            {
                target[length++] = source[i];
            }
        }

        return length;
    }

    /// <summary>
    /// A phone number from CTCM / CTCH text or from OSI text (<c>CTCM 2126…</c>, <c>CTC M 2126…</c>,
    /// <c>CTCR 0011…</c>, <c>CTCT SEA 866 746-4647 AGENCY</c>): digits with a leading <c>+</c> kept; null if none.
    /// </summary>
    public static string? ParsePhone(string text, List<SsrFinding> findings)
    {
        var notes = new SsrNotes("phone", findings);
        var body = text ?? "";
        var prefix = ContactPrefix().Match(body);
        if (prefix.Success)
        {
            body = body[prefix.Length..];
        }

        // The number starts at the first digit or plus sign (after an agency's city code, say) and runs over
        // the separators people type until text or a slash suffix (/EN, /US) begins.
        var start = body.IndexOfAny("+0123456789".ToCharArray());
        if (start < 0)
        {
            notes.Add("no-digits", $"'{text}' holds no phone number");
            return null;
        }

        var number = new StringBuilder();
        for (var i = start; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsAsciiDigit(c))
            {
                number.Append(c);
            }
            else if (c == '+' && number.Length == 0)
            {
                number.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')') && !(c == '?' && i + 1 < body.Length && body[i + 1] == '+'))
            {
                break;
            }
        }

        var digits = number.ToString();
        if (digits.TrimStart('+').Length == 0)
        {
            notes.Add("no-digits", $"'{text}' holds no phone number");
            return null;
        }

        if (digits.TrimStart('+').Length < 5)
        {
            notes.Add("short", $"phone number '{digits}' has fewer than five digits");
        }

        return digits;
    }

    /// <summary>
    /// FQTV text in its three shapes: carrier glued to the number (<c>DL1234567890</c>), carrier and number
    /// spaced (<c>DL 1234567890</c>), or the number alone (the SSR's carrier is the programme); each may carry a
    /// tier after a slash or space (<c>/GOLD</c>) and a trailing name association (<c>-1SMITH/JOHN</c>).
    /// </summary>
    public static FrequentFlyerAccount? ParseFrequentFlyer(string text, string? carrier, List<SsrFinding> findings)
    {
        var notes = new SsrNotes("fqtv", findings);
        var body = text?.Trim() ?? "";
        var association = FqtvAssociation().Match(body);
        if (association.Success)
        {
            body = body[..association.Index];
        }

        var tokens = body.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0)
        {
            notes.Add("no-number", "no frequent-flyer number");
            return null;
        }

        carrier = string.IsNullOrWhiteSpace(carrier) ? null : carrier.Trim().ToUpperInvariant();
        string? programme = null;
        if (tokens.Count > 1 && IsCarrierCode(tokens[0]) && tokens[1].Any(char.IsAsciiDigit))
        {
            programme = tokens[0].ToUpperInvariant();
            tokens.RemoveAt(0);
        }
        else if (tokens[0].Length > 2 && IsCarrierCode(tokens[0][..2]) && GluedNumber(tokens[0][2..], carrier, tokens[0][..2]))
        {
            programme = tokens[0][..2].ToUpperInvariant();
            tokens[0] = tokens[0][2..];
        }

        var number = tokens[0];
        if (!number.Any(char.IsAsciiDigit))
        {
            notes.Add("no-number", $"'{text}' holds no frequent-flyer number");
            return null;
        }

        var tier = tokens.Count > 1 ? string.Join(' ', tokens.Skip(1)) : null;
        return new FrequentFlyerAccount(programme ?? carrier, number.ToUpperInvariant(), tier?.ToUpperInvariant());
    }

    /// <summary>
    /// INFT text: the infant's surname, given names and date of birth, as <c>SMITH/BABY 12JAN24</c>,
    /// <c>/SMITH/BABY/12JAN24</c> or with a title (<c>SMITH/BABYMSTR 12JAN24</c>).
    /// </summary>
    public static InfantInfo ParseInfant(string text, DateOnly reference, List<SsrFinding> findings)
    {
        var notes = new SsrNotes("inft", findings);
        var body = text?.Trim() ?? "";
        DateOnly? born = null;
        var date = InfantDate().Match(body);
        if (date.Success)
        {
            born = notes.Date(date.Groups[1].Value, reference, YearDirection.Past, "date of birth");
            body = body.Remove(date.Index, date.Length).Insert(date.Index, " ");
        }
        else
        {
            notes.Add("no-date-of-birth", "no ddMMMyy date of birth in the INFT text");
        }

        var parts = body.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0)
            .Select(SsrNotes.CollapseSpaces)
            .ToList();
        if (parts.Count == 0)
        {
            notes.Add("no-name", "no infant name in the INFT text");
            return new InfantInfo(null, null, born);
        }

        var (given, _) = PersonTitles.SplitAirimp(parts.Count > 1 ? string.Join(' ', parts.Skip(1)) : null);
        return new InfantInfo(parts[0], given, born);
    }

    /// <summary>
    /// TKNE text: a 13-digit ticket number (10 to 15 digits accepted, a hyphen after the airline prefix
    /// allowed), <c>C</c> and the coupon, <c>INF</c> in front for an infant's ticket.
    /// </summary>
    public static TicketNumber? ParseTicket(string text, List<SsrFinding> findings)
    {
        var notes = new SsrNotes("tkne", findings);
        var match = TicketPattern().Match(text ?? "");
        if (!match.Success)
        {
            notes.Add("no-number", $"'{text}' holds no ticket number");
            return null;
        }

        var number = match.Groups["number"].Value.Replace("-", "", StringComparison.Ordinal);
        int? coupon = match.Groups["coupon"].Success ? match.Groups["coupon"].Value[0] - '0' : null;
        if (number.Length != 13)
        {
            notes.Add("unusual-length", $"ticket number '{number}' has {number.Length} digits, not 13");
        }

        return new TicketNumber(number, coupon, match.Groups["infant"].Success);
    }

    /// <summary>Seat as <c>row letter</c> without leading zeros in the row: <c>074E</c> → <c>74E</c>.</summary>
    public static string NormaliseSeat(string seat)
    {
        var trimmed = (seat ?? "").Trim().ToUpperInvariant();
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        var zeros = 0;
        while (zeros < digits - 1 && trimmed[zeros] == '0')
        {
            zeros++;
        }

        return trimmed[zeros..];
    }

    private static bool IsCarrierCode(string code) =>
        code.Length == 2 && code.All(char.IsAsciiLetterOrDigit) && code.Any(char.IsAsciiLetter);

    /// <summary>
    /// Whether two leading characters are a carrier glued to the number: the SSR's own carrier always is,
    /// another designator only when digits follow (numbers themselves may start with letters).
    /// </summary>
    private static bool GluedNumber(string rest, string? carrier, string prefix) =>
        rest.Length >= 4
        && (prefix.Equals(carrier, StringComparison.OrdinalIgnoreCase) || rest.All(char.IsAsciiDigit))
        && rest.Any(char.IsAsciiDigit);

    private static string? JoinPresent(IEnumerable<string?> parts)
    {
        var present = parts.OfType<string>().ToList();
        return present.Count == 0 ? null : string.Join(' ', present);
    }

    /// <summary>A leading airline code and <c>CTCx</c> / <c>CTC x</c> keyword of contact text in OSI.</summary>
    [GeneratedRegex(@"^\s*(?:[A-Z0-9]{2}\s+)?CTC\s?[A-Z]\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ContactPrefix();

    [GeneratedRegex(@"-\s*\d+\s*[A-Za-z].*$")]
    private static partial Regex FqtvAssociation();

    [GeneratedRegex(@"(?:^|[\s/])(\d{2}[A-Za-z]{3}\d{2}(?:\d{2})?)(?=$|[\s/])")]
    private static partial Regex InfantDate();

    [GeneratedRegex(@"(?<infant>INF\s?)?(?<number>\d{3}-?\d{7,12})(?:C(?<coupon>[1-4]))?(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex TicketPattern();
}
