using System.Globalization;
using FluxPerf.Running;

namespace FluxPerf.Metrics;

/// <summary>
/// Per-request criteria from an SLO file's <c>constraints</c>: a request that succeeded and meets
/// every one of them is "good", which defines goodput. An unset criterion is not checked.
/// </summary>
public sealed record GoodputCriteria
{
    /// <summary>Highest allowed TTFT in ms.</summary>
    public double? MaxTtftMs { get; init; }

    /// <summary>Highest allowed mean inter-token latency of the request, in ms.</summary>
    public double? MaxItlMs { get; init; }

    /// <summary>Highest allowed TPOT in ms.</summary>
    public double? MaxTpotMs { get; init; }

    /// <summary>Highest allowed end-to-end latency in ms.</summary>
    public double? MaxE2eLatencyMs { get; init; }

    /// <summary>
    /// Lowest allowed output tokens per second of the request (output tokens / E2E).
    /// </summary>
    public double? MinOutputTokenThroughput { get; init; }

    /// <summary>True when no criterion is set (every successful request is good).</summary>
    public bool IsEmpty => MaxTtftMs is null && MaxItlMs is null && MaxTpotMs is null
        && MaxE2eLatencyMs is null && MinOutputTokenThroughput is null;

    /// <summary>Whether a request counts toward goodput.</summary>
    public bool IsGood(RequestRecord record)
    {
        if (!record.Succeeded)
        {
            return false;
        }

        // A criterion the request cannot be judged on (no TTFT, a single token without TPOT)
        // fails the request only where the value is missing because the request itself did not
        // produce it; TPOT is undefined for one-token answers, so it is not held against them.
        return Within(record.TtftMs, MaxTtftMs, missingIsGood: false)
            && Within(MeanItl(record), MaxItlMs, missingIsGood: true)
            && Within(record.TpotMs, MaxTpotMs, missingIsGood: true)
            && Within(record.E2eLatencyMs, MaxE2eLatencyMs, missingIsGood: false)
            && AtLeast(Throughput(record), MinOutputTokenThroughput);
    }

    /// <summary>A short description, e.g. <c>ttft_ms ≤ 500, itl_ms ≤ 50</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        Add(parts, "ttft_ms ≤ ", MaxTtftMs);
        Add(parts, "itl_ms ≤ ", MaxItlMs);
        Add(parts, "tpot_ms ≤ ", MaxTpotMs);
        Add(parts, "latency_ms ≤ ", MaxE2eLatencyMs);
        Add(parts, "output_token_throughput ≥ ", MinOutputTokenThroughput);
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static double? MeanItl(RequestRecord r) =>
        r.ItlMs.Count == 0 ? null : r.ItlMs.Average();

    private static double? Throughput(RequestRecord r) =>
        r.E2eLatencyMs > 0 ? r.OutputTokens / (r.E2eLatencyMs / 1000.0) : null;

    private static bool Within(double? value, double? max, bool missingIsGood) =>
        max is not { } limit || (value is { } v ? v <= limit : missingIsGood);

    private static bool AtLeast(double? value, double? min) =>
        min is not { } limit || (value is { } v && v >= limit);

    private static void Add(List<string> parts, string label, double? value)
    {
        if (value is { } v)
        {
            parts.Add(label + v.ToString("0.###", CultureInfo.InvariantCulture));
        }
    }
}
