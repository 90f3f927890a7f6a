namespace Vigil.Screening.Matching;

/// <summary>
/// The holders of each unit many names hold, arranged again by their persons' birth years: first those whose years
/// span more than <see cref="NarrowSpan"/> (or who have no date), then the others by the first year of their span.
/// Screening a traveler with a date of birth for alerts leaves out every person whose years the date contradicts;
/// on a list of a million people that is most holders of a common unit, and reading them one by one only to leave
/// them out was a third of the gathering. Arranged by year, a unit's holders the traveler's year cannot leave out
/// are a few runs, and the rest are never read. Each run keeps index order, so that gathering still meets the names
/// block by block. The arrangement holds the holders themselves again, 16 bytes each: holding their places in
/// <see cref="WatchListIndex.AllHolders"/> instead, each holder read there was a wait for memory of its own.
/// </summary>
internal sealed class HoldersByBirthYear
{
    /// <summary>Units held by fewer names are read whole: a handful of runs would cost more than the holders left out.</summary>
    public const int FewestHolders = 64;

    /// <summary>
    /// The widest span of years a holder can have and still be in a year's run: one date of birth, exact or a year
    /// alone, leaves three years uncontradicted (<see cref="AttributeEvidence.YearsNotContradicting"/>).
    /// </summary>
    public const int NarrowSpan = 2;

    /// <summary>The holders, unit by unit: the wide spans, then the runs of each first year.</summary>
    private readonly Holder[] arranged;

    /// <summary>Where each run starts in <see cref="arranged"/>, unit by unit, with the end of the unit's last run after them.</summary>
    private readonly int[] runStarts;

    private readonly Arrangement[] arrangements;

    /// <param name="holders">Every unit's holders back to back, each unit's in index order.</param>
    /// <param name="ranges">Per unit, where its holders are.</param>
    /// <param name="arrangementOfUnit">Per unit, its number in the arrangement; -1 for a unit read whole.</param>
    public HoldersByBirthYear(ReadOnlySpan<Holder> holders, (int Start, int End)[] ranges, out int[] arrangementOfUnit)
    {
        arrangementOfUnit = new int[ranges.Length];
        var units = new List<Arrangement>();
        int holderCount = 0, runCount = 0;
        for (var unit = 0; unit < ranges.Length; unit++)
        {
            arrangementOfUnit[unit] = -1;
            var (start, end) = ranges[unit];
            if (end - start < FewestHolders)
            {
                continue;
            }

            int firstYear = int.MaxValue, lastYear = int.MinValue;
            for (var at = start; at < end; at++)
            {
                if (IsNarrow(holders[at].BirthYears, out var from))
                {
                    (firstYear, lastYear) = (Math.Min(firstYear, from), Math.Max(lastYear, from));
                }
            }

            var years = firstYear > lastYear ? 0 : lastYear - firstYear + 1;
            firstYear = years == 0 ? 0 : firstYear;
            arrangementOfUnit[unit] = units.Count;
            units.Add(new Arrangement(holderCount, runCount, firstYear, years));
            holderCount += end - start;
            runCount += years + 1;
        }

        arranged = new Holder[holderCount];
        runStarts = new int[runCount];
        arrangements = [.. units];
        for (var unit = 0; unit < ranges.Length; unit++)
        {
            if (arrangementOfUnit[unit] >= 0)
            {
                Arrange(holders, ranges[unit], arrangements[arrangementOfUnit[unit]]);
            }
        }
    }

    /// <summary>Every arranged unit's holders again, arranged by birth year.</summary>
    public ReadOnlySpan<Holder> Holders => arranged;

    /// <summary>
    /// The ranges of <see cref="Holders"/> holding every holder of the arranged unit that <paramref name="year"/> may
    /// not contradict: the wide spans, and the runs whose first year lies within <see cref="NarrowSpan"/> before it.
    /// </summary>
    public void RangesFor(int arrangement, int year, List<(int Start, int End)> ranges)
    {
        ref readonly var unit = ref arrangements[arrangement];
        var narrowStart = runStarts[unit.Runs];
        if (unit.Start < narrowStart)
        {
            ranges.Add((unit.Start, narrowStart));
        }

        var from = Math.Max(year - NarrowSpan, unit.FirstYear) - unit.FirstYear;
        var to = Math.Min(year, unit.FirstYear + unit.Years - 1) - unit.FirstYear;
        for (var k = from; k <= to; k++)
        {
            var (start, end) = (runStarts[unit.Runs + k], runStarts[unit.Runs + k + 1]);
            if (start < end)
            {
                ranges.Add((start, end));
            }
        }
    }

    /// <summary>Reads what <see cref="RangesFor"/> reads first of an arranged unit, returning it so that the reading is done.</summary>
    public int ReadAhead(int arrangement) => runStarts[arrangements[arrangement].Runs];

    private void Arrange(ReadOnlySpan<Holder> holders, (int Start, int End) range, in Arrangement unit)
    {
        // A counting sort by first year: the wide spans first, then a run per year, each in index order.
        var bounds = runStarts.AsSpan(unit.Runs, unit.Years + 1);
        var wide = 0;
        for (var at = range.Start; at < range.End; at++)
        {
            if (IsNarrow(holders[at].BirthYears, out var from))
            {
                bounds[from - unit.FirstYear + 1]++;
            }
            else
            {
                wide++;
            }
        }

        bounds[0] = unit.Start + wide;
        for (var k = 1; k <= unit.Years; k++)
        {
            bounds[k] += bounds[k - 1];
        }

        Span<int> next = unit.Years <= 256 ? stackalloc int[unit.Years] : new int[unit.Years];
        bounds[..unit.Years].CopyTo(next);
        var nextWide = unit.Start;
        for (var at = range.Start; at < range.End; at++)
        {
            if (IsNarrow(holders[at].BirthYears, out var from))
            {
                arranged[next[from - unit.FirstYear]++] = holders[at];
            }
            else
            {
                arranged[nextWide++] = holders[at];
            }
        }
    }

    private static bool IsNarrow(int birthYears, out int from)
    {
        from = birthYears >> 16;
        return (short)birthYears - from <= NarrowSpan;
    }

    /// <summary>
    /// One arranged unit: its holders from <see cref="Start"/> on in <see cref="Holders"/>, the wide spans first; its runs' starts from
    /// <see cref="Runs"/> in the run table, one per year from <see cref="FirstYear"/> and the end after them.
    /// </summary>
    private readonly record struct Arrangement(int Start, int Runs, int FirstYear, int Years);
}
