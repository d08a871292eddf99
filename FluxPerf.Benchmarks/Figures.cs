using FluxPerf.Metrics;

namespace FluxPerf.Benchmarks;

/// <summary>p50, p99, min and max of a set of signed differences, in ms.</summary>
internal sealed record ErrorFigures(int Count, double P50, double P99, double Min, double Max)
{
    public static ErrorFigures? Of(List<double> values) =>
        Distribution.Of(values) is { } d ? new ErrorFigures(d.Count, d.P50, d.P99, d.Min, d.Max)
            : null;
}

/// <summary>What one streaming level cost the client and how far its clock readings were from
/// the mock's.</summary>
internal sealed record LevelFigures
{
    public required int Concurrency { get; init; }

    /// <summary>The mock's gap between events for this level.</summary>
    public required double ItlMs { get; init; }

    public required int Requests { get; init; }

    public required int Succeeded { get; init; }

    public required long Tokens { get; init; }

    public required double WallS { get; init; }

    public required double TokensPerSecond { get; init; }

    public required double ClientCpuS { get; init; }

    /// <summary>Idle CPU of this process over the same wall time, subtracted from the above.
    /// </summary>
    public required double IdleCpuS { get; init; }

    public required double ClientCpuUsPerToken { get; init; }

    /// <summary>Client CPU per token without the idle subtraction: an upper bound.</summary>
    public required double ClientGrossCpuUsPerToken { get; init; }

    public required double ClientCpuCores { get; init; }

    /// <summary>The kernel's part of the gross figure (system time): socket reads, epoll,
    /// loopback TCP, wake-ups.</summary>
    public required double ClientKernelCpuUsPerToken { get; init; }

    /// <summary>Garbage collections during the level (all generations) and the time they
    /// paused the process: a pause delays every stream's next timestamp.</summary>
    public required int GcCollections { get; init; }

    public required double GcPauseMs { get; init; }

    public required double AllocatedBytesPerToken { get; init; }

    public required double AllocatedBytesPerRequest { get; init; }

    public required double PeakWorkingSetMb { get; init; }

    public required double WorkingSetKbPerInFlight { get; init; }

    public required double MockCpuS { get; init; }

    public required double MockCpuUsPerToken { get; init; }

    public required double MockCpuCores { get; init; }

    public required int TracesCompared { get; init; }

    public required int TracesMismatched { get; init; }

    /// <summary>Client first-token arrival minus the mock's first-token flush.</summary>
    public ErrorFigures? TtftErrorMs { get; init; }

    /// <summary>Client ITL minus the mock's gap between the same two events.</summary>
    public ErrorFigures? ItlErrorMs { get; init; }

    /// <summary>TTFT error where the mock wrote the first token on time.</summary>
    public ErrorFigures? OnScheduleTtftErrorMs { get; init; }

    /// <summary>ITL error of events the mock wrote on schedule.</summary>
    public ErrorFigures? OnScheduleItlErrorMs { get; init; }

    /// <summary>The mock's own gaps between events: the schedule it kept.</summary>
    public ErrorFigures? MockItlMs { get; init; }

    /// <summary>Share of the mock's gaps within 1 ms of the configured ITL.</summary>
    public double MockOnScheduleFraction { get; init; }

    public required double[] LoadAverage { get; init; }
}

/// <summary>The same streams read by bare sockets: the machine's floor under the client.
/// </summary>
internal sealed record FloorFigures
{
    public required int Concurrency { get; init; }

    public required int Streams { get; init; }

    public required double TokensPerSecond { get; init; }

    public required double CpuUsPerToken { get; init; }

    public required double KernelCpuUsPerToken { get; init; }

    public required double MockCpuUsPerToken { get; init; }

    public required double[] LoadAverage { get; init; }
}

/// <summary>The highest request rate one process drives when the server answers at once.
/// </summary>
internal sealed record OverheadFigures(
    int Concurrency,
    int Requests,
    int Succeeded,
    double WallS,
    double RequestsPerSecond,
    double ClientCpuUsPerRequest,
    double AllocatedBytesPerRequest,
    double MockCpuUsPerRequest,
    double[] LoadAverage);

/// <summary>Cost of analysing and writing a large round set.</summary>
internal sealed record AnalysisFigures
{
    public required int Records { get; init; }

    public required int ItlGapsPerRecord { get; init; }

    public required double GenerateS { get; init; }

    public required double AnalyzeS { get; init; }

    public required double CompareS { get; init; }

    public required double WriteResultsS { get; init; }

    public required double WriteJsonlS { get; init; }

    /// <summary>requests.jsonl per record in µs. A run pays it as each request finishes, one
    /// line at a time, not in one block after the run.</summary>
    public required double JsonlUsPerRecord { get; init; }

    /// <summary>Analyze + compare + results.json and summary.csv: the work done after a run,
    /// the figure held to the 10 s target.</summary>
    public required double AnalysedS { get; init; }

    /// <summary>Everything timed, requests.jsonl included.</summary>
    public required double TotalS { get; init; }

    public required double PeakWorkingSetMb { get; init; }

    public required double HeapAfterGenerateMb { get; init; }

    public required double[] LoadAverage { get; init; }
}
