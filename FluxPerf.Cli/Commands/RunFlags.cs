using System.CommandLine;

namespace FluxPerf.Cli.Commands;

/// <summary>
/// Every option of <c>fluxperf run</c>. None has a parser default: an option the user did not
/// give has no result, which is how flags override only what they name in a recipe. The
/// defaults in the descriptions are <see cref="Configuration.BenchmarkConfig"/>'s.
/// </summary>
internal sealed class RunFlags
{
    public Option<string> Recipe { get; } = new("--recipe", "-r")
    {
        Description = "Recipe YAML (global settings and stages). Flags given with it override "
            + "the recipe's global values.",
    };

    public Option<string> Mode { get; } = Choice(
        "--mode", "Request shape: dual_round (one request per entry) or multi_turn "
        + "(sessions with growing history). Default: dual_round.", "dual_round", "multi_turn");

    public Option<string> Dataset { get; } = Text("--dataset", "Dataset file, JSON or JSONL.");

    public Option<string> Endpoint { get; } = Text(
        "--endpoint",
        "Chat or completions URL, e.g. http://localhost:8000/v1/chat/completions.");

    public Option<string> Model { get; } = Text(
        "--model", "Model name sent in each request. Default: omitted.");

    public Option<int[]> Concurrency { get; } = Many<int>(
        "--concurrency",
        "Concurrency levels, e.g. --concurrency 4 8 16. Default: 4.",
        "--concurrency-levels");

    public Option<int[]> NumSamples { get; } = Many<int>(
        "--num-samples",
        "Entries sampled per level, one per concurrency level. Default: 2 x concurrency.");

    public Option<int> MaxInputLength { get; } = Number<int>(
        "--max-input-length", "Truncate each user message to this many tokens. Default: no limit.");

    public Option<int> MaxOutputTokens { get; } = Number<int>(
        "--max-output-tokens", "max_tokens of each request. Default: the dataset's or server's.");

    public Option<double> Temperature { get; } = Number<double>(
        "--temperature", "Sampling temperature, 0 to 2. Default: the server's.");

    public Option<bool> IgnoreEos { get; } = Switch(
        "--ignore-eos", "Send ignore_eos so every request generates its full max_tokens.");

    public Option<string> ApiKeyEnv { get; } = Text(
        "--api-key-env", "Environment variable holding the API key (the key is never logged).");

    public Option<double> Timeout { get; } = Number<double>(
        "--timeout", "Per-request timeout in seconds. Default: 300.");

    public Option<bool> NoShuffleRound2 { get; } = Switch(
        "--no-shuffle-round2", "Send round 2 in round 1's order instead of a seeded shuffle.");

    public Option<int> Seed { get; } = Number<int>(
        "--seed", "Seed of sampling, shuffling and bootstrap intervals. Default: 42.");

    public Option<string> OutputDir { get; } = Text(
        "--output-dir", "Folder in which the run folder is created. Default: benchmark_results.");

    public Option<bool> SaveRequests { get; } = Switch(
        "--save-requests", "Keep the messages sent and the text received in requests.jsonl.");

    public Option<string> ResetCacheUrl { get; } = Text(
        "--reset-cache-url", "URL that resets the server's prefix cache (POST), e.g. "
        + "http://localhost:8000/reset_prefix_cache. "
        + "Default: none (the mock's with --mock-server).");

    public Option<bool> ResetBetweenRounds { get; } = Switch(
        "--reset-cache-between-rounds", "Reset the cache after round 1 of every level.");

    public Option<bool> ResetBetweenConcurrency { get; } = Switch(
        "--reset-cache-between-concurrency", "Reset the cache before every level (cold start).");

    public Option<bool> ResetAtEnd { get; } = Switch(
        "--reset-cache-at-end", "Reset the cache once after the last level.");

    public Option<string> ResetVerification { get; } = Choice(
        "--reset-verification", "How resets are checked: none, warn (a failed reset is a "
        + "warning) or strict (it fails the level). Default: warn.", "none", "warn", "strict");

    public Option<bool> Debug { get; } = Switch(
        "--debug", "Write debug.jsonl (messages, context tokens, truncation) per request.");

    public Option<string> DebugLogDir { get; } = Text(
        "--debug-log-dir", "Folder for debug.jsonl. Default: the run folder.");

    public Option<int> MaxContextTokens { get; } = Number<int>(
        "--max-context-tokens", "Multi-turn: drop the oldest turns to stay within this many "
        + "context tokens. Default: no limit.");

    public Option<string> SloFile { get; } = Text(
        "--slo-file", "SLO YAML (goodput constraints and gates judged per level).");

    public Option<string[]> PrometheusUrls { get; } = Many<string>(
        "--prometheus-url",
        "Prometheus /metrics URLs scraped during every round. Default: none (the mock's with "
        + "--mock-server).");

    public Option<string[]> PrometheusMetrics { get; } = Many<string>(
        "--prometheus-metrics", "Metric names or * patterns kept besides the default set.");

    public Option<bool> MockServer { get; } = Switch(
        "--mock-server", "Start the mock server in-process on a free loopback port and run "
        + "against it (its reset URL and /metrics become the defaults).");

    public Option<string[]> MockOptions { get; } = new("--mock-option")
    {
        Description = "A mock setting as key=value, repeatable, e.g. --mock-option "
            + "prefill_ms_per_token=0.2 (names as in 'fluxperf mock --help', _ or -).",
    };

    public Option<bool> Verbose { get; } = Switch(
        "--verbose", "Log at Debug level (one line per request) instead of Information.");

    /// <summary>Every option, in the order help lists them.</summary>
    public IEnumerable<Option> All =>
    [
        Recipe, Mode, Dataset, Endpoint, Model, Concurrency, NumSamples, MaxInputLength,
        MaxOutputTokens, Temperature, IgnoreEos, ApiKeyEnv, Timeout, NoShuffleRound2, Seed,
        OutputDir, SaveRequests, ResetCacheUrl, ResetBetweenRounds, ResetBetweenConcurrency,
        ResetAtEnd, ResetVerification, Debug, DebugLogDir, MaxContextTokens, SloFile,
        PrometheusUrls, PrometheusMetrics, MockServer, MockOptions, Verbose,
    ];

    private static Option<string> Text(string name, string description) =>
        new(name) { Description = description };

    private static Option<T> Number<T>(string name, string description) =>
        new(name) { Description = description };

    private static Option<bool> Switch(string name, string description) =>
        new(name) { Description = description };

    private static Option<T[]> Many<T>(string name, string description, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };

    private static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
