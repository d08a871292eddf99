namespace FluxPerf.Datasets.Generation;

/// <summary>
/// One request the engine will send: session (or entry) id, turn, and its messages.
/// </summary>
internal sealed record PlannedRequest(string Id, int Turn, IReadOnlyList<PlannedMessage> Messages)
{
    /// <summary>Tokens of the messages the generator wrote (replies excluded).</summary>
    public int KnownTokens => Messages.Sum(m => m.TokenCount);
}
