using System.Text.Json.Serialization;

namespace FluxPerf.Running;

/// <summary>What one cache reset did, and whether it was shown to work.</summary>
public sealed record ResetOutcome
{
    /// <summary><c>before_level</c>, <c>between_rounds</c> or <c>end</c>.</summary>
    [JsonPropertyName("moment")]
    public required string Moment { get; init; }

    /// <summary>When the reset was sent (UTC).</summary>
    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    /// <summary>HTTP status of the reset call; null when no answer arrived.</summary>
    [JsonPropertyName("http_status")]
    public int? HttpStatus { get; init; }

    /// <summary>The answer's body, cut to 500 characters.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Time the reset call took, ms.</summary>
    [JsonPropertyName("elapsed_ms")]
    public double ElapsedMs { get; init; }

    /// <summary>The body's <c>success</c> flag, when the server sends one.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>True when a probe showed the cache empty after the reset.</summary>
    [JsonPropertyName("verified")]
    public bool Verified { get; init; }

    /// <summary>How the reset was (or could not be) verified, in words.</summary>
    [JsonPropertyName("verification")]
    public required string Verification { get; init; }

    /// <summary>Why the reset failed, when it did.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>True when the reset call failed or the server refused it.</summary>
    [JsonIgnore]
    public bool Failed => Error is not null;
}
