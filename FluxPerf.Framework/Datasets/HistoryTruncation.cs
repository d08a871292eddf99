using FluxPerf.Client;

namespace FluxPerf.Datasets;

/// <summary>
/// Keeps a multi-turn conversation within the model's context by dropping its oldest complete
/// turns, the way chat front-ends do; the system prompt and the new user message always stay.
/// </summary>
public static class HistoryTruncation
{
    /// <summary>
    /// Builds the next turn's messages, dropping the oldest turns until they fit.
    /// </summary>
    /// <param name="systemPrompt">The system prompt, or <c>null</c> for none; never
    /// dropped.</param>
    /// <param name="previousTurns">The completed turns so far, oldest first.</param>
    /// <param name="nextUserMessage">The message to send now; never dropped or shortened.</param>
    /// <param name="maxContextTokens">The most prompt tokens the messages may take.</param>
    /// <param name="countTokens">Counts the tokens of one message's text, e.g.
    /// <see cref="TokenCounter.Count(string)"/>.</param>
    /// <param name="messageOverheadTokens">Tokens the chat template adds per message (role
    /// markers); 0 counts text only.</param>
    /// <returns>The kept messages, how many turns were dropped and their token count.</returns>
    public static TruncatedHistory Fit(
        string? systemPrompt,
        IReadOnlyList<ConversationTurn> previousTurns,
        string nextUserMessage,
        int maxContextTokens,
        Func<string, int> countTokens,
        int messageOverheadTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(previousTurns);
        ArgumentNullException.ThrowIfNull(nextUserMessage);
        ArgumentNullException.ThrowIfNull(countTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(maxContextTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(messageOverheadTokens);

        int Cost(string text) => countTokens(text) + messageOverheadTokens;
        var fixedCost = Cost(nextUserMessage) + (systemPrompt is null ? 0 : Cost(systemPrompt));
        var turnCosts = previousTurns.Select(t => Cost(t.User) + Cost(t.Assistant)).ToArray();

        var (dropped, total) = DropOldest(turnCosts, fixedCost, maxContextTokens);
        var messages = Assemble(systemPrompt, previousTurns, dropped, nextUserMessage);
        return new TruncatedHistory(messages, dropped, total, total <= maxContextTokens);
    }

    private static (int Dropped, int Total) DropOldest(int[] turnCosts, int fixedCost, int budget)
    {
        // long: many long turns can add up past int.MaxValue before the first one is dropped.
        var total = fixedCost + turnCosts.Sum(c => (long)c);
        var dropped = 0;
        while (total > budget && dropped < turnCosts.Length)
        {
            total -= turnCosts[dropped];
            dropped++;
        }

        return (dropped, (int)Math.Min(total, int.MaxValue));
    }

    private static List<ChatMessage> Assemble(
        string? systemPrompt,
        IReadOnlyList<ConversationTurn> turns,
        int dropped,
        string nextUserMessage)
    {
        var messages = new List<ChatMessage>(2 + (2 * (turns.Count - dropped)));
        if (systemPrompt is not null)
        {
            messages.Add(ChatMessage.System(systemPrompt));
        }

        for (var i = dropped; i < turns.Count; i++)
        {
            messages.Add(ChatMessage.User(turns[i].User));
            messages.Add(ChatMessage.Assistant(turns[i].Assistant));
        }

        messages.Add(ChatMessage.User(nextUserMessage));
        return messages;
    }
}
