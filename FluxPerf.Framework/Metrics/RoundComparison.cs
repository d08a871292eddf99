using System.Text.Json.Serialization;

namespace FluxPerf.Metrics;

/// <summary>Round 2 against round 1: every statistic's change and the TTFT speedups.</summary>
public sealed record RoundComparison
{
    /// <summary>Round-1 TTFT p50 / round-2 TTFT p50.</summary>
    [JsonPropertyName("ttft_speedup_p50")]
    public double? TtftSpeedupP50 { get; init; }

    /// <summary>Round-1 mean TTFT / round-2 mean TTFT.</summary>
    [JsonPropertyName("ttft_speedup_mean")]
    public double? TtftSpeedupMean { get; init; }

    /// <summary>
    /// Per-request TTFT ratio (round 1 / round 2) over pairs that succeeded twice.
    /// </summary>
    [JsonPropertyName("paired_ttft_speedup")]
    public PairedSpeedup? PairedTtftSpeedup { get; init; }

    /// <summary>Every metric and statistic of both rounds with its change.</summary>
    [JsonPropertyName("rows")]
    public required IReadOnlyList<ComparisonRow> Rows { get; init; }
}

/// <summary>The paired per-request TTFT speedup.</summary>
/// <param name="Pairs">Requests that succeeded in both rounds.</param>
/// <param name="Median">Median of the per-request ratios.</param>
/// <param name="CiLow">Lower end of the seeded bootstrap 95% interval of the median.</param>
/// <param name="CiHigh">Upper end of that interval.</param>
public sealed record PairedSpeedup(
    [property: JsonPropertyName("pairs")] int Pairs,
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("ci95_low")] double CiLow,
    [property: JsonPropertyName("ci95_high")] double CiHigh);

/// <summary>One statistic of both rounds.</summary>
/// <param name="Metric">Metric name, e.g. <c>ttft_ms</c>.</param>
/// <param name="Stat">Statistic, e.g. <c>p95</c>, or <c>value</c> for a single figure.</param>
/// <param name="Round1">Round-1 value.</param>
/// <param name="Round2">Round-2 value.</param>
/// <param name="ChangePercent">(round 2 − round 1) / round 1 × 100; null when round 1 is
/// 0.</param>
public sealed record ComparisonRow(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("stat")] string Stat,
    [property: JsonPropertyName("round1")] double? Round1,
    [property: JsonPropertyName("round2")] double? Round2,
    [property: JsonPropertyName("change_pct")] double? ChangePercent);
