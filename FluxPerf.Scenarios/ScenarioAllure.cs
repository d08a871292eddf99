using System.Globalization;
using FluxPerf.Client;
using FluxPerf.Configuration;
using FluxPerf.Metrics;
using FluxPerf.Reporting.Allure;
using FluxPerf.Running;

namespace FluxPerf.Scenarios;

/// <summary>
/// Writes each scenario case to <c>allure-results/</c>: its steps (round 1, resets, round 2,
/// analysis, one per SLO gate) with their own times, the tables, charts and records, and the
/// run-wide files (environment, categories, executor).
/// </summary>
internal static class ScenarioAllure
{
    private static readonly SemaphoreSlim RunFilesGate = new(1, 1);
    private static AllureResultsWriter? _writer;

    public static async Task<AllureResultsWriter> WriterAsync(
        ScenarioSettings settings,
        BenchmarkConfig config,
        CancellationToken ct)
    {
        await RunFilesGate.WaitAsync(ct);
        try
        {
            if (_writer is null)
            {
                _writer = new AllureResultsWriter(settings.AllureResultsDirectory);
                await _writer.WriteCategoriesAsync(ct);
                await _writer.WriteExecutorAsync(null, ct);
                await _writer.WriteEnvironmentAsync(Environment(config), ct);
            }

            return _writer;
        }
        finally
        {
            RunFilesGate.Release();
        }
    }

    public static async Task WriteLevelAsync(
        AllureResultsWriter writer,
        ScenarioCase scenario,
        BenchmarkRun run,
        StageHost host,
        LevelResult level,
        long startMs,
        CancellationToken ct)
    {
        var context = Context(scenario, run, host);
        var testCase = LevelReportBuilder.StartTestCase(writer, level, context);
        testCase.Start = startMs;
        AddTestLabels(testCase);
        AddRoundSteps(testCase, run, level);
        await LevelReportBuilder.AttachAsync(testCase, level, ct);
        AddGateSteps(testCase, level.Slo);

        var breaches = level.Slo?.Breaches.Select(g => g.Message).ToArray() ?? [];
        testCase.Finish(breaches.Length == 0 ? AllureStatus.Passed : AllureStatus.Failed,
            breaches.Length == 0 ? null : "SLO breached: " + string.Join("; ", breaches));
        await testCase.WriteAsync(ct);
        await writer.WriteMetricsAsync(
            LevelReportBuilder.Metrics(level, startMs, testCase.Stop ?? startMs), ct);
    }

    /// <summary>A case that could not produce results (an unreachable endpoint, a refused
    /// reset): <c>broken</c>, with the message.</summary>
    public static async Task WriteBrokenAsync(
        AllureResultsWriter writer,
        ScenarioCase scenario,
        long startMs,
        Exception error,
        CancellationToken ct)
    {
        var testCase = writer.StartTestCase(scenario.ToString(),
            $"fluxperf.{scenario.Recipe.Name}.{scenario.Stage.Name}");
        testCase.Start = startMs;
        testCase.SetLabel(AllureLabel.ParentSuite, scenario.Recipe.Name)
            .SetLabel(AllureLabel.Suite, scenario.Stage.Name)
            .SetLabel(AllureLabel.SubSuite, $"c={scenario.Concurrency}")
            .AddParameter("stage", scenario.Stage.Name)
            .AddParameter("concurrency",
                scenario.Concurrency.ToString(CultureInfo.InvariantCulture));
        AddTestLabels(testCase);
        testCase.Finish(AllureStatus.Broken, error.Message);
        await testCase.WriteAsync(ct);
    }

    private static LevelReportContext Context(
        ScenarioCase scenario,
        BenchmarkRun run,
        StageHost host) =>
        new()
        {
            Recipe = scenario.Recipe.Name,
            Mode = host.Config.Mode == BenchmarkMode.MultiTurn ? "multi_turn" : "dual_round",
            Endpoint = host.Config.Endpoint?.ToString() ?? "",
            Model = host.Config.Model ?? "(server default)",
            RunId = run.RunId,
            Seed = host.Config.Seed,
        };

    private static void AddTestLabels(AllureTestCase testCase)
    {
        var test = TestContext.CurrentContext.Test;
        testCase.SetLabel(AllureLabel.Host, System.Environment.MachineName)
            .SetLabel(AllureLabel.Thread, System.Environment.CurrentManagedThreadId
                .ToString(CultureInfo.InvariantCulture))
            .SetLabel(AllureLabel.Framework, "nunit")
            .SetLabel(AllureLabel.Language, "csharp")
            .SetLabel(AllureLabel.TestClass, test.ClassName ?? nameof(RecipeScenarios))
            .SetLabel(AllureLabel.TestMethod, test.MethodName ?? "Level");
    }

    private static void AddRoundSteps(AllureTestCase testCase, BenchmarkRun run, LevelResult level)
    {
        var origin = run.StartedAt.ToUnixTimeMilliseconds();
        foreach (var round in new[] { level.Round1, level.Round2 })
        {
            var records = level.Records.Where(r => r.Round == round.Round).ToArray();
            if (records.Length == 0)
            {
                continue;
            }

            var s = round.Statistics;
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{s.Succeeded} ok, {s.Failed} failed, TTFT p50 {s.TtftMs?.P50:0.0} ms");
            testCase.AddCompletedStep($"round {round.Round}: {records.Length} requests",
                s.Failed == 0 ? AllureStatus.Passed : AllureStatus.Broken,
                origin + (long)records.Min(r => r.SentAtMs),
                origin + (long)records.Max(r => r.DoneAtMs),
                s.Failed == 0 ? null : message);
        }
    }

    private static void AddGateSteps(AllureTestCase testCase, SloEvaluation? slo)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        testCase.AddCompletedStep("analysis", AllureStatus.Passed, now, now);
        foreach (var gate in slo?.Gates ?? [])
        {
            testCase.AddCompletedStep($"SLO {gate.Message}",
                gate.Passed ? AllureStatus.Passed : AllureStatus.Failed, now, now,
                gate.Passed ? null : $"SLO breached: {gate.Message}");
        }
    }

    private static Dictionary<string, string> Environment(BenchmarkConfig config) => new()
    {
        ["fluxperf.version"] = BenchmarkRun.Version,
        ["endpoint"] = LevelReportBuilder.PublicEndpoint(config.Endpoint?.ToString() ?? ""),
        ["model"] = config.Model ?? "(server default)",
        ["machine"] = $"{System.Environment.MachineName}, "
            + $"{System.Environment.ProcessorCount} cores, "
            + System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["dotnet"] = System.Environment.Version.ToString(),
        ["socket.completions"] = SocketCompletions.Mode,
        ["git.commit"] = System.Environment.GetEnvironmentVariable("GITHUB_SHA")
            ?? System.Environment.GetEnvironmentVariable("CI_COMMIT_SHA") ?? "unknown",
    };
}
