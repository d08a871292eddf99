namespace FluxPerf.Running;

/// <summary>A snapshot of a round in progress, for live displays.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="Concurrency">Concurrency level.</param>
/// <param name="Round">1 or 2.</param>
/// <param name="Done">Requests finished so far.</param>
/// <param name="Total">Requests planned (multi-turn: all turns of all sessions).</param>
/// <param name="Errors">Finished requests that failed.</param>
/// <param name="InFlight">Requests sent and not yet finished.</param>
/// <param name="OldestInFlightMs">Age of the oldest request in flight, 0 when none.</param>
/// <param name="TtftP50Ms">Median TTFT of the successful requests so far.</param>
/// <param name="Finished">True for the last snapshot of the round.</param>
public sealed record RoundProgress(
    string Stage,
    int Concurrency,
    int Round,
    int Done,
    int Total,
    int Errors,
    int InFlight,
    double OldestInFlightMs,
    double? TtftP50Ms,
    bool Finished);
