using System.Globalization;

namespace FluxPerf.Monitoring;

/// <summary>Bucket deltas of server histograms over a round.</summary>
internal static partial class RoundFigures
{
    /// <summary>One histogram series over the round: delta buckets, count and sum.</summary>
    internal sealed record HistogramWindow(
        SeriesKey Key,
        IReadOnlyList<(double Le, double Count)> Buckets,
        double? Count,
        double? Sum,
        bool Restarted)
    {
        public HistogramDelta ToDelta() => new(
            Key.Instance, Key.Metric, Key.Labels, Count, Sum,
            Restarted ? null : HistogramQuantile.Estimate(0.50, Buckets),
            Restarted ? null : HistogramQuantile.Estimate(0.99, Buckets),
            Restarted);
    }

    private static List<HistogramWindow> HistogramWindows(
        SeriesTable table,
        Dictionary<string, int> firstGood,
        List<string> restarts)
    {
        var windows = new List<HistogramWindow>();
        foreach (var (key, points) in table.Histograms)
        {
            // As for counters: absent from the first scrape means created during the round.
            var baseline = points[0].Record == firstGood[key.Instance]
                ? points[0]
                : HistogramPoint.Empty;
            var restarted = WentDown(baseline, points);
            if (restarted)
            {
                restarts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"histogram {key} lost observations: the server restarted; "
                    + $"its figures for this round are left empty"));
            }

            windows.Add(Window(key, baseline, points[^1], restarted));
        }

        return windows;
    }

    private static bool WentDown(HistogramPoint baseline, List<HistogramPoint> points)
    {
        var previous = baseline.TotalCount;
        foreach (var point in points)
        {
            if (point.TotalCount < previous)
            {
                return true;
            }

            previous = point.TotalCount;
        }

        return false;
    }

    private static HistogramWindow Window(
        SeriesKey key,
        HistogramPoint baseline,
        HistogramPoint last,
        bool restarted)
    {
        if (restarted)
        {
            return new HistogramWindow(key, [], null, null, Restarted: true);
        }

        var buckets = last.Buckets
            .Select(b => (b.Key, b.Value - baseline.Buckets.GetValueOrDefault(b.Key)))
            .ToList();
        var sum = last.Sum - (baseline.Sum ?? 0);
        return new HistogramWindow(
            key, buckets, last.TotalCount - baseline.TotalCount, sum, Restarted: false);
    }

    /// <summary>All series of <paramref name="metric"/> merged bucket by bucket (engines and
    /// endpoints alike), so the quantile describes every request the round sent.</summary>
    private static List<(double Le, double Count)>? Merge(
        List<HistogramWindow> windows,
        string metric)
    {
        var series = windows.Where(w => w.Key.Metric == metric).ToList();
        if (series.Count == 0 || series.Any(w => w.Restarted))
        {
            return null;
        }

        return [.. series.SelectMany(w => w.Buckets)
            .GroupBy(b => b.Le)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(b => b.Count)))];
    }
}
