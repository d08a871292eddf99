namespace FluxPerf.Configuration;

/// <summary>What a cache reset that failed or could not be verified does to the run.</summary>
public enum ResetVerificationPolicy
{
    /// <summary>Reset without a probe; only the server's own answer is recorded.</summary>
    None,

    /// <summary>
    /// Probe after each reset; a failed or unverifiable reset is a warning (default).
    /// </summary>
    Warn,

    /// <summary>Probe after each reset; a failed or unverifiable reset fails the level.</summary>
    Strict,
}
