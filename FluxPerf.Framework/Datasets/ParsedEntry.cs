namespace FluxPerf.Datasets;

/// <summary>One entry as read from the file, before its id is made unique.</summary>
internal sealed record ParsedEntry(
    EntryShape Shape,
    string? Id,
    string? SystemPrompt,
    IReadOnlyList<string> UserMessages,
    IReadOnlyList<string>? AssistantReplies,
    int? MaxTokens);
