using FluxPerf.Monitoring;
using NUnit.Framework;

namespace FluxPerf.Tests.Monitoring;

[TestFixture]
public sealed class HistogramQuantileTests
{
    private static readonly (double, double)[] Buckets =
        [(0.1, 10), (0.5, 30), (1.0, 40), (double.PositiveInfinity, 40)];

    [TestCase(0.25, 0.1)]
    [TestCase(0.5, 0.3)]
    [TestCase(0.125, 0.05)]
    [TestCase(1.0, 1.0)]
    public void Estimate_RankInsideBucket_InterpolatesLinearly(double q, double expected)
    {
        Assert.That(HistogramQuantile.Estimate(q, Buckets), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Estimate_RankInInfBucket_ReturnsHighestFiniteBound()
    {
        (double, double)[] buckets = [(0.1, 1), (0.5, 2), (double.PositiveInfinity, 10)];

        Assert.That(HistogramQuantile.Estimate(0.99, buckets), Is.EqualTo(0.5));
    }

    [Test]
    public void Estimate_NoObservationsOrNoInfBucket_ReturnsNull()
    {
        (double, double)[] empty = [(0.1, 0), (double.PositiveInfinity, 0)];
        (double, double)[] noInf = [(0.1, 1), (0.5, 2)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(HistogramQuantile.Estimate(0.5, empty), Is.Null);
            Assert.That(HistogramQuantile.Estimate(0.5, noInf), Is.Null);
        }
    }
}
