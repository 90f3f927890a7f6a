using System.Globalization;

namespace Vigil.IngestBench;

/// <summary>
/// What the process has read and written through file calls so far (Linux <c>/proc/self/io</c>; zeros elsewhere): the
/// bytes SQLite writes to its log and copies back at checkpoints, which no timer shows.
/// </summary>
internal readonly record struct FileIo(long Read, long Written, long Reads, long Writes)
{
    public static FileIo Now()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return default;
        }

        var fields = File.ReadAllLines(path)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => long.Parse(parts[1].Trim(), CultureInfo.InvariantCulture));
        return new FileIo(fields.GetValueOrDefault("rchar"), fields.GetValueOrDefault("wchar"), fields.GetValueOrDefault("syscr"), fields.GetValueOrDefault("syscw"));
    }

    public static FileIo operator -(FileIo after, FileIo before) =>
        new(after.Read - before.Read, after.Written - before.Written, after.Reads - before.Reads, after.Writes - before.Writes);
}
