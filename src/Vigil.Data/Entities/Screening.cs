namespace Vigil.Data.Entities;

/// <summary>A resolved identity: the travelers, across messages and flights, who are the same person.</summary>
public sealed class Person
{
    public long Id { get; set; }

    public string? Surname { get; set; }

    public string? GivenNames { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Nationality { get; set; }

    /// <summary>The date of birth and the surname's consonant skeleton, which identity resolution finds the person by.</summary>
    public string? NameKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<PersonLink> Links { get; set; } = [];
}

/// <summary>Why a traveler was linked to a person.</summary>
public enum LinkReason
{
    /// <summary>Same document number and issuing country.</summary>
    Document,

    /// <summary>Names matched above the strict threshold and the dates of birth agree.</summary>
    NameAndBirthDate,

    /// <summary>API and PNR of one flight tied by the record locator and name.</summary>
    RecordLocator,

    /// <summary>An analyst linked them.</summary>
    Analyst,

    /// <summary>No earlier traveler matched by document, record locator or name and date of birth: a new person.</summary>
    NewPerson,
}

/// <summary>A traveler belongs to at most one person; the link says why, how strongly and when.</summary>
public sealed class PersonLink
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public long TravelerId { get; set; }

    public LinkReason Reason { get; set; }

    public double? Score { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>A watch list known to Vigil by its code (<c>un</c>, <c>ofac</c> …).</summary>
public sealed class StoredWatchList
{
    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>The version screening uses now.</summary>
    public long? CurrentVersionId { get; set; }

    public List<WatchListVersion> Versions { get; set; } = [];
}

/// <summary>One imported version of a list; its entries are child rows so hits can point at the entry that fired.</summary>
public sealed class WatchListVersion
{
    public long Id { get; set; }

    public long WatchListId { get; set; }

    public required string Version { get; set; }

    public required string Format { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public int EntryCount { get; set; }

    public int ProblemCount { get; set; }

    public string? SourcePath { get; set; }

    public List<WatchListEntry> Entries { get; set; } = [];
}

/// <summary>
/// One entry of one list version: its list reference and main name as columns (for look-ups and display) and the
/// whole entry — names, birth dates, documents, programmes — as JSON in <see cref="Content"/>.
/// </summary>
public sealed class WatchListEntry
{
    public long Id { get; set; }

    public long VersionId { get; set; }

    /// <summary>The list's own reference, e.g. <c>QDi.001</c>.</summary>
    public required string EntryRef { get; set; }

    public string Kind { get; set; } = "Individual";

    public required string PrimaryName { get; set; }

    public required string Content { get; set; }
}

public enum HitStatus
{
    New,
    InReview,
    Confirmed,
    Dismissed,
}

public enum HitSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>
/// A traveler found by a list entry or a rule. <see cref="SubjectKey"/> (<c>list:un:QDi.001</c> or <c>rule:42</c>) is
/// stable across list versions, and a traveler has one hit per subject: screening again updates it.
/// </summary>
public sealed class StoredHit
{
    public long Id { get; set; }

    public long TravelerId { get; set; }

    public required string SubjectKey { get; set; }

    public string? ListCode { get; set; }

    public string? ListEntryRef { get; set; }

    public string? RuleId { get; set; }

    /// <summary>The entry row of the list version that fired last.</summary>
    public long? WatchListEntryId { get; set; }

    public double Score { get; set; }

    public HitSeverity Severity { get; set; }

    /// <summary>Why it fired, as JSON: aligned name units, attribute evidence, threshold.</summary>
    public required string Explanation { get; set; }

    public HitStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<HitStatusChange> History { get; set; } = [];
}

/// <summary>One change of a hit's status: from what, to what, who, why, when. Rows are only ever added.</summary>
public sealed class HitStatusChange
{
    public long Id { get; set; }

    public long HitId { get; set; }

    public HitStatus? From { get; set; }

    public HitStatus To { get; set; }

    public required string Actor { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }
}
