using FluxPerf.Metrics;
using NUnit.Framework;

namespace FluxPerf.Tests.Metrics;

[TestFixture]
public sealed class OrderStatisticsTests
{
    [TestCase(1, 1000.0)]
    [TestCase(2, 1000.0)]
    [TestCase(7, 3.0)]
    [TestCase(1000, 1000.0)]
    [TestCase(1000, 4.0)]
    [TestCase(99_999, 10.0)]
    [TestCase(100_000, 1e9)]
    public void Place_SeededInput_AgreesWithAFullSort(int count, double spread)
    {
        // A small spread gives many ties, the case where a careless partition loops or misplaces.
        var random = new Random(count);
        var values = Enumerable.Range(0, count)
            .Select(_ => Math.Floor(random.NextDouble() * spread))
            .ToArray();
        var sorted = values.Order().ToArray();
        int[] ranks = [0, count / 2, (count - 1) * 9 / 10, count - 1, count - 1];

        OrderStatistics.Place(values, ranks.Distinct().Order().ToArray());

        Assert.That(ranks.Select(r => values[r]), Is.EqualTo(ranks.Select(r => sorted[r])));
    }

    [Test]
    public void Place_SortedAndReversedInput_AgreesWithAFullSort()
    {
        var ascending = Enumerable.Range(0, 50_001).Select(i => (double)i).ToArray();
        var descending = ascending.Reverse().ToArray();
        int[] ranks = [25_000, 25_001, 45_000, 45_001, 49_500, 49_501];

        OrderStatistics.Place(ascending, ranks);
        OrderStatistics.Place(descending, ranks);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ranks.Select(r => ascending[r]), Is.EqualTo(ranks.Select(r => (double)r)));
            Assert.That(ranks.Select(r => descending[r]), Is.EqualTo(ranks.Select(r => (double)r)));
        }
    }
}
