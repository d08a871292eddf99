namespace FluxPerf.Monitoring;

/// <summary>
/// The round's headline server figures, summed over every series and endpoint. A figure is
/// null when the server does not export its counter or a counter restarted during the round.
/// </summary>
public sealed record DerivedServerFigures
{
    /// <summary>Δ<c>vllm:prefix_cache_queries_total</c> (or the pre-0.9.2
    /// <c>vllm:gpu_prefix_cache_queries_total</c>), in tokens.</summary>
    public double? PrefixCacheQueries { get; init; }

    /// <summary>Δ<c>vllm:prefix_cache_hits_total</c> (or <c>gpu_prefix_cache_hits</c>), in
    /// tokens.</summary>
    public double? PrefixCacheHits { get; init; }

    /// <summary>Local prefix-cache hit rate: Δhits / Δqueries.</summary>
    public double? PrefixCacheHitRate { get; init; }

    /// <summary>Δ<c>vllm:external_prefix_cache_queries_total</c> (KV connector), tokens.</summary>
    public double? ExternalPrefixCacheQueries { get; init; }

    /// <summary>Δ<c>vllm:external_prefix_cache_hits_total</c> (KV connector), tokens.</summary>
    public double? ExternalPrefixCacheHits { get; init; }

    /// <summary>External hit rate: Δexternal hits / Δexternal queries.</summary>
    public double? ExternalPrefixCacheHitRate { get; init; }

    /// <summary>Δ<c>lmcache:num_requested_tokens_total</c>.</summary>
    public double? LmCacheRequestedTokens { get; init; }

    /// <summary>Δ<c>lmcache:num_hit_tokens_total</c>.</summary>
    public double? LmCacheHitTokens { get; init; }

    /// <summary>LMCache retrieve hit rate: Δhit tokens / Δrequested tokens.</summary>
    public double? LmCacheHitRate { get; init; }

    /// <summary>Δ<c>lmcache:num_lookup_tokens_total</c>.</summary>
    public double? LmCacheLookupTokens { get; init; }

    /// <summary>Δ<c>lmcache:num_lookup_hits_total</c>.</summary>
    public double? LmCacheLookupHits { get; init; }

    /// <summary>LMCache lookup hit rate: Δlookup hits / Δlookup tokens.</summary>
    public double? LmCacheLookupHitRate { get; init; }

    /// <summary>Δ<c>vllm:prompt_tokens_total</c>.</summary>
    public double? PromptTokens { get; init; }

    /// <summary>Δ<c>vllm:generation_tokens_total</c>.</summary>
    public double? GenerationTokens { get; init; }

    /// <summary>Δ<c>vllm:prompt_tokens_cached_total</c> (local plus external hits).</summary>
    public double? PromptTokensCached { get; init; }

    /// <summary>Requests the server finished: Δcount of
    /// <c>vllm:e2e_request_latency_seconds</c>.</summary>
    public double? Requests { get; init; }

    /// <summary>The server's own median TTFT over the round, in milliseconds.</summary>
    public double? TtftP50Ms { get; init; }

    /// <summary>The server's own 99th-percentile TTFT over the round, in milliseconds.</summary>
    public double? TtftP99Ms { get; init; }

    /// <summary>The server's median end-to-end request latency, in milliseconds.</summary>
    public double? E2eP50Ms { get; init; }

    /// <summary>The server's 99th-percentile end-to-end request latency, in milliseconds.</summary>
    public double? E2eP99Ms { get; init; }

    /// <summary>The server's median inter-token latency (or time per output token before vLLM
    /// renamed it), in milliseconds.</summary>
    public double? ItlP50Ms { get; init; }

    /// <summary>The server's 99th-percentile inter-token latency, in milliseconds.</summary>
    public double? ItlP99Ms { get; init; }

    /// <summary>The server's median queue time, in milliseconds.</summary>
    public double? QueueTimeP50Ms { get; init; }

    /// <summary>The server's 99th-percentile queue time, in milliseconds.</summary>
    public double? QueueTimeP99Ms { get; init; }

    /// <summary><c>block_size</c> from <c>vllm:cache_config_info</c>, when exported.</summary>
    public int? BlockSize { get; init; }

    /// <summary><c>enable_prefix_caching</c> from <c>vllm:cache_config_info</c>.</summary>
    public bool? PrefixCachingEnabled { get; init; }
}
