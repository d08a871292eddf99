namespace FluxPerf.Benchmarks;

/// <summary>Everything one harness run measured, as written to benchmarks/results/.</summary>
internal sealed record BenchmarkReport
{
    public required DateTimeOffset Date { get; init; }

    public required string Command { get; init; }

    public required MachineInfo Machine { get; init; }

    public required int TokensPerRequest { get; init; }

    public required double MockBaseTtftMs { get; init; }

    public required double MockItlMs { get; init; }

    /// <summary>This process's CPU while idle, in CPU seconds per second (timers, sampler, GC).
    /// </summary>
    public required double IdleCpuPerSecond { get; init; }

    public required IReadOnlyList<LevelFigures> Levels { get; init; }

    /// <summary>The same streams read by bare sockets, per level (no idle subtraction: compare
    /// with the client's gross figure).</summary>
    public IReadOnlyList<FloorFigures> SocketFloor { get; init; } = [];

    public OverheadFigures? Overhead { get; init; }

    public AnalysisFigures? Analysis { get; init; }

    public required double[] LoadAverageAtStart { get; init; }

    public required double[] LoadAverageAtEnd { get; init; }

    public required double DurationS { get; init; }
}
