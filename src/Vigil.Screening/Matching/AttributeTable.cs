using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>
/// What weighing a candidate reads of every listed person — dates of birth, coded nationalities, gender, list —
/// packed one entry per person. A search weighs dozens of candidates per traveler, thousands on a list of a
/// million people, and reaching each person's record, its lists and their date records cost more than the weighing
/// itself. A person's first date and first nationality sit in the entry, so that most weighings read one place;
/// further ones are kept aside. Document numbers are still compared on the record: only a traveler who gives one
/// needs them.
/// </summary>
internal sealed class AttributeTable
{
    private readonly Entry[] entries;
    private readonly BirthDateFacts[] moreDates;
    private readonly int[] moreNationalities;
    private readonly ListedPerson[] persons;

    private AttributeTable(ListedPerson[] persons, Entry[] entries, BirthDateFacts[] moreDates, int[] moreNationalities, string[] lists)
    {
        this.persons = persons;
        this.entries = entries;
        this.moreDates = moreDates;
        this.moreNationalities = moreNationalities;
        Lists = lists;
    }

    /// <summary>The lists the persons come from; <see cref="ListOf"/> gives a position in it.</summary>
    public IReadOnlyList<string> Lists { get; }

    public static AttributeTable Build(ListedPerson[] persons)
    {
        var entries = new Entry[persons.Length];
        var moreDates = new List<BirthDateFacts>();
        var moreNationalities = new List<int>();
        var lists = new List<string>();
        var codes = new List<int>();
        for (var p = 0; p < persons.Length; p++)
        {
            var person = persons[p];
            var irregular = false;
            codes.Clear();
            foreach (var nationality in person.Nationalities)
            {
                if (nationality.Length == 3)
                {
                    var code = Code(nationality);
                    irregular |= code is null;
                    codes.Add(code ?? 0);
                }
            }

            var list = lists.IndexOf(person.List);
            if (list < 0)
            {
                list = lists.Count;
                lists.Add(person.List);
            }

            var dates = person.BirthDates;
            irregular |= dates.Count > ushort.MaxValue || codes.Count > ushort.MaxValue;
            entries[p] = new Entry(
                dates.Count > 0 ? new BirthDateFacts(dates[0]) : default,
                codes.Count > 0 ? codes[0] : 0,
                moreDates.Count,
                moreNationalities.Count,
                (ushort)Math.Min(dates.Count, ushort.MaxValue),
                (ushort)Math.Min(codes.Count, ushort.MaxValue),
                person.Gender,
                list,
                irregular);
            for (var d = 1; d < dates.Count; d++)
            {
                moreDates.Add(new BirthDateFacts(dates[d]));
            }

            for (var n = 1; n < codes.Count; n++)
            {
                moreNationalities.Add(codes[n]);
            }
        }

        return new AttributeTable(persons, entries, [.. moreDates], [.. moreNationalities], [.. lists]);
    }

    /// <summary>The position of the person's list in <see cref="Lists"/>.</summary>
    public int ListOf(int person) => entries[person].List;

    /// <summary>
    /// What the person's attributes add to a name score for this traveler: the same sum as
    /// <see cref="AttributeEvidence.Contribution(ScreeningQuery, ListedPerson)"/>.
    /// </summary>
    public double Contribution(in Traveler traveler, int person)
    {
        ref readonly var entry = ref entries[person];
        if (entry.Irregular || traveler.IrregularNationality)
        {
            return AttributeEvidence.Contribution(traveler.Query, persons[person], traveler.ComparableDocument);
        }

        double? birthDate = null;
        if (traveler.Query.DateOfBirth is { } dob && entry.DateCount > 0)
        {
            var best = AttributeEvidence.Contribution(dob, entry.FirstDate);
            for (var d = 1; d < entry.DateCount; d++)
            {
                best = Math.Max(best, AttributeEvidence.Contribution(dob, moreDates[entry.MoreDates + d - 1]));
            }

            birthDate = best;
        }

        bool? nationalityListed = traveler.Nationality != 0 && entry.NationalityCount > 0
            ? entry.FirstNationality == traveler.Nationality
                || moreNationalities.AsSpan(entry.MoreNationalities, entry.NationalityCount - 1).Contains(traveler.Nationality)
            : null;
        var documentListed = traveler.ComparableDocument is not null
            && AttributeEvidence.MatchingDocument(traveler.ComparableDocument, persons[person]) is not null;
        return AttributeEvidence.Total(birthDate, nationalityListed, traveler.Query.Gender, entry.Gender, documentListed);
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

        /// <summary>A three-letter nationality that cannot be coded (a code is never 0), compared as text instead.</summary>
        public bool IrregularNationality => Nationality == 0 && Query.Nationality is { Length: 3 };
    }

    /// <summary>One person's attributes; dates and nationalities after the first are at MoreDates and MoreNationalities.</summary>
    private readonly record struct Entry(
        BirthDateFacts FirstDate,
        int FirstNationality,
        int MoreDates,
        int MoreNationalities,
        ushort DateCount,
        ushort NationalityCount,
        Gender Gender,
        int List,
        bool Irregular);
}
