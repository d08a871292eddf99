namespace FluxPerf.MockServer;

/// <summary>The fields of a completion request that the mock acts on; others are ignored.</summary>
internal sealed record CompletionRequest(
    CompletionKind Kind,
    string? Model,
    string? PromptText,
    int[]? PromptTokenIds,
    int MaxTokens,
    bool Stream,
    bool IncludeUsage,
    bool ContinuousUsage);
