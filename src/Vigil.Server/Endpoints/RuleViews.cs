using System.Text.Json;
using Vigil.Screening.Hits;
using Vigil.Screening.Rules;

namespace Vigil.Server.Endpoints;

/// <summary>A rule's current version as the list shows it, with the statistics of that version.</summary>
internal sealed record RuleSummaryView(
    string Id,
    int Version,
    string Title,
    string? Category,
    FindingSeverity Severity,
    string Owner,
    bool Enabled,
    bool InForceToday,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    string SavedBy,
    DateTimeOffset SavedAt,
    RuleStatisticsView? Statistics);

/// <summary>How one rule version has screened since the service started; <c>flagged</c> when its hit rate was unusual.</summary>
internal sealed record RuleStatisticsView(
    int Version, long Evaluations, long Hits, double HitRate, double MeanNanoseconds, DateTimeOffset? LastHit, bool Flagged, DateTimeOffset? FlaggedAt);

internal sealed record RuleStatisticsReport(string RuleId, string Owner, IReadOnlyList<RuleStatisticsView> Versions);

/// <summary>One saved version: who, why, when, and the rule as saved.</summary>
internal sealed record RuleVersionView(int Version, string Author, string Reason, DateTimeOffset SavedAt, JsonElement Rule);

internal sealed record RuleDetailView(RuleSummaryView Current, JsonElement Rule, IReadOnlyList<RuleVersionView> Versions);

/// <summary>A rule edit: the rule's JSON (see docs/rules.md), who makes the edit and why.</summary>
internal sealed record RuleEditRequest(string? Author, string? Reason, JsonElement? Rule);

/// <summary>Who disables a rule and why.</summary>
internal sealed record RuleDisableRequest(string? Author, string? Reason);

/// <summary>A draft that passed validation; a draft with problems is answered as validation errors instead.</summary>
internal sealed record RuleValidationView(bool Valid, string? RuleId);

/// <summary>What a rule version would have hit among the stored travelers of a flight or period; no hit was created.</summary>
internal sealed record BacktestView(string RuleId, int Version, int Flights, int Travelers, int Matches, double HitRate, double ElapsedMilliseconds, IReadOnlyList<BacktestMatchView> Examples);

internal sealed record BacktestMatchView(long TravelerId, string? Surname, string? GivenNames, string? Flight, JsonElement Explanation);

/// <summary>One value-list version.</summary>
internal sealed record ValueListView(string Name, int Version, string? Description, IReadOnlyList<string> Values, string Author, string Reason, DateTimeOffset SavedAt);

internal sealed record ValueListDetail(ValueListView Current, IReadOnlyList<ValueListView> Versions);

/// <summary>A value-list edit; <c>name</c> only when creating.</summary>
internal sealed record ValueListRequest(string? Name, IReadOnlyList<string>? Values, string? Description, string? Author, string? Reason);
