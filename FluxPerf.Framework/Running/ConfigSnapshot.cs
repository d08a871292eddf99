using FluxPerf.Configuration;

namespace FluxPerf.Running;

/// <summary>
/// The configuration as written to results.json. Built field by field, so a new secret-bearing
/// setting cannot leak by default: the API key's variable name is written, its value never, and
/// header values are masked because they often carry tokens.
/// </summary>
internal static class ConfigSnapshot
{
    public static IReadOnlyDictionary<string, object?> Of(BenchmarkConfig c) =>
        new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["dataset"] = c.DatasetPath,
            ["endpoint"] = c.Endpoint?.ToString(),
            ["model"] = c.Model,
            ["mode"] = c.Mode == BenchmarkMode.MultiTurn ? "multi_turn" : "dual_round",
            ["concurrency_levels"] = c.ConcurrencyLevels,
            ["num_samples"] = c.SamplesForLevels().Samples,
            ["max_input_length"] = c.MaxInputLength,
            ["max_output_tokens"] = c.MaxOutputTokens,
            ["temperature"] = c.Temperature,
            ["ignore_eos"] = c.IgnoreEos,
            ["api_key_env"] = c.ApiKeyEnvironmentVariable,
            ["timeout_s"] = c.RequestTimeout.TotalSeconds,
            ["shuffle_round2"] = c.ShuffleRound2,
            ["seed"] = c.Seed,
            ["save_requests"] = c.SaveRequests,
            ["debug"] = c.Debug,
            ["max_context_tokens"] = c.MaxContextTokens,
            ["replay_recorded_replies"] = c.ReplayRecordedReplies,
            ["reset_cache_url"] = c.ResetCacheUrl?.ToString(),
            ["reset_cache_between_rounds"] = c.ResetCacheBetweenRounds,
            ["reset_cache_between_concurrency"] = c.ResetCacheBetweenConcurrency,
            ["reset_cache_at_end"] = c.ResetCacheAtEnd,
            ["reset_verification"] = c.ResetVerification.ToString().ToLowerInvariant(),
            ["prometheus_url"] = c.PrometheusUrls.Select(u => u.ToString()).ToArray(),
            ["prometheus_metrics"] = c.PrometheusMetrics,
            ["scrape_interval_s"] = c.ScrapeInterval.TotalSeconds,
            ["slo_file"] = c.SloFile,
            ["extra_body"] = c.ExtraBody.Keys.ToArray(),
            ["extra_headers"] = c.ExtraHeaders.Keys.ToDictionary(k => k, _ => "***"),
        };
}
