namespace FluxPerf.Metrics;

/// <summary>
/// Seeded bootstrap confidence intervals, used for the paired round-2/round-1 TTFT ratio.
/// </summary>
public static class Bootstrap
{
    /// <summary>
    /// The median of the values and a percentile-bootstrap confidence interval for it: the values
    /// are resampled with replacement <paramref name="resamples"/> times and the interval is
    /// the central <paramref name="confidence"/> share of the resampled medians.
    /// </summary>
    /// <param name="values">The measurements, any order, all finite, at least one.</param>
    /// <param name="resamples">How many resamples; 2000 (the default) steadies 95% bounds.</param>
    /// <param name="confidence">The interval's coverage, between 0 and 1 exclusive; default
    /// 0.95.</param>
    /// <param name="seed">Seed of <c>new System.Random(seed)</c>, whose sequence is the same on
    /// every platform, so a report can be reproduced exactly; default 42.</param>
    /// <returns>The sample median (linear interpolation) and the interval's bounds, both taken by
    /// <see cref="Percentile.Linear"/> from the sorted resampled medians.</returns>
    public static (double Median, double Low, double High) MedianCi(
        IReadOnlyList<double> values,
        int resamples = 2000,
        double confidence = 0.95,
        int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidence),
                confidence,
                "confidence is a fraction between 0 and 1 exclusive (0.95 for 95%); "
                + $"got {confidence}");
        }

        var sorted = SortedFiniteCopy(values);
        var medians = ResampledMedians(sorted, resamples, new Random(seed));
        Array.Sort(medians);

        var tail = (1 - confidence) / 2;
        return (
            Percentile.Linear(sorted, 0.5),
            Percentile.Linear(medians, tail),
            Percentile.Linear(medians, 1 - tail));
    }

    private static double[] SortedFiniteCopy(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("a median needs at least one value", nameof(values));
        }

        var copy = values.ToArray();
        var bad = Array.FindIndex(copy, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"value [{bad}] is {copy[bad]}; every value must be a finite number",
                nameof(values));
        }

        Array.Sort(copy);
        return copy;
    }

    private static double[] ResampledMedians(double[] sorted, int resamples, Random random)
    {
        // A resample is drawn as ranks into the sorted values and kept as a count per rank, so
        // its median is found by one walk over the counts instead of a sort: O(n) per resample.
        var n = sorted.Length;
        var counts = new int[n];
        var medians = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[random.Next(n)]++;
            }

            medians[r] = MedianOfCounts(sorted, counts);
        }

        return medians;
    }

    private static double MedianOfCounts(double[] sorted, int[] counts)
    {
        // The resample's median in the same linear-interpolation sense as Percentile.Linear:
        // the order statistics at positions ⌊(n−1)/2⌋ and ⌈(n−1)/2⌉, halfway between
        // them.
        var n = sorted.Length;
        var lowRank = (n - 1) / 2;
        var highRank = n / 2;
        double low = double.NaN, high = double.NaN;
        var seen = 0;
        for (var i = 0; i < n && double.IsNaN(high); i++)
        {
            seen += counts[i];
            if (double.IsNaN(low) && seen > lowRank)
            {
                low = sorted[i];
            }

            if (seen > highRank)
            {
                high = sorted[i];
            }
        }

        return lowRank == highRank ? low : Percentile.Lerp(low, high, 0.5);
    }
}
