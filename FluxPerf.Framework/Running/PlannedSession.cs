namespace FluxPerf.Running;

/// <summary>
/// A sampled dataset entry ready to send: its user turns (already truncated to
/// <c>max_input_length</c>) and system prompt. A dual-round request is a one-turn session.
/// </summary>
/// <param name="PairId">Stable id shared by this session's requests in both rounds.</param>
/// <param name="SessionId">The dataset entry's id.</param>
/// <param name="SystemPrompt">System prompt, if any.</param>
/// <param name="UserMessages">User turns in order.</param>
/// <param name="MaxTokens">The entry's own output budget, if it sets one.</param>
public sealed record PlannedSession(
    string PairId,
    string SessionId,
    string? SystemPrompt,
    IReadOnlyList<string> UserMessages,
    int? MaxTokens);
