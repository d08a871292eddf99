namespace FluxPerf.Monitoring;

/// <summary>The three views of a round's cache reuse side by side, and their disagreements.
/// </summary>
/// <param name="ExpectedReusableTokens">What the workload could reuse (null when unknown;
/// 0 for a round that should be cold).</param>
/// <param name="ClientCachedTokens">Σ <c>usage.prompt_tokens_details.cached_tokens</c>.</param>
/// <param name="ServerCachedTokens">Cached prompt tokens by the server's counters (local plus
/// external), or null without such counters.</param>
/// <param name="ClientPromptTokens">Σ <c>usage.prompt_tokens</c>.</param>
/// <param name="ClientCachedFraction">Client cached / client prompt tokens.</param>
/// <param name="ServerHitRate">Server cached / server prompt (or queried) tokens.</param>
/// <param name="AllowanceTokens">How far two figures may differ before a warning: one block
/// per request plus the relative tolerance times the prompt tokens.</param>
/// <param name="Warnings">One sentence per disagreement, each with a likely cause.</param>
public sealed record CacheAccountResult(
    long? ExpectedReusableTokens,
    long ClientCachedTokens,
    double? ServerCachedTokens,
    long ClientPromptTokens,
    double? ClientCachedFraction,
    double? ServerHitRate,
    double AllowanceTokens,
    IReadOnlyList<string> Warnings);
