namespace FluxPerf.Datasets;

/// <summary>
/// One dataset entry, ready to be sent: a single-turn entry is a session with one user message,
/// a multi-turn entry sends its user messages one after another in the same conversation.
/// </summary>
/// <param name="Id">Unique id within the dataset: the entry's <c>session_id</c> or <c>id</c>,
/// else <c>s</c> followed by <paramref name="SourceIndex"/>; a repeated id gets a <c>#2</c>,
/// <c>#3</c>… suffix.</param>
/// <param name="SystemPrompt">The system prompt, or <c>null</c> when the entry has none.</param>
/// <param name="UserMessages">The user turns in order; never empty, none blank.</param>
/// <param name="AssistantReplies">The dataset's own replies, one per user message (an empty
/// string where the dataset has no reply to that message), or <c>null</c> when the entry has no
/// replies at all.</param>
/// <param name="MaxTokens">The entry's own output budget (<c>max_tokens</c>), or <c>null</c> to
/// use the run's setting.</param>
/// <param name="SourceIndex">Zero-based position of the entry in its file, counting skipped
/// entries, so a message can point back to the source.</param>
public sealed record Session(
    string Id,
    string? SystemPrompt,
    IReadOnlyList<string> UserMessages,
    IReadOnlyList<string>? AssistantReplies,
    int? MaxTokens = null,
    int SourceIndex = 0);
