namespace FluxPerf.Monitoring;

/// <summary>One kept sample of one scrape, for <c>prometheus.csv</c> and charts.</summary>
/// <param name="TimestampUtc">Wall-clock time of the scrape (mid-point of request and reply).
/// </param>
/// <param name="OffsetMs">Milliseconds since the round's window opened (monotonic clock).</param>
/// <param name="Instance">The scraped endpoint as <c>host:port</c>.</param>
/// <param name="Metric">The sample name, for example <c>vllm:prefix_cache_hits_total</c>.</param>
/// <param name="Labels">The labels, sorted by name: <c>engine="0",model_name="m"</c>.</param>
/// <param name="Value">The value.</param>
public sealed record ServerSample(
    DateTimeOffset TimestampUtc,
    double OffsetMs,
    string Instance,
    string Metric,
    string Labels,
    double Value);
