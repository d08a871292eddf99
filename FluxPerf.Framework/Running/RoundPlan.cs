namespace FluxPerf.Running;

/// <summary>What one round sends, in the order it sends it.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="Concurrency">Concurrency level.</param>
/// <param name="Round">1 or 2.</param>
/// <param name="Sessions">Sessions in sending order.</param>
/// <param name="Replay">
/// Round 2 only: the replies and turn count of each session in round 1, keyed by pair id. When
/// set, history is built from these recorded replies (byte-identical twins) and each session sends
/// only the turns that round 1 sent.
/// </param>
internal sealed record RoundPlan(
    string Stage,
    int Concurrency,
    int Round,
    IReadOnlyList<PlannedSession> Sessions,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Replay);
