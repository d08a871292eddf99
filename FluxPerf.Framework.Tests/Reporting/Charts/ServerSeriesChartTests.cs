using FluxPerf.Reporting.Charts;

namespace FluxPerf.Tests.Reporting.Charts;

[TestFixture]
internal sealed class ServerSeriesChartTests
{
    [Test]
    public void Render_TwoSeriesWithMarkers_RendersPng()
    {
        var points = Enumerable.Range(0, 120)
            .SelectMany(i => new[]
            {
                new SeriesPoint(i * 0.5, "vllm:num_requests_running", i % 40 < 20 ? 8 : 0),
                new SeriesPoint(i * 0.5, "vllm:gpu_cache_usage_perc", (i % 40) / 40.0),
            })
            .ToList();
        TimeMarker[] rounds = [new(0, "round 1"), new(30, "round 2"), new(60, "end")];
        TimeMarker[] resets = [new(29, "reset"), new(59.5, "reset")];

        var png = ServerSeriesChart.Render("Server during warm c=8", "value (count or fraction)",
            points, rounds, resets);

        PngAssert.IsChart(png);
    }

    [Test]
    public void Render_NoPoints_RendersNoDataInsteadOfThrowing()
    {
        var png = ServerSeriesChart.Render("Server during warm c=8", "requests", [],
            [new(0, "round 1")], []);

        PngAssert.IsChart(png, minBytes: 5_000);
    }

    [Test]
    public void Render_NonFinitePoints_AreLeftOut()
    {
        SeriesPoint[] points = [new(0, "a", double.NaN), new(1, "a", 2), new(2, "a", 3)];

        var png = ServerSeriesChart.Render("t", "v", points, [], []);

        PngAssert.IsChart(png);
    }
}
