using System.Text.Json.Serialization;

namespace FluxPerf.Running;

/// <summary>The results of a run so far: what <c>results.json</c> holds.</summary>
public sealed record BenchmarkResult
{
    /// <summary>Name of the run folder.</summary>
    [JsonPropertyName("run_id")]
    public required string RunId { get; init; }

    /// <summary>FluxPerf's version.</summary>
    [JsonPropertyName("fluxperf_version")]
    public required string FluxPerfVersion { get; init; }

    /// <summary>How socket reads completed in the measuring process (<c>inline</c> or
    /// <c>thread_pool</c>): it changes the client's cost per token and how soon an event is
    /// stamped (docs/performance.md).</summary>
    [JsonPropertyName("socket_completions")]
    public string SocketCompletions { get; init; } = Client.SocketCompletions.Mode;

    /// <summary>When the run started (UTC).</summary>
    [JsonPropertyName("started_at")]
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When these results were written (UTC).</summary>
    [JsonPropertyName("updated_at")]
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The stages run so far, in order.</summary>
    [JsonPropertyName("stages")]
    public required IReadOnlyList<StageResult> Stages { get; init; }
}

/// <summary>A stage's configuration (secrets redacted) and its levels.</summary>
public sealed record StageResult
{
    /// <summary>Stage name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The configuration as run; the API key is never included.</summary>
    [JsonPropertyName("config")]
    public required IReadOnlyDictionary<string, object?> Config { get; init; }

    /// <summary>Notes about how the configuration was applied.</summary>
    [JsonPropertyName("notes")]
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Levels run so far.</summary>
    [JsonPropertyName("levels")]
    public required IReadOnlyList<LevelResult> Levels { get; init; }
}
