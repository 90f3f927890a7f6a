using Vigil.Screening.Watchlists;
using Vigil.Travel.Mrz;
using Vigil.Travel.Synthetic;

namespace Vigil.Cli.Screening;

/// <summary>A listed person put among synthetic travelers under a realistic variation of their listed name.</summary>
/// <param name="File">Index of the generated file that carries them.</param>
/// <param name="Position">Their place among that file's travelers.</param>
internal sealed record PlantedPerson(string ListId, string Variation, string ListedName, GeneratedTraveler Traveler, int File, int Position);

/// <summary>
/// Plants persons of the UN list in synthetic API traffic for the demo: each is written into a generated PAXLST
/// (the file is written again by the same writer), so the screening finds them through the path real messages take.
/// Names are variations an airline really sends; date of birth, nationality and gender come from the list entry.
/// </summary>
internal static class PlantedPersons
{
    /// <summary>UN entries, how their name is varied, and the surname and given names as the traveler presents them.</summary>
    private static readonly (string ListId, string Variation, string Surname, string GivenNames, bool Mrz)[] Plan =
    [
        ("IQi.084", "MRZ form: hyphen made a space, name cut at 39 characters", "AL-TIKRITI", "IBRAHIM SABAWI IBRAHIM HASAN", true),
        ("QDi.006", "transliteration variant", "EL ZAWAHRI", "AYMAN MOHAMED RABIE", false),
        ("KPi.056", "names reordered: surname sent as given name", "CHOL", "JANG SONG", false),
        ("QDi.396", "middle name (patronymic) dropped", "BYUTUKAEV", "ASLAN", false),
        ("QDi.083", "transliteration variant", "ESSABBAR", "ZAKARIA", false),
    ];

    public static int Count => Plan.Length;

    /// <summary>
    /// Replaces one passenger in each of a few passenger lists (chosen from the seed) by a listed person, and writes those
    /// lists again. Returns the files (changed ones replaced) and where each planted person sits.
    /// </summary>
    public static (List<GeneratedFile> Files, List<PlantedPerson> Planted) Plant(IReadOnlyList<GeneratedFile> generated, WatchList list, int seed)
    {
        var files = generated.ToList();
        var planted = new List<PlantedPerson>();
        var random = new Random(seed);
        var passengerLists = Enumerable.Range(0, files.Count).Where(i => !files[i].IsCrewList && files[i].Travelers.Count > 0).ToList();
        if (passengerLists.Count == 0)
        {
            return (files, planted);
        }

        var byId = list.Entries.ToDictionary(e => e.ListId, StringComparer.Ordinal);
        var taken = new HashSet<(int, int)>();
        for (var i = 0; i < Plan.Length; i++)
        {
            var (listId, variation, surname, given, mrz) = Plan[i];
            if (!byId.TryGetValue(listId, out var person))
            {
                continue;
            }

            var file = passengerLists[(i + random.Next(passengerLists.Count)) % passengerLists.Count];
            var travelers = files[file].Travelers.ToList();
            int position;
            do
            {
                position = random.Next(travelers.Count);
            }
            while (!taken.Add((file, position)) && taken.Count < travelers.Count * passengerLists.Count);

            if (mrz)
            {
                (surname, given) = FromMrz(surname, given);
            }

            var traveler = Become(travelers[position], person, surname, given);
            travelers[position] = traveler;
            var (content, segments) = new PaxlstWriter(new Random(seed + file), files[file].Layout, files[file].Flight, crewList: false, travelers).Write();
            files[file] = files[file] with { Content = content, Travelers = travelers, MessageSegmentCount = segments };
            planted.Add(new PlantedPerson(listId, variation, person.PrimaryName, traveler, file, position));
        }

        return (files, planted);
    }

    /// <summary>The name as a reader of the passport's machine-readable zone gives it back: upper case, filler for spaces and hyphens, cut at 39 characters.</summary>
    internal static (string Surname, string GivenNames) FromMrz(string surname, string givenNames)
    {
        var field = Td3Mrz.NameField(surname, givenNames);
        var parts = field.Split("<<", 2);
        static string Clean(string part) => string.Join(' ', part.Split('<', StringSplitOptions.RemoveEmptyEntries));
        return (Clean(parts[0]), parts.Length > 1 ? Clean(parts[1]) : "");
    }

    private static GeneratedTraveler Become(GeneratedTraveler traveler, ListedPerson person, string surname, string givenNames)
    {
        var born = person.BirthDates.FirstOrDefault(b => b.Day is not null && b.FromYear == b.ToYear) is { } date
            ? new DateOnly(date.FromYear, date.Month!.Value, date.Day!.Value)
            : traveler.DateOfBirth;
        var nationality = person.Nationalities.FirstOrDefault(n => n.Length == 3 && n.All(char.IsAsciiLetterUpper)) ?? traveler.Nationality;
        var sex = person.Gender switch { Gender.Male => 'M', Gender.Female => 'F', _ => traveler.Sex };
        var given = givenNames.Split(' ', 2);
        var page = new PassportDataPage("P", nationality, surname, givenNames, traveler.DocumentNumber, nationality, born, sex, traveler.DocumentExpiry);
        return traveler with
        {
            Surname = surname,
            GivenName = given[0],
            MiddleName = given.Length > 1 ? given[1] : null,
            Sex = sex,
            DateOfBirth = born,
            Nationality = nationality,
            IssuingState = nationality,
            CountryOfBirth = nationality,
            Mrz = Td3Mrz.Create(page),
        };
    }
}
