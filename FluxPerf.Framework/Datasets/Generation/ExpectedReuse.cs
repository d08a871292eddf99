namespace FluxPerf.Datasets.Generation;

/// <summary>
/// What a perfect prefix cache could reuse for one request of a generated workload.
/// </summary>
/// <param name="Id">The entry's <c>id</c> or <c>session_id</c>.</param>
/// <param name="Turn">The turn within the session, from 1; always 1 for single-turn
/// entries.</param>
/// <param name="PromptTokens">cl100k_base tokens of the request's system and user messages
/// (earlier replies and chat-template tokens excluded).</param>
/// <param name="ReusableTokens">Of those, the tokens inside the longest prefix that an earlier
/// request already sent (see docs/cli-generate.md for the exact rule).</param>
/// <param name="ReplyTurns">Turns of the same session whose server replies also lie inside that
/// prefix; add their completion tokens to <paramref name="ReusableTokens"/> for the full
/// figure.</param>
public sealed record ExpectedReuse(
    string Id,
    int Turn,
    int PromptTokens,
    int ReusableTokens,
    IReadOnlyList<int> ReplyTurns);
