using System.Text.Json.Serialization;

namespace FluxPerf.Metrics;

/// <summary>The verdict of every gate of an SLO file on one level.</summary>
/// <param name="SloFile">The SLO file.</param>
/// <param name="Passed">True when every gate held.</param>
/// <param name="Gates">Each gate's verdict, in file order (a <c>both</c> gate gives two).</param>
public sealed record SloEvaluation(
    [property: JsonPropertyName("slo_file")] string SloFile,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("gates")] IReadOnlyList<GateResult> Gates)
{
    /// <summary>The gates that did not hold.</summary>
    [JsonIgnore]
    public IEnumerable<GateResult> Breaches => Gates.Where(g => !g.Passed);
}

/// <summary>One gate's verdict.</summary>
/// <param name="Name">E.g. <c>ttft_ms p95 (round 2)</c>.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Stat">Statistic, for distributions.</param>
/// <param name="Round">1, 2, or null for a level figure.</param>
/// <param name="Actual">The measured value; null when it could not be measured.</param>
/// <param name="Max">Highest allowed value.</param>
/// <param name="Min">Lowest allowed value.</param>
/// <param name="Passed">True when the value is within the thresholds.</param>
/// <param name="Message">The verdict in words, with the actual value and the threshold.</param>
public sealed record GateResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("stat")] string? Stat,
    [property: JsonPropertyName("round")] int? Round,
    [property: JsonPropertyName("actual")] double? Actual,
    [property: JsonPropertyName("max")] double? Max,
    [property: JsonPropertyName("min")] double? Min,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("message")] string Message);
