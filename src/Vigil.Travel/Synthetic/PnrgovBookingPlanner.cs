using static Vigil.Travel.Synthetic.PnrgovText;

namespace Vigil.Travel.Synthetic;

/// <summary>
/// Decides what one PNR holds: traveler types, titles and references, infants on an adult's lap, which travelers
/// have documents and contacts, the itinerary around the pushed flight, check-in, and where sensitive codes go.
/// The writer only prints the plan, so the plan is exactly what a parser should find.
/// </summary>
internal sealed class PnrgovBookingPlanner(Random random, GeneratedFlight flight)
{
    /// <summary>Meal codes that reveal religion, and a mobility code that reveals health (Dir. 2016/681 art. 13(4)).</summary>
    public static IReadOnlyList<string> SensitiveMeals { get; } = ["MOML", "KSML", "HNML"];

    public const string Wheelchair = "WCHR";

    private static readonly string[] GdsSystems = ["1A", "1S", "1G", "1P", "1V"];
    private static readonly string[] EmailDomains = ["MAIL.EXAMPLE.COM", "EXAMPLE.ORG", "POST.EXAMPLE.NET", "INBOX.EXAMPLE"];
    private const string BookingClasses = "YBMHKLQVSJCF";

    private readonly bool _dottedReferences = random.Next(3) == 0;

    public GeneratedBooking Plan(List<GeneratedTraveler> group, bool cancelled, bool withCheckIn)
    {
        var pushed = flight.Legs[0];
        var created = pushed.DepartureLocal.AddDays(-(1 + random.Next(120))).AddMinutes(-random.Next(1440));
        var lastChanged = created.AddMinutes(random.Next((int)Math.Max(1, (pushed.DepartureLocal - created).TotalMinutes - 60)));
        var locator = group[0].RecordLocator!;
        var system = random.Next(3) == 0 ? null : Locator(random);
        var agency = Agency(group[0]);
        if (cancelled)
        {
            return new GeneratedBooking(flight.Carrier, locator, system, Cancelled: true, created, lastChanged, agency, [], [], null, false, false, null);
        }

        var checkedIn = withCheckIn && random.Next(10) < 8;
        var travelers = Travelers(group, checkedIn);
        var itinerary = Itinerary();
        var split = random.Next(25) == 0 ? Locator(random) : null;
        var history = random.Next(5) < 2;
        // A history line that added a special meal repeats the code: the filter must find it there too.
        var repeated = history ? travelers.SelectMany(t => t.SensitiveCodes).FirstOrDefault() : null;
        return new GeneratedBooking(flight.Carrier, locator, system, Cancelled: false, created, lastChanged, agency, travelers, itinerary, split,
            checkedIn, history, repeated);
    }

    private GeneratedAgency Agency(GeneratedTraveler first)
    {
        var pushed = flight.Legs[0];
        if (random.Next(5) < 2)
        {
            var hub = pushed.Departure;
            return new GeneratedAgency(flight.Carrier, hub.Code, Digits(random, 8), hub.Code + flight.Carrier + "0" + Digits(random, 3), "A",
                PnrgovCountries.Find(hub.Country));
        }

        // Travel agents sit where the traveler lives, mostly.
        var country = PnrgovCountries.Find(first.CountryOfResidence);
        var city = Airports.All.FirstOrDefault(a => a.Country == country.Alpha3)?.Code ?? pushed.Departure.Code;
        var gds = GdsSystems[random.Next(GdsSystems.Length)];
        return new GeneratedAgency(gds, city, Digits(random, 8), city + Code(random, "ABCDEFGHJKLMNPQRSTUVWXYZ", 2) + Digits(random, 4), "T", country);
    }

    private List<GeneratedPnrTraveler> Travelers(List<GeneratedTraveler> group, bool checkedIn)
    {
        var travelDate = DateOnly.FromDateTime(flight.Legs[0].DepartureLocal);
        var adults = new List<int>();
        var infantOf = new Dictionary<int, int>();
        for (var i = 0; i < group.Count; i++)
        {
            if (Age(group[i], travelDate) >= 12)
            {
                adults.Add(i);
            }
        }

        var lapsTaken = 0;
        for (var i = 0; i < group.Count; i++)
        {
            // An infant needs a free lap; one without becomes a child with a seat of its own.
            if (Age(group[i], travelDate) < 2 && lapsTaken < adults.Count)
            {
                infantOf[i] = adults[lapsTaken++];
            }
        }

        // References in the order the writer prints TIFs: each adult, then its infant.
        var references = new Dictionary<int, string>();
        var next = 1;
        for (var i = 0; i < group.Count; i++)
        {
            if (infantOf.ContainsKey(i))
            {
                continue;
            }

            references[i] = Reference(next++);
            foreach (var (infant, adult) in infantOf)
            {
                if (adult == i)
                {
                    references[infant] = Reference(next++);
                }
            }
        }

        var planned = new List<GeneratedPnrTraveler>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var person = group[i];
            var age = Age(person, travelDate);
            var infant = infantOf.TryGetValue(i, out var lap);
            var type = infant ? "IN" : age < 12 ? "C" : "A";
            var title = infant ? null : Title(person.Sex, type);
            var lead = i == 0;
            var carriesInfant = infantOf.FirstOrDefault(p => p.Value == i);
            var hasInfant = infantOf.ContainsValue(i);
            var sensitive = new List<string>();
            if (!infant && random.Next(100) < 7)
            {
                sensitive.Add(SensitiveMeals[random.Next(SensitiveMeals.Count)]);
            }

            if (!infant && random.Next(100) < 3)
            {
                sensitive.Add(Wheelchair);
            }

            var bagged = checkedIn && !infant && person.BagCount > 0;
            planned.Add(new GeneratedPnrTraveler(
                Person: person,
                Type: type,
                Reference: references[i],
                Title: title,
                TitleGlued: random.Next(4) != 0,
                AccompaniedBy: infant ? references[lap] : null,
                InfantReference: hasInfant ? references[carriesInfant.Key] : null,
                HasDocs: random.Next(100) < 85,
                AlphaTwoCodes: random.Next(10) == 0,
                Email: !infant && (lead ? random.Next(10) < 6 : type == "A" && random.Next(10) < 2) ? Email(person) : null,
                Mobile: !infant && (lead ? random.Next(2) == 0 : random.Next(10) == 0) ? MobileNumber(person) : null,
                FrequentFlyer: type == "A" && random.Next(5) == 0 ? Digits(random, 9) : null,
                SensitiveCodes: sensitive,
                Seat: infant ? null : person.Seat,
                CheckedIn: checkedIn && !infant,
                BagTag: bagged ? Digits(random, 4) + PnrgovText.FlightDigits(person.FirstBagTag!) : null));
        }

        return planned;
    }

    private string Reference(int number) => _dottedReferences ? Number(number) + ".1" : Number(number);

    private string? Title(char sex, string type)
    {
        if (type == "C")
        {
            return sex == 'F' ? "MISS" : sex == 'M' ? "MSTR" : null;
        }

        if (random.Next(30) == 0)
        {
            return "DR";
        }

        return sex switch
        {
            'M' => "MR",
            'F' => random.Next(3) == 0 ? "MS" : "MRS",
            _ => null,
        };
    }

    /// <summary>CTCE text: <c>//</c> for @ and <c>..</c> for _, upper case as AIRIMP prints it or mixed as typed; some with a plus tag.</summary>
    private string Email(GeneratedTraveler person)
    {
        var given = Alphanumeric(person.GivenName);
        var surname = Alphanumeric(person.Surname);
        var local = random.Next(3) switch
        {
            0 => given + "." + surname,
            1 => given + ".." + surname,
            _ => given[..1] + surname + Digits(random, 2),
        };
        if (random.Next(8) == 0)
        {
            local += "+TRAVEL";
        }

        var address = local + "//" + EmailDomains[random.Next(EmailDomains.Length)];
        return random.Next(3) switch
        {
            0 => address.ToLowerInvariant(),
            1 => MixedCase(address),
            _ => address,
        };
    }

    private static string MixedCase(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (start && char.IsAsciiLetter(chars[i]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }

            start = !char.IsAsciiLetter(chars[i]);
        }

        return new string(chars);
    }

    private string MobileNumber(GeneratedTraveler person) =>
        CountryDialCode(person.CountryOfResidence) + "6" + Digits(random, 8);

    private static string CountryDialCode(string alpha3) => alpha3 switch
    {
        "MAR" => "212",
        "FRA" => "33",
        "GBR" => "44",
        "DEU" => "49",
        "USA" or "CAN" => "1",
        "TUR" => "90",
        "IND" => "91",
        "CHN" => "86",
        "EGY" => "20",
        "NGA" => "234",
        _ => "9" + (alpha3[0] - 'A').ToString("00", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The pushed flight, alone or with a return, a feeder or an onward leg; other carriers' legs are often codeshares.</summary>
    private List<GeneratedPnrLeg> Itinerary()
    {
        var pushed = flight.Legs[0];
        var cls = BookingClasses[random.Next(BookingClasses.Length)].ToString();
        var pushedNumber = FlightDigits(pushed.FlightNumber);
        // A few bookings hold the pushed flight under a partner's marketing number.
        var sold = random.Next(20) == 0
            ? new GeneratedPnrLeg(OtherCarrier(), Number(1000 + random.Next(8999)), flight.Carrier, pushedNumber, pushed.Departure.Code,
                pushed.Arrival.Code, pushed.DepartureLocal, pushed.ArrivalLocal, cls, true)
            : new GeneratedPnrLeg(flight.Carrier, pushedNumber, null, null, pushed.Departure.Code, pushed.Arrival.Code,
                pushed.DepartureLocal, pushed.ArrivalLocal, cls, true);
        var legs = new List<GeneratedPnrLeg> { sold };
        var roll = random.Next(100);
        if (roll < 20)
        {
            var back = pushed.DepartureLocal.AddDays(3 + random.Next(19)).Date.AddMinutes(5 * random.Next(288));
            legs.Add(Leg(pushed.Arrival.Code, pushed.Departure.Code, back, cls));
        }
        else if (roll < 35)
        {
            var origin = OtherAirport(pushed.Departure.Code, pushed.Arrival.Code);
            var arrive = pushed.DepartureLocal.AddMinutes(-(50 + (5 * random.Next(40))));
            legs.Insert(0, Leg(origin, pushed.Departure.Code, arrive.AddMinutes(-(60 + (5 * random.Next(60)))), cls, arrive));
        }
        else if (roll < 45)
        {
            var destination = OtherAirport(pushed.Departure.Code, pushed.Arrival.Code);
            legs.Add(Leg(pushed.Arrival.Code, destination, pushed.ArrivalLocal.AddMinutes(55 + (5 * random.Next(40))), cls));
        }

        return legs;
    }

    private GeneratedPnrLeg Leg(string from, string to, DateTime departure, string cls, DateTime? arrival = null)
    {
        var arrives = arrival ?? departure.AddMinutes(60 + (5 * random.Next(100)));
        var number = Number(1 + random.Next(999));
        return random.Next(10) < 3
            ? new GeneratedPnrLeg(flight.Carrier, Number(5000 + random.Next(4999)), OtherCarrier(), number, from, to, departure, arrives, cls, false)
            : new GeneratedPnrLeg(flight.Carrier, number, null, null, from, to, departure, arrives, cls, false);
    }

    private string OtherCarrier()
    {
        while (true)
        {
            var carrier = Airports.Carriers[random.Next(Airports.Carriers.Count)].Code;
            if (carrier != flight.Carrier)
            {
                return carrier;
            }
        }
    }

    private string OtherAirport(string first, string second)
    {
        while (true)
        {
            var code = Airports.All[random.Next(Airports.All.Count)].Code;
            if (code != first && code != second)
            {
                return code;
            }
        }
    }

    private static int Age(GeneratedTraveler person, DateOnly on)
    {
        var age = on.Year - person.DateOfBirth.Year;
        return person.DateOfBirth.AddYears(age) > on ? age - 1 : age;
    }
}
