namespace FluxPerf.Monitoring;

/// <summary>Hit rates, token deltas and latency percentiles from the round's deltas.</summary>
internal static partial class RoundFigures
{
    private const double MsPerSecond = 1000.0;

    private static DerivedServerFigures Derive(
        List<CounterDelta> counters,
        List<HistogramWindow> histograms,
        List<ScrapeRecord> good)
    {
        double? Sum(string metric) => SumDeltas(counters, metric);

        // vLLM renamed the prefix-cache counters in v0.9.2; a server exports one pair or the other.
        var prefix = counters.Any(c => c.Metric == "vllm:prefix_cache_queries_total")
            ? "vllm:prefix_cache_"
            : "vllm:gpu_prefix_cache_";
        var queries = Sum(prefix + "queries_total");
        var hits = Sum(prefix + "hits_total");
        var externalQueries = Sum("vllm:external_prefix_cache_queries_total");
        var externalHits = Sum("vllm:external_prefix_cache_hits_total");
        var requested = Sum("lmcache:num_requested_tokens_total");
        var hitTokens = Sum("lmcache:num_hit_tokens_total");
        var lookupTokens = Sum("lmcache:num_lookup_tokens_total");
        var lookupHits = Sum("lmcache:num_lookup_hits_total");
        var (blockSize, prefixCaching) = CacheConfig(good);

        return WithLatencies(histograms, new DerivedServerFigures
        {
            PrefixCacheQueries = queries,
            PrefixCacheHits = hits,
            PrefixCacheHitRate = Ratio(hits, queries),
            ExternalPrefixCacheQueries = externalQueries,
            ExternalPrefixCacheHits = externalHits,
            ExternalPrefixCacheHitRate = Ratio(externalHits, externalQueries),
            LmCacheRequestedTokens = requested,
            LmCacheHitTokens = hitTokens,
            LmCacheHitRate = Ratio(hitTokens, requested),
            LmCacheLookupTokens = lookupTokens,
            LmCacheLookupHits = lookupHits,
            LmCacheLookupHitRate = Ratio(lookupHits, lookupTokens),
            PromptTokens = Sum("vllm:prompt_tokens_total"),
            GenerationTokens = Sum("vllm:generation_tokens_total"),
            PromptTokensCached = Sum("vllm:prompt_tokens_cached_total"),
            BlockSize = blockSize,
            PrefixCachingEnabled = prefixCaching,
        });
    }

    private static DerivedServerFigures WithLatencies(
        List<HistogramWindow> histograms,
        DerivedServerFigures figures)
    {
        double? Ms(string metric, double q) =>
            HistogramQuantile.Estimate(q, Merge(histograms, metric) ?? []) * MsPerSecond;

        var itl = histograms.Any(h => h.Key.Metric == "vllm:inter_token_latency_seconds")
            ? "vllm:inter_token_latency_seconds"
            : "vllm:time_per_output_token_seconds";
        var e2e = Merge(histograms, "vllm:e2e_request_latency_seconds");
        return figures with
        {
            Requests = e2e is { Count: > 0 } ? e2e[^1].Count : null,
            TtftP50Ms = Ms("vllm:time_to_first_token_seconds", 0.50),
            TtftP99Ms = Ms("vllm:time_to_first_token_seconds", 0.99),
            E2eP50Ms = Ms("vllm:e2e_request_latency_seconds", 0.50),
            E2eP99Ms = Ms("vllm:e2e_request_latency_seconds", 0.99),
            ItlP50Ms = Ms(itl, 0.50),
            ItlP99Ms = Ms(itl, 0.99),
            QueueTimeP50Ms = Ms("vllm:request_queue_time_seconds", 0.50),
            QueueTimeP99Ms = Ms("vllm:request_queue_time_seconds", 0.99),
        };
    }

    private static double? SumDeltas(List<CounterDelta> counters, string metric)
    {
        var series = counters.Where(c => c.Metric == metric).ToList();
        if (series.Count == 0 || series.Any(c => c.Delta is null))
        {
            return null;
        }

        return series.Sum(c => c.Delta!.Value);
    }

    private static double? Ratio(double? part, double? whole) =>
        part is { } p && whole is > 0 ? p / whole.Value : null;

    private static (int? BlockSize, bool? PrefixCaching) CacheConfig(List<ScrapeRecord> good)
    {
        var info = good.LastOrDefault()?.Result!.SamplesNamed("vllm:cache_config_info")
            .FirstOrDefault();
        if (info is null)
        {
            return (null, null);
        }

        int? blockSize = int.TryParse(info.GetLabel("block_size"), out var b) ? b : null;
        bool? enabled = bool.TryParse(info.GetLabel("enable_prefix_caching"), out var e) ? e : null;
        return (blockSize, enabled);
    }
}
