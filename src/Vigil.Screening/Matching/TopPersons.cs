namespace Vigil.Screening.Matching;

/// <summary>
/// The best final scores of distinct listed persons so far, best first, at most as many as the results hold. A person
/// keeps one place however many of their names score: counting each name's score took places from other persons, so
/// the bar a new candidate had to clear could rise above the last person the results would show, and a person who
/// belonged in them was left out.
/// </summary>
internal sealed class TopPersons
{
    private readonly List<(int Person, double Score)> best = [];

    public int Count => best.Count;

    /// <summary>The lowest score held; only when <see cref="Count"/> is above 0.</summary>
    public double Lowest => best[^1].Score;

    public void Clear() => best.Clear();

    /// <summary>Records <paramref name="person"/>'s current score, keeping at most <paramref name="places"/> persons.</summary>
    public void Set(int person, double score, int places)
    {
        for (var k = 0; k < best.Count; k++)
        {
            if (best[k].Person == person)
            {
                best.RemoveAt(k);
                break;
            }
        }

        if (best.Count >= places)
        {
            if (score <= best[^1].Score)
            {
                return;
            }

            best.RemoveAt(best.Count - 1);
        }

        var at = best.Count;
        while (at > 0 && best[at - 1].Score < score)
        {
            at--;
        }

        best.Insert(at, (person, score));
    }
}
