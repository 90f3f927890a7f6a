using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Vigil.Data.Entities;

namespace Vigil.Data;

/// <summary>
/// The EF Core model of Vigil's store. One subclass per provider (<see cref="SqliteVigilDbContext"/>,
/// <see cref="PostgresVigilDbContext"/>) so that each has its own migrations; the model itself is the same.
/// </summary>
public abstract class VigilDbContext : DbContext
{
    /// <summary>Entities that are only ever added: booking versions, the audit, hit status history, raw content, rule and value-list versions.</summary>
    private static readonly HashSet<Type> AppendOnly =
        [typeof(BookingVersion), typeof(AuditEntry), typeof(HitStatusChange), typeof(StoredContent), typeof(StoredRuleVersion), typeof(StoredValueListVersion)];

    protected VigilDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<StoredContent> Contents => Set<StoredContent>();

    public DbSet<StoredMessage> Messages => Set<StoredMessage>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<StoredFlight> Flights => Set<StoredFlight>();

    public DbSet<StoredLeg> Legs => Set<StoredLeg>();

    public DbSet<StoredTraveler> Travelers => Set<StoredTraveler>();

    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    public DbSet<StoredBooking> Bookings => Set<StoredBooking>();

    public DbSet<BookingVersion> BookingVersions => Set<BookingVersion>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<PersonLink> PersonLinks => Set<PersonLink>();

    public DbSet<StoredWatchList> WatchLists => Set<StoredWatchList>();

    public DbSet<WatchListVersion> WatchListVersions => Set<WatchListVersion>();

    public DbSet<WatchListEntry> WatchListEntries => Set<WatchListEntry>();

    public DbSet<StoredHit> Hits => Set<StoredHit>();

    public DbSet<HitStatusChange> HitStatusChanges => Set<HitStatusChange>();

    public DbSet<StoredRuleVersion> RuleVersions => Set<StoredRuleVersion>();

    public DbSet<StoredValueListVersion> ValueListVersions => Set<StoredValueListVersion>();

    /// <summary>Column type for JSON documents: <c>jsonb</c> on PostgreSQL, text elsewhere.</summary>
    protected virtual string? JsonColumnType => null;

    /// <summary>Column type for local times as printed (no zone).</summary>
    protected virtual string? LocalTimeColumnType => null;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var auto = DetectChangesOnce();
        try
        {
            RefuseChangesToAppendOnly();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var auto = DetectChangesOnce();
        try
        {
            RefuseChangesToAppendOnly();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the tables read plainly in any SQL client.
        configurationBuilder.Properties<MessageStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AuditOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TravelerSource>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<LinkReason>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<HitStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<HitSeverity>().HaveConversion<string>().HaveMaxLength(16);

        // EF indexes every foreign key so that deleting the row it points to finds the rows pointing to it. Here the
        // indexes are declared where a query or a delete needs one; the keys that point to messages are not indexed,
        // since messages are kept for the audit and never deleted, and their indexes would be written for every
        // traveler and never read. For the same reason travelers are not indexed by record locator nor booking versions
        // by flight (migration UnreadIndexes): nothing looks them up that way, and flights are never deleted.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredContent>(e =>
        {
            e.ToTable("message_contents");
            e.HasKey(c => c.Hash);
            e.Property(c => c.Hash).HasMaxLength(64);
        });

        modelBuilder.Entity<StoredMessage>(e =>
        {
            e.ToTable("messages");
            e.HasIndex(m => m.DuplicateOfId);
            e.Property(m => m.ContentHash).HasMaxLength(64);
            e.HasIndex(m => m.ContentHash).IsUnique();
            e.HasOne(m => m.Content).WithMany().HasForeignKey(m => m.ContentHash).OnDelete(DeleteBehavior.Restrict);
            e.Property(m => m.Sender).HasMaxLength(200);
            e.Property(m => m.DetectedType).HasMaxLength(32);
            e.Property(m => m.InterchangeReference).HasMaxLength(64);
            e.HasIndex(m => m.Status);
            // Duplicates keep the reference they carried but stand outside the uniqueness, which holds among originals.
            e.HasIndex(m => new { m.Sender, m.InterchangeReference }).IsUnique()
                .HasFilter("interchange_reference IS NOT NULL AND duplicate_of_id IS NULL");
            e.HasOne<StoredMessage>().WithMany().HasForeignKey(m => m.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(a => a.Step).HasMaxLength(64);
            e.HasIndex(a => a.MessageId);
            e.HasOne<StoredMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredFlight>(e =>
        {
            e.ToTable("flights");
            e.Property(f => f.FlightKey).HasMaxLength(64);
            e.HasIndex(f => f.FlightKey).IsUnique();
            e.HasIndex(f => f.DepartureDate);
            e.HasMany(f => f.Legs).WithOne().HasForeignKey(l => l.FlightId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(f => f.Travelers).WithOne(t => t.Flight).HasForeignKey(t => t.FlightId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<StoredMessage>().WithMany().HasForeignKey(f => f.FirstMessageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StoredMessage>().WithMany().HasForeignKey(f => f.LastMessageId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredLeg>(e =>
        {
            e.ToTable("legs");
            e.HasIndex(l => new { l.FlightId, l.Sequence }).IsUnique();
            if (LocalTimeColumnType is { } local)
            {
                e.Property(l => l.ScheduledDeparture).HasColumnType(local);
                e.Property(l => l.ScheduledArrival).HasColumnType(local);
            }
        });

        modelBuilder.Entity<StoredTraveler>(e =>
        {
            e.ToTable("travelers");
            e.HasIndex(t => t.BookingId);
            e.Property(t => t.ReportKey).HasMaxLength(300);
            e.Property(t => t.Role).HasMaxLength(24);
            e.HasIndex(t => new { t.FlightId, t.Source, t.ReportKey }).IsUnique();
            e.HasMany(t => t.Documents).WithOne().HasForeignKey(d => d.TravelerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(t => t.Booking).WithMany().HasForeignKey(t => t.BookingId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<StoredMessage>().WithMany().HasForeignKey(t => t.FirstMessageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StoredMessage>().WithMany().HasForeignKey(t => t.LastMessageId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StoredDocument>(e =>
        {
            e.ToTable("travel_documents");
            e.HasIndex(d => d.TravelerId);
            e.HasIndex(d => new { d.NormalizedNumber, d.IssuingCountry });
        });

        modelBuilder.Entity<StoredBooking>(e =>
        {
            e.ToTable("bookings");
            e.Property(b => b.BookingKey).HasMaxLength(64);
            e.HasIndex(b => b.BookingKey).IsUnique();
            e.HasMany(b => b.Versions).WithOne().HasForeignKey(v => v.BookingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<BookingVersion>(e =>
        {
            e.ToTable("booking_versions");
            e.HasIndex(v => new { v.BookingId, v.Version }).IsUnique();
            // One message makes at most one version of a booking, so processing it again adds nothing.
            e.HasIndex(v => new { v.BookingId, v.MessageId }).IsUnique();
            e.Property(v => v.PushKind).HasMaxLength(16);
            e.HasOne<StoredMessage>().WithMany().HasForeignKey(v => v.MessageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(v => v.Flight).WithMany().HasForeignKey(v => v.FlightId).OnDelete(DeleteBehavior.SetNull);
            if (LocalTimeColumnType is { } local)
            {
                e.Property(v => v.LastChanged).HasColumnType(local);
            }

            if (JsonColumnType is { } json)
            {
                e.Property(v => v.Content).HasColumnType(json);
            }
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("persons");
            // Identity resolution looks persons up by their birth date and surname key before it compares names (and
            // persons stored before keys existed by birth date alone).
            e.Property(p => p.NameKey).HasMaxLength(64);
            e.HasIndex(p => new { p.NameKey, p.DateOfBirth });
            e.HasMany(p => p.Links).WithOne().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PersonLink>(e =>
        {
            e.ToTable("person_links");
            e.HasIndex(l => l.PersonId);
            e.HasIndex(l => l.TravelerId).IsUnique();
            e.HasOne<StoredTraveler>().WithMany().HasForeignKey(l => l.TravelerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredWatchList>(e =>
        {
            e.ToTable("watch_lists");
            e.HasIndex(w => w.CurrentVersionId);
            e.Property(w => w.Code).HasMaxLength(32);
            e.HasIndex(w => w.Code).IsUnique();
            e.HasMany(w => w.Versions).WithOne().HasForeignKey(v => v.WatchListId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WatchListVersion>().WithMany().HasForeignKey(w => w.CurrentVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<WatchListVersion>(e =>
        {
            e.ToTable("watch_list_versions");
            e.Property(v => v.Version).HasMaxLength(128);
            e.Property(v => v.Format).HasMaxLength(64);
            e.HasIndex(v => new { v.WatchListId, v.Version }).IsUnique();
            e.HasMany(v => v.Entries).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WatchListEntry>(e =>
        {
            e.ToTable("watch_list_entries");
            e.Property(x => x.EntryRef).HasMaxLength(128);
            e.Property(x => x.Kind).HasMaxLength(16);
            // Not unique: a list may repeat a reference, and the store keeps what the list says.
            e.HasIndex(x => new { x.VersionId, x.EntryRef });
            if (JsonColumnType is { } json)
            {
                e.Property(x => x.Content).HasColumnType(json);
            }
        });

        modelBuilder.Entity<StoredHit>(e =>
        {
            e.ToTable("hits");
            e.HasIndex(h => h.WatchListEntryId);
            e.Property(h => h.SubjectKey).HasMaxLength(200);
            e.Property(h => h.ListCode).HasMaxLength(32);
            e.Property(h => h.ListEntryRef).HasMaxLength(128);
            e.Property(h => h.RuleId).HasMaxLength(64);
            e.HasIndex(h => new { h.TravelerId, h.SubjectKey }).IsUnique();
            e.HasIndex(h => h.Status);
            e.HasOne<StoredTraveler>().WithMany().HasForeignKey(h => h.TravelerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WatchListEntry>().WithMany().HasForeignKey(h => h.WatchListEntryId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(h => h.History).WithOne().HasForeignKey(c => c.HitId).OnDelete(DeleteBehavior.Cascade);
            if (JsonColumnType is { } json)
            {
                e.Property(h => h.Explanation).HasColumnType(json);
            }
        });

        modelBuilder.Entity<HitStatusChange>(e =>
        {
            e.ToTable("hit_status_changes");
            e.HasIndex(c => c.HitId);
            e.Property(c => c.Actor).HasMaxLength(200);
        });

        modelBuilder.Entity<StoredRuleVersion>(e =>
        {
            e.ToTable("rule_versions");
            // As long as a hit's rule id, so every rule that can be saved can also be hit.
            e.Property(r => r.RuleId).HasMaxLength(64);
            e.Property(r => r.Author).HasMaxLength(200);
            // Text, not jsonb: the rule is kept exactly as saved, key order and all.
            e.HasIndex(r => new { r.RuleId, r.Version }).IsUnique();
        });

        modelBuilder.Entity<StoredValueListVersion>(e =>
        {
            e.ToTable("value_list_versions");
            e.Property(l => l.Name).HasMaxLength(64);
            e.Property(l => l.Author).HasMaxLength(200);
            e.HasIndex(l => new { l.Name, l.Version }).IsUnique();
        });
    }

    /// <summary>
    /// Detects changes once for both the append-only check and the save: each pass walks every tracked entity, which
    /// for an ingested message is hundreds of rows. Returns the previous automatic-detection setting to restore.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return auto;
    }

    private void RefuseChangesToAppendOnly()
    {
        foreach (EntityEntry entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && AppendOnly.Contains(entry.Metadata.ClrType))
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} rows are append-only: they are added, never changed or removed.");
            }
        }
    }
}

/// <summary>The store on SQLite: one file, WAL journal.</summary>
public sealed class SqliteVigilDbContext(DbContextOptions<SqliteVigilDbContext> options) : VigilDbContext(options)
{
}

/// <summary>The store on PostgreSQL: JSON in <c>jsonb</c>, local times without zone.</summary>
public sealed class PostgresVigilDbContext(DbContextOptions<PostgresVigilDbContext> options) : VigilDbContext(options)
{
    protected override string? JsonColumnType => "jsonb";

    protected override string? LocalTimeColumnType => "timestamp without time zone";
}
