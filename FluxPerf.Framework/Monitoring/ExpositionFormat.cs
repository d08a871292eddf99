namespace FluxPerf.Monitoring;

/// <summary>The text format of a scrape; it decides the unit of sample timestamps.</summary>
public enum ExpositionFormat
{
    /// <summary>OpenMetrics when the text ends with <c># EOF</c>, else Prometheus text.</summary>
    Auto,

    /// <summary>Prometheus text 0.0.4 / 1.0.0: timestamps are integer milliseconds.</summary>
    PrometheusText,

    /// <summary>OpenMetrics text 1.0: timestamps are seconds (converted to milliseconds).</summary>
    OpenMetrics,
}
