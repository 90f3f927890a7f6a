using System.Globalization;

namespace Vigil.Server.Endpoints;

/// <summary>
/// Collects what is wrong with a request's inputs, field by field, so one answer names every bad field and why
/// instead of stopping at the first.
/// </summary>
internal sealed class QueryInput
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public void Fail(string field, string why) =>
        errors[field] = errors.TryGetValue(field, out var known) ? [.. known, why] : [why];

    public TEnum? Enum<TEnum>(string field, string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !char.IsAsciiDigit(text.Trim()[0]))
        {
            return value;
        }

        Fail(field, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    public DateOnly? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail(field, $"'{text}' is not a date in the form yyyy-MM-dd.");
        return null;
    }

    public int Limit(int? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }

        if (limit is < 1 or > MaxLimit)
        {
            Fail("limit", $"must be between 1 and {MaxLimit}; it was {limit}.");
        }

        return Math.Clamp(limit.Value, 1, MaxLimit);
    }

    public string? Required(string field, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(field, "is required.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Fail(field, $"may be at most {maxLength} characters; it has {text.Length}.");
        }

        return text.Trim();
    }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(errors, detail: "One or more inputs are not valid; 'errors' names each field and why.");
}

/// <summary>Problem Details answers the endpoints share.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static ProblemHttpResult Conflict(string why) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: why);
}

/// <summary>Filters that apply only when the caller gave them.</summary>
internal static class OptionalFilter
{
    public static IQueryable<T> WhereGiven<T>(this IQueryable<T> query, bool given, System.Linq.Expressions.Expression<Func<T, bool>> predicate) =>
        given ? query.Where(predicate) : query;

    /// <summary>A code as the store keeps it (trimmed, upper-case), or null when not given.</summary>
    public static string? Code(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToUpperInvariant();
}
