namespace Vigil.Screening.Watchlists;

/// <summary>
/// One imported version of a watch list: its entries and every record the importer could not read, with where it was.
/// </summary>
/// <param name="Code">Short list code used on matches, e.g. <c>un</c>.</param>
/// <param name="Format">The format it was read from, e.g. <c>UN consolidated XML</c>.</param>
/// <param name="Version">The list's own version or generation date when it states one, else a content hash.</param>
public sealed record WatchList(string Code, string Format, string Version, IReadOnlyList<ListedPerson> Entries, IReadOnlyList<ListProblem> Problems)
{
    public string? SourcePath { get; init; }
}

/// <summary>A record an importer skipped or read only in part; <paramref name="Position"/> says where (line, record number or XML path).</summary>
public sealed record ListProblem(string Position, string Message);
