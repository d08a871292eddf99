namespace FluxPerf.Configuration;

/// <summary>
/// Points a configuration at a server FluxPerf started itself (the embedded mock).
/// </summary>
public static class EmbeddedTarget
{
    /// <summary>
    /// Targets the server at <paramref name="baseAddress"/>: its chat (or completions) endpoint,
    /// its <c>/reset_prefix_cache</c> as the default reset URL, and its <c>/metrics</c> as the
    /// default metrics URL; settings the user gave explicitly are kept.
    /// </summary>
    public static BenchmarkConfig WithEmbeddedTarget(this BenchmarkConfig config, Uri baseAddress)
    {
        var completions = config.Endpoint?.AbsolutePath.EndsWith("/v1/completions",
            StringComparison.Ordinal) == true;
        return config with
        {
            Endpoint = new Uri(baseAddress, completions ? "v1/completions" : "v1/chat/completions"),
            ResetCacheUrl = config.ResetCacheUrl ?? new Uri(baseAddress, "reset_prefix_cache"),
            PrometheusUrls = config.PrometheusUrls.Count > 0
                ? config.PrometheusUrls
                : [new Uri(baseAddress, "metrics")],
        };
    }
}
