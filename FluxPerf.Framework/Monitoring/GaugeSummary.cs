namespace FluxPerf.Monitoring;

/// <summary>
/// Statistics of one gauge series over the scrapes of a round. Percentiles use linear
/// interpolation between closest ranks (numpy's default); the deviation is the population one.
/// </summary>
/// <param name="Instance">The scraped endpoint as <c>host:port</c>.</param>
/// <param name="Metric">The sample name.</param>
/// <param name="Labels">The labels, sorted by name.</param>
/// <param name="Count">How many scrapes held a value (NaN values are left out).</param>
/// <param name="Avg">The mean.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="StdDev">The population standard deviation.</param>
public sealed record GaugeSummary(
    string Instance,
    string Metric,
    string Labels,
    int Count,
    double Avg,
    double P50,
    double P90,
    double P99,
    double Min,
    double Max,
    double StdDev);
