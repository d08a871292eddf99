using Microsoft.Extensions.Logging;

namespace FluxPerf.Running;

/// <summary>Settings of a whole run (one run folder), shared by all its stages.</summary>
public sealed record RunOptions
{
    /// <summary>
    /// Folder in which the run folder is created. Default <c>benchmark_results</c>.
    /// </summary>
    public string OutputDirectory { get; init; } =
        Configuration.BenchmarkConfig.DefaultOutputDirectory;

    /// <summary>
    /// Name of the run folder; default a UTC timestamp such as <c>20261203-171500</c>.
    /// </summary>
    public string? RunId { get; init; }

    /// <summary>How long requests in flight may finish after cancellation. Default 5 s.</summary>
    public TimeSpan CancelGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Logger for the run's lifecycle; default none.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Clock for wall-clock stamps in reports (never for intervals).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Reporters that receive the results after every level; default the file reporters.
    /// </summary>
    public IReadOnlyList<Reporting.IReporter>? Reporters { get; init; }
}
