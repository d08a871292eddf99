namespace FluxPerf.Datasets.Generation;

/// <summary>
/// One message of a generated request as the generator knows it: system or user text made of
/// one-token words, or the placeholder for a reply the server will produce in an earlier turn.
/// </summary>
/// <param name="Kind">System, user or reply.</param>
/// <param name="Chunks">The text in the parts it was built from (a group prefix and a suffix, a
/// context and a question), one token per word; empty for a reply. Generators keep the parts
/// that can be shared at the same places, so comparing part by part finds every shared
/// prefix.</param>
/// <param name="ReplyTurn">For a reply, the turn (1-based) that produced it; else 0.</param>
/// <param name="ReplyOwner">For a reply, the session that produced it; else <c>null</c>.</param>
internal sealed record PlannedMessage(
    PlannedMessageKind Kind,
    IReadOnlyList<string[]> Chunks,
    int ReplyTurn = 0,
    string? ReplyOwner = null)
{
    /// <summary>Tokens of the message (0 for a reply).</summary>
    public int TokenCount => Chunks.Sum(c => c.Length);

    /// <summary>All words in order.</summary>
    public string[] Words => [.. Chunks.SelectMany(c => c)];

    public static PlannedMessage Text(PlannedMessageKind kind, params string[][] chunks) =>
        new(kind, chunks.Where(c => c.Length > 0).ToArray());

    public static PlannedMessage Reply(string session, int turn) =>
        new(PlannedMessageKind.Reply, [], turn, session);
}
