using System.Globalization;
using System.Text;

namespace FluxPerf.MockServer;

/// <summary>
/// Renders the mock's metrics in the Prometheus text format 0.0.4, with vLLM's metric names,
/// HELP texts, label names and label order, so a scraper written against vLLM reads it as is.
/// </summary>
internal sealed class MetricsExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();
    private readonly string _labels;
    private readonly double _created;

    private MetricsExposition(string modelName, double created)
    {
        _labels = $"engine=\"0\",model_name=\"{Escape(modelName)}\"";
        _created = created;
    }

    public static string Render(MockServerState state)
    {
        var metrics = state.Metrics;
        var exposition = new MetricsExposition(state.Options.ModelName, metrics.CreatedUnixSeconds);

        exposition.Gauge("vllm:num_requests_running",
            "Number of requests in model execution batches.", state.Scheduler.Running);
        exposition.Gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.",
            state.Scheduler.Waiting);
        exposition.Gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.",
            state.KvCacheUsage);
        exposition.Counter("vllm:prefix_cache_queries",
            "Prefix cache queries, in terms of number of queried tokens.", metrics.PrefixQueries);
        exposition.Counter("vllm:prefix_cache_hits",
            "Prefix cache hits, in terms of number of cached tokens.", metrics.PrefixHits);
        exposition.Counter("vllm:prompt_tokens", "Number of prefill tokens processed.",
            metrics.PromptTokens);
        exposition.Counter("vllm:prompt_tokens_cached",
            "Number of cached prompt tokens (local + external).", metrics.PrefixHits);
        exposition.Counter("vllm:generation_tokens", "Number of generation tokens processed.",
            metrics.GenerationTokens);
        exposition.Success(metrics.SuccessLength);
        exposition.Histograms(metrics);
        exposition.CacheConfig(state.Options);
        return exposition._text.ToString();
    }

    private void Histograms(MockMetrics metrics)
    {
        Histogram("vllm:time_to_first_token_seconds",
            "Histogram of time to first token in seconds.", metrics.TimeToFirstToken);
        Histogram("vllm:inter_token_latency_seconds",
            "Histogram of inter-token latency in seconds.", metrics.InterTokenLatency);
        Histogram("vllm:e2e_request_latency_seconds",
            "Histogram of e2e request latency in seconds.", metrics.EndToEnd);
        Histogram("vllm:request_queue_time_seconds",
            "Histogram of time spent in WAITING phase for request.", metrics.QueueTime);
    }

    private void Gauge(string name, string help, double value)
    {
        Header(name, help, "gauge");
        Sample(name, _labels, value);
    }

    private void Counter(string baseName, string help, long value)
    {
        // prometheus_client writes a _created gauge beside every counter; parsers must cope.
        Header(baseName + "_total", help, "counter");
        Sample(baseName + "_total", _labels, value);
        Header(baseName + "_created", help, "gauge");
        Sample(baseName + "_created", _labels, _created);
    }

    private void Success(long lengthFinished)
    {
        const string Name = "vllm:request_success";
        const string Help = "Count of successfully processed requests.";
        Header(Name + "_total", Help, "counter");
        foreach (var reason in (string[])["stop", "length", "abort"])
        {
            var value = reason == "length" ? lengthFinished : 0;
            Sample(Name + "_total", $"{_labels},finished_reason=\"{reason}\"", value);
        }
    }

    private void Histogram(string name, string help, PrometheusHistogram histogram)
    {
        var (buckets, count, sum) = histogram.Snapshot();
        Header(name, help, "histogram");
        for (var i = 0; i < buckets.Length; i++)
        {
            var le = Number(histogram.UpperBounds[i]);
            Sample(name + "_bucket", $"engine=\"0\",le=\"{le}\",{ModelLabel()}", buckets[i]);
        }

        Sample(name + "_bucket", $"engine=\"0\",le=\"+Inf\",{ModelLabel()}", count);
        Sample(name + "_count", _labels, count);
        Sample(name + "_sum", _labels, sum);
        Header(name + "_created", help, "gauge");
        Sample(name + "_created", _labels, _created);
    }

    private void CacheConfig(MockServerOptions options)
    {
        const string Name = "vllm:cache_config_info";
        Header(Name, "Information of the LLMEngine CacheConfig", "gauge");
        var blockSize = options.BlockSize.ToString(CultureInfo.InvariantCulture);
        var blocks = options.CacheCapacityBlocks.ToString(CultureInfo.InvariantCulture);
        var labels = $"block_size=\"{blockSize}\",cache_dtype=\"auto\","
            + $"enable_prefix_caching=\"{(options.EnablePrefixCaching ? "True" : "False")}\","
            + "engine=\"0\",gpu_memory_utilization=\"0.9\","
            + $"num_gpu_blocks=\"{blocks}\",prefix_caching_hash_algo=\"fluxperf-mock\"";
        Sample(Name, labels, 1);
    }

    private string ModelLabel()
    {
        return _labels[(_labels.IndexOf(',', StringComparison.Ordinal) + 1)..];
    }

    private void Header(string name, string help, string type)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    private void Sample(string name, string labels, double value)
    {
        _text.Append(name).Append('{').Append(labels).Append("} ").Append(Number(value))
            .Append('\n');
    }

    /// <summary>
    /// Numbers as Python's prometheus_client writes them: "200.0", "0.25", "+Inf".
    /// </summary>
    private static string Number(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return value.ToString("F1", CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string Escape(string labelValue)
    {
        return labelValue.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
