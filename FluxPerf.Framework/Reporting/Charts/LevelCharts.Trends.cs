using System.Globalization;
using FluxPerf.Running;
using ScottPlot;

namespace FluxPerf.Reporting.Charts;

public static partial class LevelCharts
{
    /// <summary>Multi-turn sessions: median TTFT (left axis) and cached fraction
    /// (Σ cached tokens / Σ prompt tokens, right axis) by turn index, both rounds.</summary>
    public static byte[] TurnProfile(LevelResult level)
    {
        ArgumentNullException.ThrowIfNull(level);
        using var plot = ChartCanvas.Create($"TTFT and prefix-cache hits by turn: {Where(level)}",
            "turn index (0 = first)", "median TTFT (ms)");
        plot.Axes.Right.Label.Text = "cached fraction of prompt tokens";

        var drawn = false;
        foreach (var round in _rounds)
        {
            var turns = Successes(level, round).GroupBy(r => r.Turn).OrderBy(g => g.Key).ToList();
            drawn |= AddTurnTtft(plot, turns, round);
            AddTurnCachedFraction(plot, turns, round);
        }

        if (drawn)
        {
            plot.Axes.SetLimitsY(0, 1.05, plot.Axes.Right);
        }

        return ChartCanvas.Render(plot, drawn, Alignment.UpperRight);
    }

    /// <summary>A stage's concurrency sweep: TTFT p50 and p99 (left axis) and output token
    /// throughput (right axis) against concurrency, both rounds.</summary>
    public static byte[] ConcurrencySweep(IReadOnlyList<LevelResult> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var stage = levels.Count > 0 ? levels[0].Stage : "no levels";
        using var plot = ChartCanvas.Create($"TTFT and throughput vs concurrency: {stage}",
            "concurrency (requests in flight)", "TTFT (ms)");
        plot.Axes.Right.Label.Text = "output token throughput (tokens/s)";

        var ordered = levels.OrderBy(l => l.Concurrency).ToList();
        var drawn = false;
        foreach (var round in _rounds)
        {
            drawn |= AddSweepRound(plot, ordered, round);
        }

        return ChartCanvas.Render(plot, drawn, Alignment.UpperLeft,
            "no level with a successful request");
    }

    private static bool AddTurnTtft(Plot plot, List<IGrouping<int, RequestRecord>> turns,
        int round)
    {
        var points = turns
            .Select(g => (Turn: (double)g.Key, Ttft: Median(g.Select(r => r.TtftMs))))
            .Where(p => p.Ttft is not null)
            .ToList();
        if (points.Count == 0)
        {
            return false;
        }

        var line = plot.Add.Scatter(points.Select(p => p.Turn).ToArray(),
            points.Select(p => p.Ttft!.Value).ToArray(), ChartCanvas.RoundColor(round));
        line.LineWidth = 2;
        line.LegendText = $"{ChartCanvas.RoundName(round)}: median TTFT";
        return true;
    }

    private static void AddTurnCachedFraction(Plot plot,
        List<IGrouping<int, RequestRecord>> turns, int round)
    {
        var points = turns
            .Select(g => (Turn: (double)g.Key, Fraction: CachedFraction(g)))
            .Where(p => p.Fraction is not null)
            .ToList();
        if (points.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(points.Select(p => p.Turn).ToArray(),
            points.Select(p => p.Fraction!.Value).ToArray(), ChartCanvas.RoundColor(round));
        line.Axes.YAxis = plot.Axes.Right;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerShape = MarkerShape.OpenSquare;
        line.LegendText = $"{ChartCanvas.RoundName(round)}: cached fraction";
    }

    private static bool AddSweepRound(Plot plot, List<LevelResult> levels, int round)
    {
        var measured = levels.Where(l => Statistics(l, round).TtftMs is not null).ToList();
        if (measured.Count == 0)
        {
            return false;
        }

        var xs = measured.Select(l => (double)l.Concurrency).ToArray();
        var color = ChartCanvas.RoundColor(round);
        var name = ChartCanvas.RoundName(round);
        AddSeries(plot, xs, measured.Select(l => Statistics(l, round).TtftMs!.P50), color,
            LinePattern.Solid, $"{name}: TTFT p50");
        AddSeries(plot, xs, measured.Select(l => Statistics(l, round).TtftMs!.P99), color,
            LinePattern.Dashed, $"{name}: TTFT p99");
        var throughput = AddSeries(plot, xs,
            measured.Select(l => Statistics(l, round).OutputTokenThroughput), color,
            LinePattern.Dotted, $"{name}: output tokens/s");
        throughput.Axes.YAxis = plot.Axes.Right;
        throughput.MarkerShape = MarkerShape.FilledSquare;
        return true;
    }

    private static ScottPlot.Plottables.Scatter AddSeries(Plot plot, double[] xs,
        IEnumerable<double> ys, Color color, LinePattern pattern, string legend)
    {
        var series = plot.Add.Scatter(xs, ys.ToArray(), color);
        series.LineWidth = 2;
        series.LinePattern = pattern;
        series.LegendText = legend;
        return series;
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToArray();
        return FluxPerf.Metrics.Distribution.Of(present)?.P50;
    }

    private static double? CachedFraction(IEnumerable<RequestRecord> records)
    {
        long prompt = 0, cached = 0;
        foreach (var record in records.Where(r => r.PromptTokens > 0 && r.CachedTokens is not null))
        {
            prompt += record.PromptTokens!.Value;
            cached += record.CachedTokens!.Value;
        }

        return prompt == 0 ? null : (double)cached / prompt;
    }
}
