namespace FluxPerf.Monitoring;

/// <summary>
/// Quantiles of a cumulative bucket histogram the way Prometheus's <c>histogram_quantile</c>
/// estimates them: find the bucket holding the rank, then interpolate linearly inside it,
/// assuming observations spread evenly between its bounds.
/// </summary>
internal static class HistogramQuantile
{
    /// <summary>The estimate, or null when there are no observations or no +Inf bucket.</summary>
    /// <param name="q">The quantile, 0..1.</param>
    /// <param name="buckets">Cumulative (upper bound, count) pairs sorted by bound.</param>
    public static double? Estimate(double q, IReadOnlyList<(double Le, double Count)> buckets)
    {
        if (buckets.Count < 2 || !double.IsPositiveInfinity(buckets[^1].Le))
        {
            return null;
        }

        var total = buckets[^1].Count;
        if (total <= 0)
        {
            return null;
        }

        var rank = q * total;
        var index = 0;
        while (index < buckets.Count - 1 && buckets[index].Count < rank)
        {
            index++;
        }

        // A rank in the +Inf bucket has no upper bound to interpolate to; like Prometheus,
        // answer with the highest finite bound (an under-estimate, flagged by nothing better).
        if (index == buckets.Count - 1)
        {
            return buckets[^2].Le;
        }

        var upper = buckets[index].Le;
        var lower = index == 0 ? Math.Min(0, upper) : buckets[index - 1].Le;
        var below = index == 0 ? 0 : buckets[index - 1].Count;
        var inBucket = buckets[index].Count - below;
        return inBucket <= 0 ? lower : lower + ((upper - lower) * (rank - below) / inBucket);
    }
}
