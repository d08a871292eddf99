namespace FluxPerf.Datasets.Generation;

/// <summary>
/// One message of a generated request as the generator knows it: system or user text made of
/// one-token words, or the placeholder for a reply the server will produce in an earlier turn.
/// </summary>
/// <param name="Kind">System, user or reply.</param>
/// <param name="Words">The words (one token each); empty for a reply.</param>
/// <param name="ReplyTurn">For a reply, the turn (1-based) that produced it; else 0.</param>
/// <param name="ReplyOwner">For a reply, the session that produced it; else <c>null</c>.</param>
internal sealed record PlannedMessage(
    PlannedMessageKind Kind,
    IReadOnlyList<string> Words,
    int ReplyTurn = 0,
    string? ReplyOwner = null)
{
    public static PlannedMessage Reply(string session, int turn) =>
        new(PlannedMessageKind.Reply, [], turn, session);
}
