namespace FluxPerf.Client;

/// <summary>The token counts of one <c>usage</c> object.</summary>
/// <param name="PromptTokens"><c>prompt_tokens</c>.</param>
/// <param name="CompletionTokens"><c>completion_tokens</c>.</param>
/// <param name="CachedTokens"><c>prompt_tokens_details.cached_tokens</c>, <c>null</c> when the
/// key is absent.</param>
internal readonly record struct UsageSnapshot(
    int? PromptTokens,
    int? CompletionTokens,
    int? CachedTokens);
