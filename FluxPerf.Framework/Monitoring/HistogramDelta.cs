namespace FluxPerf.Monitoring;

/// <summary>
/// What one server histogram recorded during a round: the bucket deltas turned into a count and
/// estimated quantiles, in the histogram's own unit (seconds for <c>*_seconds</c>).
/// </summary>
/// <param name="Instance">The scraped endpoint as <c>host:port</c>.</param>
/// <param name="Metric">The family name, e.g. <c>vllm:time_to_first_token_seconds</c>.</param>
/// <param name="Labels">The labels without <c>le</c>, sorted by name.</param>
/// <param name="Count">Observations during the round, or null after a restart.</param>
/// <param name="Sum">Sum of the observations during the round, or null after a restart.</param>
/// <param name="P50">Estimated median (linear within the bucket, as Prometheus's
/// <c>histogram_quantile</c>), or null without observations.</param>
/// <param name="P99">Estimated 99th percentile, same method.</param>
/// <param name="Restarted">Whether a bucket or the count went down during the round.</param>
public sealed record HistogramDelta(
    string Instance,
    string Metric,
    string Labels,
    double? Count,
    double? Sum,
    double? P50,
    double? P99,
    bool Restarted);
