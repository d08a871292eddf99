namespace FluxPerf.Configuration;

/// <summary>How the sampled dataset entries become requests.</summary>
public enum BenchmarkMode
{
    /// <summary>
    /// Each entry is one request (its first user message); round 2 repeats round 1.
    /// </summary>
    DualRound,

    /// <summary>
    /// Each entry is a session whose turns carry the growing conversation history.
    /// </summary>
    MultiTurn,
}
