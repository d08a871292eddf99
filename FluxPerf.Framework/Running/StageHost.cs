using FluxPerf.Configuration;
using FluxPerf.Configuration.Recipes;
using FluxPerf.Reporting;

namespace FluxPerf.Running;

/// <summary>
/// Everything a recipe stage needs around it while it runs: its environment variables, the
/// server it launches, and the embedded mock it targets. Disposing undoes all of it in reverse.
/// </summary>
public sealed class StageHost : IAsyncDisposable
{
    private readonly EnvironmentScope _environment;
    private ServerProcess? _server;
    private IEmbeddedServer? _embedded;

    private StageHost(RecipeStage stage, EnvironmentScope environment)
    {
        Stage = stage;
        Config = stage.Config;
        _environment = environment;
    }

    /// <summary>The stage.</summary>
    public RecipeStage Stage { get; }

    /// <summary>The stage's configuration, pointed at the embedded mock when it uses one.</summary>
    public BenchmarkConfig Config { get; private set; }

    /// <summary>The embedded server's address, when the stage uses one.</summary>
    public Uri? EmbeddedAddress => _embedded?.BaseAddress;

    /// <summary>
    /// Applies the stage's environment, starts its server and embedded mock (in that order, so
    /// both see the environment), and returns the configuration to run.
    /// </summary>
    /// <param name="stage">The stage.</param>
    /// <param name="embedded">Starts the mock; required when the stage uses it.</param>
    /// <param name="logFolder">Where a launched server's output is kept.</param>
    /// <param name="forceEmbedded">Targets the mock even when the stage names an endpoint.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StageHost> StartAsync(
        RecipeStage stage,
        IEmbeddedServerFactory? embedded,
        string logFolder,
        bool forceEmbedded,
        CancellationToken cancellationToken)
    {
        var host = new StageHost(stage, new EnvironmentScope(stage.Environment));
        try
        {
            await host.StartServersAsync(embedded, logFolder, forceEmbedded, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task StartServersAsync(
        IEmbeddedServerFactory? embedded,
        string logFolder,
        bool forceEmbedded,
        CancellationToken ct)
    {
        if (Stage.Server is { } launch)
        {
            var log = Path.Combine(logFolder, $"server-{FileNames.Slug(Stage.Name)}.log");
            _server = await ServerProcess.StartAsync(launch, Stage.Environment, log, ct);
        }

        var wantsMock = forceEmbedded || Stage.UsesEmbeddedMock || Config.Endpoint is null;
        if (!wantsMock)
        {
            return;
        }

        if (embedded is null)
        {
            throw new ConfigurationException($"stage \"{Stage.Name}\" runs against the embedded "
                + "mock, but this host cannot start one; give the stage an endpoint");
        }

        var settings = Stage.MockServer ?? new Dictionary<string, string>();
        _embedded = await embedded.StartAsync(settings, ct);
        Config = Config.WithEmbeddedTarget(_embedded.BaseAddress);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _environment.Dispose();
    }
}
