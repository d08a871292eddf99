namespace FluxPerf.Client;

/// <summary>
/// Everything the client observed of one streamed response. Timestamps are
/// <see cref="Timestamps"/> ticks from the client process's monotonic clock; definitions follow
/// docs/measurement.md (TTFT on the first token-bearing event, never the role event).
/// </summary>
public sealed record ResponseMeasurement
{
    /// <summary>When the load model wanted the request to start.</summary>
    public required long ScheduledTimestamp { get; init; }

    /// <summary>Just before the request was handed to the HTTP stack.</summary>
    public required long SentTimestamp { get; init; }

    /// <summary>Arrival of the first token-bearing event, if any arrived.</summary>
    public long? FirstTokenTimestamp { get; init; }

    /// <summary>Arrival of the last token-bearing event, if any arrived.</summary>
    public long? LastTokenTimestamp { get; init; }

    /// <summary>End of the stream (<c>[DONE]</c>, clean close, or the moment of failure).</summary>
    public required long DoneTimestamp { get; init; }

    /// <summary>
    /// Inter-token latencies in milliseconds: one entry per token gap. An event known to carry
    /// k tokens contributes k entries of gap / k.
    /// </summary>
    public IReadOnlyList<double> InterTokenLatenciesMs { get; init; } = [];

    /// <summary>Number of token-bearing events received.</summary>
    public int TokenEvents { get; init; }

    /// <summary><c>usage.prompt_tokens</c>, when the server sent usage.</summary>
    public int? PromptTokens { get; init; }

    /// <summary><c>usage.completion_tokens</c>, when the server sent usage.</summary>
    public int? CompletionTokens { get; init; }

    /// <summary><c>usage.prompt_tokens_details.cached_tokens</c>; vLLM omits the key when zero,
    /// which is reported here as 0 whenever usage was present.</summary>
    public int? CachedTokens { get; init; }

    /// <summary>Output tokens: usage when sent, else the token-bearing event count.</summary>
    public int OutputTokens { get; init; }

    /// <summary>True when <see cref="OutputTokens"/> was counted from events, not usage.</summary>
    public bool OutputTokensEstimated { get; init; }

    /// <summary>The <c>finish_reason</c> of the last token event.</summary>
    public string? FinishReason { get; init; }

    /// <summary>HTTP status of the response; <c>null</c> when no response arrived.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Why the request failed; <see cref="RequestErrorKind.None"/> on success.</summary>
    public RequestErrorKind Error { get; init; }

    /// <summary>The server's or the transport's error message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Events that could not be parsed and were skipped.</summary>
    public int MalformedEvents { get; init; }

    /// <summary>The generated text (needed as history by multi-turn sessions).</summary>
    public string ResponseText { get; init; } = "";

    /// <summary>True when the request succeeded.</summary>
    public bool Succeeded => Error == RequestErrorKind.None;

    /// <summary>Time to first token in ms: first token − sent.</summary>
    public double? TtftMs => FirstTokenTimestamp is { } first
        ? Timestamps.ElapsedMs(SentTimestamp, first)
        : null;

    /// <summary>End-to-end latency in ms: done − sent.</summary>
    public double E2eLatencyMs => Timestamps.ElapsedMs(SentTimestamp, DoneTimestamp);

    /// <summary>Schedule lag in ms: sent − scheduled (the client's own delay).</summary>
    public double ScheduleLagMs => Timestamps.ElapsedMs(ScheduledTimestamp, SentTimestamp);

    /// <summary>
    /// Time per output token in ms: (last − first) / (output tokens − 1); <c>null</c> for one
    /// token or fewer, where the quantity is undefined (the first token's cost is TTFT).
    /// </summary>
    public double? TpotMs => FirstTokenTimestamp is { } first
        && LastTokenTimestamp is { } last
        && OutputTokens > 1
            ? Timestamps.ElapsedMs(first, last) / (OutputTokens - 1)
            : null;
}
