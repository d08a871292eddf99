namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// Cleans one ShareGPT conversation into user-first alternating turns. In this order: system
/// turns (and a <c>tools</c> list) move to the system prompt; text is trimmed; empty turns are
/// dropped; consecutive turns of one role are merged with a blank line between them; a leading
/// assistant turn is dropped. A conversation with no user turn left is dropped.
/// </summary>
internal static class ShareGptCleaner
{
    internal const string DroppedNoUserTurn = "no user turn after cleaning";
    internal const string AdjustedEmptyTurn = "empty turn removed";
    internal const string AdjustedMerged = "same-role turns merged";
    internal const string AdjustedLeadingAssistant = "leading assistant turn removed";

    /// <summary>The cleaned conversation, or <c>null</c> with the drop reason.</summary>
    public static ShareGptConversation? Clean(
        ShareGptRecord record,
        ReasonCounter adjustments,
        out string? dropReason)
    {
        var system = BuildSystem(record);
        var turns = RemoveEmpty(
            record.Turns.Where(t => t.Role != ShareGptRole.System), adjustments);
        turns = MergeSameRole(turns, adjustments);

        // The engine sends user turns and replays replies after them; a reply nobody asked for
        // cannot be sent, so it goes rather than inventing a question for it.
        if (turns.Count > 0 && turns[0].Role == ShareGptRole.Assistant)
        {
            turns.RemoveAt(0);
            adjustments.Add(AdjustedLeadingAssistant);
        }

        dropReason = turns.Count == 0 ? DroppedNoUserTurn : null;
        return dropReason is null ? new ShareGptConversation(record.Id, system, turns) : null;
    }

    // Tool-call data carry their function list beside the turns; a real client sends it with
    // every request, so it belongs in the shared system prompt, where it also counts as prefix.
    private static string? BuildSystem(ShareGptRecord record)
    {
        var parts = record.Turns
            .Where(t => t.Role == ShareGptRole.System)
            .Select(t => t.Text.Trim())
            .Where(t => t.Length > 0)
            .ToList();
        var tools = record.Tools?.Trim();
        if (!string.IsNullOrEmpty(tools) && tools != "[]")
        {
            parts.Add("Available tools:\n" + tools);
        }

        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private static List<ShareGptTurn> RemoveEmpty(
        IEnumerable<ShareGptTurn> turns,
        ReasonCounter adjustments)
    {
        var kept = new List<ShareGptTurn>();
        foreach (var turn in turns)
        {
            var text = turn.Text.Trim();
            if (text.Length == 0)
            {
                adjustments.Add(AdjustedEmptyTurn);
            }
            else
            {
                kept.Add(turn with { Text = text });
            }
        }

        return kept;
    }

    private static List<ShareGptTurn> MergeSameRole(
        List<ShareGptTurn> turns,
        ReasonCounter adjustments)
    {
        var merged = new List<ShareGptTurn>();
        foreach (var turn in turns)
        {
            if (merged.Count > 0 && merged[^1].Role == turn.Role)
            {
                merged[^1] = turn with { Text = merged[^1].Text + "\n\n" + turn.Text };
                adjustments.Add(AdjustedMerged);
            }
            else
            {
                merged.Add(turn);
            }
        }

        return merged;
    }
}
