namespace FluxPerf.Datasets.Generation;

/// <summary>
/// Computes, for each request in send order, the longest prefix of its messages that an earlier
/// request already sent: whole messages that match an earlier request's messages at the same
/// place, then the leading tokens shared with the first differing message. A message that ends
/// early does not match a longer one, because the chat template closes it with an end-of-turn
/// token the longer one does not have at that place.
/// </summary>
/// <remarks>
/// Messages and their chunks get small ids for equal content, so a pair of requests is compared
/// in a few integer steps and words are compared only in the first differing chunk (usually
/// one word, as generators start every chunk with a distinct word). That keeps the all-pairs
/// search fast enough for the generators' 20,000-request cap.
/// </remarks>
internal static class PrefixReuseCalculator
{
    /// <summary>The expected reuse of every request, in the given order.</summary>
    public static IReadOnlyList<ExpectedReuse> Compute(IReadOnlyList<PlannedRequest> requests)
    {
        var ids = new ContentIds();
        var encoded = requests.Select(r => r.Messages.Select(ids.Of).ToArray()).ToList();
        var results = new List<ExpectedReuse>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var best = default(Match);
            for (var j = 0; j < i; j++)
            {
                var match = Longest(encoded[i], encoded[j]);
                best = match.IsLongerThan(best) ? match : best;
            }

            results.Add(ToReuse(requests[i], best));
        }

        return results;
    }

    private static Match Longest(EncodedMessage[] current, EncodedMessage[] earlier)
    {
        var count = Math.Min(current.Length, earlier.Length);
        for (var m = 0; m < count; m++)
        {
            if (current[m].Id != earlier[m].Id)
            {
                return new Match(m, SharedTokens(current[m], earlier[m]));
            }
        }

        // Every message of the shorter request matched: the earlier request is a whole prefix.
        return new Match(count, 0);
    }

    private static int SharedTokens(EncodedMessage a, EncodedMessage b)
    {
        if (a.Message.Kind != b.Message.Kind || a.Message.Kind == PlannedMessageKind.Reply)
        {
            return 0;
        }

        var shared = 0;
        var chunks = Math.Min(a.ChunkIds.Length, b.ChunkIds.Length);
        for (var c = 0; c < chunks; c++)
        {
            if (a.ChunkIds[c] != b.ChunkIds[c])
            {
                return shared + CommonWords(a.Message.Chunks[c], b.Message.Chunks[c]);
            }

            shared += a.Message.Chunks[c].Length;
        }

        return shared;
    }

    private static int CommonWords(string[] a, string[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && string.Equals(a[i], b[i], StringComparison.Ordinal))
        {
            i++;
        }

        return i;
    }

    private static ExpectedReuse ToReuse(PlannedRequest request, Match match)
    {
        var whole = request.Messages.Take(match.WholeMessages).ToList();
        var tokens = whole.Sum(m => m.TokenCount) + match.PartialTokens;
        var replies = whole.Where(m => m.Kind == PlannedMessageKind.Reply).Select(m => m.ReplyTurn);
        return new ExpectedReuse(
            request.Id,
            request.Turn,
            request.KnownTokens,
            tokens,
            replies.ToList());
    }

    /// <summary>A prefix: this many whole messages, then this many tokens of the next one.</summary>
    private readonly record struct Match(int WholeMessages, int PartialTokens)
    {
        public bool IsLongerThan(Match other) =>
            WholeMessages > other.WholeMessages
            || (WholeMessages == other.WholeMessages && PartialTokens > other.PartialTokens);
    }

    private sealed record EncodedMessage(PlannedMessage Message, int Id, int[] ChunkIds);

    /// <summary>Gives equal content equal small ids.</summary>
    private sealed class ContentIds
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public EncodedMessage Of(PlannedMessage message)
        {
            var chunkIds = message.Chunks
                .Select(c => IdOf("chunk\u0001" + string.Join(' ', c)))
                .ToArray();
            var key = message.Kind == PlannedMessageKind.Reply
                ? $"reply\u0001{message.ReplyOwner}\u0001{message.ReplyTurn}"
                : $"{message.Kind}\u0001{string.Join(',', chunkIds)}";
            return new EncodedMessage(message, IdOf(key), chunkIds);
        }

        private int IdOf(string key)
        {
            if (!_ids.TryGetValue(key, out var id))
            {
                id = _ids.Count;
                _ids.Add(key, id);
            }

            return id;
        }
    }
}
