using System.Text.Json.Nodes;

namespace FluxPerf.Configuration;

/// <summary>
/// Everything one benchmark stage needs: what to send, where, how hard, and what to write.
/// Immutable; <see cref="Validate"/> reports every problem at once before anything runs.
/// </summary>
public sealed partial record BenchmarkConfig
{
    /// <summary>The default folder that run folders are created in.</summary>
    public const string DefaultOutputDirectory = "benchmark_results";

    /// <summary>Name of the stage, used in records and reports. Default <c>default</c>.</summary>
    public string StageName { get; init; } = "default";

    /// <summary>Path of the dataset file (JSON or JSONL). Required.</summary>
    public string DatasetPath { get; init; } = "";

    /// <summary>
    /// Chat (<c>/v1/chat/completions</c>) or completions (<c>/v1/completions</c>) URL.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Model name sent in each body; <c>null</c> omits the field.</summary>
    public string? Model { get; init; }

    /// <summary>Dual-round (default) or multi-turn.</summary>
    public BenchmarkMode Mode { get; init; } = BenchmarkMode.DualRound;

    /// <summary>Requests (dual-round) or sessions (multi-turn) in flight at each level.</summary>
    public IReadOnlyList<int> ConcurrencyLevels { get; init; } = [4];

    /// <summary>
    /// Entries sampled per level, one per concurrency level. When the two lists differ in length,
    /// each level takes 2 × its concurrency instead (see <see cref="SamplesForLevels"/>).
    /// </summary>
    public IReadOnlyList<int> NumSamples { get; init; } = [];

    /// <summary>
    /// Truncates each user message to this many tokens (cl100k); <c>null</c> keeps all.
    /// </summary>
    public int? MaxInputLength { get; init; }

    /// <summary><c>max_tokens</c> of each request unless the entry sets its own.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Sampling temperature; <c>null</c> leaves the server's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>Sends <c>ignore_eos: true</c> so every request produces its full budget.</summary>
    public bool IgnoreEos { get; init; }

    /// <summary>Environment variable holding the API key; the key itself is never stored.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>Per-request timeout. Default 300 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Shuffles the order of round 2 (default on); the bodies stay byte-identical.
    /// </summary>
    public bool ShuffleRound2 { get; init; } = true;

    /// <summary>Seed of sampling, shuffling and bootstrap intervals. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Folder in which the run folder is created. Default <c>benchmark_results</c>.
    /// </summary>
    public string OutputDirectory { get; init; } = DefaultOutputDirectory;

    /// <summary>
    /// Adds the messages sent and the text received to each <c>requests.jsonl</c> record.
    /// </summary>
    public bool SaveRequests { get; init; }

    /// <summary>
    /// Writes <c>debug.jsonl</c> (messages, context tokens, truncation) per request.
    /// </summary>
    public bool Debug { get; init; }

    /// <summary>Folder for <c>debug.jsonl</c>; default the run folder.</summary>
    public string? DebugLogDirectory { get; init; }

    /// <summary>
    /// Multi-turn: drops the oldest turns so a request's context stays within this.
    /// </summary>
    public int? MaxContextTokens { get; init; }

    /// <summary>
    /// Multi-turn round 2 replays round 1's recorded replies as history (default), so each
    /// round-2 request is byte-identical to its twin; false uses round 2's live replies.
    /// </summary>
    public bool ReplayRecordedReplies { get; init; } = true;

    /// <summary>URL that resets the server's prefix cache (POST), e.g. vLLM's
    /// <c>/reset_prefix_cache</c>.</summary>
    public Uri? ResetCacheUrl { get; init; }

    /// <summary>Resets after round 1, before round 2 of every level.</summary>
    public bool ResetCacheBetweenRounds { get; init; }

    /// <summary>Resets before round 1 of every level, so each level starts cold.</summary>
    public bool ResetCacheBetweenConcurrency { get; init; }

    /// <summary>Resets once after the last level.</summary>
    public bool ResetCacheAtEnd { get; init; }

    /// <summary>How resets are verified and what a failed one does. Default warn.</summary>
    public ResetVerificationPolicy ResetVerification { get; init; } = ResetVerificationPolicy.Warn;

    /// <summary>Prometheus <c>/metrics</c> URLs scraped during every round.</summary>
    public IReadOnlyList<Uri> PrometheusUrls { get; init; } = [];

    /// <summary>Metric names or <c>*</c> patterns kept besides the default set.</summary>
    public IReadOnlyList<string> PrometheusMetrics { get; init; } = [];

    /// <summary>Interval between scrapes during a round. Default 0.5 s.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Path of the SLO file whose criteria and gates apply to this stage.</summary>
    public string? SloFile { get; init; }

    /// <summary>Extra JSON fields merged into every request body.</summary>
    public IReadOnlyDictionary<string, JsonNode?> ExtraBody { get; init; } =
        new Dictionary<string, JsonNode?>();

    /// <summary>Extra HTTP headers sent with every request (never logged).</summary>
    public IReadOnlyDictionary<string, string> ExtraHeaders { get; init; } =
        new Dictionary<string, string>();

    /// <summary>
    /// The sample count of each level, and a note when the lists differ in length and every level
    /// took 2 × its concurrency instead.
    /// </summary>
    public (IReadOnlyList<int> Samples, string? Note) SamplesForLevels()
    {
        if (NumSamples.Count == ConcurrencyLevels.Count)
        {
            return (NumSamples, null);
        }

        var doubled = ConcurrencyLevels.Select(c => 2 * c).ToArray();
        var note = $"num_samples has {NumSamples.Count} value(s) for "
            + $"{ConcurrencyLevels.Count} concurrency level(s); each level takes 2 × its "
            + $"concurrency instead: [{string.Join(", ", doubled)}]";
        return (doubled, note);
    }
}
