using System.Text.Json.Serialization;

namespace FluxPerf.Metrics;

/// <summary>The figures of one round, as written under each round in <c>results.json</c>.</summary>
public sealed record RoundStatistics
{
    /// <summary>Requests attempted.</summary>
    [JsonPropertyName("requests")]
    public required int Requests { get; init; }

    /// <summary>Requests that succeeded.</summary>
    [JsonPropertyName("succeeded")]
    public required int Succeeded { get; init; }

    /// <summary>Requests that failed.</summary>
    [JsonPropertyName("failed")]
    public required int Failed { get; init; }

    /// <summary>Failed requests by error kind.</summary>
    [JsonPropertyName("failed_by_kind")]
    public required IReadOnlyDictionary<string, int> FailedByKind { get; init; }

    /// <summary>Failed / attempted (0 when nothing was attempted).</summary>
    [JsonPropertyName("error_rate")]
    public required double ErrorRate { get; init; }

    /// <summary>First sent to last done, in seconds.</summary>
    [JsonPropertyName("duration_s")]
    public required double DurationS { get; init; }

    /// <summary>TTFT of successful requests, ms.</summary>
    [JsonPropertyName("ttft_ms")]
    public Distribution? TtftMs { get; init; }

    /// <summary>Every inter-token gap of successful requests, ms.</summary>
    [JsonPropertyName("itl_ms")]
    public Distribution? ItlMs { get; init; }

    /// <summary>TPOT of successful requests with more than one token, ms.</summary>
    [JsonPropertyName("tpot_ms")]
    public Distribution? TpotMs { get; init; }

    /// <summary>End-to-end latency of successful requests, ms.</summary>
    [JsonPropertyName("e2e_latency_ms")]
    public Distribution? E2eLatencyMs { get; init; }

    /// <summary>Prompt tokens (usage) of successful requests.</summary>
    [JsonPropertyName("input_tokens")]
    public Distribution? InputTokens { get; init; }

    /// <summary>Output tokens of successful requests.</summary>
    [JsonPropertyName("output_tokens")]
    public Distribution? OutputTokens { get; init; }

    /// <summary>Schedule lag of every request sent, ms: the client's own delay.</summary>
    [JsonPropertyName("schedule_lag_ms")]
    public Distribution? ScheduleLagMs { get; init; }

    /// <summary>Successful requests per second.</summary>
    [JsonPropertyName("request_throughput")]
    public required double RequestThroughput { get; init; }

    /// <summary>Output tokens of successful requests per second.</summary>
    [JsonPropertyName("output_token_throughput")]
    public required double OutputTokenThroughput { get; init; }

    /// <summary>Prompt plus output tokens of successful requests per second.</summary>
    [JsonPropertyName("total_token_throughput")]
    public required double TotalTokenThroughput { get; init; }

    /// <summary>Good requests per second and as a fraction of all attempted.</summary>
    [JsonPropertyName("goodput")]
    public required Goodput Goodput { get; init; }

    /// <summary>Σ cached tokens / Σ prompt tokens over successful requests with usage.</summary>
    [JsonPropertyName("cached_token_fraction")]
    public double? CachedTokenFraction { get; init; }

    /// <summary>Σ prompt tokens over successful requests with usage.</summary>
    [JsonPropertyName("prompt_tokens_total")]
    public required long PromptTokensTotal { get; init; }

    /// <summary>Σ cached tokens over successful requests with usage.</summary>
    [JsonPropertyName("cached_tokens_total")]
    public required long CachedTokensTotal { get; init; }

    /// <summary>True when any output token count was estimated from events.</summary>
    [JsonPropertyName("output_tokens_estimated")]
    public required bool OutputTokensEstimated { get; init; }
}

/// <summary>Goodput of a round.</summary>
/// <param name="RequestsPerSecond">Good requests per second of the round.</param>
/// <param name="Fraction">Good requests / attempted requests.</param>
/// <param name="Criteria">The criteria applied, e.g. <c>ttft_ms ≤ 500</c>.</param>
public sealed record Goodput(
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
    [property: JsonPropertyName("fraction")] double Fraction,
    [property: JsonPropertyName("criteria")] string Criteria);
