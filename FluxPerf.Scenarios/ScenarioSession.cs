using FluxPerf.Configuration.Recipes;
using FluxPerf.Running;

namespace FluxPerf.Scenarios;

/// <summary>
/// Owns what the scenario cases share: one run folder for the whole test run, and the host of
/// the stage being run (its environment, launched server and embedded mock). A stage's host is
/// started by its first case and replaced when a case of another stage comes.
/// </summary>
[SetUpFixture]
public sealed class ScenarioSession
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "NUnit1032",
        Justification = "Static and shared by all cases; disposed in the one-time tear-down.")]
    private static BenchmarkRun? _run;
    private static StageHost? _host;

    internal static async Task<(BenchmarkRun Run, StageHost Host)> EnterAsync(
        RecipeStage stage,
        ScenarioSettings settings,
        CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            _run ??= BenchmarkRun.Create(
                new RunOptions { OutputDirectory = settings.OutputDirectory });
            if (_host?.Stage != stage)
            {
                await EndStageAsync();
                _host = await StageHost.StartAsync(stage, new EmbeddedMockFactory(), _run.Folder,
                    forceEmbedded: false, cancellationToken);
            }

            return (_run, _host);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the last stage's servers and closes the run.</summary>
    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        await EndStageAsync();
        _run?.Dispose();
        _run = null;
    }

    private static async Task EndStageAsync()
    {
        if (_host is not null)
        {
            await _run!.FinishStageAsync(_host.Config, CancellationToken.None); // run set with host
            await _host.DisposeAsync();
            _host = null;
        }
    }
}
