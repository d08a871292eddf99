using FluxPerf.Metrics;
using NUnit.Framework;

namespace FluxPerf.Tests.Metrics;

[TestFixture]
public sealed class BootstrapTests
{
    private static readonly double[] _shuffledOneToThousandAndOne =
        [.. Enumerable.Range(1, 1001).Select(i => (double)(i * 389 % 1001 + 1))];

    [Test]
    public void MedianCi_SameSeed_GivesTheSameInterval()
    {
        var first = Bootstrap.MedianCi(_shuffledOneToThousandAndOne, seed: 9);
        var second = Bootstrap.MedianCi(_shuffledOneToThousandAndOne, seed: 9);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void MedianCi_UniformSample_IntervalHasTheWidthTheoryPredicts()
    {
        // For the median of n = 1001 values the 95% interval spans about ±1.96·√n / 2 ≈ ±31
        // ranks around rank 501; the bounds below allow for bootstrap noise, not for a wrong
        // method.
        var (median, low, high) = Bootstrap.MedianCi(_shuffledOneToThousandAndOne);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(median, Is.EqualTo(501));
            Assert.That(low, Is.InRange(455, 490));
            Assert.That(high, Is.InRange(512, 547));
        }
    }

    [Test]
    public void MedianCi_HigherConfidence_GivesAWiderInterval()
    {
        var narrow = Bootstrap.MedianCi(_shuffledOneToThousandAndOne, confidence: 0.5);
        var wide = Bootstrap.MedianCi(_shuffledOneToThousandAndOne, confidence: 0.99);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wide.Low, Is.LessThan(narrow.Low));
            Assert.That(wide.High, Is.GreaterThan(narrow.High));
        }
    }

    [Test]
    public void MedianCi_EvenCount_MedianInterpolatesLikeNumpy()
    {
        var (median, low, high) = Bootstrap.MedianCi([4.0, 1.0, 3.0, 2.0]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(median, Is.EqualTo(2.5));
            Assert.That(low, Is.GreaterThanOrEqualTo(1.0).And.LessThanOrEqualTo(median));
            Assert.That(high, Is.GreaterThanOrEqualTo(median).And.LessThanOrEqualTo(4.0));
        }
    }

    [Test]
    public void MedianCi_AllEqualOrSingleValue_CollapsesToThatValue()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bootstrap.MedianCi([0.8, 0.8, 0.8]), Is.EqualTo((0.8, 0.8, 0.8)));
            Assert.That(Bootstrap.MedianCi([1.7]), Is.EqualTo((1.7, 1.7, 1.7)));
        }
    }

    [Test]
    public void MedianCi_BadArguments_Throw()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<ArgumentException>(() => Bootstrap.MedianCi([]));
            Assert.Throws<ArgumentException>(() => Bootstrap.MedianCi([1.0, double.NaN]));
            Assert.Throws<ArgumentOutOfRangeException>(
                () => Bootstrap.MedianCi([1.0], confidence: 95));
            Assert.Throws<ArgumentOutOfRangeException>(
                () => Bootstrap.MedianCi([1.0], resamples: 0));
        }
    }
}
