using System.Globalization;
using FluxPerf.Metrics;
using FluxPerf.Running;
using ScottPlot;

namespace FluxPerf.Reporting.Charts;

/// <summary>
/// PNG charts of one concurrency level (round 1 against round 2), drawn headless with ScottPlot.
/// Each has a title, axis labels with units and a legend; a round without successful requests
/// is left out, and a chart with nothing to draw says "no data" instead of throwing.
/// </summary>
public static partial class LevelCharts
{
    private static readonly int[] _rounds = [1, 2];

    /// <summary>TTFT of both rounds as cumulative distributions, with each round's p50 and p99
    /// (the figures of the round's statistics) marked.</summary>
    public static byte[] TtftDistribution(LevelResult level)
    {
        ArgumentNullException.ThrowIfNull(level);
        using var plot = ChartCanvas.Create($"TTFT distribution: {Where(level)}",
            "time to first token (ms)", "fraction of requests ≤ x");

        var drawn = false;
        foreach (var round in _rounds)
        {
            var values = Successes(level, round).Select(r => r.TtftMs).OfType<double>();
            drawn |= AddCdf(plot, values, round, Statistics(level, round).TtftMs);
        }

        return ChartCanvas.Render(plot, drawn);
    }

    /// <summary>Inter-token latencies of both rounds (every gap of every successful request)
    /// as cumulative distributions, with p50 and p99 marked.</summary>
    public static byte[] ItlDistribution(LevelResult level)
    {
        ArgumentNullException.ThrowIfNull(level);
        using var plot = ChartCanvas.Create($"Inter-token latency distribution: {Where(level)}",
            "inter-token latency (ms)", "fraction of token gaps ≤ x");

        var drawn = false;
        foreach (var round in _rounds)
        {
            var values = Successes(level, round).SelectMany(r => r.ItlMs);
            drawn |= AddCdf(plot, values, round, Statistics(level, round).ItlMs);
        }

        return ChartCanvas.Render(plot, drawn);
    }

    /// <summary>Each request's round-1 TTFT (x) against its twin's round-2 TTFT (y), paired by
    /// request id; points under the y = x line got faster.</summary>
    public static byte[] PairedTtft(LevelResult level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var pairs = TtftPairs(level);
        var speedup = level.Comparison.PairedTtftSpeedup;
        var title = speedup is null
            ? $"Paired TTFT: {Where(level)}"
            : string.Create(CultureInfo.InvariantCulture,
                $"Paired TTFT: {Where(level)} (median speedup {speedup.Median:0.##}x)");
        using var plot = ChartCanvas.Create(title, "round 1 TTFT (ms)", "round 2 TTFT (ms)");

        if (pairs.Count > 0)
        {
            var points = plot.Add.ScatterPoints(pairs.Select(p => p.Round1).ToArray(),
                pairs.Select(p => p.Round2).ToArray(), ChartCanvas.Round2);
            points.MarkerSize = 6;
            points.LegendText = $"request pairs (n={pairs.Count})";
            var top = pairs.Max(p => Math.Max(p.Round1, p.Round2));
            var diagonal = plot.Add.Line(0, 0, top, top);
            diagonal.Color = ChartCanvas.Neutral;
            diagonal.LinePattern = LinePattern.Dashed;
            diagonal.LegendText = "y = x (no change)";
        }

        return ChartCanvas.Render(plot, pairs.Count > 0, Alignment.UpperLeft,
            "no request succeeded in both rounds");
    }

    private static string Where(LevelResult level) =>
        string.Create(CultureInfo.InvariantCulture, $"{level.Stage}, c={level.Concurrency}");

    private static IEnumerable<RequestRecord> Successes(LevelResult level, int round) =>
        level.Records.Where(r => r.Round == round && r.Succeeded);

    private static RoundStatistics Statistics(LevelResult level, int round) =>
        round == 1 ? level.Round1.Statistics : level.Round2.Statistics;

    private static bool AddCdf(Plot plot, IEnumerable<double> values, int round,
        Distribution? stats)
    {
        var list = values.ToList();
        var (xs, ys) = ChartCanvas.Cdf(list);
        if (xs.Length == 0)
        {
            return false;
        }

        var color = ChartCanvas.RoundColor(round);
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = 2;
        line.LegendText = $"{ChartCanvas.RoundName(round)} (n={list.Count})";
        if (stats is not null)
        {
            MarkValue(plot, stats.P50, $"round {round} p50", color, LinePattern.Dashed);
            MarkValue(plot, stats.P99, $"round {round} p99", color, LinePattern.Dotted);
        }

        return true;
    }

    private static void MarkValue(Plot plot, double x, string name, Color color,
        LinePattern pattern)
    {
        var marker = plot.Add.VerticalLine(x, 1.5f, color, pattern);
        marker.LegendText = string.Create(CultureInfo.InvariantCulture, $"{name} = {x:0.##} ms");
    }

    private static List<(double Round1, double Round2)> TtftPairs(LevelResult level)
    {
        // A request id can repeat only if the engine retried; keep the first of each so a pair
        // is one request against its one twin.
        var round2 = Successes(level, 2).Where(r => r.TtftMs is not null)
            .GroupBy(r => r.RequestId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().TtftMs!.Value, StringComparer.Ordinal);
        return Successes(level, 1).Where(r => r.TtftMs is not null)
            .DistinctBy(r => r.RequestId, StringComparer.Ordinal)
            .Where(r => round2.ContainsKey(r.RequestId))
            .Select(r => (r.TtftMs!.Value, round2[r.RequestId]))
            .ToList();
    }
}
