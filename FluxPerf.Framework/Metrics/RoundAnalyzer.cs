using FluxPerf.Running;

namespace FluxPerf.Metrics;

/// <summary>
/// Turns a round's request records into its figures. A pure function of the records, so the
/// figures can be recomputed from <c>requests.jsonl</c> alone.
/// </summary>
public static class RoundAnalyzer
{
    /// <summary>Computes the figures of one round.</summary>
    public static RoundStatistics Analyze(
        IReadOnlyList<RequestRecord> records,
        GoodputCriteria? criteria)
    {
        criteria ??= new GoodputCriteria();
        var scan = RoundScan.Of(records, criteria);
        var count = records.Count;
        var failed = count - scan.Succeeded;
        var duration = scan.Span.Seconds;
        var prompt = scan.PromptTokens;
        var output = scan.OutputTokens;

        return new RoundStatistics
        {
            Requests = count,
            Succeeded = scan.Succeeded,
            Failed = failed,
            FailedByKind = scan.FailedByKind(),
            ErrorRate = count == 0 ? 0 : failed / (double)count,
            DurationS = duration,
            TtftMs = Distribution.Of(scan.Ttft.Values),
            ItlMs = Distribution.Of(scan.ItlGaps()),
            TpotMs = Distribution.Of(scan.Tpot.Values),
            E2eLatencyMs = Distribution.Of(scan.E2eLatency.Values),
            InputTokens = Distribution.Of(scan.InputTokens.Values),
            OutputTokens = Distribution.Of(scan.OutputTokenCounts.Values),
            ScheduleLagMs = Distribution.Of(scan.ScheduleLag.Values),
            RequestThroughput = PerSecond(scan.Succeeded, duration),
            OutputTokenThroughput = PerSecond(output, duration),
            TotalTokenThroughput = PerSecond(output + prompt, duration),
            Goodput = new Goodput(PerSecond(scan.Good, duration),
                count == 0 ? 0 : scan.Good / (double)count, criteria.ToString()),
            CachedTokenFraction = prompt == 0 ? null : scan.CachedTokens / (double)prompt,
            PromptTokensTotal = prompt,
            CachedTokensTotal = scan.CachedTokens,
            OutputTokensEstimated = scan.OutputTokensEstimated,
        };
    }

    /// <summary>First sent to last done, in seconds; see <see cref="RoundSpan"/>.</summary>
    internal static double DurationSeconds(IReadOnlyList<RequestRecord> records)
    {
        var span = new RoundSpan();
        foreach (var record in records)
        {
            span.Add(record);
        }

        return span.Seconds;
    }

    private static double PerSecond(double count, double seconds) =>
        seconds > 0 ? count / seconds : 0;
}

/// <summary>
/// A round's duration, gathered record by record. It runs from the first request sent to the
/// last one done: the span in which the server was under this round's load. Schedule time is
/// left out so a client that starts late does not dilute throughput.
/// </summary>
internal struct RoundSpan
{
    private double _firstSent;
    private double _lastDone;
    private bool _any;

    /// <summary>Last done minus first sent in seconds; 0 for no records. A NaN send time
    /// makes it NaN; a NaN done time is passed over unless every one is NaN.</summary>
    public readonly double Seconds => _any ? (_lastDone - _firstSent) / 1000.0 : 0;

    public void Add(RequestRecord record)
    {
        var sent = record.SentAtMs;
        var done = record.DoneAtMs;
        if (!_any)
        {
            (_firstSent, _lastDone, _any) = (sent, done, true);
            return;
        }

        // NaN sticks to the first send and loses to any done time: what Enumerable.Min and
        // Enumerable.Max did when they computed this.
        _firstSent = sent < _firstSent || double.IsNaN(sent) ? sent : _firstSent;
        _lastDone = done > _lastDone || double.IsNaN(_lastDone) ? done : _lastDone;
    }
}
