namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// A multi-turn entry: <c>{"session_id", "system"?, "user_messages", "assistant_messages"?,
/// "max_tokens"?}</c>; <see cref="AssistantMessages"/> holds one reply per user message.
/// </summary>
internal sealed record SessionEntry(
    string SessionId,
    string? System,
    IReadOnlyList<string> UserMessages,
    IReadOnlyList<string>? AssistantMessages = null,
    int? MaxTokens = null) : BenchmarkEntry;
