namespace Vigil.Data.Entities;

/// <summary>
/// One saved version of a risk rule: its JSON as saved, who saved it and why. Rows are only ever added; the rule's
/// current version is its highest, and the service loads every version at start.
/// </summary>
public sealed class StoredRuleVersion
{
    public long Id { get; set; }

    /// <summary>The owner's stable identifier of the rule, e.g. <c>NL-ROUTE-007</c>.</summary>
    public required string RuleId { get; set; }

    public int Version { get; set; }

    public required string Author { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The rule as <c>RuleJson.Write</c> wrote it, version included.</summary>
    public required string Json { get; set; }
}

/// <summary>One saved version of a value list rules test membership of. Rows are only ever added.</summary>
public sealed class StoredValueListVersion
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; }

    public string? Description { get; set; }

    /// <summary>The values as saved (trimmed), as a JSON array of strings.</summary>
    public required string Values { get; set; }

    public required string Author { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}
