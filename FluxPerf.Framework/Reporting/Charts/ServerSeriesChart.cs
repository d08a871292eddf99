using ScottPlot;

namespace FluxPerf.Reporting.Charts;

/// <summary>
/// Any set of named series over time (e.g. the server's Prometheus gauges during a level), with
/// round boundaries as solid lines and cache resets as dashed red lines, so a change in the
/// series can be read against what the benchmark was doing.
/// </summary>
public static class ServerSeriesChart
{
    private static readonly Color _resetColor = Color.FromHex("#d62728");

    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="valueLabel">The y axis label, with unit (e.g. <c>requests running</c>).</param>
    /// <param name="points">The points of every series, in any order.</param>
    /// <param name="roundBoundaries">Round starts and ends.</param>
    /// <param name="resets">Cache reset moments.</param>
    public static byte[] Render(
        string title,
        string valueLabel,
        IReadOnlyList<SeriesPoint> points,
        IReadOnlyList<TimeMarker> roundBoundaries,
        IReadOnlyList<TimeMarker> resets)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(roundBoundaries);
        ArgumentNullException.ThrowIfNull(resets);
        using var plot = ChartCanvas.Create(title, "time (s)", valueLabel);

        var finite = points.Where(p => double.IsFinite(p.TimeS) && double.IsFinite(p.Value));
        var drawn = false;
        foreach (var series in finite.GroupBy(p => p.Series, StringComparer.Ordinal))
        {
            var ordered = series.OrderBy(p => p.TimeS).ToArray();
            var line = plot.Add.ScatterLine(ordered.Select(p => p.TimeS).ToArray(),
                ordered.Select(p => p.Value).ToArray());
            line.LineWidth = 2;

            // Markers show every scrape, so a short round with two or three scrapes still
            // draws visible points rather than an invisible one-point line.
            line.MarkerSize = 6;
            line.LegendText = series.Key;
            drawn = true;
        }

        AddMarkers(plot, roundBoundaries, ChartCanvas.Neutral, LinePattern.Solid);
        AddMarkers(plot, resets, _resetColor, LinePattern.Dashed);
        return ChartCanvas.Render(plot, drawn, Alignment.UpperRight, "no series points");
    }

    private static void AddMarkers(Plot plot, IReadOnlyList<TimeMarker> markers, Color color,
        LinePattern pattern)
    {
        foreach (var marker in markers.Where(m => double.IsFinite(m.TimeS)))
        {
            var line = plot.Add.VerticalLine(marker.TimeS, 1.5f, color, pattern);
            line.Text = marker.Label;
            line.LabelOppositeAxis = true;
        }
    }
}
