namespace FluxPerf.Monitoring;

/// <summary>The server's per-round figures by the names reports and gates use.</summary>
public static class ServerFigures
{
    /// <summary>Every name, in report order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "server_prefix_cache_hit_rate", "server_external_prefix_cache_hit_rate",
        "server_lmcache_hit_rate", "server_ttft_p50_ms", "server_ttft_p99_ms",
        "server_e2e_p50_ms", "server_queue_time_p99_ms", "server_prompt_tokens",
        "server_generation_tokens",
    ];

    /// <summary>The figures of a round, null where the server did not export them.</summary>
    public static IEnumerable<(string Metric, double? Value)> Of(RoundServerMetrics? server)
    {
        var d = server?.Derived;
        yield return (Names[0], d?.PrefixCacheHitRate);
        yield return (Names[1], d?.ExternalPrefixCacheHitRate);
        yield return (Names[2], d?.LmCacheHitRate);
        yield return (Names[3], d?.TtftP50Ms);
        yield return (Names[4], d?.TtftP99Ms);
        yield return (Names[5], d?.E2eP50Ms);
        yield return (Names[6], d?.QueueTimeP99Ms);
        yield return (Names[7], d?.PromptTokens);
        yield return (Names[8], d?.GenerationTokens);
    }
}
