using FluxPerf.Reporting.Charts;
using FluxPerf.Running;

namespace FluxPerf.Tests.Reporting.Charts;

[TestFixture]
internal sealed class LevelChartsTests
{
    private static readonly (string Name, Func<LevelResult, byte[]> Render)[] _levelCharts =
    [
        ("ttft", LevelCharts.TtftDistribution),
        ("paired", LevelCharts.PairedTtft),
        ("turns", LevelCharts.TurnProfile),
        ("itl", LevelCharts.ItlDistribution),
        ("sweep", level => LevelCharts.ConcurrencySweep([level])),
    ];

    private static IEnumerable<TestCaseData> LevelChartCases() =>
        _levelCharts.Select(c => new TestCaseData(c.Render).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(LevelChartCases))]
    public void Chart_SyntheticLevel_RendersPng(Func<LevelResult, byte[]> render)
    {
        var level = SyntheticLevels.Level();

        var png = render(level);

        PngAssert.IsChart(png);
    }

    [TestCaseSource(nameof(LevelChartCases))]
    public void Chart_Round2WithoutSuccesses_RendersPng(Func<LevelResult, byte[]> render)
    {
        var level = SyntheticLevels.Level(round2Fails: true);

        var png = render(level);

        PngAssert.IsChart(png);
    }

    [TestCaseSource(nameof(LevelChartCases))]
    public void Chart_NoRequests_RendersNoDataInsteadOfThrowing(Func<LevelResult, byte[]> render)
    {
        var level = SyntheticLevels.Empty();

        var png = render(level);

        PngAssert.IsChart(png, minBytes: 5_000);
    }

    [Test]
    public void ConcurrencySweep_ThreeLevels_RendersPng()
    {
        var levels = new[] { 1, 4, 16 }
            .Select(c => SyntheticLevels.Level(concurrency: c, seed: c))
            .ToList();

        var png = LevelCharts.ConcurrencySweep(levels);

        PngAssert.IsChart(png);
    }

    [Test]
    public void ConcurrencySweep_NoLevels_RendersNoData()
    {
        var png = LevelCharts.ConcurrencySweep([]);

        PngAssert.IsChart(png, minBytes: 5_000);
    }

    [Test]
    public void NoDataChart_DiffersFromChartWithData()
    {
        var empty = LevelCharts.TtftDistribution(SyntheticLevels.Empty("warm", 4));
        var full = LevelCharts.TtftDistribution(SyntheticLevels.Level());

        Assert.That(empty, Is.Not.EqualTo(full));
    }
}
