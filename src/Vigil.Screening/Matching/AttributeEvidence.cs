using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Matching;

/// <summary>What one attribute contributed to a match score, and why.</summary>
public sealed record Evidence(string Attribute, double Contribution, string Detail);

/// <summary>
/// Weighs date of birth, nationality, gender and document number. Agreement adds a little (names are the main
/// evidence); a clear date-of-birth contradiction takes a lot away, and an exact document number adds a lot.
/// Lists give several dates, often only a year, an approximate year or a range; the best-agreeing one counts.
/// </summary>
public static class AttributeEvidence
{
    internal const double ExactDateAgrees = 0.10;
    internal const double MonthAgrees = 0.07;
    internal const double YearAgrees = 0.05;
    internal const double RangeAgrees = 0.04;
    internal const double YearOffByOne = -0.06;
    internal const double DayDiffers = -0.10;
    internal const double DateContradicts = -0.30;
    internal const double NationalityAgrees = 0.03;
    internal const double NationalityDiffers = -0.08;
    internal const double GenderDiffers = -0.15;
    internal const double DocumentAgrees = 0.30;

    /// <summary>Document numbers shorter than this are too likely to coincide.</summary>
    private const int ShortestComparableDocument = 5;

    /// <summary>The summed contribution of the attributes, without the explanation: for ranking many candidates.</summary>
    public static double Contribution(ScreeningQuery query, ListedPerson person) =>
        Contribution(query, person, ComparableDocument(query));

    /// <summary>
    /// <see cref="Contribution(ScreeningQuery, ListedPerson)"/> with the traveler's document number already normalised
    /// (<see cref="ComparableDocument"/>): a search weighs dozens of candidates for one traveler.
    /// </summary>
    internal static double Contribution(ScreeningQuery query, ListedPerson person, string? comparableDocument)
    {
        double? birthDate = null;
        if (query.DateOfBirth is { } dob && person.BirthDates.Count > 0)
        {
            // Indexed loops: a foreach over the interface boxes an enumerator, and this runs for every candidate.
            var best = double.MinValue;
            for (var i = 0; i < person.BirthDates.Count; i++)
            {
                best = Math.Max(best, Compare(dob, person.BirthDates[i], describe: false).Contribution);
            }

            birthDate = best;
        }

        bool? nationalityListed = query.Nationality is { Length: 3 } nationality && HasCodedNationality(person)
            ? IsListedNationality(person, nationality)
            : null;
        return Total(birthDate, nationalityListed, query.Gender, person.Gender, MatchingDocument(comparableDocument, person) is not null);
    }

    /// <summary>
    /// The most the traveler's date of birth and nationality can add for any listed person, documents apart: a full
    /// date can agree exactly, a year only as a year, and a nationality only when the traveler gives a code.
    /// </summary>
    internal static double MostAdded(ScreeningQuery query) =>
        MostADateAdds(query.DateOfBirth) + (query.Nationality is { Length: 3 } ? NationalityAgrees : 0);

    /// <summary>The most a traveler's date of birth adds, agreeing: exactly for a full date, as a year for a year alone.</summary>
    internal static double MostADateAdds(QueryBirthDate? dob) => dob is not { } date ? 0 : date.IsFullDate ? ExactDateAgrees : YearAgrees;

    /// <summary>
    /// What the findings add up to, whichever form the person's attributes were read from: the best-agreeing date of
    /// birth (null when either side has none), whether the traveler's nationality is listed (null when either side
    /// has no coded one), both genders, and whether a listed document number matches.
    /// </summary>
    internal static double Total(double? birthDate, bool? nationalityListed, Gender traveler, Gender listed, bool documentListed)
    {
        var total = birthDate ?? 0;
        if (nationalityListed is { } agrees)
        {
            total += agrees ? NationalityAgrees : NationalityDiffers;
        }

        if (traveler != Gender.Unknown && listed != Gender.Unknown && traveler != listed)
        {
            total += GenderDiffers;
        }

        return documentListed ? total + DocumentAgrees : total;
    }

    private static bool HasCodedNationality(ListedPerson person)
    {
        for (var i = 0; i < person.Nationalities.Count; i++)
        {
            if (person.Nationalities[i].Length == 3)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsListedNationality(ListedPerson person, string nationality)
    {
        for (var i = 0; i < person.Nationalities.Count; i++)
        {
            if (string.Equals(person.Nationalities[i], nationality, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<Evidence> Weigh(ScreeningQuery query, ListedPerson person)
    {
        var evidence = new List<Evidence>(4);
        if (query.DateOfBirth is { } dob && person.BirthDates.Count > 0)
        {
            evidence.Add(BirthDate(dob, person.BirthDates));
        }

        if (query.Nationality is { Length: 3 } nationality && HasCodedNationality(person))
        {
            var agrees = IsListedNationality(person, nationality);
            evidence.Add(new Evidence("nationality", agrees ? NationalityAgrees : NationalityDiffers,
                agrees ? $"{nationality} is listed" : $"{nationality} is not among {string.Join(", ", person.Nationalities)}"));
        }

        if (query.Gender != Gender.Unknown && person.Gender != Gender.Unknown && query.Gender != person.Gender)
        {
            evidence.Add(new Evidence("gender", GenderDiffers, $"{query.Gender} against listed {person.Gender}"));
        }

        if (MatchingDocument(query, person) is { } document)
        {
            evidence.Add(new Evidence("document", DocumentAgrees, $"{document.Type} {document.Number} is listed"));
        }

        return evidence;
    }

    public static ListedDocument? MatchingDocument(ScreeningQuery query, ListedPerson person) =>
        MatchingDocument(ComparableDocument(query), person);

    /// <summary>The traveler's document number normalised, or null when there is none long enough to compare.</summary>
    internal static string? ComparableDocument(ScreeningQuery query) =>
        query.DocumentNumber is null || ListedDocument.Normalize(query.DocumentNumber) is not { Length: >= ShortestComparableDocument } number
            ? null
            : number;

    internal static ListedDocument? MatchingDocument(string? number, ListedPerson person)
    {
        if (number is null)
        {
            return null;
        }

        // Lists write notes around the number ("diplomatic passport no. D00000898"): the number ends the text.
        for (var i = 0; i < person.Documents.Count; i++)
        {
            if (person.Documents[i].NormalizedNumber.EndsWith(number, StringComparison.Ordinal))
            {
                return person.Documents[i];
            }
        }

        return null;
    }

    private static Evidence BirthDate(QueryBirthDate dob, IReadOnlyList<ListedBirthDate> listed)
    {
        var best = new Evidence("dateOfBirth", double.MinValue, "");
        foreach (var date in listed)
        {
            var (contribution, detail) = Compare(dob, date, describe: true);
            if (contribution > best.Contribution)
            {
                best = new Evidence("dateOfBirth", contribution, $"{dob} against listed {date}: {detail}");
            }
        }

        return best;
    }

    /// <summary>
    /// The contribution of one listed date and, when <paramref name="describe"/>, why; ranking candidates needs
    /// only the number, and wording a contradiction for every candidate cost more than weighing it.
    /// </summary>
    private static (double Contribution, string? Detail) Compare(QueryBirthDate dob, ListedBirthDate date, bool describe) =>
        Compare(dob, new BirthDateFacts(date), describe);

    /// <summary>The contribution of one listed date, read from its packed form (<see cref="AttributeTable"/>).</summary>
    internal static double Contribution(QueryBirthDate dob, in BirthDateFacts date) => Compare(dob, date, describe: false).Contribution;

    /// <summary>
    /// The travelers' birth years a listed date does not contradict, as <see cref="Compare(QueryBirthDate, in BirthDateFacts, bool)"/>
    /// judges them: any other year gives <see cref="DateContradicts"/>.
    /// </summary>
    internal static (int From, int To) YearsNotContradicting(in BirthDateFacts date) => date.Precision switch
    {
        BirthDatePrecision.Range => (date.FromYear - 1, date.ToYear + 1),
        BirthDatePrecision.Approximate => (date.FromYear - 5, date.FromYear + 5),
        _ => (date.FromYear - 1, date.FromYear + 1),
    };

    private static (double Contribution, string? Detail) Compare(QueryBirthDate dob, in BirthDateFacts date, bool describe)
    {
        switch (date.Precision)
        {
            case BirthDatePrecision.Range:
                return dob.Year >= date.FromYear && dob.Year <= date.ToYear ? (RangeAgrees, "within the range")
                    : dob.Year >= date.FromYear - 1 && dob.Year <= date.ToYear + 1 ? (0, "next to the range")
                    : (DateContradicts, "outside the range");
            case BirthDatePrecision.Approximate:
                var offset = Math.Abs(dob.Year - date.FromYear);
                return offset <= 2 ? (RangeAgrees, "near the approximate year")
                    : offset <= 5 ? (0, "a few years from the approximate year")
                    : (DateContradicts, "far from the approximate year");
        }

        var years = Math.Abs(dob.Year - date.FromYear);
        if (years >= 2)
        {
            return (DateContradicts, describe ? $"{years} years apart" : null);
        }

        if (years == 1)
        {
            return (YearOffByOne, "one year apart");
        }

        if (dob.IsFullDate && date.Precision == BirthDatePrecision.Exact)
        {
            if ((dob.Month ?? BirthDateFacts.Unknown) == date.Month && (dob.Day ?? BirthDateFacts.Unknown) == date.Day)
            {
                return (ExactDateAgrees, "same date");
            }

            // 1 January stands for "unknown day" in many registries; two other full dates that differ are two births.
            return date.Month == 1 && date.Day == 1 ? (YearAgrees, "same year, listed day is a placeholder") : (DayDiffers, "same year, different day");
        }

        if (dob.IsFullDate && date.Precision == BirthDatePrecision.Month)
        {
            return (dob.Month ?? BirthDateFacts.Unknown) == date.Month ? (MonthAgrees, "same month") : (0, "same year, different month");
        }

        return (YearAgrees, "same year");
    }
}

/// <summary>
/// A listed date of birth as weighing reads it, without the record: a month or day the list does not give is
/// <see cref="Unknown"/>, which compares equal only with a traveler's missing month or day, as a missing value did.
/// </summary>
internal readonly struct BirthDateFacts(ListedBirthDate date)
{
    public const int Unknown = int.MinValue;

    public int FromYear { get; } = date.FromYear;

    public int ToYear { get; } = date.ToYear;

    public int Month { get; } = date.Month ?? Unknown;

    public int Day { get; } = date.Day ?? Unknown;

    public BirthDatePrecision Precision { get; } = date.Precision;
}
