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

    [Fact]
    public void First_taken_keeps_exactly_the_candidates_handed_out_first()
    {
        var random = new Random(5);
        var first = new FirstTaken(capacity: 16);
        for (var round = 0; round < 50; round++)
        {
            // Few distinct bounds, so that which of the tied names are kept is decided by their place in the index.
            var candidates = Enumerable.Range(0, random.Next(0, 400))
                .Select(_ => random.Next(100_000))
                .Distinct()
                .Select(name => (Name: name, Bound: random.Next(6) / 6.0))
                .ToList();
            first.Clear();
            var order = new BestBoundFirst();
            foreach (var (name, bound) in candidates)
            {
                first.Offer(name, bound);
                order.Add(name, bound);
            }

            order.Order();
            var handedOutFirst = new List<(int, double)>();
            while (handedOutFirst.Count < first.Capacity && order.TryTake(out var name, out var bound))
            {
                handedOutFirst.Add((name, bound));
            }

            Assert.Equal(handedOutFirst.Order(), first.Kept.Order());
        }
    }
}
