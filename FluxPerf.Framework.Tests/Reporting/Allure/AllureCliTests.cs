using System.Text.Json;
using FluxPerf.Reporting.Allure;
using FluxPerf.Tests.Reporting.Charts;

namespace FluxPerf.Tests.Reporting.Allure;

/// <summary>
/// Feeds what the writer produces to the real Allure 3 generator, when one is installed
/// (<c>npm install --prefix /tmp/allure-cli allure</c>, then ALLURE_CLI=/tmp/allure-cli/
/// node_modules/.bin/allure); ignored otherwise.
/// </summary>
[TestFixture]
internal sealed class AllureCliTests
{
    private ResultsFolder _folder = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _folder = new ResultsFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [CancelAfter(120_000)]
    public async Task Generate_WriterResults_Allure3BuildsReportWithoutComplaint(
        CancellationToken cancellationToken)
    {
        var cli = await RequireAllure3Async(cancellationToken);
        await WriteRunAsync(cancellationToken);
        var root = Path.GetDirectoryName(_folder.Path)!; // ResultsFolder nests it in a temp root
        var report = Path.Combine(root, "allure-report");

        var (exitCode, output) = await cli.RunAsync(root, cancellationToken, "generate",
            _folder.Path, "-o", report, "--config",
            Path.Combine(_folder.Path, AllureResultsWriter.Allure3ConfigFileName));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Not.Contain("error parsing").IgnoreCase, output);
            Assert.That(output, Does.Not.Contain("invalid").IgnoreCase, output);
            Assert.That(File.Exists(Path.Combine(report, "index.html")), Is.True);
        }

        // What the report shows: both levels, the SLO failure in FluxPerf's category (read from
        // allurerc.json) and the metric samples of the perf file.
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(report, "summary.json"), cancellationToken));
        var widgets = string.Concat(Directory.EnumerateFiles(report, "*.json",
            SearchOption.AllDirectories).Select(File.ReadAllText));
        using (Assert.EnterMultipleScope())
        {
            var stats = summary.RootElement.GetProperty("stats");
            Assert.That(stats.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(stats.GetProperty("failed").GetInt32(), Is.EqualTo(1));
            Assert.That(widgets, Does.Contain("\"SLO breaches\""));
            Assert.That(widgets, Does.Contain("warm.c1.round2.ttft_p95_ms"));
        }
    }

    private static async Task<AllureCli> RequireAllure3Async(CancellationToken cancellationToken)
    {
        var cli = AllureCli.Find();
        if (cli is null)
        {
            Assert.Ignore($"no Allure 3 CLI: set {AllureCli.Variable} to the allure executable " +
                "(npm install --prefix /tmp/allure-cli allure) or put allure on PATH");
        }

        var (exitCode, version) = await cli.RunAsync(Path.GetTempPath(), cancellationToken,
            "--version");
        if (exitCode != 0 || !version.Trim().StartsWith("3.", StringComparison.Ordinal))
        {
            Assert.Ignore($"{cli.Path} answered \"{version.Trim()}\" to --version; this test " +
                "needs Allure 3 (npm package allure), not allure-commandline 2");
        }

        return cli;
    }

    private async Task WriteRunAsync(CancellationToken cancellationToken)
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var context = new LevelReportContext
        {
            Recipe = "cli-check", Mode = "multi_turn", Endpoint = "http://127.0.0.1:8000/v1",
            Model = "mock", RunId = "run-1", Seed = 1,
        };
        var container = writer.StartContainer("warm");
        var metrics = new List<AllureMetric>();
        foreach (var (concurrency, fails) in new[] { (1, false), (4, true) })
        {
            var level = SyntheticLevels.Level(concurrency: concurrency, round2Fails: fails);
            var test = LevelReportBuilder.StartTestCase(writer, level, context);
            await LevelReportBuilder.AttachAsync(test, level, cancellationToken);
            test.Finish(fails ? AllureStatus.Failed : AllureStatus.Passed,
                fails ? "SLO breached: round 2 error_rate 1 > 0.01" : null);
            await test.WriteAsync(cancellationToken);
            container.AddChild(test);
            metrics.AddRange(LevelReportBuilder.Metrics(level, test.Start, test.Stop!.Value));
        }

        using (container.StartBefore("reset caches"))
        {
        }

        await writer.WriteContainerAsync(container, cancellationToken);
        await writer.WriteMetricsAsync(metrics, cancellationToken);
        await writer.WriteCategoriesAsync(cancellationToken);
        await writer.WriteEnvironmentAsync(
            new Dictionary<string, string> { ["model"] = "mock" }, cancellationToken);
        await writer.WriteExecutorAsync(
            new AllureExecutor("CI", "ci", "check #1", null, 1), cancellationToken);
    }
}
