using FluxPerf.Metrics;
using NUnit.Framework;

namespace FluxPerf.Tests.Metrics;

[TestFixture]
public sealed class PercentileTests
{
    // Sorted: 0.5 1.25 2 3 4.5 6.25 7.5 8 9.75 10.5 12. Expected values from
    // python3 -c "import statistics as s; print(s.quantiles(d, n=100, method='inclusive'))",
    // whose 'inclusive' method is numpy's 'linear' (h = (n-1)p); numpy is not installed here.
    private static readonly double[] _sorted = [0.5, 1.25, 2, 3, 4.5, 6.25, 7.5, 8, 9.75, 10.5, 12];

    [TestCase(0.0, 0.5)]
    [TestCase(0.001, 0.5075)]
    [TestCase(0.25, 2.5)]
    [TestCase(0.5, 6.25)]
    [TestCase(0.75, 8.875)]
    [TestCase(0.9, 10.5)]
    [TestCase(0.95, 11.25)]
    [TestCase(0.99, 11.85)]
    [TestCase(0.999, 11.985)]
    [TestCase(1.0, 12.0)]
    public void Linear_ElevenValues_MatchesNumpyLinear(double p, double expected)
    {
        Assert.That(Percentile.Linear(_sorted, p), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Linear_SingleSample_ReturnsThatSampleForEveryP()
    {
        double[] one = [4.2];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Percentile.Linear(one, 0), Is.EqualTo(4.2));
            Assert.That(Percentile.Linear(one, 0.5), Is.EqualTo(4.2));
            Assert.That(Percentile.Linear(one, 1), Is.EqualTo(4.2));
        }
    }

    [Test]
    public void Linear_EndPoints_AreExactlyMinAndMax()
    {
        // Interpolating from the nearer end keeps p100 bit-exact even when a + (b - a) would round.
        double[] values = [0.1, 0.7];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Percentile.Linear(values, 0), Is.EqualTo(0.1));
            Assert.That(Percentile.Linear(values, 1), Is.EqualTo(0.7));
        }
    }

    [TestCase(99)]
    [TestCase(1.01)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void Linear_POutsideZeroToOne_ThrowsExplainingTheFraction(double p)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Linear(_sorted, p));

        Assert.That(error.Message, Does.Contain("0.99 for p99"));
    }

    [Test]
    public void Linear_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Linear([], 0.5));
    }
}
