namespace Vigil.Screening.Watchlists;

/// <summary>
/// What a list holds, counted the way an operator checks an import against the publisher's own figures:
/// parties by kind, names by kind and quality, dates by precision, and the other identifying facts.
/// </summary>
public sealed record WatchListStatistics
{
    public required int Individuals { get; init; }

    public required int Entities { get; init; }

    /// <summary>Vessels and aircraft.</summary>
    public required int Others { get; init; }

    public required IReadOnlyDictionary<(NameKind Kind, NameQuality Quality), int> NamesByKindAndQuality { get; init; }

    public required int OriginalScriptNames { get; init; }

    public required IReadOnlyDictionary<BirthDatePrecision, int> BirthDatesByPrecision { get; init; }

    public required int EntriesWithoutBirthDate { get; init; }

    public required int BirthPlaces { get; init; }

    public required int Nationalities { get; init; }

    /// <summary>Nationalities the importer could not turn into an alpha-3 code (kept as the list's text).</summary>
    public required int UnmappedNationalities { get; init; }

    public required int Documents { get; init; }

    public required int EntriesWithGender { get; init; }

    public int Names(NameKind kind, NameQuality quality) => NamesByKindAndQuality.GetValueOrDefault((kind, quality));

    public int Names(NameKind kind) => NamesByKindAndQuality.Where(p => p.Key.Kind == kind).Sum(p => p.Value);

    public int BirthDates(BirthDatePrecision precision) => BirthDatesByPrecision.GetValueOrDefault(precision);

    public static WatchListStatistics Of(WatchList list)
    {
        var entries = list.Entries;
        var names = new Dictionary<(NameKind, NameQuality), int>();
        var dates = new Dictionary<BirthDatePrecision, int>();
        foreach (var entry in entries)
        {
            foreach (var name in entry.Names)
            {
                names[(name.Kind, name.Quality)] = names.GetValueOrDefault((name.Kind, name.Quality)) + 1;
            }

            foreach (var date in entry.BirthDates)
            {
                dates[date.Precision] = dates.GetValueOrDefault(date.Precision) + 1;
            }
        }

        return new WatchListStatistics
        {
            Individuals = entries.Count(e => e.Kind == PartyKind.Individual),
            Entities = entries.Count(e => e.Kind == PartyKind.Entity),
            Others = entries.Count(e => e.Kind is PartyKind.Vessel or PartyKind.Aircraft),
            NamesByKindAndQuality = names,
            OriginalScriptNames = entries.Sum(e => e.Names.Count(n => n.IsOriginalScript)),
            BirthDatesByPrecision = dates,
            EntriesWithoutBirthDate = entries.Count(e => e.Kind == PartyKind.Individual && e.BirthDates.Count == 0),
            BirthPlaces = entries.Sum(e => e.BirthPlaces.Count),
            Nationalities = entries.Sum(e => e.Nationalities.Count),
            UnmappedNationalities = entries.Sum(e => e.Nationalities.Count(n => n.Length != 3 || !n.All(char.IsAsciiLetterUpper))),
            Documents = entries.Sum(e => e.Documents.Count),
            EntriesWithGender = entries.Count(e => e.Gender != Gender.Unknown),
        };
    }
}
