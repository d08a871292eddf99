using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>The messages of one request and what history truncation did to them.</summary>
/// <param name="Messages">System prompt, kept history and the current user turn.</param>
/// <param name="ContextTokens">Tokens of the messages (cl100k), when counted.</param>
/// <param name="DroppedTurns">Oldest turns dropped to fit <c>max_context_tokens</c>.</param>
internal sealed record PreparedConversation(
    IReadOnlyList<ChatMessage> Messages,
    int? ContextTokens,
    int DroppedTurns);
