namespace FluxPerf.Monitoring;

/// <summary>
/// Summary statistics for gauge series. Kept local to monitoring so the server figures do not
/// depend on the client-side statistics code (and its choices) in <c>Metrics/</c>.
/// </summary>
internal static class SampleStatistics
{
    /// <summary>Summarises <paramref name="values"/> (NaN already removed, at least one).</summary>
    public static GaugeSummary Summarize(SeriesKey key, IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mean = sorted.Average();

        // Population deviation: the scrapes are the whole round, not a sample of rounds.
        var variance = sorted.Sum(v => (v - mean) * (v - mean)) / sorted.Length;
        return new GaugeSummary(
            key.Instance, key.Metric, key.Labels, sorted.Length, mean,
            Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99),
            sorted[0], sorted[^1], Math.Sqrt(variance));
    }

    /// <summary>numpy's default ("linear"): rank h = (n − 1)·q, interpolate between the two
    /// closest ranks.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        var rank = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
