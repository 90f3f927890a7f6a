namespace Vigil.Travel.Ssr;

/// <summary>
/// Something in SSR free text that deviated from the AIRIMP layout and how it was read. The code is stable
/// kebab-case, prefixed by the SSR it concerns (<c>docs-field-shift</c>); the message is for people.
/// </summary>
internal sealed record SsrFinding(string Code, string Message);

/// <summary>A DOCS travel document. Countries are alpha-3; gender is M, F, U or X with infants flagged apart.</summary>
/// <remarks>A struct: every DOCS is read into one and then copied onto a traveler, so nothing needs to outlive the read.</remarks>
internal readonly record struct DocsInfo(
    string? DocumentType,
    string? IssuingCountry,
    string? Number,
    string? Nationality,
    DateOnly? DateOfBirth,
    string? Gender,
    DateOnly? Expiry,
    string? Surname,
    string? GivenNames,
    string? Title,
    bool MultiPassengerHolder,
    bool Infant,
    string? NameAssociation);

/// <summary>A DOCO other document, usually a visa.</summary>
internal sealed record DocoInfo(
    string? BirthPlace,
    string? DocumentType,
    string? Number,
    string? IssuePlace,
    DateOnly? IssueDate,
    string? ApplicableCountry,
    bool Infant);

/// <summary>A DOCA address: D destination, R residence.</summary>
internal sealed record DocaInfo(
    string? AddressType,
    string? Country,
    string? Street,
    string? City,
    string? Region,
    string? PostalCode,
    bool Infant);

/// <summary>The infant an INFT SSR adds to an adult's booking.</summary>
internal sealed record InfantInfo(string? Surname, string? GivenNames, DateOnly? DateOfBirth);

/// <summary>A TKNE electronic ticket number, with the coupon when sent.</summary>
internal sealed record TicketNumber(string Number, int? Coupon, bool Infant);
