namespace FluxPerf.MockServer;

/// <summary>
/// A cumulative Prometheus histogram: counts per upper bound, plus count and sum.
/// </summary>
internal sealed class PrometheusHistogram
{
    private readonly Lock _gate = new();
    private readonly long[] _counts;
    private long _count;
    private double _sum;

    public PrometheusHistogram(IReadOnlyList<double> upperBounds)
    {
        UpperBounds = upperBounds;
        _counts = new long[upperBounds.Count];
    }

    public IReadOnlyList<double> UpperBounds { get; }

    public void Observe(double value)
    {
        lock (_gate)
        {
            for (var i = 0; i < _counts.Length; i++)
            {
                if (value <= UpperBounds[i])
                {
                    _counts[i]++;
                }
            }

            _count++;
            _sum += value;
        }
    }

    /// <summary>
    /// Cumulative bucket counts, the total count and the sum, taken consistently.
    /// </summary>
    public (long[] Buckets, long Count, double Sum) Snapshot()
    {
        lock (_gate)
        {
            return ([.. _counts], _count, _sum);
        }
    }
}
