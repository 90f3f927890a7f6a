using Vigil.Screening.Matching;

namespace Vigil.Screening.Tests.Matching;

public class BestBoundFirstTests
{
    [Fact]
    public void Candidates_come_out_as_a_stable_sort_by_falling_bound_would_give_them()
    {
        var random = new Random(7);
        var order = new BestBoundFirst();
        for (var round = 0; round < 50; round++)
        {
            // Few distinct bounds, so that ties are the rule: a tie must go to the name reached first.
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

            Assert.Equal(candidates.OrderByDescending(c => c.Bound).ToList(), taken);
        }
    }
}
