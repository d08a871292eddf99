namespace FluxPerf.Metrics;

/// <summary>The metrics a gate can name, and how each is read from a level's results.</summary>
public static class GateCatalog
{
    /// <summary>Per-round distributions; a gate on one of these needs a <c>stat</c>.</summary>
    public static readonly IReadOnlyList<string> Distributions =
    [
        "ttft_ms", "itl_ms", "tpot_ms", "e2e_latency_ms", "input_tokens", "output_tokens",
        "schedule_lag_ms",
    ];

    /// <summary>Per-round single figures.</summary>
    public static readonly IReadOnlyList<string> RoundFigures =
    [
        "requests", "succeeded", "failed", "error_rate", "duration_s", "request_throughput",
        "output_token_throughput", "total_token_throughput", "goodput", "goodput_fraction",
        "cached_token_fraction",
    ];

    /// <summary>Figures of the level as a whole (no round).</summary>
    public static readonly IReadOnlyList<string> LevelFigures =
    [
        "ttft_speedup_p50", "ttft_speedup_mean", "paired_ttft_speedup",
        "paired_ttft_speedup_ci_low", "reset_verified",
    ];

    /// <summary>Names accepted for compatibility, and what they mean.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["latency_ms"] = "e2e_latency_ms",
            ["e2el_ms"] = "e2e_latency_ms",
        };

    /// <summary>Every accepted metric name.</summary>
    public static IEnumerable<string> All => Distributions.Concat(RoundFigures)
        .Concat(Monitoring.ServerFigures.Names).Concat(LevelFigures).Concat(Aliases.Keys);

    /// <summary>True for a metric of the level as a whole, which takes no round.</summary>
    public static bool IsLevelFigure(string metric) => LevelFigures.Contains(metric);

    /// <summary>True for a distribution, which takes a <c>stat</c>.</summary>
    public static bool IsDistribution(string metric) => Distributions.Contains(metric);

    /// <summary>The canonical name of <paramref name="metric"/>.</summary>
    public static string Canonical(string metric) => Aliases.GetValueOrDefault(metric, metric);
}
