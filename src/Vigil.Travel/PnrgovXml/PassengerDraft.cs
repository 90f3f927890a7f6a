using Vigil.Travel.Model;
using Vigil.Travel.Ssr;

namespace Vigil.Travel.PnrgovXml;

/// <summary>A traveler while its PNR is read; SSRs anywhere in the PNR may still add to it.</summary>
internal sealed class PassengerDraft(TravelerRole role, SourcePosition position)
{
    public TravelerRole Role { get; } = role;

    public SourcePosition Position { get; } = position;

    public string? Reference { get; set; }

    public string? AccompaniedBy { get; set; }

    public string? Surname { get; set; }

    public string? GivenNames { get; set; }

    public string? Title { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Gender { get; set; }

    public string? Nationality { get; set; }

    public string? ResidenceCountry { get; set; }

    public string? BirthPlace { get; set; }

    public string? Seat { get; set; }

    public PostalAddress? Address { get; set; }

    public List<TravelerReference> References { get; } = [];

    public List<TravelDocument> Documents { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<FrequentFlyerAccount> FrequentFlyers { get; } = [];

    public List<RawSegment> Unmapped { get; } = [];

    /// <summary>The infant on this adult's lap, once the XML names one.</summary>
    public PassengerDraft? Infant { get; set; }

    public PassengerDraft EnsureInfant()
    {
        return Infant ??= new PassengerDraft(TravelerRole.Infant, Position) { AccompaniedBy = Reference };
    }

    public void AddDocument(TravelDocument document)
    {
        // DOC_SSR attributes and the SSR text usually repeat the same document.
        if (!Documents.Any(d => d.Type == document.Type && d.Number == document.Number && d.IssuingCountry == document.IssuingCountry))
        {
            Documents.Add(document);
        }
    }

    public void AddContact(Contact contact)
    {
        if (!Contacts.Contains(contact))
        {
            Contacts.Add(contact);
        }
    }

    public void AddFrequentFlyer(FrequentFlyerAccount account)
    {
        if (!FrequentFlyers.Any(f => f.Number == account.Number && (f.Carrier == account.Carrier || f.Carrier is null || account.Carrier is null)))
        {
            FrequentFlyers.Add(account);
        }
    }

    /// <summary>Fills what the passenger element left open; never overrides the name the PNR holds.</summary>
    public void Apply(DocsInfo docs)
    {
        AddDocument(new TravelDocument
        {
            Type = docs.DocumentType,
            Number = docs.Number,
            IssuingCountry = docs.IssuingCountry,
            Expiry = docs.Expiry,
        });
        DateOfBirth ??= docs.DateOfBirth;
        Gender ??= AdultGender(docs.Gender);
        Nationality ??= docs.Nationality;
        Surname ??= docs.Surname;
        GivenNames ??= docs.GivenNames;
        Title ??= docs.Title;
    }

    /// <summary>DOCS genders MI and FI mark an infant's document; the infant itself is male or female.</summary>
    public static string? AdultGender(string? gender) => gender switch
    {
        "MI" => "M",
        "FI" => "F",
        _ => gender,
    };

    public Traveler Build(string? recordLocator) => new()
    {
        Role = Role,
        Surname = Surname,
        GivenNames = GivenNames,
        Title = Title,
        ReferenceNumber = Reference,
        AccompaniedBy = AccompaniedBy,
        DateOfBirth = DateOfBirth,
        Gender = Gender,
        Nationality = Nationality,
        ResidenceCountry = ResidenceCountry,
        BirthPlace = BirthPlace,
        Seat = Seat,
        Address = Address,
        RecordLocator = recordLocator,
        References = [.. References],
        Documents = [.. Documents],
        Contacts = [.. Contacts],
        FrequentFlyers = [.. FrequentFlyers],
        UnmappedSegments = [.. Unmapped],
        Position = Position,
    };
}
