using ScottPlot;

namespace FluxPerf.Reporting.Charts;

/// <summary>
/// What every chart shares: size, round colours, the "no data" fallback, PNG output.
/// </summary>
internal static class ChartCanvas
{
    public const int Width = 1000;
    public const int Height = 600;

    // More points than pixels across adds nothing to a line but rendering time and file size.
    public const int MaxLinePoints = 2000;

    public static readonly Color Round1 = Color.FromHex("#1f77b4");
    public static readonly Color Round2 = Color.FromHex("#ff7f0e");
    public static readonly Color Neutral = Color.FromHex("#555555");

    public static Color RoundColor(int round) => round == 1 ? Round1 : Round2;

    public static string RoundName(int round) => round == 1 ? "round 1 (cold)" : "round 2 (warm)";

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Renders the plot; with no data it says so in the middle instead of showing
    /// empty axes that could be read as zero.</summary>
    public static byte[] Render(
        Plot plot,
        bool hasData,
        Alignment legend = Alignment.LowerRight,
        string why = "no successful request")
    {
        if (hasData)
        {
            plot.ShowLegend(legend);
        }
        else
        {
            var note = plot.Add.Annotation($"no data ({why})", Alignment.MiddleCenter);
            note.LabelFontSize = 24;
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The empirical CDF of the values, thinned to at most
    /// <see cref="MaxLinePoints"/> evenly spaced ranks (first and last always kept).</summary>
    public static (double[] Xs, double[] Ys) Cdf(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        var count = Math.Min(sorted.Length, MaxLinePoints);
        var xs = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            var rank = count == 1 ? sorted.Length - 1
                : (int)Math.Round((double)i * (sorted.Length - 1) / (count - 1));
            xs[i] = sorted[rank];
            ys[i] = (rank + 1.0) / sorted.Length;
        }

        return (xs, ys);
    }
}
