using Vigil.Screening.Matching;

namespace Vigil.Screening.Tests.Matching;

public class BestBoundFirstTests
{
    [Fact]
    public void Candidates_come_out_by_falling_bound_and_ties_by_name()
    {
        var random = new Random(7);
        var order = new BestBoundFirst();
        for (var round = 0; round < 50; round++)
        {
            // Few distinct bounds, so that ties are the rule: a tie must go to the name first in the index, whatever the
            // order the names were added in.
            var candidates = Enumerable.Range(0, random.Next(0, 400))
                .Select(_ => (Name: random.Next(1_000), Bound: random.Next(8) / 8.0))
                .ToList();
            order.Clear();
            foreach (var (name, bound) in candidates)
            {
                order.Add(name, bound);
            }

            // Those sure to be taken are sorted, the rest kept as a heap: the order is the same either way.
            order.Order(sortedFrom: round % 3 == 0 ? double.PositiveInfinity : random.Next(10) / 8.0);
            var taken = new List<(int, double)>();
            while (order.TryTake(out var name, out var bound))
            {
                taken.Add((name, bound));
            }

            Assert.Equal(candidates.OrderByDescending(c => c.Bound).ThenBy(c => c.Name).ToList(), taken);
        }
    }
}
