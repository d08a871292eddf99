using FluxPerf.Metrics;

namespace FluxPerf.Configuration.Recipes;

/// <summary>One stage of a recipe: its settings, environment and target.</summary>
public sealed record RecipeStage
{
    /// <summary>The stage's benchmark settings (global values overridden by the stage's).</summary>
    public required BenchmarkConfig Config { get; init; }

    /// <summary>Environment variables set for the duration of the stage.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } =
        new Dictionary<string, string>();

    /// <summary>A server started for the stage, if any.</summary>
    public ServerLaunch? Server { get; init; }

    /// <summary>
    /// Options of the embedded mock when the stage runs against it (snake_case names such as
    /// <c>prefill_ms_per_token</c>); <c>null</c> when the stage targets a real endpoint.
    /// </summary>
    public IReadOnlyDictionary<string, string>? MockServer { get; init; }

    /// <summary>The stage's SLO file, loaded; <c>null</c> when it has none.</summary>
    public SloSpec? Slo { get; init; }

    /// <summary>True when the stage runs against the embedded mock.</summary>
    public bool UsesEmbeddedMock => MockServer is not null;

    /// <summary>Stage name.</summary>
    public string Name => Config.StageName;
}
