using System.Text.Json.Serialization;
using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>
/// One line of <c>debug.jsonl</c>: what a request sent and how its history was cut.
/// </summary>
internal sealed record DebugEntry(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("turn")] int Turn,
    [property: JsonPropertyName("context_tokens")] int? ContextTokens,
    [property: JsonPropertyName("dropped_turns")] int DroppedTurns,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages);
