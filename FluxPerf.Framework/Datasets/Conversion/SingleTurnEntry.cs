namespace FluxPerf.Datasets.Conversion;

/// <summary>A single-turn entry: <c>{"id", "prompt", "max_tokens"?}</c>.</summary>
internal sealed record SingleTurnEntry(string Id, string Prompt, int? MaxTokens = null)
    : BenchmarkEntry;
