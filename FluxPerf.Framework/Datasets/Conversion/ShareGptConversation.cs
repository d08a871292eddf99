namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// A cleaned conversation: user first, roles alternating, no empty turns; so user turn i is
/// <c>Turns[2i]</c> and its reply, when there is one, <c>Turns[2i + 1]</c>.
/// </summary>
internal sealed record ShareGptConversation(
    string? Id,
    string? System,
    IReadOnlyList<ShareGptTurn> Turns)
{
    public IReadOnlyList<string> UserMessages =>
        Turns.Where(t => t.Role == ShareGptRole.User).Select(t => t.Text).ToList();

    /// <summary>
    /// One reply per user message; an empty string after a final unanswered turn.
    /// </summary>
    public IReadOnlyList<string> AssistantMessages =>
        Enumerable.Range(0, UserMessages.Count)
            .Select(i => 2 * i + 1 < Turns.Count ? Turns[2 * i + 1].Text : string.Empty)
            .ToList();

    /// <summary>The text a server sees in the session's last request: system prompt and every
    /// turn up to the last user turn (a final reply is never sent).</summary>
    public IEnumerable<string> LastPromptParts()
    {
        var end = Turns[^1].Role == ShareGptRole.Assistant ? Turns.Count - 1 : Turns.Count;
        var parts = Turns.Take(end).Select(t => t.Text);
        return System is null ? parts : parts.Prepend(System);
    }
}
