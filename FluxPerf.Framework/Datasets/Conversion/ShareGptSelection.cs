namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// The per-entry checks of <see cref="ShareGptConverter"/>, in the order their drop reasons
/// are tried: unreadable entry, no user turn, turn limits, duplicate, token budget.
/// </summary>
internal sealed class ShareGptSelection
{
    internal const string DroppedTooFewTurns = "fewer user turns than --min-turns";
    internal const string DroppedTooManyTurns = "more user turns than --max-turns";
    internal const string DroppedDuplicate = "duplicate conversation";
    internal const string DroppedDuplicatePrompt = "duplicate prompt";
    internal const string DroppedTooLong = "prompt longer than --max-prompt-tokens";

    private readonly ShareGptOptions _options;
    private readonly ReasonCounter _dropped;
    private readonly ReasonCounter _adjustments;
    private readonly HashSet<string> _seenContent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);

    public ShareGptSelection(
        ShareGptOptions options,
        ReasonCounter dropped,
        ReasonCounter adjustments)
    {
        _options = options;
        _dropped = dropped;
        _adjustments = adjustments;
    }

    public int Read { get; private set; }

    public List<BenchmarkEntry> Entries { get; } = [];

    public string? FirstProblemLocation { get; private set; }

    public void Consider(ShareGptRecord record)
    {
        Read++;
        if (record.Problem is not null)
        {
            FirstProblemLocation ??= record.Location;
            _dropped.Add(record.Problem);
            return;
        }

        var conversation = ShareGptCleaner.Clean(record, _adjustments, out var cleanDrop);
        var reason = cleanDrop ?? Check(conversation!); // not null: Clean returns it when no reason
        if (reason is not null)
        {
            _dropped.Add(reason);
            return;
        }

        Entries.Add(ToEntry(conversation!, UniqueId(record.Id))); // not null: no drop reason
    }

    private string? Check(ShareGptConversation conversation)
    {
        var userTurns = conversation.UserMessages.Count;
        if (userTurns < _options.MinTurns)
        {
            return DroppedTooFewTurns;
        }

        if (userTurns > _options.MaxTurns)
        {
            return DroppedTooManyTurns;
        }

        if (!_seenContent.Add(ContentKey(conversation)))
        {
            return _options.SingleTurn ? DroppedDuplicatePrompt : DroppedDuplicate;
        }

        return _options.MaxPromptTokens is { } budget && PromptTokens(conversation) > budget
            ? DroppedTooLong
            : null;
    }

    // Single-turn output keeps only the first user turn, so two conversations that open with
    // the same question would send the same prompt twice and inflate cache hits.
    private string ContentKey(ShareGptConversation conversation) =>
        _options.SingleTurn
            ? conversation.UserMessages[0]
            : string.Join(
                "\u0001",
                conversation.Turns.Select(t => $"{t.Role}:{t.Text}")
                    .Prepend(conversation.System ?? ""));

    private int PromptTokens(ShareGptConversation conversation)
    {
        var counter = TokenCounter.Cl100kBase;
        return _options.SingleTurn
            ? counter.Count(conversation.UserMessages[0])
            : conversation.LastPromptParts().Sum(counter.Count);
    }

    private BenchmarkEntry ToEntry(ShareGptConversation conversation, string id)
    {
        if (_options.SingleTurn)
        {
            return new SingleTurnEntry(id, conversation.UserMessages[0]);
        }

        var replies = conversation.AssistantMessages;
        return new SessionEntry(
            id,
            conversation.System,
            conversation.UserMessages,
            replies.Any(r => r.Length > 0) ? replies : null);
    }

    // Ids are kept when present; a missing id becomes "sharegpt-<entry number>" so it points
    // back to the source, and a repeated id gets "#2", "#3"... like the dataset loader does.
    private string UniqueId(string? id)
    {
        var baseId = id ?? $"sharegpt-{Read}";
        var candidate = baseId;
        for (var n = 2; !_usedIds.Add(candidate); n++)
        {
            candidate = $"{baseId}#{n}";
        }

        return candidate;
    }
}
