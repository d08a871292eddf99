using FluxPerf.Monitoring;
using NUnit.Framework;

namespace FluxPerf.Tests.Monitoring;

[TestFixture]
public sealed class MetricSelectorTests
{
    private const string Exposition = """
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{engine="0"} 1
        vllm:num_requests_running{engine="1"} 2
        # TYPE vllm:prefix_cache_hits counter
        vllm:prefix_cache_hits_total{engine="0"} 5
        vllm:prefix_cache_hits_created{engine="0"} 1.7e9
        # TYPE vllm:time_to_first_token_seconds histogram
        vllm:time_to_first_token_seconds_bucket{le="+Inf"} 3
        vllm:time_to_first_token_seconds_sum 0.3
        vllm:time_to_first_token_seconds_count 3
        vllm:time_to_first_token_seconds_created 1.7e9
        python_gc_objects_collected_total{generation="0"} 551
        lmcache:num_hit_tokens_total 10
        sglang:cache_hit_rate 0.5
        """;

    private static ScrapeResult Scrape => PrometheusTextParser.Parse(Exposition);

    private static string[] Kept(MetricSelector selector) =>
        [.. selector.Filter(Scrape).Families.SelectMany(f => f.Samples)
            .Select(s => $"{s.Name}{{{s.FormatLabels()}}}")];

    [Test]
    public void Filter_ExactName_KeepsOnlyThatSeries()
    {
        var kept = Kept(new MetricSelector(["vllm:num_requests_running"]));

        Assert.That(kept, Is.EqualTo(new[]
        {
            "vllm:num_requests_running{engine=\"0\"}",
            "vllm:num_requests_running{engine=\"1\"}",
        }));
    }

    [Test]
    public void Filter_FamilyName_KeepsHistogramPartsButNotCreated()
    {
        var kept = Kept(new MetricSelector(["vllm:time_to_first_token_seconds"]));

        Assert.That(kept, Has.Length.EqualTo(3).And.None.Contains("_created"));
    }

    [Test]
    public void Filter_Glob_MatchesAcrossColons()
    {
        var kept = Kept(new MetricSelector(["*cache_hit*"]));

        Assert.That(kept, Is.EqualTo(new[]
        {
            "vllm:prefix_cache_hits_total{engine=\"0\"}",
            "sglang:cache_hit_rate{}",
        }));
    }

    [Test]
    public void Filter_LabelMatchers_SelectAndExclude()
    {
        var equal = Kept(new MetricSelector(["vllm:num_requests_running{engine=\"1\"}"]));
        var notEqual = Kept(new MetricSelector(["vllm:num_*{engine!=\"1\"}"]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(equal, Is.EqualTo(new[] { "vllm:num_requests_running{engine=\"1\"}" }));
            Assert.That(notEqual, Is.EqualTo(new[] { "vllm:num_requests_running{engine=\"0\"}" }));
        }
    }

    [Test]
    public void Defaults_OnVllmFixture_KeepServingMetricsAndDropProcessMetrics()
    {
        var path = Path.Combine(
            TestContext.CurrentContext.TestDirectory, "Fixtures", "metrics_vllm.txt");
        var scrape = PrometheusTextParser.Parse(File.ReadAllText(path));

        var names = MetricSelector.Defaults.Filter(scrape).Families.SelectMany(f => f.Samples)
            .Select(s => s.Name).Distinct().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Does.Contain("vllm:prefix_cache_queries_total"));
            Assert.That(names, Does.Contain("vllm:external_prefix_cache_hits_total"));
            Assert.That(names, Does.Contain("vllm:kv_cache_usage_perc"));
            Assert.That(names, Does.Contain("vllm:time_to_first_token_seconds_bucket"));
            Assert.That(names, Does.Contain("vllm:cache_config_info"));
            Assert.That(names, Has.None.StartsWith("python_"));
            Assert.That(names, Has.None.EndsWith("_created"));
        }
    }

    [Test]
    public void Constructor_MalformedPatterns_ListsEveryOne()
    {
        var error = Assert.Throws<ArgumentException>(
            () => _ = new MetricSelector(["ok", "bad name", "x{a=1}", "y{a=\"1\""]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("\"bad name\""));
            Assert.That(error.Message, Does.Contain("\"x{a=1}\""));
            Assert.That(error.Message, Does.Contain("\"y{a=\"1\"\""));
        }
    }
}
