namespace FluxPerf.Metrics;

/// <summary>
/// An SLO file: per-request goodput criteria (<c>constraints</c>) and the gates that decide
/// whether a level passes.
/// </summary>
/// <param name="Path">The file it came from.</param>
/// <param name="Criteria">Goodput criteria.</param>
/// <param name="Gates">Pass/fail thresholds.</param>
public sealed record SloSpec(string Path, GoodputCriteria Criteria, IReadOnlyList<Gate> Gates);

/// <summary>Which round a gate looks at.</summary>
public enum GateRound
{
    /// <summary>Round 1 (cold).</summary>
    Round1,

    /// <summary>Round 2 (warm).</summary>
    Round2,

    /// <summary>Both rounds must hold.</summary>
    Both,
}

/// <summary>
/// One threshold: <c>metric</c> (with <c>stat</c>) of a round against max and/or min.
/// </summary>
/// <param name="Metric">Metric name, e.g. <c>ttft_ms</c> or <c>error_rate</c>.</param>
/// <param name="Stat">Statistic for distributions (<c>p95</c>), else <c>null</c>.</param>
/// <param name="Round">Which round.</param>
/// <param name="Max">Highest allowed value.</param>
/// <param name="Min">Lowest allowed value.</param>
/// <param name="Where">Where it was written (<c>file:line</c>), for messages.</param>
public sealed record Gate(
    string Metric,
    string? Stat,
    GateRound Round,
    double? Max,
    double? Min,
    string Where)
{
    /// <summary>A short name such as <c>ttft_ms p95 (round 2)</c>.</summary>
    public string Describe(int? round) => $"{Metric}{(Stat is null ? "" : " " + Stat)}"
        + (round is { } r ? $" (round {r})" : "");
}
