using Vigil.Travel.Mrz;

namespace Vigil.Travel.Synthetic;

/// <summary>
/// Invents the people on a synthetic list: passengers travelling alone or in bookings that share a record
/// locator and often a surname, and crew. Every passport gets an MRZ with valid check digits.
/// </summary>
internal sealed class SyntheticPeople(Random random, bool keepDiacritics)
{
    private const string LocatorCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const string SeatLetters = "ABCDEFGHJK";

    private readonly HashSet<string> _documentNumbers = [];
    private readonly HashSet<string> _seats = [];

    public List<GeneratedTraveler> Passengers(int count, GeneratedFlight flight)
    {
        var travelers = new List<GeneratedTraveler>(count);
        while (travelers.Count < count)
        {
            // Most bookings are one person; families and colleagues travel in twos to fives.
            var roll = random.Next(100);
            var size = Math.Min(count - travelers.Count, roll < 65 ? 1 : roll < 85 ? 2 : 3 + random.Next(3));
            var culture = NameCultures.Pick(random);
            var surname = culture.Surnames[random.Next(culture.Surnames.Length)];
            var nationality = Choose(culture.Nationalities);
            var recordLocator = Code(LocatorCharacters, 6);
            var embarkation = flight.Legs[random.Next(flight.Legs.Count)].Departure;
            for (var member = 0; member < size; member++)
            {
                var shareSurname = member > 0 && random.Next(100) < 70;
                var person = culture;
                if (member > 0 && !shareSurname)
                {
                    person = NameCultures.Pick(random);
                    surname = person.Surnames[random.Next(person.Surnames.Length)];
                    nationality = Choose(person.Nationalities);
                }

                var age = member == 0 ? 18 + random.Next(62) : random.Next(80);
                travelers.Add(Person(person, surname, nationality, age, flight, embarkation.Code, recordLocator, crew: false));
            }
        }

        return travelers;
    }

    public List<GeneratedTraveler> Crew(int count, GeneratedFlight flight)
    {
        var crew = new List<GeneratedTraveler>(count);
        for (var i = 0; i < count; i++)
        {
            var culture = NameCultures.Pick(random);
            var surname = culture.Surnames[random.Next(culture.Surnames.Length)];
            crew.Add(Person(culture, surname, Choose(culture.Nationalities), 22 + random.Next(40), flight,
                flight.BorderCrossing.Departure.Code, recordLocator: null, crew: true));
        }

        return crew;
    }

    private GeneratedTraveler Person(NameCulture culture, string surnameEntry, string nationality, int age, GeneratedFlight flight,
        string embarkation, string? recordLocator, bool crew)
    {
        var travelDate = DateOnly.FromDateTime(flight.Legs[0].DepartureLocal);
        var sexRoll = random.Next(200);
        var sex = sexRoll == 0 ? 'U' : sexRoll % 2 == 0 ? 'M' : 'F';
        var givenNames = sex == 'F' || (sex == 'U' && random.Next(2) == 0) ? culture.FemaleGiven : culture.MaleGiven;
        var surname = Text(NameCultures.SurnameFor(surnameEntry, sex));
        var given = Text(Choose(givenNames));
        var middle = random.Next(100) < 20 ? Text(Choose(givenNames)) : null;
        if (middle == given)
        {
            middle = null;
        }

        var birth = travelDate.AddYears(-age).AddDays(-random.Next(365));
        // Some travelers hold a second nationality's passport or live abroad.
        var residence = random.Next(100) < 80 ? nationality : flight.BorderCrossing.Arrival.Country;
        var issuingState = nationality;
        var birthCountry = random.Next(100) < 90 ? nationality : Choose(culture.Nationalities);

        var validityYears = age < 16 ? 5 : 10;
        var earliestIssue = birth.AddDays(7);
        var latestIssue = travelDate.AddDays(-1);
        var fromIssue = travelDate.AddYears(-validityYears).AddDays(30);
        if (fromIssue < earliestIssue)
        {
            fromIssue = earliestIssue;
        }

        var issued = fromIssue >= latestIssue ? latestIssue : fromIssue.AddDays(random.Next(latestIssue.DayNumber - fromIssue.DayNumber));
        var expiry = issued.AddYears(validityYears);
        var number = DocumentNumber();
        var optional = random.Next(100) < 30 ? Code("0123456789", 10 + random.Next(5)) : "";
        var mrz = Td3Mrz.Create(new PassportDataPage("P", issuingState, surname, middle is null ? given : given + " " + middle,
            number, nationality, birth, sex, expiry, optional));

        var bags = crew || random.Next(100) < 35 ? 0 : 1 + random.Next(3);
        var carrier = flight.Carrier;
        return new GeneratedTraveler(
            IsCrew: crew,
            Surname: surname,
            GivenName: given,
            MiddleName: middle,
            Sex: sex,
            DateOfBirth: birth,
            Nationality: nationality,
            CountryOfResidence: residence,
            CountryOfBirth: birthCountry,
            Embarkation: embarkation,
            Debarkation: flight.BorderCrossing.Arrival.Code,
            DocumentType: "P",
            DocumentNumber: number,
            IssuingState: issuingState,
            DocumentIssued: issued,
            DocumentExpiry: expiry,
            RecordLocator: recordLocator,
            PassengerReference: crew ? null : Code("0123456789ABCDEF", 12),
            Seat: crew ? null : Seat(),
            BagCount: bags,
            BagWeightKilograms: bags * (12 + random.Next(12)),
            FirstBagTag: bags == 0 ? null : carrier + Code("0123456789", 6),
            Mrz: mrz);
    }

    /// <summary>Passport numbers in the shapes issuers use: letters then digits, all digits, or mixed.</summary>
    private string DocumentNumber()
    {
        while (true)
        {
            var number = random.Next(4) switch
            {
                0 => Code("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2) + Code("0123456789", 7),
                1 => Code("123456789", 1) + Code("0123456789", 8),
                2 => Code("ABCDEFGHJKLMNPRSTUVWXYZ", 1) + Code("0123456789", 7 + random.Next(2)),
                _ => Code("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 9),
            };
            if (_documentNumbers.Add(number))
            {
                return number;
            }
        }
    }

    private string Seat()
    {
        while (true)
        {
            var seat = (1 + random.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture) + SeatLetters[random.Next(SeatLetters.Length)];
            if (_seats.Add(seat) || _seats.Count >= 600)
            {
                return seat;
            }
        }
    }

    private string Text(string name) => keepDiacritics ? name : MrzText.FoldToLatin(name);

    private string Choose(string[] values) => values[random.Next(values.Length)];

    private string Code(string alphabet, int length) => string.Create(length, (alphabet, random), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        }
    });
}
