using System.Text.RegularExpressions;
using Vigil.Travel.Codes;
using Vigil.Travel.Dates;

namespace Vigil.Travel.Ssr;

/// <summary>
/// DOCS: <c>/type/issuer/number/nationality/DOB/gender/expiry/surname/given/given[/H][-1SURNAME/GIVEN]</c>.
/// Real senders leave fields empty, drop or add a slash, send alpha-2 codes and put titles in the given name;
/// the date of birth followed by a gender is the anchor that tells where the fields really are.
/// </summary>
internal static partial class DocsReader
{
    private const int DobSlot = 4;

    // Where a gender may stand, nearest the expected slot first.
    private static readonly int[] GenderSlots = [5, 4, 6, 3, 7, 2, 8];

    private static readonly HashSet<string> DocumentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "I", "A", "C", "IP", "F", "V", "T", "M", "L", "AC", "PD",
    };

    /// <param name="text">The DOCS free text.</param>
    /// <param name="reference">The date two-digit years are resolved against.</param>
    /// <param name="findings">Where deviations are reported.</param>
    /// <param name="fastPath">False forces the general reading (tests compare the two).</param>
    public static DocsInfo Read(string? text, DateOnly reference, List<SsrFinding> findings, bool fastPath = true)
    {
        var notes = new SsrNotes("docs", findings);
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
        {
            notes.Add("empty", "no DOCS text");
            return new DocsInfo(null, null, null, null, null, null, null, null, null, null, false, false, null);
        }

        if (fastPath && TryReadWellFormed(body, reference, notes) is { } wellFormed)
        {
            return wellFormed;
        }

        var association = CutAssociation(ref body);
        var fields = notes.Fields(body);
        var dob = FindDateOfBirthSlot(fields);
        if (dob != DobSlot)
        {
            notes.Add("field-shift", $"date of birth found in field {dob + 1} instead of {DobSlot + 1}; the other fields are read around it");
        }

        var (type, issuer, number, nationality) = dob == DobSlot
            ? (fields[0], SsrNotes.At(fields, 1), SsrNotes.At(fields, 2), SsrNotes.At(fields, 3))
            : Classify(fields.Take(Math.Max(dob, 0)), notes);

        if (type is not null && !DocumentTypes.Contains(type))
        {
            notes.Add("unknown-document-type", $"document type '{type}' is not a known code; kept as sent");
        }

        var (gender, infant) = ReadGender(SsrNotes.At(fields, dob + 1), notes);
        var (givenNames, title, holder) = ReadNames(fields, dob + 4, notes);

        return new DocsInfo(
            type?.ToUpperInvariant(),
            notes.Country(issuer, "issuing country"),
            number,
            notes.Country(nationality, "nationality"),
            notes.Date(SsrNotes.At(fields, dob), reference, YearDirection.Past, "date of birth"),
            gender,
            notes.Date(SsrNotes.At(fields, dob + 2), reference, YearDirection.Future, "expiry"),
            SsrNotes.At(fields, dob + 3),
            givenNames,
            title,
            holder,
            infant,
            association);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DocumentTypeLookup =
        DocumentTypes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The shape nearly every DOCS has — <c>/P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/SURNAME/GIVEN[/GIVEN]</c> with
    /// upper-case codes, alpha-3 countries, both dates and no name association — read without splitting the
    /// text into strings. Anything else returns null and takes the general path, which gives the same result
    /// for this shape (a test compares the two).
    /// </summary>
    private static DocsInfo? TryReadWellFormed(string body, DateOnly reference, SsrNotes notes)
    {
        if (body.Length < 2 || body[0] != '/' || body.Contains('-') || body.Contains("  ", StringComparison.Ordinal))
        {
            return null;
        }

        var text = body.AsSpan(1);
        Span<Range> fields = stackalloc Range[12];
        var count = text.Split(fields, '/');
        if (count is < 9 or > 10)
        {
            return null;
        }

        if (!DocumentTypeLookup.TryGetValue(text[fields[0]], out var type) || !text[fields[0]].SequenceEqual(type))
        {
            return null;
        }

        var issuer = Country(text[fields[1]], out var issuerOk);
        var nationality = Country(text[fields[3]], out var nationalityOk);
        var number = text[fields[2]];
        var gender = text[fields[5]];
        var surname = text[fields[7]];
        if (!issuerOk || !nationalityOk || !Clean(number) || !Clean(surname)
            || gender is not ("M" or "F" or "U" or "X" or "MI" or "FI" or "UI"))
        {
            return null;
        }

        var dateOfBirth = SsrDate.Parse(text[fields[4]], reference, YearDirection.Past);
        var expiryText = text[fields[6]];
        var expiry = expiryText.IsEmpty ? null : SsrDate.Parse(expiryText, reference, YearDirection.Future);
        if (dateOfBirth is null || (expiry is null && !expiryText.IsEmpty))
        {
            return null;
        }

        var first = text[fields[8]];
        var second = count == 10 ? text[fields[9]] : default;
        if (!Clean(first) || (count == 10 && (!Clean(second) || second.Equals("H", StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        var (given, title) = PersonTitles.SplitAirimp(first);
        if (count == 10)
        {
            var (more, secondTitle) = PersonTitles.Split(second);
            title ??= secondTitle;
            given = given is null ? more : more is null ? given : $"{given} {more}";
        }

        if (title is not null)
        {
            notes.Add("title-in-given-name", TitleRemoved(title));
        }

        return new DocsInfo(type, issuer, number.ToString(), nationality, dateOfBirth, gender[0] switch { 'M' => "M", 'F' => "F", 'U' => "U", _ => "X" },
            expiry, surname.ToString(), given, title, false, gender.Length == 2, null);

        static string? Country(ReadOnlySpan<char> code, out bool ok)
        {
            var known = CountryCodes.KnownAlpha3(code);
            ok = code.IsEmpty || known is not null;
            return known;
        }

        // Non-empty, no padding: the general path would trim and collapse, which the fast one does not do.
        static bool Clean(ReadOnlySpan<char> field) =>
            !field.IsEmpty && !char.IsWhiteSpace(field[0]) && !char.IsWhiteSpace(field[^1]);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TitleRemovedMessages = new(StringComparer.Ordinal);

    /// <summary>The finding for a title in the given name: nearly every DOCS with a title has one of a few, so each message is made once.</summary>
    private static string TitleRemoved(string title)
    {
        if (TitleRemovedMessages.TryGetValue(title, out var message))
        {
            return message;
        }

        message = $"title '{title}' removed from the given name";
        // Bounded: odd title runs ("MR MRS DR") must not grow it without end.
        if (TitleRemovedMessages.Count < 64)
        {
            TitleRemovedMessages.TryAdd(title, message);
        }

        return message;
    }

    /// <summary>
    /// The trailing <c>-1SURNAME/GIVEN</c> name association. A hyphen and digit inside the document number
    /// (which still has dates after it) is not one.
    /// </summary>
    private static string? CutAssociation(ref string body)
    {
        if (!body.Contains('-'))
        {
            return null;
        }

        var matches = AssociationPattern().Matches(body);
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var tail = body[(matches[i].Index + 1)..];
            if (!tail.Split('/').Any(SsrDate.LooksLikeDate))
            {
                body = body[..matches[i].Index];
                return tail.Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// Where the date of birth is: a date next to a gender code, nearest the expected slot; failing that the
    /// first date; failing that the expected slot.
    /// </summary>
    private static int FindDateOfBirthSlot(List<string?> fields)
    {
        foreach (var gender in GenderSlots)
        {
            if (gender + 1 < fields.Count + 1
                && gender < fields.Count
                && IsGender(fields[gender])
                && SsrDate.LooksLikeDate(fields[gender - 1])
                && (SsrNotes.At(fields, gender + 1) is null || SsrDate.LooksLikeDate(fields[gender + 1])))
            {
                return gender - 1;
            }
        }

        // A gender between an empty date of birth and an expiry keeps the fields where they are.
        if (IsGender(SsrNotes.At(fields, DobSlot + 1)))
        {
            return DobSlot;
        }

        var first = fields.FindIndex(SsrDate.LooksLikeDate);
        return first is >= 2 and <= 6 && first != DobSlot + 2 ? first : DobSlot;
    }

    /// <summary>Places the fields before a displaced date of birth by what they look like.</summary>
    private static (string? Type, string? Issuer, string? Number, string? Nationality) Classify(IEnumerable<string?> before, SsrNotes notes)
    {
        string? type = null, issuer = null, number = null, nationality = null;
        foreach (var field in before.OfType<string>())
        {
            var country = Codes.CountryCodes.ToAlpha3(field) is not null;
            if (type is null && issuer is null && number is null && DocumentTypes.Contains(field) && !country)
            {
                type = field;
            }
            else if (issuer is null && number is null && country)
            {
                issuer = field;
            }
            else if (number is null && !country)
            {
                number = field;
            }
            else if (nationality is null && country)
            {
                nationality = field;
            }
            else
            {
                notes.Add("unplaced-field", $"'{field}' could not be placed and was ignored");
            }
        }

        return (type, issuer, number, nationality);
    }

    private static readonly string[] Genders = ["M", "F", "U", "X", "MI", "FI", "UI"];

    private static bool IsGender(string? field)
    {
        if (field is null || field.Length > 2)
        {
            return false;
        }

        foreach (var gender in Genders)
        {
            if (field.Equals(gender, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Gender, bool Infant) ReadGender(string? field, SsrNotes notes)
    {
        if (field is null)
        {
            return (null, false);
        }

        var upper = field.ToUpperInvariant();
        if (IsGender(upper))
        {
            return (upper[..1], upper.Length == 2);
        }

        notes.Add("unknown-gender", $"gender '{field}' is not M, F, U, X, MI, FI; dropped");
        return (null, false);
    }

    /// <summary>
    /// Given names from the two given-name fields, titles removed, the <c>H</c> holder flag, and any further
    /// fields appended to the given names.
    /// </summary>
    private static (string? GivenNames, string? Title, bool Holder) ReadNames(List<string?> fields, int first, SsrNotes notes)
    {
        var end = fields.Count;
        var holder = false;
        if (end > first && fields[end - 1] is { } last && last.Equals("H", StringComparison.OrdinalIgnoreCase))
        {
            holder = true;
            end--;
        }

        var count = Math.Max(0, end - first);
        if (count > 2)
        {
            for (var i = first + 2; i < end; i++)
            {
                if (fields[i] is not null)
                {
                    notes.Add("extra-fields", $"{count - 2} field(s) after the second given name; added to the given names");
                    break;
                }
            }
        }

        // Booking systems glue the title to the first given name (CHARLIEMR/HAYDEN) or append it spaced to the last.
        string? title = null;
        string? names = null;
        for (var i = first; i < end; i++)
        {
            var (name, found) = i == first ? PersonTitles.SplitAirimp(fields[i]) : PersonTitles.Split(fields[i]);
            title ??= found;
            if (name is not null)
            {
                names = names is null ? name : $"{names} {name}";
            }
        }

        if (title is not null)
        {
            notes.Add("title-in-given-name", TitleRemoved(title));
        }

        return (names, title, holder);
    }

    [GeneratedRegex(@"-\s*\d+\s*[A-Za-z]")]
    private static partial Regex AssociationPattern();
}
