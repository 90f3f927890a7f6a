using System.Globalization;

namespace Vigil.Travel.Mrz;

/// <summary>
/// What a passport's data page prints, before it is written into the machine-readable zone. The document code is
/// <c>P</c> or <c>P</c> with the issuer's type character (<c>PD</c>); a sex other than <c>M</c> or <c>F</c> is written
/// as unspecified; optional data (a personal number) holds up to 14 characters.
/// </summary>
internal sealed record PassportDataPage(
    string DocumentCode,
    string IssuingState,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    string Nationality,
    DateOnly DateOfBirth,
    char Sex,
    DateOnly Expiry,
    string OptionalData = "");

/// <summary>A passport (TD3) machine-readable zone: two lines of 44 characters.</summary>
internal sealed record Td3Mrz(string Line1, string Line2)
{
    public const int LineLength = 44;
    public const int NameLength = 39;

    /// <summary>Writes the MRZ of a data page, computing every check digit including the composite.</summary>
    public static Td3Mrz Create(PassportDataPage page)
    {
        var name = NameField(page.Surname, page.GivenNames);
        var line1 = MrzText.Field(page.DocumentCode, 2) + MrzText.Field(page.IssuingState, 3) + name;

        var number = Fixed(page.DocumentNumber, 9, "document number");
        var birth = page.DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var expiry = page.Expiry.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var optional = Fixed(page.OptionalData, 14, "optional data");
        var sex = page.Sex is 'M' or 'F' ? page.Sex : '<';

        var numberPart = number + MrzCheckDigit.ComputeChar(number);
        var birthPart = birth + MrzCheckDigit.ComputeChar(birth);
        var expiryPart = expiry + MrzCheckDigit.ComputeChar(expiry);
        // All-filler optional data carries filler, not 0, as its check digit.
        var optionalPart = optional + (optional.Trim('<').Length == 0 ? '<' : MrzCheckDigit.ComputeChar(optional));
        var composite = MrzCheckDigit.ComputeChar(numberPart + birthPart + expiryPart + optionalPart);

        var line2 = numberPart + MrzText.Field(page.Nationality, 3) + birthPart + sex + expiryPart + optionalPart + composite;
        return new Td3Mrz(line1, line2);
    }

    /// <summary>The name field: primary identifier, <c>&lt;&lt;</c>, secondary identifiers, cut at 39 characters.</summary>
    public static string NameField(string surname, string givenNames)
    {
        var primary = MrzText.Transliterate(surname);
        var secondary = MrzText.Transliterate(givenNames);
        var name = secondary.Length == 0 ? primary : primary + "<<" + secondary;
        return MrzText.Field(name, NameLength);
    }

    public string DocumentNumber => Line2[..9].TrimEnd('<');

    public string Nationality => Line2[10..13].TrimEnd('<');

    public string DateOfBirth => Line2[13..19];

    public char Sex => Line2[20];

    public string Expiry => Line2[21..27];

    public string OptionalData => Line2[28..42].TrimEnd('<');

    /// <summary>The fields whose check digit does not hold, by name; empty for a sound MRZ.</summary>
    public IReadOnlyList<string> FailedChecks()
    {
        if (Line1.Length != LineLength || Line2.Length != LineLength || !MrzCheckDigit.IsMrzText(Line1) || !MrzCheckDigit.IsMrzText(Line2))
        {
            return ["format"];
        }

        var failed = new List<string>();
        void Check(string field, Range range, int digit)
        {
            if (!MrzCheckDigit.IsValid(Line2.AsSpan()[range], Line2[digit]))
            {
                failed.Add(field);
            }
        }

        Check("document number", 0..9, 9);
        Check("date of birth", 13..19, 19);
        Check("expiry", 21..27, 27);
        Check("optional data", 28..42, 42);
        var composite = string.Concat(Line2.AsSpan(0, 10), Line2.AsSpan(13, 7), Line2.AsSpan(21, 22));
        if (!MrzCheckDigit.IsValid(composite, Line2[43]))
        {
            failed.Add("composite");
        }

        return failed;
    }

    public bool IsValid => FailedChecks().Count == 0;

    public override string ToString() => Line1 + "\n" + Line2;

    private static string Fixed(string value, int width, string what)
    {
        var text = MrzText.Transliterate(value);
        return text.Length > width
            ? throw new ArgumentException($"The {what} '{value}' is longer than the {width} characters a TD3 MRZ holds.", nameof(value))
            : MrzText.Field(text, width);
    }
}
