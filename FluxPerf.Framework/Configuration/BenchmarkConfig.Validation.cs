using System.Globalization;

namespace FluxPerf.Configuration;

public sealed partial record BenchmarkConfig
{
    /// <summary>
    /// Every problem of this configuration, one sentence each; empty when it can run.
    /// </summary>
    /// <param name="requireEndpoint">False while the endpoint (and with it the default reset URL)
    /// is still to be filled in by a host that starts the embedded mock.</param>
    public IReadOnlyList<string> Validate(bool requireEndpoint = true)
    {
        var problems = new List<string>();

        ValidateTarget(problems, requireEndpoint);
        ValidateLoad(problems);
        ValidateLimits(problems);
        ValidateResets(problems, requireEndpoint);
        return problems;
    }

    /// <summary>
    /// Throws a <see cref="ConfigurationException"/> listing every problem, if any.
    /// </summary>
    public void ValidateOrThrow()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }

    private void ValidateTarget(List<string> problems, bool requireEndpoint)
    {
        if (string.IsNullOrWhiteSpace(DatasetPath))
        {
            problems.Add("dataset is missing; give the path of a JSON or JSONL dataset");
        }
        else if (!File.Exists(DatasetPath))
        {
            problems.Add($"dataset \"{DatasetPath}\" does not exist; check the path "
                + "(relative paths resolve against the recipe's folder or the working folder)");
        }

        if (Endpoint is null && requireEndpoint)
        {
            problems.Add("endpoint is missing; give a URL such as "
                + "http://localhost:8000/v1/chat/completions");
        }
        else if (Endpoint is not null && (!IsHttp(Endpoint)
            || !Endpoint.AbsolutePath.EndsWith("completions", StringComparison.Ordinal)))
        {
            problems.Add($"endpoint \"{Endpoint}\" is not an http(s) URL ending in "
                + "/v1/chat/completions or /v1/completions");
        }

        if (ApiKeyEnvironmentVariable is { } name
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            problems.Add($"api_key_env names \"{name}\", but that environment variable is not "
                + "set; export it or remove api_key_env");
        }
    }

    private void ValidateLoad(List<string> problems)
    {
        if (ConcurrencyLevels.Count == 0)
        {
            problems.Add("concurrency levels are empty; give at least one, e.g. [4, 8]");
        }

        foreach (var level in ConcurrencyLevels.Where(c => c < 1))
        {
            problems.Add($"concurrency level {level} is not allowed; use whole numbers ≥ 1");
        }

        foreach (var samples in NumSamples.Where(n => n < 1))
        {
            problems.Add($"num_samples {samples} is not allowed; use whole numbers ≥ 1");
        }
    }

    private void ValidateLimits(List<string> problems)
    {
        AddIfNotPositive(problems, "max_input_length", MaxInputLength);
        AddIfNotPositive(problems, "max_output_tokens", MaxOutputTokens);
        AddIfNotPositive(problems, "max_context_tokens", MaxContextTokens);

        if (Temperature is { } t && (t < 0 || t > 2 || double.IsNaN(t)))
        {
            problems.Add($"temperature {Format(t)} is outside 0 to 2");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"timeout {Format(RequestTimeout.TotalSeconds)} s is not allowed; "
                + "give a positive number of seconds");
        }

        if (ScrapeInterval < TimeSpan.FromMilliseconds(10))
        {
            problems.Add($"scrape interval {Format(ScrapeInterval.TotalMilliseconds)} ms is too "
                + "short; use 10 ms or more (default 500 ms)");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            problems.Add("output_dir is empty; give a folder, e.g. benchmark_results");
        }

        foreach (var url in PrometheusUrls.Where(u => !IsHttp(u)))
        {
            problems.Add($"prometheus_url \"{url}\" is not an absolute http(s) URL");
        }
    }

    private void ValidateResets(List<string> problems, bool requireEndpoint)
    {
        var wantsReset = ResetCacheBetweenRounds || ResetCacheBetweenConcurrency
            || ResetCacheAtEnd;
        if (wantsReset && ResetCacheUrl is null && requireEndpoint)
        {
            problems.Add("a cache reset is requested but reset_cache_url is missing; give the "
                + "server's reset URL, e.g. http://localhost:8000/reset_prefix_cache");
        }

        if (ResetCacheUrl is { } url && !IsHttp(url))
        {
            problems.Add($"reset_cache_url \"{url}\" is not an absolute http(s) URL");
        }
    }

    private static void AddIfNotPositive(List<string> problems, string name, int? value)
    {
        if (value is { } v && v < 1)
        {
            problems.Add($"{name} {v} is not allowed; use a whole number ≥ 1 or leave it out");
        }
    }

    private static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Format(double value) =>
        value.ToString("0.###", CultureInfo.InvariantCulture);
}
