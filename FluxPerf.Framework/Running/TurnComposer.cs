using FluxPerf.Client;
using FluxPerf.Datasets;

namespace FluxPerf.Running;

/// <summary>
/// Builds the messages of a session's turn: system prompt, the earlier user turns with the
/// replies given to them, and the current user turn; drops the oldest turns when the context
/// would exceed <c>max_context_tokens</c>.
/// </summary>
internal sealed class TurnComposer
{
    private readonly int? _maxContextTokens;
    private readonly bool _countTokens;

    public TurnComposer(int? maxContextTokens, bool countTokens)
    {
        _maxContextTokens = maxContextTokens;
        _countTokens = countTokens || maxContextTokens is not null;
    }

    public PreparedConversation Build(
        PlannedSession session,
        int turn,
        IReadOnlyList<string> replies)
    {
        var earlier = new List<ConversationTurn>(turn);
        for (var i = 0; i < turn; i++)
        {
            earlier.Add(new ConversationTurn(
                session.UserMessages[i], i < replies.Count ? replies[i] : ""));
        }

        if (!_countTokens)
        {
            return new PreparedConversation(
                Compose(session.SystemPrompt, earlier, session.UserMessages[turn]), null, 0);
        }

        var counter = TokenCounter.Cl100kBase;
        var fitted = HistoryTruncation.Fit(session.SystemPrompt, earlier,
            session.UserMessages[turn], _maxContextTokens ?? int.MaxValue, counter.Count);
        return new PreparedConversation(fitted.Messages, fitted.TokenCount, fitted.DroppedTurns);
    }

    private static List<ChatMessage> Compose(
        string? system,
        List<ConversationTurn> earlier,
        string current)
    {
        var messages = new List<ChatMessage>(2 * earlier.Count + 2);
        if (!string.IsNullOrEmpty(system))
        {
            messages.Add(ChatMessage.System(system));
        }

        foreach (var (user, assistant) in earlier)
        {
            messages.Add(ChatMessage.User(user));
            messages.Add(ChatMessage.Assistant(assistant));
        }

        messages.Add(ChatMessage.User(current));
        return messages;
    }
}
