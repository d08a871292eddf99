namespace FluxPerf.Datasets;

/// <summary>
/// Collects the messages of one entry in order and pairs each assistant reply with the user
/// message it answers, so that a replayed history keeps question and answer together.
/// </summary>
internal sealed class ConversationBuilder
{
    private readonly List<string> _users = [];
    private readonly List<string> _replies = [];
    private readonly List<string> _systemParts = [];

    // False after a blank user message: the reply that follows answers a question we drop, and
    // attaching it to the previous user message would pair an answer with the wrong question.
    private bool _replyOpen;

    public int UserCount => _users.Count;

    public string? SystemPrompt =>
        _systemParts.Count == 0 ? null : string.Join("\n\n", _systemParts);

    public IReadOnlyList<string> UserMessages => _users;

    public IReadOnlyList<string>? AssistantReplies =>
        _replies.Exists(r => r.Length > 0) ? _replies : null;

    public void AddSystem(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _systemParts.Add(text);
        }
    }

    public void AddUser(string? text)
    {
        _replyOpen = !string.IsNullOrWhiteSpace(text);
        if (_replyOpen)
        {
            _users.Add(text!); // not null: checked by IsNullOrWhiteSpace just above
            _replies.Add(string.Empty);
        }
    }

    public void AddAssistant(string? text)
    {
        if (!_replyOpen || string.IsNullOrEmpty(text))
        {
            return;
        }

        var last = _replies.Count - 1;

        // Several assistant messages in a row (a reply split around tool output) form one reply.
        _replies[last] = _replies[last].Length == 0 ? text : _replies[last] + "\n" + text;
    }
}
