using System.Diagnostics;
using FluxPerf.Monitoring;
using NUnit.Framework;

namespace FluxPerf.Tests.Monitoring;

[TestFixture]
public sealed class RoundFiguresTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:8000/metrics");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Compute_CounterGrows_DeltaIsAfterMinusBefore()
    {
        var metrics = Compute(
            Scrape(ScrapeKind.Before, 0, Counter("vllm:prefix_cache_queries_total", 100)),
            Scrape(ScrapeKind.Periodic, 50, Counter("vllm:prefix_cache_queries_total", 150)),
            Scrape(ScrapeKind.After, 100, Counter("vllm:prefix_cache_queries_total", 400)));

        var delta = metrics.Counters.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delta.Before, Is.EqualTo(100));
            Assert.That(delta.After, Is.EqualTo(400));
            Assert.That(delta.Delta, Is.EqualTo(300));
            Assert.That(delta.Labels, Is.EqualTo("engine=\"0\""));
            Assert.That(metrics.ServerRestarted, Is.False);
            Assert.That(metrics.Derived.PrefixCacheQueries, Is.EqualTo(300));
        }
    }

    [Test]
    public void Compute_CounterGoesDown_FlagsRestartAndLeavesDeltaEmpty()
    {
        var metrics = Compute(
            Scrape(ScrapeKind.Before, 0, Counter("vllm:prefix_cache_hits_total", 500)),
            Scrape(ScrapeKind.Periodic, 50, Counter("vllm:prefix_cache_hits_total", 20)),
            Scrape(ScrapeKind.After, 100, Counter("vllm:prefix_cache_hits_total", 60)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.ServerRestarted, Is.True);
            Assert.That(metrics.Counters.Single().Delta, Is.Null);
            Assert.That(metrics.RestartMessages.Single(), Does.Contain("went down from 500 to 20"));
            Assert.That(metrics.Derived.PrefixCacheHits, Is.Null);
        }
    }

    [Test]
    public void Compute_SeriesCreatedDuringRound_CountsFromZero()
    {
        var metrics = Compute(
            Scrape(ScrapeKind.Before, 0, Counter("a_total", 1)),
            Scrape(ScrapeKind.After, 100,
                Counter("a_total", 1) + Counter("lmcache:num_hit_tokens_total", 64)));

        var created = metrics.Counters.Single(c => c.Metric == "lmcache:num_hit_tokens_total");
        Assert.That(created.Delta, Is.EqualTo(64));
    }

    [Test]
    public void Compute_GaugeSeries_GivesNumpyPercentilesAndPopulationDeviation()
    {
        var metrics = Compute(
            [.. new[] { 3.0, 1, 5, 2, 4 }.Select((v, i) => Scrape(
                i == 0 ? ScrapeKind.Before : i == 4 ? ScrapeKind.After : ScrapeKind.Periodic,
                i * 50, Gauge("vllm:num_requests_running", v)))]);

        var gauge = metrics.Gauges.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gauge.Count, Is.EqualTo(5));
            Assert.That(gauge.Avg, Is.EqualTo(3.0));
            Assert.That(gauge.P50, Is.EqualTo(3.0));
            Assert.That(gauge.P90, Is.EqualTo(4.6).Within(1e-12));
            Assert.That(gauge.P99, Is.EqualTo(4.96).Within(1e-12));
            Assert.That(gauge.Min, Is.EqualTo(1.0));
            Assert.That(gauge.Max, Is.EqualTo(5.0));
            Assert.That(gauge.StdDev, Is.EqualTo(Math.Sqrt(2)).Within(1e-12));
        }
    }

    [Test]
    public void Compute_HistogramBuckets_DeltaGivesCountAndInterpolatedQuantiles()
    {
        var before = Histogram("vllm:time_to_first_token_seconds", [(0.1, 5), (0.2, 5)], 5, 0.2);
        var after = Histogram("vllm:time_to_first_token_seconds", [(0.1, 5), (0.2, 15)], 15, 1.7);

        var metrics = Compute(
            Scrape(ScrapeKind.Before, 0, before), Scrape(ScrapeKind.After, 100, after));

        var ttft = metrics.Histograms.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ttft.Count, Is.EqualTo(10));
            Assert.That(ttft.Sum, Is.EqualTo(1.5).Within(1e-12));
            Assert.That(ttft.P50, Is.EqualTo(0.15).Within(1e-12));
            Assert.That(ttft.P99, Is.EqualTo(0.199).Within(1e-12));
            Assert.That(metrics.Derived.TtftP50Ms, Is.EqualTo(150).Within(1e-9));
        }
    }

    [Test]
    public void Compute_OldVllmNames_GiveTheLocalHitRate()
    {
        var before = Counter("vllm:gpu_prefix_cache_queries_total", 0)
            + Counter("vllm:gpu_prefix_cache_hits_total", 0);
        var after = Counter("vllm:gpu_prefix_cache_queries_total", 1000)
            + Counter("vllm:gpu_prefix_cache_hits_total", 250);

        var metrics = Compute(
            Scrape(ScrapeKind.Before, 0, before), Scrape(ScrapeKind.After, 100, after));

        Assert.That(metrics.Derived.PrefixCacheHitRate, Is.EqualTo(0.25));
    }

    [Test]
    public void Compute_LmCacheCounters_GiveHitAndLookupRates()
    {
        var before = Counter("lmcache:num_hit_tokens_total", 100)
            + Counter("lmcache:num_requested_tokens_total", 1000)
            + Counter("lmcache:num_lookup_hits_total", 0)
            + Counter("lmcache:num_lookup_tokens_total", 0)
            + Gauge("lmcache:retrieve_hit_rate", 0.9);
        var after = Counter("lmcache:num_hit_tokens_total", 400)
            + Counter("lmcache:num_requested_tokens_total", 2000)
            + Counter("lmcache:num_lookup_hits_total", 30)
            + Counter("lmcache:num_lookup_tokens_total", 40)
            + Gauge("lmcache:retrieve_hit_rate", 0.1);

        var derived = Compute(
            Scrape(ScrapeKind.Before, 0, before), Scrape(ScrapeKind.After, 100, after)).Derived;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(derived.LmCacheHitTokens, Is.EqualTo(300));
            Assert.That(derived.LmCacheHitRate, Is.EqualTo(0.3));
            Assert.That(derived.LmCacheLookupHitRate, Is.EqualTo(0.75));
        }
    }

    [Test]
    public void Compute_BeforeScrapeFailed_WarnsAndCountsTheFailure()
    {
        var failed = new ScrapeRecord(
            Endpoint, "127.0.0.1:8000", ScrapeKind.Before, 0, Start, null, "connection refused");

        var metrics = Compute(
            failed,
            Scrape(ScrapeKind.Periodic, 50, Counter("a_total", 1)),
            Scrape(ScrapeKind.After, 100, Counter("a_total", 3)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.FailedScrapes, Is.EqualTo(1));
            Assert.That(metrics.Failures.Single().Reason, Is.EqualTo("connection refused"));
            Assert.That(metrics.Warnings.Single(), Does.Contain("before round").And.Contain("+50"));
            Assert.That(metrics.Counters.Single().Delta, Is.EqualTo(2));
        }
    }

    [Test]
    public void Compute_CacheConfigInfo_GivesBlockSizeAndPrefixCaching()
    {
        const string info = "# TYPE vllm:cache_config_info gauge\n"
            + "vllm:cache_config_info{block_size=\"32\",enable_prefix_caching=\"False\"} 1\n";

        var derived = Compute(
            Scrape(ScrapeKind.Before, 0, info), Scrape(ScrapeKind.After, 10, info)).Derived;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(derived.BlockSize, Is.EqualTo(32));
            Assert.That(derived.PrefixCachingEnabled, Is.False);
        }
    }

    private static RoundServerMetrics Compute(params ScrapeRecord[] records) =>
        RoundFigures.Compute(new RoundFigures.Input(
            "round", 0, Start, Ticks(records.Max(r => r.Timestamp) + 1), Start, records));

    private static ScrapeRecord Scrape(ScrapeKind kind, double ms, string text) =>
        new(Endpoint, "127.0.0.1:8000", kind, Ticks(ms), Start.AddMilliseconds(ms),
            PrometheusTextParser.Parse(text), null);

    private static long Ticks(double ms) => (long)(ms * Stopwatch.Frequency / 1000.0);

    private static string Counter(string name, double value) =>
        $"# TYPE {name} counter\n{name}{{engine=\"0\"}} {value}\n";

    private static string Gauge(string name, double value) =>
        $"# TYPE {name} gauge\n{name}{{engine=\"0\"}} {value}\n";

    private static string Histogram(
        string name,
        (double Le, double Count)[] buckets,
        double count,
        double sum)
    {
        var lines = buckets.Select(b => $"{name}_bucket{{le=\"{b.Le}\"}} {b.Count}")
            .Append($"{name}_bucket{{le=\"+Inf\"}} {count}")
            .Append($"{name}_count {count}")
            .Append($"{name}_sum {sum}");
        return $"# TYPE {name} histogram\n{string.Join('\n', lines)}\n";
    }
}
