using FluxPerf.Metrics;
using NUnit.Framework;

namespace FluxPerf.Tests.Metrics;

[TestFixture]
public sealed class DistributionTests
{
    // Expected figures below come from Python's statistics module, an implementation independent
    // of this one (numpy is not installed here; statistics.quantiles(method='inclusive') is
    // numpy's 'linear', pstdev is numpy's std with ddof=0):
    // python3 -c "import statistics as s; c = s.quantiles(d, n=100, method='inclusive');
    //   print(s.fmean(d), c[49], c[89], c[94], c[98], min(d), max(d), s.pstdev(d))"
    private const double Tolerance = 1e-9;

    [Test]
    public void Of_UnsortedValues_MatchesIndependentComputation()
    {
        double[] values = [7.5, 1.25, 3.0, 9.75, 4.5, 12.0, 0.5, 6.25, 8.0, 2.0, 10.5];

        var d = Distribution.Of(values)!; // not null: the input has values

        AssertDistribution(d, 11, 5.931818181818182, 6.25, 10.5, 11.25, 11.85, 0.5, 12.0,
            3.773548651003138);
    }

    [Test]
    public void Of_ThousandFormulaValues_MatchesIndependentComputation()
    {
        // The same formula in Python:
        // [(i * 7919 % 1000) / 7.0 + math.sqrt(i) for i in range(1000)].
        var values = Enumerable.Range(0, 1000)
            .Select(i => (i * 7919 % 1000) / 7.0 + Math.Sqrt(i))
            .ToList();

        var d = Distribution.Of(values)!; // not null: the input has values

        AssertDistribution(
            d,
            1000,
            92.42297596802192,
            92.50059405212494,
            149.6940902449315,
            157.71325471234434,
            167.19284969263742,
            0.0,
            173.4608127269372,
            41.910900285156735);
    }

    [Test]
    public void Of_TwoValues_InterpolatesBetweenThem()
    {
        var d = Distribution.Of([1.0, 3.0])!; // not null: the input has values

        AssertDistribution(d, 2, 2.0, 2.0, 2.8, 2.9, 2.98, 1.0, 3.0, 1.0);
    }

    [Test]
    public void Of_OneValue_EveryFigureIsThatValueAndStddevIsZero()
    {
        var d = Distribution.Of([42.5])!; // not null: the input has values

        AssertDistribution(d, 1, 42.5, 42.5, 42.5, 42.5, 42.5, 42.5, 42.5, 0.0);
    }

    [Test]
    public void Of_AllEqual_StddevIsExactlyZero()
    {
        var d = Distribution.Of(Enumerable.Repeat(0.1, 1000))!; // not null: the input has values

        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Stddev, Is.Zero);
            Assert.That(d.Avg, Is.EqualTo(0.1));
            Assert.That(d.P99, Is.EqualTo(0.1));
        }
    }

    [Test]
    public void Of_NoValues_ReturnsNull()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Distribution.Of(ReadOnlySpan<double>.Empty), Is.Null);
            Assert.That(Distribution.Of(new List<double>()), Is.Null);
        }
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Of_NonFiniteValue_ThrowsNamingIt(double bad)
    {
        double[] values = [1, 2, bad];

        var error = Assert.Throws<ArgumentException>(() => Distribution.Of(values));

        Assert.That(error.Message, Does.Contain("value [2]").And.Contain("finite"));
    }

    [Test]
    public void Of_Input_IsNotReordered()
    {
        double[] values = [3, 1, 2];

        Distribution.Of(values);

        Assert.That(values, Is.EqualTo(new double[] { 3, 1, 2 }));
    }

    [Test]
    public void Of_TenMillionValues_SummarisesThem()
    {
        // A long run's ITL samples: 10^7 values, 0..9999.999 ms in a scrambled order. Exact
        // figures follow from the grid k / 1000: p50 = 4999.9995, p99 = 9899999.01 / 1000.
        var values = new double[10_000_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (int)((i * 7_654_321L) % values.Length) / 1000.0;
        }

        var d = Distribution.Of(values)!; // not null: the input has values

        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Count, Is.EqualTo(10_000_000));
            Assert.That(d.Min, Is.Zero);
            Assert.That(d.Max, Is.EqualTo(9999.999));
            Assert.That(d.Avg, Is.EqualTo(4999.9995).Within(1e-9));
            Assert.That(d.P50, Is.EqualTo(4999.9995).Within(1e-9));
            Assert.That(d.P99, Is.EqualTo(9899.99901).Within(1e-9));
        }
    }

    private static void AssertDistribution(
        Distribution d,
        int count,
        double avg,
        double p50,
        double p90,
        double p95,
        double p99,
        double min,
        double max,
        double stddev)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Count, Is.EqualTo(count));
            Assert.That(d.Avg, Is.EqualTo(avg).Within(Tolerance));
            Assert.That(d.P50, Is.EqualTo(p50).Within(Tolerance));
            Assert.That(d.P90, Is.EqualTo(p90).Within(Tolerance));
            Assert.That(d.P95, Is.EqualTo(p95).Within(Tolerance));
            Assert.That(d.P99, Is.EqualTo(p99).Within(Tolerance));
            Assert.That(d.Min, Is.EqualTo(min));
            Assert.That(d.Max, Is.EqualTo(max));
            Assert.That(d.Stddev, Is.EqualTo(stddev).Within(Tolerance));
        }
    }
}
