using Vigil.Screening.Matching;
using Vigil.Screening.Watchlists;
using Vigil.Travel.Model;

namespace Vigil.Screening.Hits;

/// <summary>The matcher's view of a traveler, built one way for the CLI's screening and for the service's checks.</summary>
internal static class TravelerQuery
{
    /// <summary>Given names then surname, as the matcher reads a plain name.</summary>
    public static string Name(Traveler traveler) =>
        string.Join(' ', new[] { traveler.GivenNames, traveler.Surname }.Where(n => !string.IsNullOrWhiteSpace(n)));

    /// <summary>The passport when there is one, otherwise the first document.</summary>
    public static TravelDocument? Document(Traveler traveler) =>
        traveler.Documents.FirstOrDefault(d => d.Type == "P") ?? traveler.Documents.FirstOrDefault();

    /// <summary>Name, date of birth, nationality, gender and document number.</summary>
    public static ScreeningQuery For(Traveler traveler) => new(Name(traveler))
    {
        DateOfBirth = traveler.DateOfBirth is { } born ? new QueryBirthDate(born.Year, born.Month, born.Day) : null,
        Nationality = string.IsNullOrWhiteSpace(traveler.Nationality) ? null : traveler.Nationality,
        Gender = traveler.Gender switch { "M" => Gender.Male, "F" => Gender.Female, _ => Gender.Unknown },
        DocumentNumber = Document(traveler)?.Number,
    };
}
