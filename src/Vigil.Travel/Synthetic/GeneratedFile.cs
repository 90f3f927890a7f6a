using Vigil.Travel.Mrz;

namespace Vigil.Travel.Synthetic;

/// <summary>One synthetic PAXLST interchange and what it was made from, so a test can compare it with what a parser reads.</summary>
internal sealed record GeneratedFile(
    string FileName,
    byte[] Content,
    PaxlstLayout Layout,
    GeneratedFlight Flight,
    bool IsCrewList,
    IReadOnlyList<GeneratedTraveler> Travelers,
    int MessageSegmentCount);

/// <summary>The flight a synthetic list reports: its legs in order, the border-crossing one last.</summary>
internal sealed record GeneratedFlight(string Carrier, string FlightNumber, string CommonAccessReference, IReadOnlyList<GeneratedLeg> Legs)
{
    public GeneratedLeg BorderCrossing => Legs[^1];
}

internal sealed record GeneratedLeg(string FlightNumber, Airport Departure, Airport Arrival, DateTime DepartureLocal, DateTime ArrivalLocal);

/// <summary>A synthetic person on the list, exactly as written into the message.</summary>
internal sealed record GeneratedTraveler(
    bool IsCrew,
    string Surname,
    string GivenName,
    string? MiddleName,
    char Sex,
    DateOnly DateOfBirth,
    string Nationality,
    string CountryOfResidence,
    string CountryOfBirth,
    string Embarkation,
    string Debarkation,
    string DocumentType,
    string DocumentNumber,
    string IssuingState,
    DateOnly DocumentIssued,
    DateOnly DocumentExpiry,
    string? RecordLocator,
    string? PassengerReference,
    string? Seat,
    int BagCount,
    int BagWeightKilograms,
    string? FirstBagTag,
    Td3Mrz Mrz);
