using FluxPerf.Running;

namespace FluxPerf.Metrics;

/// <summary>Compares the two rounds of a concurrency level.</summary>
public static class RoundComparer
{
    /// <summary>The statistics of a <see cref="Distribution"/>, in report order.</summary>
    public static readonly IReadOnlyList<string> Stats =
        ["avg", "p50", "p90", "p95", "p99", "min", "max", "stddev"];

    /// <summary>Builds the comparison; <paramref name="seed"/> fixes the bootstrap.</summary>
    public static RoundComparison Compare(
        RoundStatistics round1,
        RoundStatistics round2,
        IReadOnlyList<RequestRecord> records1,
        IReadOnlyList<RequestRecord> records2,
        int seed)
    {
        return new RoundComparison
        {
            TtftSpeedupP50 = Ratio(round1.TtftMs?.P50, round2.TtftMs?.P50),
            TtftSpeedupMean = Ratio(round1.TtftMs?.Avg, round2.TtftMs?.Avg),
            PairedTtftSpeedup = Paired(records1, records2, seed),
            Rows = Rows(round1, round2),
        };
    }

    /// <summary>Reads one statistic (<c>avg</c>, <c>p95</c>, …) of a distribution.</summary>
    public static double? Stat(Distribution? d, string stat) => d is null ? null : stat switch
    {
        "avg" or "mean" => d.Avg,
        "p50" or "median" => d.P50,
        "p90" => d.P90,
        "p95" => d.P95,
        "p99" => d.P99,
        "min" => d.Min,
        "max" => d.Max,
        "stddev" => d.Stddev,
        "count" => d.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(stat), stat, "unknown statistic"),
    };

    /// <summary>The distributions of a round by metric name, in report order.</summary>
    public static IEnumerable<(string Metric, Distribution? Value)> Distributions(RoundStatistics s)
    {
        yield return ("ttft_ms", s.TtftMs);
        yield return ("itl_ms", s.ItlMs);
        yield return ("tpot_ms", s.TpotMs);
        yield return ("e2e_latency_ms", s.E2eLatencyMs);
        yield return ("input_tokens", s.InputTokens);
        yield return ("output_tokens", s.OutputTokens);
        yield return ("schedule_lag_ms", s.ScheduleLagMs);
    }

    /// <summary>The single-valued figures of a round by name, in report order.</summary>
    public static IEnumerable<(string Metric, double? Value)> Figures(RoundStatistics s)
    {
        yield return ("requests", s.Requests);
        yield return ("succeeded", s.Succeeded);
        yield return ("failed", s.Failed);
        yield return ("error_rate", s.ErrorRate);
        yield return ("duration_s", s.DurationS);
        yield return ("request_throughput", s.RequestThroughput);
        yield return ("output_token_throughput", s.OutputTokenThroughput);
        yield return ("total_token_throughput", s.TotalTokenThroughput);
        yield return ("goodput", s.Goodput.RequestsPerSecond);
        yield return ("goodput_fraction", s.Goodput.Fraction);
        yield return ("cached_token_fraction", s.CachedTokenFraction);
    }

    private static List<ComparisonRow> Rows(RoundStatistics r1, RoundStatistics r2)
    {
        var rows = new List<ComparisonRow>();
        foreach (var ((metric, d1), (_, d2)) in Distributions(r1).Zip(Distributions(r2)))
        {
            rows.AddRange(Stats.Select(stat => Row(metric, stat, Stat(d1, stat), Stat(d2, stat))));
        }

        foreach (var ((metric, v1), (_, v2)) in Figures(r1).Zip(Figures(r2)))
        {
            rows.Add(Row(metric, "value", v1, v2));
        }

        return rows;
    }

    /// <summary>One row with its change: (round 2 − round 1) / round 1 × 100.</summary>
    internal static ComparisonRow Row(string metric, string stat, double? v1, double? v2) =>
        new(metric, stat, v1, v2, v1 is { } a && v2 is { } b && a != 0 ? (b - a) / a * 100 : null);

    private static PairedSpeedup? Paired(
        IReadOnlyList<RequestRecord> records1,
        IReadOnlyList<RequestRecord> records2,
        int seed)
    {
        // Pairing by request id compares each request with itself, which removes the spread
        // between short and long prompts that dominates an unpaired comparison of two rounds.
        // One lookup per round-2 request, into a table sized up front: at a million records the
        // string hashing is the cost.
        var first = new Dictionary<string, double>(records1.Count, StringComparer.Ordinal);
        foreach (var r in records1)
        {
            if (r.Succeeded && r.TtftMs is { } ttft && ttft > 0)
            {
                first.Add(r.RequestId, ttft);
            }
        }

        var ratios = new List<double>(records2.Count);
        foreach (var r in records2)
        {
            if (r.Succeeded && r.TtftMs is { } ttft && ttft > 0
                && first.TryGetValue(r.RequestId, out var ttft1))
            {
                ratios.Add(ttft1 / ttft);
            }
        }

        if (ratios.Count == 0)
        {
            return null;
        }

        // Each resample costs O(pairs): 2,000 resamples are cheap for a benchmark's hundreds of
        // pairs but take tens of seconds for a million. Above 10,000 pairs the count falls
        // (never below 200, enough for a stable 95% interval of a median), keeping the
        // interval's cost near 2·10⁷ draws whatever the run's size.
        var resamples = Math.Clamp(20_000_000 / ratios.Count, 200, 2000);
        var (median, low, high) = Bootstrap.MedianCi(ratios, resamples, seed: seed);
        return new PairedSpeedup(ratios.Count, median, low, high);
    }

    private static double? Ratio(double? round1, double? round2) =>
        round1 is { } a && round2 is { } b && b > 0 ? a / b : null;
}
