using System.Diagnostics;
using System.Globalization;
using FluxPerf.Client;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

[TestFixture]
public sealed class TimestampsTests
{
    [TestCase(9_523_123L)]
    [TestCase(1L)]
    [TestCase(0L)]
    [TestCase(123_456_789_012L)]
    [TestCase(-7_000_001L)]
    public void TicksToMs_TickCount_FormatsAsItsExactDecimal(long ticks)
    {
        var ms = Timestamps.TicksToMs(ticks);

        Assert.That(Written(ms), Is.EqualTo(ExactMs(ticks)));
    }

    [Test]
    public void ElapsedMs_SeededGapsUpToAnHour_FormatAsTheirExactDecimals()
    {
        // Result files hold these figures as text: a gap must read as the exact decimal of its
        // ticks, not with a spurious ...000001 from the conversion.
        var random = new Random(4242);
        var hour = Stopwatch.Frequency * 3600;
        var wrong = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var from = random.NextInt64(hour);
            var to = from + random.NextInt64(hour);

            var written = Written(Timestamps.ElapsedMs(from, to));

            if (written != ExactMs(to - from))
            {
                wrong.Add($"{to - from} ticks: {written}");
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    private static decimal ExactMs(long ticks)
    {
        // Stopwatch frequencies are powers of ten (1e9 on Linux, 1e7 on Windows), so the exact
        // figure is a terminating decimal that System.Decimal holds without rounding.
        return ticks * 1000m / Stopwatch.Frequency;
    }

    // The shortest text that reads back as the double, as JSON and CSV files get it, taken
    // back as a decimal so that 1E-06 and 0.000001 compare equal.
    private static decimal Written(double ms) => decimal.Parse(
        ms.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float,
        CultureInfo.InvariantCulture);
}
