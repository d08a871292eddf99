namespace FluxPerf.Datasets.Conversion;

/// <summary>Prompt building of <see cref="LongBenchConverter"/>.</summary>
public static partial class LongBenchConverter
{
    private static List<BenchmarkEntry> BuildEntries(
        List<List<LongBenchRecord>> units,
        LongBenchOptions options,
        LongBenchTemplates templates,
        ReasonCounter adjustments)
    {
        var entries = new List<BenchmarkEntry>();
        foreach (var unit in units)
        {
            if (options.Grouping == LongBenchGrouping.Session)
            {
                entries.Add(BuildSession(unit, options, templates, adjustments));
            }
            else
            {
                entries.AddRange(unit.Select(r => BuildSingle(r, options, templates, adjustments)));
            }
        }

        return entries;
    }

    private static SingleTurnEntry BuildSingle(
        LongBenchRecord record,
        LongBenchOptions options,
        LongBenchTemplates templates,
        ReasonCounter adjustments)
    {
        var prompt = FitToBudget(templates.Render(record), options.MaxPromptTokens, adjustments);
        return new SingleTurnEntry(record.Id, prompt, templates.MaxTokens(record));
    }

    // Only the first turn carries the context, so only it can exceed the budget; later turns are
    // the short question tails and are left whole so each still asks its own question.
    private static SessionEntry BuildSession(
        List<LongBenchRecord> unit,
        LongBenchOptions options,
        LongBenchTemplates templates,
        ReasonCounter adjustments)
    {
        var first = FitToBudget(templates.Render(unit[0]), options.MaxPromptTokens, adjustments);
        var messages = new List<string> { first };
        messages.AddRange(unit.Skip(1).Select(templates.RenderFollowUp));
        return new SessionEntry(
            unit[0].Id,
            System: null,
            messages,
            AssistantMessages: null,
            templates.MaxTokens(unit[0]));
    }

    // LongBench keeps the first and last halves of the budget because instructions sit at the
    // start of a prompt and the question at its end; cutting the tail would lose the question.
    private static string FitToBudget(string prompt, int? maxTokens, ReasonCounter adjustments)
    {
        if (maxTokens is not { } budget)
        {
            return prompt;
        }

        var fitted = TokenCounter.Cl100kBase.TruncateMiddle(prompt, budget);
        if (!ReferenceEquals(fitted, prompt))
        {
            adjustments.Add(AdjustedTruncated);
        }

        return fitted;
    }
}
