namespace FluxPerf.Monitoring;

/// <summary>The type a <c># TYPE</c> line gives a metric family.</summary>
public enum MetricType
{
    /// <summary>No <c># TYPE</c> line, or <c>untyped</c> / <c>unknown</c>.</summary>
    Untyped,

    /// <summary>A cumulative value that only goes up (until the process restarts).</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>Cumulative buckets (<c>_bucket</c> with <c>le</c>), <c>_sum</c>, <c>_count</c>.
    /// </summary>
    Histogram,

    /// <summary>Pre-computed quantiles (<c>quantile</c> label), <c>_sum</c>, <c>_count</c>.
    /// </summary>
    Summary,

    /// <summary>OpenMetrics gauge histogram (<c>_bucket</c>, <c>_gsum</c>, <c>_gcount</c>).
    /// </summary>
    GaugeHistogram,

    /// <summary>OpenMetrics state set: one sample per state, value 0 or 1.</summary>
    StateSet,

    /// <summary>OpenMetrics info metric (<c>_info</c>, value 1, facts in the labels).</summary>
    Info,
}
