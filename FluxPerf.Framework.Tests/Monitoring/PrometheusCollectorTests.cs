using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FluxPerf.MockServer;
using FluxPerf.Monitoring;
using NUnit.Framework;
using Mock = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.Monitoring;

[TestFixture]
[CancelAfter(20_000)]
public sealed class PrometheusCollectorTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    // About 120 tokens: several 16-token blocks, so a repeat is a partial, block-aligned hit.
    private static readonly string Prompt = string.Join(' ', Enumerable.Range(0, 60)
        .Select(i => $"word{i}"));

    [Test]
    public async Task EndRound_RequestsInsideWindow_DeltasMatchTheirUsage(CancellationToken ct)
    {
        await using var mock = await Mock.StartAsync(new MockServerOptions(), ct);
        using var http = new HttpClient();
        await using var collector = Collector(new Uri(mock.BaseAddress, "metrics"), http);

        var window = await collector.BeginRoundAsync("round2", ct);
        var usages = new List<(int Prompt, int Cached)>();
        for (var i = 0; i < 3; i++)
        {
            usages.Add(await SendAsync(http, mock, ct));
        }

        var metrics = await collector.EndRoundAsync(window, ct);

        var derived = metrics.Derived;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.FailedScrapes, Is.Zero);
            Assert.That(metrics.Scrapes, Is.GreaterThanOrEqualTo(2));
            Assert.That(derived.PrefixCacheQueries, Is.EqualTo(usages.Sum(u => u.Prompt)));
            Assert.That(derived.PrefixCacheHits, Is.EqualTo(usages.Sum(u => u.Cached)));
            Assert.That(derived.PrefixCacheHits, Is.GreaterThan(0));
            Assert.That(derived.PromptTokensCached, Is.EqualTo(derived.PrefixCacheHits));
            Assert.That(derived.PrefixCacheHitRate,
                Is.EqualTo(derived.PrefixCacheHits / derived.PrefixCacheQueries));
            Assert.That(derived.Requests, Is.EqualTo(3));
            Assert.That(derived.TtftP50Ms, Is.GreaterThan(0));
            Assert.That(derived.BlockSize, Is.EqualTo(16));
            Assert.That(derived.PrefixCachingEnabled, Is.True);
            Assert.That(metrics.ServerRestarted, Is.False);
            Assert.That(metrics.Warnings, Is.Empty);
        }
    }

    [Test]
    public async Task EndRound_Samples_LieInsideTheWindow(CancellationToken ct)
    {
        await using var mock = await Mock.StartAsync(new MockServerOptions(), ct);
        using var http = new HttpClient();
        await using var collector = Collector(new Uri(mock.BaseAddress, "metrics"), http);

        var window = await collector.BeginRoundAsync("round1", ct);
        await SendAsync(http, mock, ct);
        await Task.Delay(TimeSpan.FromMilliseconds(120), ct);
        var metrics = await collector.EndRoundAsync(window, ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.Samples, Is.Not.Empty);
            Assert.That(metrics.Samples.Select(s => s.OffsetMs),
                Has.All.InRange(0.0, metrics.DurationMs));
            Assert.That(metrics.Samples.Select(s => s.TimestampUtc),
                Has.All.InRange(metrics.StartedAtUtc, metrics.EndedAtUtc));
            Assert.That(metrics.Samples.Select(s => s.Metric), Has.None.EndsWith("_created"));
            Assert.That(metrics.Gauges.Select(g => g.Metric),
                Does.Contain("vllm:num_requests_running"));
        }
    }

    [Test]
    public async Task EndRound_ClosedPort_CountsFailuresWithoutThrowing(CancellationToken ct)
    {
        var endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/metrics");
        await using var collector = Collector(endpoint, null);

        var window = await collector.BeginRoundAsync("down", ct);
        await Task.Delay(TimeSpan.FromMilliseconds(120), ct);
        var metrics = await collector.EndRoundAsync(window, ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.FailedScrapes, Is.GreaterThanOrEqualTo(2));
            Assert.That(metrics.Scrapes, Is.Zero);
            Assert.That(metrics.Failures.Select(f => f.Reason), Has.All.Not.Empty);
            Assert.That(metrics.Warnings.Single(), Does.Contain("no successful scrape"));
            Assert.That(metrics.Derived.PrefixCacheHitRate, Is.Null);
        }
    }

    [Test]
    public async Task ScrapeOnce_LiveAndClosed_GivesAllSeriesOrNull(CancellationToken ct)
    {
        await using var mock = await Mock.StartAsync(new MockServerOptions(), ct);
        await using var live = Collector(new Uri(mock.BaseAddress, "metrics"), null);
        await using var down = Collector(new Uri($"http://127.0.0.1:{ClosedPort()}/metrics"), null);

        var scrape = await live.ScrapeOnceAsync(null, ct);
        var missing = await down.ScrapeOnceAsync(null, ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scrape?.SamplesNamed("vllm:prefix_cache_queries_total"), Is.Not.Empty);
            Assert.That(scrape?.FindFamily("vllm:request_success_total"), Is.Not.Null);
            Assert.That(missing, Is.Null);
        }
    }

    [Test]
    public async Task EndRound_CalledTwice_Throws(CancellationToken ct)
    {
        await using var mock = await Mock.StartAsync(new MockServerOptions(), ct);
        await using var collector = Collector(new Uri(mock.BaseAddress, "metrics"), null);
        var window = await collector.BeginRoundAsync("once", ct);
        await collector.EndRoundAsync(window, ct);

        Assert.That(
            async () => await collector.EndRoundAsync(window, ct),
            Throws.InvalidOperationException);
    }

    private static PrometheusCollector Collector(Uri endpoint, HttpClient? http) =>
        new([endpoint], MetricSelector.Defaults, Interval, http, scrapeTimeout: Timeout);

    private static async Task<(int Prompt, int Cached)> SendAsync(
        HttpClient http,
        Mock mock,
        CancellationToken ct)
    {
        var body = new
        {
            model = "fluxperf-mock",
            messages = new[] { new { role = "user", content = Prompt } },
            max_tokens = 4,
        };
        using var response = await http.PostAsJsonAsync(mock.ChatCompletionsUri, body, ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var usage = json.RootElement.GetProperty("usage");
        var cached = usage.TryGetProperty("prompt_tokens_details", out var details)
            ? details.GetProperty("cached_tokens").GetInt32()
            : 0;
        return (usage.GetProperty("prompt_tokens").GetInt32(), cached);
    }

    private static int ClosedPort()
    {
        // Bind and release: the port was free a moment ago and nothing listens on it now.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
