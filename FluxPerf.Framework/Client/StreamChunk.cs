namespace FluxPerf.Client;

/// <summary>What one SSE event of a completion stream said, reduced to what measurement needs.
/// </summary>
/// <param name="Kind">Whether the event was a chunk, the end marker, an error or unreadable.
/// </param>
/// <param name="HasVisibleToken">True when some choice carried non-empty content, reasoning,
/// tool calls or text: the only events that can mark the first token.</param>
/// <param name="HasChoices">True when the event had at least one choice (the final usage event
/// has none).</param>
/// <param name="FinishReason">The <c>finish_reason</c> of a choice, when set.</param>
/// <param name="Usage">The event's <c>usage</c> object, when present and not null.</param>
/// <param name="ErrorMessage">The message of an error event.</param>
internal readonly record struct StreamChunk(
    StreamChunkKind Kind,
    bool HasVisibleToken = false,
    bool HasChoices = false,
    string? FinishReason = null,
    UsageSnapshot? Usage = null,
    string? ErrorMessage = null);
