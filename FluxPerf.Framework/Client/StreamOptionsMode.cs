namespace FluxPerf.Client;

/// <summary>How much of <c>stream_options</c> a request carries; each step down is taken only
/// after the server rejected the one above.</summary>
internal enum StreamOptionsMode
{
    /// <summary><c>include_usage</c> and <c>continuous_usage_stats</c>: exact tokens per event.
    /// </summary>
    Full,

    /// <summary><c>include_usage</c> only: exact totals, tokens per event estimated.</summary>
    UsageOnly,

    /// <summary>No <c>stream_options</c>: output tokens estimated from events.</summary>
    None,
}
