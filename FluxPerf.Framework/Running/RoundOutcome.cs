namespace FluxPerf.Running;

/// <summary>The records of a finished round and the replies its sessions received.</summary>
/// <param name="Records">Every finished request, in finishing order.</param>
/// <param name="Replies">Per pair id, the reply text of each turn sent, in turn order.</param>
/// <param name="SkippedTurns">Turns not sent because an earlier turn of the session failed.</param>
/// <param name="Server">The server's figures over the round, when scraped.</param>
internal sealed record RoundOutcome(
    IReadOnlyList<RequestRecord> Records,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Replies,
    int SkippedTurns,
    Monitoring.RoundServerMetrics? Server = null);
