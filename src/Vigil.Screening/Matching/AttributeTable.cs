using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>
/// What weighing a candidate reads of every listed person — dates of birth, coded nationalities, gender, list —
/// packed in arrays side by side. A search weighs dozens of candidates per traveler, thousands on a list of a
/// million people, and reaching each person's record, its lists and their date records cost more than the weighing
/// itself. Document numbers are still compared on the record: only a traveler who gives one needs them.
/// </summary>
internal sealed class AttributeTable
{
    /// <summary>Per person, where its dates and nationalities start; one more entry closes the last person's.</summary>
    private readonly Entry[] entries;
    private readonly BirthDateFacts[] dates;
    private readonly int[] nationalities;
    private readonly ListedPerson[] persons;

    private AttributeTable(ListedPerson[] persons, Entry[] entries, BirthDateFacts[] dates, int[] nationalities, string[] lists)
    {
        this.persons = persons;
        this.entries = entries;
        this.dates = dates;
        this.nationalities = nationalities;
        Lists = lists;
    }

    /// <summary>The lists the persons come from; <see cref="ListOf"/> gives a position in it.</summary>
    public IReadOnlyList<string> Lists { get; }

    public static AttributeTable Build(ListedPerson[] persons)
    {
        var entries = new Entry[persons.Length + 1];
        var dates = new List<BirthDateFacts>(persons.Length);
        var nationalities = new List<int>(persons.Length);
        var lists = new List<string>();
        for (var p = 0; p < persons.Length; p++)
        {
            var person = persons[p];
            var firstNationality = nationalities.Count;
            var irregular = false;
            foreach (var nationality in person.Nationalities)
            {
                if (nationality.Length == 3)
                {
                    var code = Code(nationality);
                    irregular |= code is null;
                    nationalities.Add(code ?? 0);
                }
            }

            var list = lists.IndexOf(person.List);
            if (list < 0)
            {
                list = lists.Count;
                lists.Add(person.List);
            }

            entries[p] = new Entry(dates.Count, firstNationality, person.Gender, list, irregular);
            foreach (var date in person.BirthDates)
            {
                dates.Add(new BirthDateFacts(date));
            }
        }

        entries[persons.Length] = new Entry(dates.Count, nationalities.Count, Gender.Unknown, 0, Irregular: false);
        return new AttributeTable(persons, entries, [.. dates], [.. nationalities], [.. lists]);
    }

    /// <summary>The position of the person's list in <see cref="Lists"/>.</summary>
    public int ListOf(int person) => entries[person].List;

    /// <summary>
    /// What the person's attributes add to a name score for this traveler: the same sum as
    /// <see cref="AttributeEvidence.Contribution(ScreeningQuery, ListedPerson)"/>.
    /// </summary>
    public double Contribution(in Traveler traveler, int person)
    {
        var entry = entries[person];
        if (entry.Irregular || traveler.IrregularNationality)
        {
            return AttributeEvidence.Contribution(traveler.Query, persons[person], traveler.ComparableDocument);
        }

        var next = entries[person + 1];
        double total = 0;
        if (traveler.Query.DateOfBirth is { } dob && next.FirstDate > entry.FirstDate)
        {
            var best = double.MinValue;
            for (var d = entry.FirstDate; d < next.FirstDate; d++)
            {
                best = Math.Max(best, AttributeEvidence.Contribution(dob, dates[d]));
            }

            total += best;
        }

        if (traveler.Nationality != 0 && next.FirstNationality > entry.FirstNationality)
        {
            total += nationalities.AsSpan(entry.FirstNationality, next.FirstNationality - entry.FirstNationality).Contains(traveler.Nationality)
                ? AttributeEvidence.NationalityAgrees
                : AttributeEvidence.NationalityDiffers;
        }

        var gender = traveler.Query.Gender;
        if (gender != Gender.Unknown && entry.Gender != Gender.Unknown && gender != entry.Gender)
        {
            total += AttributeEvidence.GenderDiffers;
        }

        return traveler.ComparableDocument is null || AttributeEvidence.MatchingDocument(traveler.ComparableDocument, persons[person]) is null
            ? total
            : total + AttributeEvidence.DocumentAgrees;
    }

    /// <summary>
    /// A three-letter code as one number, letters folded to capitals as the comparison ignores case; null for a
    /// code with characters other than printable ASCII, which is compared as text instead.
    /// </summary>
    private static int? Code(string nationality)
    {
        var code = 0;
        foreach (var c in nationality)
        {
            if (c is < ' ' or > '~')
            {
                return null;
            }

            code = (code << 8) | char.ToUpperInvariant(c);
        }

        return code;
    }

    /// <summary>A traveler's attributes in the form the table compares, made once per search.</summary>
    internal readonly struct Traveler(ScreeningQuery query)
    {
        public ScreeningQuery Query { get; } = query;

        /// <summary>The traveler's document number normalised, or null when there is none long enough to compare.</summary>
        public string? ComparableDocument { get; } = AttributeEvidence.ComparableDocument(query);

        /// <summary>The coded nationality, or 0 when the traveler gives no three-letter code.</summary>
        public int Nationality { get; } = query.Nationality is { Length: 3 } nationality ? Code(nationality) ?? 0 : 0;

        public bool IrregularNationality { get; } = query.Nationality is { Length: 3 } nationality && Code(nationality) is null;
    }

    private readonly record struct Entry(int FirstDate, int FirstNationality, Gender Gender, int List, bool Irregular);
}
