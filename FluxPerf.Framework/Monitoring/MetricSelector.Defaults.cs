namespace FluxPerf.Monitoring;

/// <summary>The default selection for vLLM (old and new names), LMCache and SGLang.</summary>
public sealed partial class MetricSelector
{
    /// <summary>
    /// The series FluxPerf reports by default: load gauges, KV-cache usage, prefix-cache and token
    /// counters (vLLM names before and after v0.9.2), the server's own latency histograms,
    /// <c>vllm:cache_config_info</c>, LMCache token counters (its hit-rate gauges only for
    /// display) and SGLang's cache and queue gauges.
    /// </summary>
    public static MetricSelector Defaults { get; } = new(
    [
        "vllm:num_requests_running",
        "vllm:num_requests_waiting",
        "vllm:kv_cache_usage_perc",
        "vllm:gpu_cache_usage_perc",
        "vllm:prefix_cache_queries_total",
        "vllm:prefix_cache_hits_total",
        "vllm:gpu_prefix_cache_*",
        "vllm:external_prefix_cache_queries_total",
        "vllm:external_prefix_cache_hits_total",
        "vllm:prompt_tokens_total",
        "vllm:generation_tokens_total",
        "vllm:prompt_tokens_cached_total",
        "vllm:time_to_first_token_seconds",
        "vllm:e2e_request_latency_seconds",
        "vllm:inter_token_latency_seconds",
        "vllm:time_per_output_token_seconds",
        "vllm:request_queue_time_seconds",
        "vllm:cache_config_info",
        "lmcache:num_hit_tokens_total",
        "lmcache:num_requested_tokens_total",
        "lmcache:num_lookup_hits_total",
        "lmcache:num_lookup_tokens_total",
        "lmcache:retrieve_hit_rate",
        "lmcache:lookup_hit_rate",
        "sglang:cache_hit_rate",
        "sglang:num_running_reqs",
        "sglang:num_queue_reqs",
        "sglang:token_usage",
    ]);
}
