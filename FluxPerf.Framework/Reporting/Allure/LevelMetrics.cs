using System.Globalization;
using System.Text;
using FluxPerf.Running;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// The figures of a level worth a trend across runs, as Allure 3 metric samples keyed
/// <c>{stage}.c{concurrency}.round{n}.{metric}</c> (e.g. <c>warm.c8.round2.ttft_p95_ms</c>), plus
/// the TTFT speedups keyed <c>{stage}.c{concurrency}.{name}</c>.
/// </summary>
public static class LevelMetrics
{
    private static readonly string[] _latencyStats = ["avg", "p50", "p95", "p99"];

    private static readonly Dictionary<string, string> _rateBetter = new(StringComparer.Ordinal)
    {
        ["request_throughput"] = "higher",
        ["output_token_throughput"] = "higher",
        ["goodput"] = "higher",
        ["goodput_fraction"] = "higher",
        ["cached_token_fraction"] = "higher",
        ["error_rate"] = "lower",
    };

    private static readonly HashSet<string> _latencies = new(StringComparer.Ordinal)
    {
        "ttft_ms", "itl_ms", "tpot_ms", "e2e_latency_ms",
    };

    /// <summary>The samples of one level.</summary>
    /// <param name="level">The level.</param>
    /// <param name="startMs">Start of the measured interval, epoch ms.</param>
    /// <param name="stopMs">End of it, epoch ms.</param>
    public static IReadOnlyList<AllureMetric> From(LevelResult level, long startMs, long stopMs)
    {
        ArgumentNullException.ThrowIfNull(level);
        var prefix = string.Create(CultureInfo.InvariantCulture,
            $"{KeyPart(level.Stage)}.c{level.Concurrency}");
        var metrics = new List<AllureMetric>();
        foreach (var row in level.Comparison.Rows)
        {
            if (Describe(row.Metric, row.Stat) is not { } key)
            {
                continue;
            }

            Add(metrics, $"{prefix}.round1.{key.Name}", row.Round1, startMs, stopMs, key);
            Add(metrics, $"{prefix}.round2.{key.Name}", row.Round2, startMs, stopMs, key);
        }

        var speedup = (Name: "", Unit: "x", Better: "higher");
        Add(metrics, $"{prefix}.ttft_speedup_p50", level.Comparison.TtftSpeedupP50, startMs,
            stopMs, speedup);
        Add(metrics, $"{prefix}.paired_ttft_speedup_median",
            level.Comparison.PairedTtftSpeedup?.Median, startMs, stopMs, speedup);
        return metrics;
    }

    private static (string Name, string? Unit, string Better)? Describe(string metric,
        string stat)
    {
        if (_latencies.Contains(metric) && _latencyStats.Contains(stat))
        {
            return ($"{metric[..^3]}_{stat}_ms", "ms", "lower");
        }

        return stat == "value" && _rateBetter.TryGetValue(metric, out var better)
            ? (metric, null, better)
            : null;
    }

    private static void Add(List<AllureMetric> metrics, string key, double? value, long start,
        long stop, (string Name, string? Unit, string Better) kind)
    {
        if (value is { } v && double.IsFinite(v))
        {
            metrics.Add(new AllureMetric(key, v, start, stop, kind.Unit, kind.Better));
        }
    }

    // Keys are dotted paths: a stage name's dots and spaces must not add levels.
    private static string KeyPart(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return key.ToString();
    }
}
