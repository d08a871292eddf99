namespace FluxPerf.Configuration.Recipes;

/// <summary>
/// A server a stage starts before it runs and stops after it (for A/B tests of server
/// settings): the stage's <c>env</c> is merged into its environment.
/// </summary>
public sealed record ServerLaunch
{
    /// <summary>Program to start.</summary>
    public required string Command { get; init; }

    /// <summary>Its arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Working folder; default the recipe's folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>URL polled until it answers 2xx; the stage starts then.</summary>
    public required Uri ReadyUrl { get; init; }

    /// <summary>How long to wait for <see cref="ReadyUrl"/>. Default 120 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long a graceful stop may take before the process is killed. Default 10 s.
    /// </summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
