namespace FluxPerf.Datasets.Generation;

/// <summary>
/// Computes, for each request in send order, the longest prefix of its messages that an earlier
/// request already sent: whole messages that match an earlier request's messages at the same
/// place, then the leading words shared with the first differing message. A message that ends
/// early does not match a longer one, because the chat template closes it with an end-of-turn
/// token the longer one does not have at that place.
/// </summary>
internal static class PrefixReuseCalculator
{
    /// <summary>The expected reuse of every request, in the given order.</summary>
    public static IReadOnlyList<ExpectedReuse> Compute(IReadOnlyList<PlannedRequest> requests)
    {
        var ids = new MessageIds();
        var encoded = requests.Select(r => r.Messages.Select(ids.Of).ToArray()).ToList();
        var results = new List<ExpectedReuse>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var best = default(Match);
            for (var j = 0; j < i; j++)
            {
                var match = Longest(requests[i], encoded[i], requests[j], encoded[j]);
                best = match.IsLongerThan(best) ? match : best;
            }

            results.Add(ToReuse(requests[i], best));
        }

        return results;
    }

    private static Match Longest(
        PlannedRequest current,
        int[] currentIds,
        PlannedRequest earlier,
        int[] earlierIds)
    {
        var count = Math.Min(currentIds.Length, earlierIds.Length);
        for (var m = 0; m < count; m++)
        {
            if (currentIds[m] == earlierIds[m])
            {
                continue;
            }

            var a = current.Messages[m];
            var b = earlier.Messages[m];
            var words = a.Kind == b.Kind && a.Kind != PlannedMessageKind.Reply
                ? CommonWords(a.Words, b.Words)
                : 0;
            return new Match(m, words);
        }

        // Every message of the shorter request matched: the earlier request is a whole prefix.
        return new Match(count, 0);
    }

    private static int CommonWords(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var n = Math.Min(a.Count, b.Count);
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
        var tokens = whole.Sum(m => m.Words.Count) + match.PartialWords;
        var replies = whole.Where(m => m.Kind == PlannedMessageKind.Reply).Select(m => m.ReplyTurn);
        return new ExpectedReuse(
            request.Id,
            request.Turn,
            request.KnownTokens,
            tokens,
            replies.ToList());
    }

    /// <summary>A prefix: this many whole messages, then this many words of the next one.</summary>
    private readonly record struct Match(int WholeMessages, int PartialWords)
    {
        public bool IsLongerThan(Match other) =>
            WholeMessages > other.WholeMessages
            || (WholeMessages == other.WholeMessages && PartialWords > other.PartialWords);
    }

    /// <summary>Gives equal messages equal small ids, so whole-message comparison is O(1).</summary>
    private sealed class MessageIds
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public int Of(PlannedMessage message)
        {
            var key = message.Kind == PlannedMessageKind.Reply
                ? $"reply\u0001{message.ReplyOwner}\u0001{message.ReplyTurn}"
                : $"{message.Kind}\u0001{string.Join(' ', message.Words)}";
            if (!_ids.TryGetValue(key, out var id))
            {
                id = _ids.Count;
                _ids.Add(key, id);
            }

            return id;
        }
    }
}
