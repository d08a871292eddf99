using System.Text.Json.Serialization;
using FluxPerf.Metrics;
using FluxPerf.Monitoring;

namespace FluxPerf.Running;

/// <summary>One round of a level: its figures and, when scraped, the server's.</summary>
/// <param name="Round">1 or 2.</param>
/// <param name="Statistics">The client-side figures.</param>
/// <param name="Server">The server's figures over the round (Prometheus), when scraped.</param>
/// <param name="CacheAccount">What the client's usage and the server's counters say about the
/// round's cache reuse, side by side; null when the server was not scraped.</param>
public sealed record RoundResult(
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("statistics")] RoundStatistics Statistics,
    [property: JsonPropertyName("server")] RoundServerMetrics? Server,
    [property: JsonPropertyName("cache_account")] CacheAccountResult? CacheAccount = null);

/// <summary>Everything measured at one concurrency level of a stage.</summary>
public sealed record LevelResult
{
    /// <summary>Stage name.</summary>
    [JsonPropertyName("stage")]
    public required string Stage { get; init; }

    /// <summary>Concurrency level.</summary>
    [JsonPropertyName("concurrency")]
    public required int Concurrency { get; init; }

    /// <summary>Entries sampled.</summary>
    [JsonPropertyName("samples")]
    public required int Samples { get; init; }

    /// <summary>The load model, e.g. <c>closed-loop c=8</c>.</summary>
    [JsonPropertyName("load")]
    public required string Load { get; init; }

    /// <summary>Cache resets done for this level, in order.</summary>
    [JsonPropertyName("resets")]
    public required IReadOnlyList<ResetOutcome> Resets { get; init; }

    /// <summary>Round 1 (cold).</summary>
    [JsonPropertyName("round1")]
    public required RoundResult Round1 { get; init; }

    /// <summary>Round 2 (warm).</summary>
    [JsonPropertyName("round2")]
    public required RoundResult Round2 { get; init; }

    /// <summary>Round 2 against round 1.</summary>
    [JsonPropertyName("comparison")]
    public required RoundComparison Comparison { get; init; }

    /// <summary>The SLO gates' verdicts, when an SLO file applies.</summary>
    [JsonPropertyName("slo")]
    public SloEvaluation? Slo { get; init; }

    /// <summary>Warnings raised at this level (failed resets, skipped turns, …).</summary>
    [JsonPropertyName("warnings")]
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The records of both rounds (not serialised; they are in requests.jsonl).</summary>
    [JsonIgnore]
    public IReadOnlyList<RequestRecord> Records { get; init; } = [];
}
