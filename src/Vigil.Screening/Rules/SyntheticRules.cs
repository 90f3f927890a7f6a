using System.Globalization;
using Vigil.Screening.Hits;
using Vigil.Travel;
using Vigil.Travel.Model;
using Vigil.Travel.Synthetic;

namespace Vigil.Screening.Rules;

/// <summary>
/// Generated travelers in context and generated rules over them, for tests and benchmarks: travelers come from
/// synthetic PNRGOV pushes read by the real parser, with invented trip histories, earlier hits and link
/// identifiers; rules draw their fields, operators and values from that population so that some of them fire.
/// Everything follows from the seed.
/// </summary>
internal sealed class SyntheticRules(int seed)
{
    public const string CountriesOfConcern = "countries-of-concern";
    public const string AirportsOfConcern = "airports-of-concern";

    /// <summary>Generated flights fall in 2025–2026; a later day keeps two-digit birth years in the right century.</summary>
    private static readonly DateOnly ParseDay = new(2027, 1, 1);

    public static IReadOnlyDictionary<string, string> AirportCountries { get; } =
        Airports.All.ToDictionary(a => a.Code, a => a.Country, StringComparer.Ordinal);

    /// <summary>At least <paramref name="travelers"/> subjects from generated pushes of 100 bookings, with history and earlier hits.</summary>
    public List<ScreeningSubject> Population(int travelers)
    {
        var random = new Random(seed);
        var subjects = new List<ScreeningSubject>(travelers + 400);
        for (var index = 1; subjects.Count < travelers; index++)
        {
            foreach (var subject in TravelSubjects.From(Push(index, 100)))
            {
                subjects.Add(subject with { History = History(random, subject), PriorHits = PriorHits(random) });
            }
        }

        return subjects;
    }

    /// <summary>Generated full PNRGOV push number <paramref name="index"/>, read by the real parser.</summary>
    public TravelFile Push(int index, int bookings) => TravelFileReader.Read(new PnrgovGenerator(seed).GenerateFile(index, bookings, PushKind.Full).Content, ParseDay);

    /// <summary>Generated PAXLST passenger list number <paramref name="index"/>, read by the real parser.</summary>
    public TravelFile PassengerList(int index, int passengers) =>
        TravelFileReader.Read(new PaxlstGenerator(seed).GenerateFile(index, passengers, PaxlstLayout.Standard, crewList: false).Content, ParseDay);

    /// <summary>Value lists the generated rules read, saved as version 1.</summary>
    public ValueListRepository Lists()
    {
        var lists = new ValueListRepository();
        lists.Save(CountriesOfConcern, ["SYR", "YEM", "PAK", "TUR", "ARE", "LBN", "NGA"], "generator", "synthetic population");
        lists.Save(AirportsOfConcern, ["IST", "DXB", "BEY", "KHI", "LOS", "AMM"], "generator", "synthetic population");
        return lists;
    }

    /// <summary>
    /// Identifiers of one traveler in fifty as if watch-listed, of one in a hundred as if confirmed hits, and one
    /// traveler in a hundred marked as having hit, so that every kind of link term fires somewhere.
    /// </summary>
    public RuleEnvironment Environment(IReadOnlyList<ScreeningSubject> population)
    {
        var random = new Random(seed + 7);
        var links = new LinkDirectory();
        foreach (var subject in population)
        {
            var roll = random.Next(100);
            if (roll < 3)
            {
                var source = new LinkSource(roll < 2 ? LinkSourceKind.WatchListed : LinkSourceKind.ConfirmedHit, $"SYN-{random.Next(100_000)}");
                foreach (var contact in subject.Traveler.Contacts)
                {
                    links.Add(contact.Channel == "EM" ? LinkKind.Email : LinkKind.Phone, contact.Number, source);
                }

                foreach (var account in subject.Traveler.FrequentFlyers)
                {
                    links.Add(LinkKind.FrequentFlyer, $"{account.Carrier}{account.Number}", source);
                }

                if (subject.Booking?.Agency?.OfficeId is { } office)
                {
                    links.Add(LinkKind.Agency, office, source);
                }

                foreach (var payment in subject.Booking?.Payments ?? [])
                {
                    if (payment.MaskedCardNumber is { } card)
                    {
                        links.Add(LinkKind.Card, card, source);
                    }
                }
            }
            else if (roll < 4)
            {
                links.MarkHit(subject.Booking, subject.Traveler, random.Next(2) == 0 ? "watchlist" : "rule", $"SYN-{random.Next(100_000)}",
                    random.Next(2) == 0 ? "confirmed" : "new");
            }
        }

        return new RuleEnvironment { Links = links, AirportCountries = AirportCountries, Today = ParseDay };
    }

    /// <summary><paramref name="count"/> rules of terms under AND, OR and NOT, values drawn from <paramref name="population"/>.</summary>
    public List<RiskRule> Rules(int count, IReadOnlyList<ScreeningSubject> population, RuleEnvironment environment)
    {
        var random = new Random(seed + 13);
        var sample = population.Take(500).Select(s => new SubjectFacts(s, environment)).ToList();
        var rules = new List<RiskRule>(count);
        for (var i = 0; i < count; i++)
        {
            rules.Add(new RiskRule
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"SYN-{i + 1:D4}"),
                Title = string.Create(CultureInfo.InvariantCulture, $"Generated rule {i + 1}"),
                Owner = "SYNTHETIC",
                Severity = (FindingSeverity)random.Next(4),
                // Most real criteria are an AND of a few narrow tests; one in four here has a free shape to cover
                // OR, NOT and single terms at the top as well.
                Condition = i % 4 == 0
                    ? Condition(random, sample, depth: 0)
                    : new AllOf([.. Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Condition(random, sample, depth: 1))]),
            });
        }

        return rules;
    }

    private RuleCondition Condition(Random random, List<SubjectFacts> sample, int depth)
    {
        var roll = random.Next(10);
        if (depth < 2 && roll < 5)
        {
            IReadOnlyList<RuleCondition> children = [.. Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Condition(random, sample, depth + 1))];
            return roll < 3 ? new AllOf(children) : new AnyOf(children);
        }

        if (depth > 0 && roll == 5)
        {
            return new NoneOf(Term(random, sample));
        }

        return roll == 6 && depth > 0
            ? new LinkTerm(Pick(random, ["phone", "email", "card", "frequentFlyer", "agency", "booking"]), Pick(random, ["watchListed", "confirmedHit", "bookingHit"])) is var link
              && link is { Link: "agency", With: "bookingHit" } ? link with { With = "watchListed" } : link
            : Term(random, sample);
    }

    private static RuleTerm Term(Random random, List<SubjectFacts> sample)
    {
        var field = RuleFields.All[random.Next(RuleFields.All.Count)];
        var ops = Enum.GetValues<TermOperator>().Where(o => TermOperators.AppliesTo(o, field.Type)).ToArray();
        var op = ops[random.Next(ops.Length)];
        var days = field.Windowed || op == TermOperator.WithinDays ? 30 + random.Next(700) : (int?)null;
        var seen = sample.Select(f => f.Value(field, days)).ToList();
        var values = op switch
        {
            TermOperator.IsEmpty or TermOperator.WithinDays => [],
            TermOperator.MemberOf or TermOperator.NotMemberOf => [],
            TermOperator.In or TermOperator.NotIn => Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Literal(random, field, seen)).Distinct().ToList(),
            TermOperator.Between => Between(random, field, seen),
            TermOperator.Matches => [Pattern(random, Literal(random, field, seen))],
            TermOperator.StartsWith => [Literal(random, field, seen) is var s && s.Length > 1 ? s[..(1 + random.Next(s.Length - 1))] : "A"],
            TermOperator.EndsWith or TermOperator.Contains => [Literal(random, field, seen) is var e && e.Length > 1 ? e[random.Next(e.Length - 1)..] : "A"],
            _ => [Literal(random, field, seen)],
        };
        return new RuleTerm(field.Name, TermOperators.NameOf(op), values)
        {
            List = op is TermOperator.MemberOf or TermOperator.NotMemberOf ? (random.Next(2) == 0 ? CountriesOfConcern : AirportsOfConcern) : null,
            Days = days,
        };
    }

    private static List<string> Between(Random random, RuleField field, List<object?> seen)
    {
        if (field.Type == FieldType.Flag)
        {
            return [];
        }

        var a = Literal(random, field, seen);
        var b = Literal(random, field, seen);
        var ordered = field.Type == FieldType.Date
            ? string.CompareOrdinal(a, b) <= 0
            : double.Parse(a, CultureInfo.InvariantCulture) <= double.Parse(b, CultureInfo.InvariantCulture);
        return ordered ? [a, b] : [b, a];
    }

    /// <summary>A value some traveler really has, in the literal form of the field's type.</summary>
    private static string Literal(Random random, RuleField field, List<object?> seen)
    {
        var present = seen.Where(v => v is not null && v is not string[] { Length: 0 }).ToList();
        var value = present.Count == 0 ? null : present[random.Next(present.Count)];
        return (field.Type, value) switch
        {
            (_, string[] set) => set[random.Next(set.Length)],
            (_, string text) => text,
            (FieldType.Flag, bool flag) => flag ? "true" : "false",
            (FieldType.Flag, _) => "true",
            (_, double number) => number.ToString(CultureInfo.InvariantCulture),
            (FieldType.Date, _) => "2026-01-01",
            (FieldType.Number, _) => "1",
            _ => "X",
        };
    }

    /// <summary>A pattern built from a real value: its first letters, then any characters.</summary>
    private static string Pattern(Random random, string value) =>
        "^" + System.Text.RegularExpressions.Regex.Escape(value[..Math.Min(value.Length, 1 + random.Next(3))]) + (random.Next(2) == 0 ? ".*" : "[A-Z0-9]*$");

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static IReadOnlyList<PastTrip> History(Random random, ScreeningSubject subject)
    {
        var departure = subject.Flight?.Legs.FirstOrDefault()?.ScheduledDeparture ?? new DateTime(2026, 1, 1);
        var origin = subject.Flight?.Legs.FirstOrDefault()?.Origin;
        var trips = new List<PastTrip>();
        for (var i = random.Next(4); i > 0; i--)
        {
            var from = Airports.All[random.Next(Airports.All.Count)];
            var to = Airports.All[random.Next(Airports.All.Count)];
            trips.Add(new PastTrip("XY", "1", from.Code, to.Code, new DateTimeOffset(departure.AddDays(-random.Next(1, 500)), TimeSpan.Zero), [from.Country, to.Country]));
        }

        if (origin is not null && random.Next(20) == 0)
        {
            var from = Airports.All[random.Next(Airports.All.Count)];
            trips.Add(new PastTrip("XY", "2", from.Code, origin, new DateTimeOffset(departure.AddHours(-random.Next(3, 40)), TimeSpan.Zero),
                [from.Country, AirportCountries.GetValueOrDefault(origin, "XXX")]));
        }

        return [.. trips.OrderByDescending(t => t.Departure)];
    }

    private static IReadOnlyList<PriorHit> PriorHits(Random random) => random.Next(50) != 0 ? [] :
        [new PriorHit(random.Next(2) == 0 ? "watchlist" : "rule", $"SYN-{random.Next(1000)}", Pick(random, ["new", "in review", "confirmed", "dismissed"]))];
}
