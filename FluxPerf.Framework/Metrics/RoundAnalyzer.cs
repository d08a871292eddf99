using FluxPerf.Running;

namespace FluxPerf.Metrics;

/// <summary>
/// Turns a round's request records into its figures. A pure function of the records, so the
/// figures can be recomputed from <c>requests.jsonl</c> alone.
/// </summary>
public static class RoundAnalyzer
{
    /// <summary>Computes the figures of one round.</summary>
    public static RoundStatistics Analyze(IReadOnlyList<RequestRecord> records, GoodputCriteria? criteria)
    {
        criteria ??= new GoodputCriteria();
        var ok = records.Where(r => r.Succeeded).ToArray();
        var duration = DurationSeconds(records);
        var withUsage = ok.Where(r => r.PromptTokens is not null).ToArray();
        long prompt = withUsage.Sum(r => (long)r.PromptTokens!.Value); // filtered on not-null above
        long cached = withUsage.Sum(r => (long)(r.CachedTokens ?? 0));
        long output = ok.Sum(r => (long)r.OutputTokens);
        var good = records.Count(criteria.IsGood);

        return new RoundStatistics
        {
            Requests = records.Count,
            Succeeded = ok.Length,
            Failed = records.Count - ok.Length,
            FailedByKind = records.Where(r => !r.Succeeded)
                .GroupBy(r => r.ErrorKind ?? "unknown", StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            ErrorRate = records.Count == 0 ? 0 : (records.Count - ok.Length) / (double)records.Count,
            DurationS = duration,
            TtftMs = Distribution.Of(ok.Where(r => r.TtftMs is not null).Select(r => r.TtftMs!.Value).ToArray()),
            ItlMs = Distribution.Of(ok.SelectMany(r => r.ItlMs).ToArray()),
            TpotMs = Distribution.Of(ok.Where(r => r.TpotMs is not null).Select(r => r.TpotMs!.Value).ToArray()),
            E2eLatencyMs = Distribution.Of(ok.Select(r => r.E2eLatencyMs).ToArray()),
            InputTokens = Distribution.Of(withUsage.Select(r => (double)r.PromptTokens!.Value).ToArray()),
            OutputTokens = Distribution.Of(ok.Select(r => (double)r.OutputTokens).ToArray()),
            ScheduleLagMs = Distribution.Of(records.Select(r => r.ScheduleLagMs).ToArray()),
            RequestThroughput = PerSecond(ok.Length, duration),
            OutputTokenThroughput = PerSecond(output, duration),
            TotalTokenThroughput = PerSecond(output + prompt, duration),
            Goodput = new Goodput(PerSecond(good, duration),
                records.Count == 0 ? 0 : good / (double)records.Count, criteria.ToString()),
            CachedTokenFraction = prompt == 0 ? null : cached / (double)prompt,
            PromptTokensTotal = prompt,
            CachedTokensTotal = cached,
            OutputTokensEstimated = ok.Any(r => r.OutputTokensEstimated),
        };
    }

    // Duration runs from the first request sent to the last one done: the span in which the
    // server was under this round's load. Schedule time is left out so a client that starts late
    // does not dilute throughput.
    internal static double DurationSeconds(IReadOnlyList<RequestRecord> records) =>
        records.Count == 0 ? 0 : (records.Max(r => r.DoneAtMs) - records.Min(r => r.SentAtMs)) / 1000.0;

    private static double PerSecond(double count, double seconds) => seconds > 0 ? count / seconds : 0;
}
