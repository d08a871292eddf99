using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerMetricsTests
{
    private const string Labels = "{engine=\"0\",model_name=\"fluxperf-mock\"}";

    [TestCase("vllm:num_requests_running", "gauge")]
    [TestCase("vllm:num_requests_waiting", "gauge")]
    [TestCase("vllm:kv_cache_usage_perc", "gauge")]
    [TestCase("vllm:prefix_cache_queries_total", "counter")]
    [TestCase("vllm:prefix_cache_hits_total", "counter")]
    [TestCase("vllm:prompt_tokens_total", "counter")]
    [TestCase("vllm:generation_tokens_total", "counter")]
    [TestCase("vllm:time_to_first_token_seconds", "histogram")]
    [TestCase("vllm:e2e_request_latency_seconds", "histogram")]
    [TestCase("vllm:cache_config_info", "gauge")]
    public async Task Metrics_Exposition_DeclaresVllmNameWithHelpAndType(string name, string type)
    {
        await using var server = await MockHttpServers.StartAsync();
        using var client = MockHttp.Client(server);

        var text = await MockHttp.GetStringAsync(client, "metrics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain($"# HELP {name} "));
            Assert.That(text, Does.Contain($"# TYPE {name} {type}\n"));
        }
    }

    [Test]
    public async Task Metrics_AfterColdAndWarmRequest_CountersGrowByTokens()
    {
        await using var server = await MockHttpServers.StartAsync();
        using var client = MockHttp.Client(server);
        var body = MockHttp.CompletionTokens(45, maxTokens: 3);
        var before = await MockHttp.GetStringAsync(client, "metrics");

        await MockHttp.PostAsync(client, "v1/completions", body);
        await MockHttp.PostAsync(client, "v1/completions", body);
        var after = await MockHttp.GetStringAsync(client, "metrics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Delta("vllm:prefix_cache_queries_total"), Is.EqualTo(90));
            Assert.That(Delta("vllm:prefix_cache_hits_total"), Is.EqualTo(32));
            Assert.That(Delta("vllm:prompt_tokens_total"), Is.EqualTo(90));
            Assert.That(Delta("vllm:generation_tokens_total"), Is.EqualTo(6));
            Assert.That(Value(after, "vllm:time_to_first_token_seconds_count"), Is.EqualTo(2));
            Assert.That(Value(after, "vllm:e2e_request_latency_seconds_count"), Is.EqualTo(2));
        }

        double Delta(string name) => Value(after, name) - Value(before, name);
    }

    [Test]
    public async Task Metrics_WhileRequestRuns_ReportsItRunningAndCacheConfig()
    {
        await using var server = await MockHttpServers.StartAsync(o =>
        {
            o.ItlMs = 50;
            o.BlockSize = 32;
        });
        using var client = MockHttp.Client(server);
        var running = MockHttp.PostAsync(client, "v1/completions",
            MockHttp.CompletionTokens(64, maxTokens: 10), "busy");
        await MockServerCacheTests.WaitUntilAsync(() => server.Journal.TryGet("busy", out var t)
            && t.TokenEventTimestamps.Count > 0);

        var text = await MockHttp.GetStringAsync(client, "metrics");
        await running;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Value(text, "vllm:num_requests_running"), Is.EqualTo(1));
            Assert.That(Value(text, "vllm:kv_cache_usage_perc"), Is.GreaterThan(0));
            Assert.That(text, Does.Match(
                "vllm:cache_config_info\\{block_size=\"32\",[^}]*enable_prefix_caching=\"True\""));
        }
    }

    private static double Value(string exposition, string name)
    {
        var match = Regex.Match(exposition,
            "^" + Regex.Escape(name + Labels) + " (\\S+)$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"no sample {name}{Labels}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
