using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Screening.Rules;
using Vigil.Travel.Model;

namespace Vigil.Data;

/// <summary>Risk rules and value lists: every version kept, each edit audited, and the link directory rules read.</summary>
public sealed partial class VigilStore
{
    /// <summary>The audit step of a rule edit.</summary>
    public const string RuleEditStep = "rule-edit";

    /// <summary>The audit step of a value-list edit.</summary>
    public const string ValueListEditStep = "value-list-edit";

    /// <summary>Stores a new rule version and its audit entry (who, which rule and version, why) in one transaction.</summary>
    public Task SaveRuleEditAsync(RuleEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return WithContextAsync(async db =>
        {
            db.RuleVersions.Add(new StoredRuleVersion
            {
                RuleId = edit.RuleId, Version = edit.Version, Author = edit.Author, Reason = edit.Reason, SavedAt = edit.At.ToUniversalTime(), Json = edit.Json,
            });
            db.Audit.Add(new AuditEntry
            {
                Step = RuleEditStep, Outcome = AuditOutcome.Succeeded, At = Now,
                Detail = string.Create(CultureInfo.InvariantCulture, $"rule {edit.RuleId} version {edit.Version} saved by {edit.Author}: {edit.Reason}"),
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>Stores a new value-list version and its audit entry in one transaction.</summary>
    public Task SaveValueListAsync(ValueList list, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        return WithContextAsync(async db =>
        {
            db.ValueListVersions.Add(new StoredValueListVersion
            {
                Name = list.Name, Version = list.Version, Description = list.Description, Values = JsonSerializer.Serialize(list.Values, Mapping.Json),
                Author = list.Author, Reason = list.Reason, SavedAt = list.SavedAt.ToUniversalTime(),
            });
            db.Audit.Add(new AuditEntry
            {
                Step = ValueListEditStep, Outcome = AuditOutcome.Succeeded, At = Now,
                Detail = string.Create(CultureInfo.InvariantCulture, $"value list {list.Name} version {list.Version} ({list.Values.Count} values) saved by {list.Author}: {list.Reason}"),
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>Every stored version of every value list and rule, each in the order saved, for loading at start.</summary>
    public Task<(List<ValueList> Lists, List<RuleEdit> Rules)> ReadRiskCriteriaAsync(CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var lists = await db.ValueListVersions.AsNoTracking().OrderBy(l => l.Id).ToListAsync(cancellationToken);
            var rules = await db.RuleVersions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
            return (
                lists.Select(l => new ValueList(l.Name, l.Version, JsonSerializer.Deserialize<List<string>>(l.Values, Mapping.Json) ?? [], l.Author, l.Reason, l.SavedAt) { Description = l.Description }).ToList(),
                rules.Select(r => new RuleEdit(r.RuleId, r.Version, r.Author, r.Reason, r.SavedAt, r.Json)).ToList());
        });

    /// <summary>
    /// The identifiers link terms compare against, from what the store knows: every identifier a traveler with a
    /// confirmed hit brought (their own contacts and accounts, their booking's contacts, cards and agency), and every
    /// booking traveler with a hit an analyst has not dismissed, so that their co-travelers' link terms see it.
    /// Identifiers come from the latest version of each booking; a traveler known only from a passenger list brings none.
    /// </summary>
    public Task<LinkDirectory> BuildLinkDirectoryAsync(CancellationToken cancellationToken = default) =>
        WithContextAsync(async db =>
        {
            var hits = await db.Hits.AsNoTracking()
                .Where(h => h.Status != HitStatus.Dismissed)
                .Join(db.Travelers.AsNoTracking(), h => h.TravelerId, t => t.Id, (h, t) => new { Hit = h, Traveler = t })
                .Where(x => x.Hit.Status == HitStatus.Confirmed || x.Traveler.BookingId != null)
                .ToListAsync(cancellationToken);
            var bookingIds = hits.Where(x => x.Traveler.BookingId != null).Select(x => x.Traveler.BookingId!.Value).Distinct().ToList();
            var latest = await db.BookingVersions.AsNoTracking()
                .Where(v => bookingIds.Contains(v.BookingId) && v.Version == db.BookingVersions.Where(o => o.BookingId == v.BookingId).Max(o => o.Version))
                .ToDictionaryAsync(v => v.BookingId, v => v.Content, cancellationToken);
            var bookings = latest.ToDictionary(p => p.Key, p => JsonSerializer.Deserialize<Booking>(p.Value, Mapping.Json));

            var directory = new LinkDirectory();
            foreach (var (hit, row) in hits.Select(x => (x.Hit, x.Traveler)))
            {
                var booking = row.BookingId is { } id ? bookings.GetValueOrDefault(id) : null;
                var traveler = booking?.Travelers.FirstOrDefault(t => SameTraveler(t, row)) ?? Mapping.ToTraveler(row);
                var kind = hit.RuleId is null ? Screening.Hits.WatchListCheck.WatchListKind : "rule";
                var reference = hit.RuleId ?? $"{hit.ListCode?.ToUpperInvariant()}:{hit.ListEntryRef}";
                if (hit.Status == HitStatus.Confirmed)
                {
                    directory.AddTraveler(traveler, booking, new LinkSource(LinkSourceKind.ConfirmedHit, $"hit {hit.Id} ({reference})"));
                }

                if (booking is not null)
                {
                    directory.MarkHit(booking, traveler, kind, reference, hit.Status.ToString());
                }
            }

            return directory;
        });

    /// <summary>The booking's traveler a stored traveler row was made from: by the booking's reference, else by name.</summary>
    private static bool SameTraveler(Traveler traveler, StoredTraveler row) =>
        row.ReferenceNumber is { Length: > 0 } reference
            ? traveler.ReferenceNumber == reference
            : string.Equals(traveler.Surname, row.Surname, StringComparison.OrdinalIgnoreCase) && string.Equals(traveler.GivenNames, row.GivenNames, StringComparison.OrdinalIgnoreCase);
}
