using Vigil.Travel.Model;

namespace Vigil.Travel.Paxlst;

/// <summary>A traveler's group while it is being read; becomes an immutable <see cref="Traveler"/> at its end.</summary>
internal sealed class TravelerDraft(TravelerRole role, SourcePosition position)
{
    public TravelerRole Role { get; } = role;

    public SourcePosition Position { get; } = position;

    public string? Surname { get; set; }

    public string? GivenNames { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Gender { get; set; }

    public string? Nationality { get; set; }

    public string? ResidenceCountry { get; set; }

    public string? BirthPlace { get; set; }

    public string? Embarkation { get; set; }

    public string? Debarkation { get; set; }

    public string? PortOfClearance { get; set; }

    public PostalAddress? Address { get; set; }

    public bool? Verified { get; set; }

    public string? CrewFunction { get; set; }

    public int? BagCount { get; set; }

    public decimal? BagWeight { get; set; }

    public string? BagWeightUnit { get; set; }

    public List<BagTagRange>? BagTags { get; set; }

    public List<TravelerReference>? References { get; set; }

    public List<DocumentDraft>? Documents { get; set; }

    public List<Contact>? Contacts { get; set; }

    public List<Quantity>? Quantities { get; set; }

    public List<RawSegment>? Unmapped { get; set; }

    /// <summary>The document whose DTM and LOC segments are being read (the last DOC of the group).</summary>
    public DocumentDraft? CurrentDocument => Documents is { Count: > 0 } ? Documents[^1] : null;

    public Traveler Build()
    {
        string? recordLocator = null, passengerReference = null, seat = null;
        if (References is not null)
        {
            foreach (var reference in References)
            {
                switch (reference.Qualifier)
                {
                    case "AVF":
                        recordLocator ??= reference.Value;
                        break;
                    case "ABO":
                        passengerReference ??= reference.Value;
                        break;
                    case "SEA":
                        seat ??= reference.Value;
                        break;
                }
            }
        }

        var hasBags = BagCount is not null || BagWeight is not null || BagTags is not null;
        return new Traveler
        {
            Role = Role,
            Surname = Surname,
            GivenNames = GivenNames,
            DateOfBirth = DateOfBirth,
            Gender = Gender,
            Nationality = Nationality,
            ResidenceCountry = ResidenceCountry,
            BirthPlace = BirthPlace,
            Embarkation = Embarkation,
            Debarkation = Debarkation,
            PortOfClearance = PortOfClearance,
            Seat = seat,
            RecordLocator = recordLocator,
            UniquePassengerReference = passengerReference,
            References = References ?? [],
            Documents = Documents is null ? [] : Documents.ConvertAll(d => d.Build()),
            Bags = hasBags ? new Baggage { Count = BagCount, Weight = BagWeight, WeightUnit = BagWeightUnit, Tags = BagTags ?? [] } : null,
            Address = Address,
            Contacts = Contacts ?? [],
            Verified = Verified,
            CrewFunction = CrewFunction,
            Quantities = Quantities ?? [],
            UnmappedSegments = Unmapped ?? [],
            Position = Position,
        };
    }
}

/// <summary>A document while its DOC group is being read.</summary>
internal sealed class DocumentDraft
{
    public string? Type { get; init; }

    public string? Number { get; init; }

    public string? IssuingCountry { get; set; }

    public DateOnly? IssueDate { get; set; }

    public DateOnly? Expiry { get; set; }

    public TravelDocument Build() =>
        new() { Type = Type, Number = Number, IssuingCountry = IssuingCountry, IssueDate = IssueDate, Expiry = Expiry };
}
