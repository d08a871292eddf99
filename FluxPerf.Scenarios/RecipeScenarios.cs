using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Scenarios;

/// <summary>
/// Each case runs one concurrency level of a recipe stage: round 1, the configured resets and
/// round 2 through the engine; prints the comparison, attaches the run's files and asserts every
/// SLO gate in one scope so the failure lists each breach with its value and threshold.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RecipeScenarios
{
    /// <summary>Runs one level of a stage and asserts its gates.</summary>
    [TestCaseSource(typeof(RecipeCases), nameof(RecipeCases.All))]
    [CancelAfter(30 * 60 * 1000)]
    public async Task Level(ScenarioCase? scenario, CancellationToken cancellationToken)
    {
        if (scenario is null)
        {
            Assert.Fail(TestContext.CurrentContext.Test.Properties.Get("Error") as string
                ?? "the recipe could not be read");
            return;
        }

        var settings = ScenarioSettings.FromTestContext();
        var (run, host) = await ScenarioSession.EnterAsync(
            scenario.Stage, settings, cancellationToken);
        var allure = await ScenarioAllure.WriterAsync(settings, host.Config, cancellationToken);
        var startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        LevelResult level;
        try
        {
            level = await run.RunLevelAsync(host.Config, scenario.LevelIndex, scenario.Stage.Slo,
                new TestProgress(), cancellationToken);
        }
        catch (BenchmarkException e)
        {
            await ScenarioAllure.WriteBrokenAsync(allure, scenario, startMs, e, cancellationToken);
            Assert.Fail($"{scenario}: {e.Message}");
            return;
        }

        await ScenarioAllure.WriteLevelAsync(allure, scenario, run, host, level, startMs,
            cancellationToken);

        var table = ConsoleSummary.Render(level);
        await TestContext.Out.WriteLineAsync(table);
        await LevelAttachments.AttachAsync(run, level, table, cancellationToken);
        AssertGates(level);
    }

    private static void AssertGates(LevelResult level)
    {
        if (level.Slo is not { } slo)
        {
            Assert.That(level.Round1.Statistics.Succeeded + level.Round2.Statistics.Succeeded,
                Is.GreaterThan(0), "no request succeeded in either round");
            return;
        }

        using (Assert.EnterMultipleScope())
        {
            foreach (var gate in slo.Gates)
            {
                Assert.That(gate.Passed, Is.True, gate.Message);
            }
        }
    }

    private sealed class TestProgress : IProgress<RoundProgress>
    {
        public void Report(RoundProgress p) => TestContext.Progress.WriteLine(
            $"{p.Stage} c={p.Concurrency} round {p.Round}: {p.Done}/{p.Total} done, "
            + $"{p.Errors} errors, {p.InFlight} in flight"
            + (p.TtftP50Ms is { } t ? $", TTFT p50 {t:0.0} ms" : ""));
    }
}
