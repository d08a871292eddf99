using FluxPerf.Configuration;
using FluxPerf.Monitoring;
using FluxPerf.Reporting;

namespace FluxPerf.Running;

/// <summary>
/// Scrapes the stage's metrics endpoints around each round: one scrape just before the first
/// request, periodic ones while it runs, one just after the last request is done, so counter
/// deltas cover exactly the round. Every kept sample is appended to <c>prometheus.csv</c>.
/// </summary>
internal sealed class RoundMonitor : IAsyncDisposable
{
    private readonly PrometheusCollector _collector;
    private readonly PrometheusCsvWriter _csv;

    private RoundMonitor(PrometheusCollector collector, PrometheusCsvWriter csv)
    {
        _collector = collector;
        _csv = csv;
    }

    /// <summary>A monitor for the stage, or null when it scrapes nothing.</summary>
    public static RoundMonitor? For(BenchmarkConfig config, PrometheusCsvWriter csv)
    {
        if (config.PrometheusUrls.Count == 0)
        {
            return null;
        }

        var patterns = MetricSelector.Defaults.Patterns.Concat(config.PrometheusMetrics);
        var collector = new PrometheusCollector(config.PrometheusUrls, new MetricSelector(patterns),
            config.ScrapeInterval);
        return new RoundMonitor(collector, csv);
    }

    public Task<RoundWindow> BeginAsync(RoundPlan plan, CancellationToken ct) =>
        _collector.BeginRoundAsync($"{plan.Stage} c={plan.Concurrency} round {plan.Round}", ct);

    public async Task<RoundServerMetrics> EndAsync(
        RoundWindow window,
        RoundPlan plan,
        CancellationToken ct)
    {
        var metrics = await _collector.EndRoundAsync(window, ct);
        _csv.Append(plan.Stage, plan.Concurrency, plan.Round, metrics.Samples);
        return metrics;
    }

    /// <summary>
    /// The server's prefix-cache hit counter (tokens, new or pre-v0.9.2 name, summed over
    /// series), or null when it cannot be read; used to check that a reset probe hit nothing.
    /// </summary>
    public async Task<double?> ReadHitCounterAsync(CancellationToken ct)
    {
        var scrape = await _collector.ScrapeOnceAsync(null, ct);
        var samples = scrape?.SamplesNamed("vllm:prefix_cache_hits_total")
            .Concat(scrape.SamplesNamed("vllm:gpu_prefix_cache_hits_total")).ToArray();
        return samples is { Length: > 0 } ? samples.Sum(s => s.Value) : null;
    }

    public ValueTask DisposeAsync() => _collector.DisposeAsync();
}
