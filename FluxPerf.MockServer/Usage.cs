namespace FluxPerf.MockServer;

/// <summary>Token counts of a request so far, as reported in <c>usage</c>.</summary>
internal readonly record struct Usage(int PromptTokens, int CompletionTokens, int CachedTokens);
