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
/// search fast enough for the generators' 10,000-request cap.
/// </remarks>
internal static class PrefixReuseCalculator
{
    /// <summary>The expected reuse of every request, in the given order.</summary>
    public static IReadOnlyList<ExpectedReuse> Compute(IReadOnlyList<PlannedRequest> requests)
    {
        var ids = new ContentIds();
        var encoded = requests.Select(r => r.Messages.Select(ids.Of).ToArray()).ToArray();

        // Flat id arrays keep the all-pairs loop on plain int comparisons.
        var messageIds = encoded.Select(e => e.Select(m => m.Id).ToArray()).ToArray();
        var results = new List<ExpectedReuse>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var best = default(Match);
            for (var j = 0; j < i; j++)
            {
                var whole = WholeMessages(messageIds[i], messageIds[j]);
                if (whole < best.WholeMessages)
                {
                    continue;
                }

                var partial = whole < Math.Min(messageIds[i].Length, messageIds[j].Length)
                    ? SharedTokens(encoded[i][whole], encoded[j][whole])
                    : 0;
                var match = new Match(whole, partial);
                best = match.IsLongerThan(best) ? match : best;
            }

            results.Add(ToReuse(requests[i], best));
        }

        return results;
    }

    // Messages equal at the same places from the start; when every message of the shorter
    // request matched, the earlier request is a whole prefix of this one (or the reverse).
    private static int WholeMessages(int[] current, int[] earlier)
    {
        var count = Math.Min(current.Length, earlier.Length);
        var m = 0;
        while (m < count && current[m] == earlier[m])
        {
            m++;
        }

        return m;
    }

    private static int SharedTokens(in EncodedMessage a, in EncodedMessage b)
    {
        if (a.Kind != b.Kind || a.Kind == PlannedMessageKind.Reply)
        {
            return 0;
        }

        var shared = 0;
        var chunks = Math.Min(a.ChunkIds.Length, b.ChunkIds.Length);
        for (var c = 0; c < chunks; c++)
        {
            if (a.ChunkIds[c] != b.ChunkIds[c])
            {
                return shared + CommonWords(a.Chunks[c], b.Chunks[c]);
            }

            shared += a.Chunks[c].Length;
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

    /// <summary>
    /// A prefix: this many whole messages, then this many tokens of the next one.
    /// </summary>
    private readonly record struct Match(int WholeMessages, int PartialTokens)
    {
        public bool IsLongerThan(Match other) =>
            WholeMessages > other.WholeMessages
            || (WholeMessages == other.WholeMessages && PartialTokens > other.PartialTokens);
    }

    // A struct with the kind inline, so the all-pairs loop reads one contiguous array per request
    // instead of chasing a pointer per message (the loop is bound by memory, not arithmetic).
    private readonly record struct EncodedMessage(
        PlannedMessageKind Kind,
        int Id,
        int[] ChunkIds,
        string[][] Chunks);

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
            return new EncodedMessage(message.Kind, IdOf(key), chunkIds, [.. message.Chunks]);
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
