namespace FluxPerf.Monitoring;

/// <summary>How much one counter series grew over a round.</summary>
/// <param name="Instance">The scraped endpoint as <c>host:port</c>.</param>
/// <param name="Metric">The sample name, for example <c>vllm:prompt_tokens_total</c>.</param>
/// <param name="Labels">The labels, sorted by name.</param>
/// <param name="Before">The value at the first scrape of the window (0 when the series did not
/// exist yet: client libraries create labelled series on first increment).</param>
/// <param name="After">The value at the last scrape of the window.</param>
/// <param name="Delta"><c>After − Before</c>, or <see langword="null"/> when the counter went
/// down in between (the server restarted and the growth is unknown).</param>
/// <param name="Restarted">Whether the counter went down during the round.</param>
public sealed record CounterDelta(
    string Instance,
    string Metric,
    string Labels,
    double Before,
    double After,
    double? Delta,
    bool Restarted);
