namespace Vigil.Data.Entities;

/// <summary>Where a received message stands: each step of the ingest moves it forward, a failure parks it in quarantine.</summary>
public enum MessageStatus
{
    /// <summary>Raw bytes stored, nothing parsed yet.</summary>
    Received,

    /// <summary>Read into the canonical model; its facts may not be stored yet.</summary>
    Parsed,

    /// <summary>Quarantined: reading or storing failed; <see cref="StoredMessage.ErrorText"/> says why. Can be replayed.</summary>
    Failed,

    /// <summary>Flights, travelers and bookings stored and screened.</summary>
    Processed,

    /// <summary>Another message from the same sender already carried this interchange reference; not processed again.</summary>
    Duplicate,
}

/// <summary>
/// The bytes of a received message, addressed by their SHA-256 (lower-case hex). Written once, before anything parses
/// them, and never changed.
/// </summary>
public sealed class StoredContent
{
    public required string Hash { get; init; }

    public required byte[] Bytes { get; init; }

    public long Length { get; init; }
}

/// <summary>One received message: who sent it, when, what it turned out to be and how far the ingest got with it.</summary>
public sealed class StoredMessage
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the bytes; unique, so the same bytes are stored and processed once.</summary>
    public required string ContentHash { get; set; }

    public StoredContent? Content { get; set; }

    /// <summary>The sender as the channel authenticated it (API key owner, drop-folder name, CLI user).</summary>
    public required string Sender { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Message type found by reading, e.g. <c>PAXLST</c>, <c>PNRGOV</c>; null until parsed.</summary>
    public string? DetectedType { get; set; }

    public MessageStatus Status { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>Why the message failed, in a sentence a support engineer can act on.</summary>
    public string? ErrorText { get; set; }

    public int? ErrorSegment { get; set; }

    public long? ErrorOffset { get; set; }

    public int? ErrorLine { get; set; }

    /// <summary>UNB interchange control reference; unique per sender among messages that are not duplicates.</summary>
    public string? InterchangeReference { get; set; }

    /// <summary>For <see cref="MessageStatus.Duplicate"/>: the message that first carried the same sender and interchange reference.</summary>
    public long? DuplicateOfId { get; set; }
}

public enum AuditOutcome
{
    Succeeded,
    Failed,
    Skipped,
}

/// <summary>One processing step as it happened. Rows are only ever added: the store refuses updates and deletes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public long? MessageId { get; set; }

    /// <summary>The step's name, e.g. <c>store-raw</c>, <c>parse</c>, <c>upsert</c>, <c>screen</c>.</summary>
    public required string Step { get; set; }

    public AuditOutcome Outcome { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Detail { get; set; }
}
