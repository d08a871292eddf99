using System.Text.Json.Serialization;
using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>
/// One finished request as written to <c>requests.jsonl</c>: where it belongs (stage, level,
/// round, session, turn) and what was measured. Analysis is a pure function of these records,
/// so a run split across machines can be merged by concatenating their files.
/// </summary>
public sealed record RequestRecord
{
    /// <summary>Stage name.</summary>
    [JsonPropertyName("stage")]
    public required string Stage { get; init; }

    /// <summary>Concurrency level.</summary>
    [JsonPropertyName("concurrency")]
    public required int Concurrency { get; init; }

    /// <summary>Round: 1 (cold) or 2 (warm).</summary>
    [JsonPropertyName("round")]
    public required int Round { get; init; }

    /// <summary>Pair id: the same for a request and its twin in the other round.</summary>
    [JsonPropertyName("request_id")]
    public required string RequestId { get; init; }

    /// <summary>Session (dataset entry) id.</summary>
    [JsonPropertyName("session_id")]
    public required string SessionId { get; init; }

    /// <summary>Turn index within the session, from 0.</summary>
    [JsonPropertyName("turn")]
    public required int Turn { get; init; }

    /// <summary><c>ok</c> or <c>error</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Error kind in snake_case (<c>http_error</c>, <c>stream_error</c>, …).</summary>
    [JsonPropertyName("error_kind")]
    public string? ErrorKind { get; init; }

    /// <summary>Error message from the server or the transport.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>HTTP status, when a response arrived.</summary>
    [JsonPropertyName("http_status")]
    public int? HttpStatus { get; init; }

    /// <summary>Time to first token in ms.</summary>
    [JsonPropertyName("ttft_ms")]
    public double? TtftMs { get; init; }

    /// <summary>Inter-token latencies in ms, one per token gap.</summary>
    [JsonPropertyName("itl_ms")]
    public IReadOnlyList<double> ItlMs { get; init; } = [];

    /// <summary>Time per output token in ms (undefined for one token).</summary>
    [JsonPropertyName("tpot_ms")]
    public double? TpotMs { get; init; }

    /// <summary>End-to-end latency in ms.</summary>
    [JsonPropertyName("e2e_latency_ms")]
    public required double E2eLatencyMs { get; init; }

    /// <summary>Sent minus scheduled, in ms: the client's own delay.</summary>
    [JsonPropertyName("schedule_lag_ms")]
    public required double ScheduleLagMs { get; init; }

    /// <summary>When the request was scheduled, ms since the run started.</summary>
    [JsonPropertyName("scheduled_at_ms")]
    public required double ScheduledAtMs { get; init; }

    /// <summary>When the request was sent, ms since the run started.</summary>
    [JsonPropertyName("sent_at_ms")]
    public required double SentAtMs { get; init; }

    /// <summary>When the response ended, ms since the run started.</summary>
    [JsonPropertyName("done_at_ms")]
    public required double DoneAtMs { get; init; }

    /// <summary>Prompt tokens from usage.</summary>
    [JsonPropertyName("prompt_tokens")]
    public int? PromptTokens { get; init; }

    /// <summary>Completion tokens from usage.</summary>
    [JsonPropertyName("completion_tokens")]
    public int? CompletionTokens { get; init; }

    /// <summary>Cached prompt tokens from usage (0 when usage came without the key).</summary>
    [JsonPropertyName("cached_tokens")]
    public int? CachedTokens { get; init; }

    /// <summary>Output tokens used for throughput and TPOT.</summary>
    [JsonPropertyName("output_tokens")]
    public int OutputTokens { get; init; }

    /// <summary>True when output tokens were counted from events, not usage.</summary>
    [JsonPropertyName("output_tokens_estimated")]
    public bool OutputTokensEstimated { get; init; }

    /// <summary>The finish reason of the last token event.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; init; }

    /// <summary>Token-bearing events received.</summary>
    [JsonPropertyName("token_events")]
    public int TokenEvents { get; init; }

    /// <summary>Malformed events skipped.</summary>
    [JsonPropertyName("malformed_events")]
    public int MalformedEvents { get; init; }

    /// <summary>Messages sent, when requests are saved.</summary>
    [JsonPropertyName("messages")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    /// <summary>Text received, when requests are saved.</summary>
    [JsonPropertyName("response_text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResponseText { get; init; }

    /// <summary>True when the request succeeded.</summary>
    [JsonIgnore]
    public bool Succeeded => Status == "ok";
}
