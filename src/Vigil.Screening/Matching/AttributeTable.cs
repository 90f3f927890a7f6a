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

    /// <summary>What <see cref="Outline"/> tells of the person, made once when an index is built.</summary>
    public Outline OutlineOf(int person)
    {
        ref readonly var entry = ref entries[person];
        var individual = persons[person].Kind == PartyKind.Individual;
        if (entry.Irregular)
        {
            return Outline.Unknown(individual);
        }

        (int From, int To)? years = null;
        if (entry.DateCount > 0)
        {
            var (first, last) = AttributeEvidence.YearsNotContradicting(entry.FirstDate);
            for (var d = 1; d < entry.DateCount; d++)
            {
                var (from, to) = AttributeEvidence.YearsNotContradicting(moreDates[entry.MoreDates + d - 1]);
                (first, last) = (Math.Min(first, from), Math.Max(last, to));
            }

            years = (first, last);
        }

        ushort nationalities = 0;
        for (var n = 0; n < entry.NationalityCount; n++)
        {
            nationalities |= Outline.NationalityBit(n == 0 ? entry.FirstNationality : moreNationalities[entry.MoreNationalities + n - 1]);
        }

        return new Outline(years, nationalities, entry.Gender, individual);
    }

    /// <summary>The position of the person's list in <see cref="Lists"/>.</summary>
    public int ListOf(int person) => entries[person].List;

    /// <summary>Reads the person's entry, so that a later <see cref="Contribution"/> finds it in the processor's cache.</summary>
    public int ReadAhead(int person) => entries[person].DateCount;

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

        /// <summary>What an agreeing date of birth adds at most.</summary>
        public double MostADateAdds { get; } = AttributeEvidence.MostADateAdds(query.DateOfBirth);

        /// <summary>What a listed document number agreeing adds, when the traveler gives one.</summary>
        public double MostADocumentAdds { get; } = query.DocumentNumber is null ? 0 : AttributeEvidence.DocumentAgrees;

        /// <summary>The most any listed person's attributes add for this traveler.</summary>
        public double MostAdded => AttributeEvidence.MostAdded(Query) + MostADocumentAdds;
    }

    /// <summary>
    /// A person's attributes in ten bytes, enough to bound what they add for a traveler without reaching the person:
    /// the span of birth years none of the person's dates contradicts, the coded nationalities as bits of a filter,
    /// the gender; and whether the person is an individual. A search bounds thousands of candidate names on a list
    /// of a million people, and reads one of these for each, in name order.
    /// </summary>
    internal readonly struct Outline
    {
        private readonly short fromYear;
        private readonly short toYear;
        private readonly ushort nationalities;
        private readonly byte gender;
        private readonly Kinds kind;

        public Outline((int From, int To)? years, ushort nationalities, Gender gender, bool individual)
        {
            Individual = individual;
            kind = years is null ? Kinds.NoDate : Kinds.Dated;
            if (years is { } span)
            {
                (fromYear, toYear) = ((short)Math.Clamp(span.From, short.MinValue, short.MaxValue), (short)Math.Clamp(span.To, short.MinValue, short.MaxValue));
            }

            this.nationalities = nationalities;
            this.gender = (byte)gender;
        }

        private Outline(Kinds kind, bool individual) => (this.kind, Individual) = (kind, individual);

        /// <summary>An individual rather than an entity: entities are screened only when asked for.</summary>
        public bool Individual { get; }

        private enum Kinds : byte
        {
            Unknown,
            NoDate,
            Dated,
        }

        /// <summary>
        /// The span of birth years none of the person's dates contradicts, packed in one number for
        /// <see cref="YearContradicts"/>; every year when the outline knows no date.
        /// </summary>
        public int BirthYears => kind == Kinds.Dated ? (fromYear << 16) | (ushort)toYear : EveryYear;

        private const int EveryYear = (short.MinValue << 16) | (ushort)short.MaxValue;

        /// <summary>Whether <paramref name="year"/> lies outside the span of <see cref="BirthYears"/>.</summary>
        public static bool YearContradicts(int birthYears, int year) => year < (birthYears >> 16) || year > (short)birthYears;

        /// <summary>
        /// At least what <see cref="MostAdded"/> gives any outline whose birth years the traveler's date contradicts,
        /// whatever its nationalities and gender: a search can then leave such a person out from the years alone.
        /// </summary>
        public static double MostAddedWhenTheYearContradicts(in Traveler traveler) => traveler.IrregularNationality
            ? traveler.MostAdded
            : traveler.MostADocumentAdds + AttributeEvidence.DateContradicts
                + (traveler.Nationality != 0 ? Math.Max(AttributeEvidence.NationalityAgrees, AttributeEvidence.NationalityDiffers) : 0);

        /// <summary>Nothing known: the most any attributes add.</summary>
        public static Outline Unknown(bool individual) => new(Kinds.Unknown, individual);

        /// <summary>One of sixteen bits for a coded nationality; 0 for none.</summary>
        public static ushort NationalityBit(int code) => code == 0 ? (ushort)0 : (ushort)(1 << (int)((uint)(code * -1640531535) >> 28));

        /// <summary>
        /// At least what <see cref="Contribution"/> gives the person for <paramref name="traveler"/>: exact for a
        /// contradicted date, a nationality not listed and a gender that differs, and the most a date, a nationality
        /// or a document could add where the outline cannot tell.
        /// </summary>
        public double MostAdded(in Traveler traveler)
        {
            if (kind == Kinds.Unknown || traveler.IrregularNationality)
            {
                return traveler.MostAdded;
            }

            double most = traveler.MostADocumentAdds;
            if (traveler.Query.DateOfBirth is { } dob && kind == Kinds.Dated)
            {
                most += dob.Year < fromYear || dob.Year > toYear ? AttributeEvidence.DateContradicts : traveler.MostADateAdds;
            }

            if (traveler.Nationality != 0 && nationalities != 0)
            {
                most += (nationalities & NationalityBit(traveler.Nationality)) != 0 ? AttributeEvidence.NationalityAgrees : AttributeEvidence.NationalityDiffers;
            }

            return traveler.Query.Gender != Gender.Unknown && (Gender)gender != Gender.Unknown && traveler.Query.Gender != (Gender)gender
                ? most + AttributeEvidence.GenderDiffers
                : most;
        }
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
