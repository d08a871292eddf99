namespace FluxPerf.MockServer;

/// <summary>The table of every option: flag, environment variable, help and setter.</summary>
internal static class MockOptionSpecs
{
    public static IReadOnlyList<MockOptionSpec> All { get; } =
    [
        MockOptionSpec.ForString("--host", "IP address to listen on (or localhost)",
            o => o.Host, (o, v) => o.Host = v),
        MockOptionSpec.ForInt("--port", "TCP port; 0 picks a free one",
            o => o.Port, (o, v) => o.Port = v),
        MockOptionSpec.ForString("--model-name", "model name served; others get 404",
            o => o.ModelName, (o, v) => o.ModelName = v),
        MockOptionSpec.ForInt("--block-size", "tokens per KV block (prefix-cache unit)",
            o => o.BlockSize, (o, v) => o.BlockSize = v),
        MockOptionSpec.ForInt("--cache-capacity-blocks", "blocks kept before LRU eviction",
            o => o.CacheCapacityBlocks, (o, v) => o.CacheCapacityBlocks = v),
        MockOptionSpec.ForBool("--enable-prefix-caching", "reuse cached prompt blocks",
            o => o.EnablePrefixCaching, (o, v) => o.EnablePrefixCaching = v),
        MockOptionSpec.ForDouble("--base-ttft-ms", "fixed part of time to first token",
            o => o.BaseTtftMs, (o, v) => o.BaseTtftMs = v),
        MockOptionSpec.ForDouble("--prefill-ms-per-token", "prefill ms per uncached prompt token",
            o => o.PrefillMsPerToken, (o, v) => o.PrefillMsPerToken = v),
        MockOptionSpec.ForDouble("--itl-ms", "ms per generated token after the first",
            o => o.ItlMs, (o, v) => o.ItlMs = v),
        MockOptionSpec.ForInt("--tokens-per-event", "tokens per streamed event",
            o => o.TokensPerEvent, (o, v) => o.TokensPerEvent = v),
        MockOptionSpec.ForDouble("--jitter-fraction", "seeded ± jitter on every delay, [0, 1)",
            o => o.JitterFraction, (o, v) => o.JitterFraction = v),
        MockOptionSpec.ForInt("--seed", "seed of text, jitter and fault decisions",
            o => o.Seed, (o, v) => o.Seed = v),
        MockOptionSpec.ForInt("--max-num-seqs", "requests running at once; others queue",
            o => o.MaxNumSeqs, (o, v) => o.MaxNumSeqs = v),
        MockOptionSpec.ForInt("--default-max-tokens", "completion tokens without max_tokens",
            o => o.DefaultMaxTokens, (o, v) => o.DefaultMaxTokens = v),
        MockOptionSpec.ForString("--api-key", "require Authorization: Bearer <key> on /v1",
            o => o.ApiKey, (o, v) => o.ApiKey = v, isSecret: true),
        MockOptionSpec.ForDouble("--error-rate", "share of requests failed with --error-status",
            o => o.ErrorRate, (o, v) => o.ErrorRate = v),
        MockOptionSpec.ForInt("--error-status", "HTTP status of injected errors, 400-599",
            o => o.ErrorStatus, (o, v) => o.ErrorStatus = v),
        MockOptionSpec.ForDouble("--mid-stream-error-rate", "share of streams with an error event",
            o => o.MidStreamErrorRate, (o, v) => o.MidStreamErrorRate = v),
        MockOptionSpec.ForDouble("--drop-connection-rate", "share of streams aborted midway",
            o => o.DropConnectionRate, (o, v) => o.DropConnectionRate = v),
        MockOptionSpec.ForDouble("--stall-before-first-token-ms", "extra wait before token one",
            o => o.StallBeforeFirstTokenMs, (o, v) => o.StallBeforeFirstTokenMs = v),
    ];
}
