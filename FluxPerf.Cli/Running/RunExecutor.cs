using FluxPerf.Configuration.Recipes;
using FluxPerf.Reporting;
using FluxPerf.Running;
using Microsoft.Extensions.Logging;

namespace FluxPerf.Cli.Running;

/// <summary>
/// Runs a plan's stages in order into one run folder, each inside its <see cref="StageHost"/>,
/// printing each level's table as it finishes and a verdict at the end.
/// </summary>
internal sealed class RunExecutor(ILoggerFactory loggers, IProgressDisplay display)
{
    private readonly ILogger _logger = loggers.CreateLogger("FluxPerf.Cli");

    /// <summary>
    /// Runs the plan; returns the exit code (0 ok, 1 failed or breached, 130 cancelled).
    /// </summary>
    public async Task<int> RunAsync(RunPlan plan, CancellationToken ct)
    {
        foreach (var warning in plan.Warnings)
        {
            CliLog.RecipeWarning(_logger, warning);
        }

        using var run = BenchmarkRun.Create(new RunOptions
        {
            OutputDirectory = plan.OutputDirectory,
            Logger = loggers.CreateLogger("FluxPerf"),
        });
        var levels = new List<LevelResult>();
        try
        {
            foreach (var stage in plan.Stages)
            {
                await RunStageAsync(run, stage, plan.ForceEmbedded, levels, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            display.Write($"Cancelled. Finished requests are recorded in {run.Folder}\n");
            return ExitCodes.Cancelled;
        }

        return Verdict(run.Folder, levels);
    }

    private async Task RunStageAsync(
        BenchmarkRun run,
        RecipeStage stage,
        bool forceEmbedded,
        List<LevelResult> levels,
        CancellationToken ct)
    {
        await using var host = await StageHost.StartAsync(
            stage, new EmbeddedMockFactory(), run.Folder, forceEmbedded, ct);
        var config = host.Config;
        for (var i = 0; i < config.ConcurrencyLevels.Count; i++)
        {
            var index = i;
            var level = await display.ShowAsync(
                progress => run.RunLevelAsync(config, index, stage.Slo, progress, ct));
            levels.Add(level);
            display.Write(ConsoleSummary.Render(level) + "\n");
        }

        await run.FinishStageAsync(config, ct);
    }

    private int Verdict(string folder, List<LevelResult> levels)
    {
        var failures = RunVerdict.Failures(levels);
        display.Write($"Results: {folder}\n");
        foreach (var failure in failures)
        {
            display.Write(failure + "\n");
        }

        if (failures.Count == 0)
        {
            display.Write(levels.Any(l => l.Slo is not null)
                ? "Every SLO gate held.\n"
                : "Done (no SLO file, so no gates were judged).\n");
            return ExitCodes.Ok;
        }

        return ExitCodes.Failed;
    }
}
