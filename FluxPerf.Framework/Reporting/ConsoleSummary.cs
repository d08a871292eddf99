using System.Globalization;
using System.Text;
using FluxPerf.Metrics;
using FluxPerf.Running;

namespace FluxPerf.Reporting;

/// <summary>
/// The per-level comparison as a plain-text table (round 1 | round 2 | change) that reads the
/// same in a terminal, a CI log and a test's output.
/// </summary>
public static class ConsoleSummary
{
    private static readonly string[] Header = ["Metric", "Round 1", "Round 2", "Change"];

    private static readonly (string Metric, string Stat, string Label)[] Shown =
    [
        ("ttft_ms", "avg", "TTFT mean (ms)"),
        ("ttft_ms", "p50", "TTFT p50 (ms)"),
        ("ttft_ms", "p95", "TTFT p95 (ms)"),
        ("ttft_ms", "p99", "TTFT p99 (ms)"),
        ("itl_ms", "p50", "ITL p50 (ms)"),
        ("itl_ms", "p99", "ITL p99 (ms)"),
        ("tpot_ms", "p50", "TPOT p50 (ms)"),
        ("e2e_latency_ms", "p50", "E2E p50 (ms)"),
        ("e2e_latency_ms", "p99", "E2E p99 (ms)"),
        ("schedule_lag_ms", "p99", "Schedule lag p99 (ms)"),
        ("input_tokens", "avg", "Input tokens mean"),
        ("output_tokens", "avg", "Output tokens mean"),
        ("request_throughput", "value", "Requests/s"),
        ("output_token_throughput", "value", "Output tokens/s"),
        ("goodput_fraction", "value", "Goodput fraction"),
        ("cached_token_fraction", "value", "Cached token fraction"),
        ("error_rate", "value", "Error rate"),
        ("server_prefix_cache_hit_rate", "value", "Server prefix-cache hit rate"),
        ("server_external_prefix_cache_hit_rate", "value", "Server external hit rate"),
        ("server_ttft_p50_ms", "value", "Server TTFT p50 (ms)"),
        ("requests", "value", "Requests"),
    ];

    /// <summary>Renders one level's table with its speedups, resets and warnings.</summary>
    public static string Render(LevelResult level)
    {
        var rows = level.Comparison.Rows.ToDictionary(r => (r.Metric, r.Stat));
        var table = new List<string[]> { Header };
        foreach (var (metric, stat, label) in Shown)
        {
            if (rows.TryGetValue((metric, stat), out var row))
            {
                table.Add(
                    [label, Number(row.Round1), Number(row.Round2), Percent(row.ChangePercent)]);
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"== {level.Stage} · c={level.Concurrency} · n={level.Samples} ==");
        AppendTable(text, table);
        AppendSpeedups(text, level.Comparison);
        foreach (var reset in level.Resets)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Reset ({reset.Moment}): {reset.Error ?? reset.Verification}");
        }

        foreach (var round in new[] { level.Round1, level.Round2 })
        {
            foreach (var warning in round.CacheAccount?.Warnings ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"Cache account (round {round.Round}): {warning}");
            }
        }

        if (level.Slo is { } slo)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"SLO {(slo.Passed ? "passed" : "BREACHED")} ({Path.GetFileName(slo.SloFile)}):");
            foreach (var gate in slo.Gates)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {gate.Message}");
            }
        }

        foreach (var warning in level.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Warning: {warning}");
        }

        return text.ToString();
    }

    private static void AppendSpeedups(StringBuilder text, RoundComparison c)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"TTFT speedup (round 1 / round 2): p50 {Times(c.TtftSpeedupP50)}, "
            + $"mean {Times(c.TtftSpeedupMean)}");
        if (c.PairedTtftSpeedup is { } p)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Paired TTFT speedup: median {Times(p.Median)} "
                + $"(95% CI {Times(p.CiLow)} – {Times(p.CiHigh)}, {p.Pairs} pairs)");
        }
    }

    private static void AppendTable(StringBuilder text, List<string[]> table)
    {
        var widths = Enumerable.Range(0, 4).Select(i => table.Max(r => r[i].Length)).ToArray();
        foreach (var (row, index) in table.Select((r, i) => (r, i)))
        {
            text.Append(row[0].PadRight(widths[0]));
            for (var i = 1; i < 4; i++)
            {
                text.Append("  ").Append(row[i].PadLeft(widths[i]));
            }

            text.AppendLine();
            if (index == 0)
            {
                text.AppendLine(new string('-', widths.Sum() + 6));
            }
        }
    }

    private static string Number(double? value) => value switch
    {
        null => "-",
        { } v when Math.Abs(v) >= 100 => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Times(double? value) =>
        value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "-";
}
