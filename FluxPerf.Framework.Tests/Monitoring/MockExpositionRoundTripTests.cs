using System.Globalization;
using System.Text;
using FluxPerf.MockServer;
using FluxPerf.Monitoring;
using NUnit.Framework;
using Mock = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.Monitoring;

[TestFixture]
[CancelAfter(20_000)]
public sealed class MockExpositionRoundTripTests
{
    [Test]
    public async Task Parse_MockExposition_ReadsEverySampleAndSurvivesARoundTrip(
        CancellationToken ct)
    {
        await using var mock = await Mock.StartAsync(new MockServerOptions(), ct);
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(mock.BaseAddress, "metrics"), ct);

        var first = PrometheusTextParser.Parse(text);
        var second = PrometheusTextParser.Parse(Write(first));

        var sampleLines = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Warnings, Is.Empty);
            Assert.That(first.SampleCount, Is.EqualTo(sampleLines));
            Assert.That(Describe(second), Is.EqualTo(Describe(first)));
            Assert.That(first.FindFamily("vllm:time_to_first_token_seconds")?.Type,
                Is.EqualTo(MetricType.Histogram));
            Assert.That(first.FindFamily("vllm:prefix_cache_queries_total")?.Type,
                Is.EqualTo(MetricType.Counter));
            Assert.That(first.SamplesNamed("vllm:num_requests_running").Single()
                .GetLabel("model_name"), Is.EqualTo("fluxperf-mock"));
        }
    }

    private static string Write(ScrapeResult scrape)
    {
        var text = new StringBuilder();
        foreach (var family in scrape.Families)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"# TYPE {family.Name} {family.Type.ToString().ToLowerInvariant()}\n");
            foreach (var sample in family.Samples)
            {
                var labels = string.Join(',', sample.Labels.Select(l =>
                    $"{l.Name}=\"{l.Value.Replace("\\", "\\\\", StringComparison.Ordinal)
                        .Replace("\"", "\\\"", StringComparison.Ordinal)
                        .Replace("\n", "\\n", StringComparison.Ordinal)}\""));
                var value = sample.Value.ToString("R", CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"{sample.Name}{{{labels}}} {value}\n");
            }
        }

        return text.ToString();
    }

    private static string[] Describe(ScrapeResult scrape) =>
        [.. scrape.Families.SelectMany(f => f.Samples.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"{f.Name}|{f.Type}|{s.Name}|{string.Join(',', s.Labels)}|{s.Value:R}")))];
}
