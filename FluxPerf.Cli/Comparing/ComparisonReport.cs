using System.Globalization;
using System.Text;

namespace FluxPerf.Cli.Comparing;

/// <summary>The comparison of two runs as plain text that reads the same in a terminal and a
/// CI log.</summary>
internal static class ComparisonReport
{
    private static readonly string[] Header =
        ["Metric", "Stat", "A round 1", "B round 1", "Change", "A round 2", "B round 2", "Change"];

    /// <summary>Renders every matched level, then the levels found in only one run.</summary>
    public static string Render(RunComparison comparison)
    {
        var text = new StringBuilder();
        text.AppendLine($"A: {comparison.A.File} (run {comparison.A.RunId})");
        text.AppendLine($"B: {comparison.B.File} (run {comparison.B.RunId})");
        text.AppendLine("Change = (B - A) / A; for latencies negative is better, for "
            + "throughputs and fractions positive is better.");
        foreach (var level in comparison.Levels)
        {
            text.AppendLine();
            AppendLevel(text, level);
        }

        if (comparison.Levels.Count == 0)
        {
            text.AppendLine().AppendLine("No level is in both runs (levels match by stage name "
                + "and concurrency).");
        }

        AppendUnmatched(text, "Only in A", comparison.OnlyInA);
        AppendUnmatched(text, "Only in B", comparison.OnlyInB);
        return text.ToString();
    }

    private static void AppendLevel(StringBuilder text, LevelComparison level)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"== {level.A.Stage} · c={level.A.Concurrency} ==");
        var table = new List<string[]> { Header };
        table.AddRange(level.Rows.Select(r => new[]
        {
            r.Metric, r.Stat,
            Number(r.A?.Round1), Number(r.B?.Round1), Percent(r.Round1ChangePercent),
            Number(r.A?.Round2), Number(r.B?.Round2), Percent(r.Round2ChangePercent),
        }));
        AppendTable(text, table);
        AppendSpeedups(text, level.A.Speedups, level.B.Speedups);
        AppendGates(text, level.Gates);
    }

    private static void AppendSpeedups(StringBuilder text, Speedups a, Speedups b)
    {
        text.AppendLine(
            $"TTFT speedup p50 (round 1 / round 2): A {Times(a.P50)}, B {Times(b.P50)}");
        text.AppendLine($"TTFT speedup mean: A {Times(a.Mean)}, B {Times(b.Mean)}");
        if (a.PairedMedian is not null || b.PairedMedian is not null)
        {
            text.AppendLine($"Paired TTFT speedup median: A {Times(a.PairedMedian)}, "
                + $"B {Times(b.PairedMedian)}");
        }
    }

    private static void AppendGates(StringBuilder text, IReadOnlyList<GateComparison> gates)
    {
        var both = gates.Count(g => g.A is not null && g.B is not null);
        var onlyOne = gates.Count - both;
        var flipped = gates.Where(g => g.Flipped).ToArray();
        var scope = onlyOne == 0
            ? $"{both} in both runs"
            : $"{both} in both runs, {onlyOne} in one only";
        text.AppendLine(flipped.Length == 0
            ? $"SLO gates flipped: none ({scope})"
            : $"SLO gates flipped: {flipped.Length} ({scope})");
        foreach (var gate in flipped)
        {
            // A flipped gate is in both runs, so neither side is null.
            text.AppendLine($"  {gate.Name}: {Verdict(gate.A!)} in A, {Verdict(gate.B!)} in B");
        }
    }

    private static void AppendUnmatched(
        StringBuilder text,
        string title,
        IReadOnlyList<LevelResults> levels)
    {
        if (levels.Count > 0)
        {
            text.AppendLine().Append(title).Append(": ")
                .AppendLine(string.Join(", ", levels.Select(l =>
                    string.Create(CultureInfo.InvariantCulture, $"{l.Stage} c={l.Concurrency}"))));
        }
    }

    private static void AppendTable(StringBuilder text, List<string[]> table)
    {
        var columns = table[0].Length;
        var widths = Enumerable.Range(0, columns)
            .Select(i => table.Max(r => r[i].Length))
            .ToArray();
        foreach (var (row, index) in table.Select((r, i) => (r, i)))
        {
            text.Append(row[0].PadRight(widths[0])).Append("  ").Append(row[1].PadRight(widths[1]));
            for (var i = 2; i < columns; i++)
            {
                text.Append("  ").Append(row[i].PadLeft(widths[i]));
            }

            text.AppendLine();
            if (index == 0)
            {
                text.AppendLine(new string('-', widths.Sum() + (2 * (columns - 1))));
            }
        }
    }

    private static string Verdict(GateVerdict gate) =>
        (gate.Passed ? "passed" : "FAILED") + $" ({Number(gate.Actual)})";

    /// <summary>
    /// Same precision rule as the run's own table: 1 decimal from 100 up, else 3.
    /// </summary>
    internal static string Number(double? value) => value switch
    {
        null => "-",
        { } v when Math.Abs(v) >= 100 => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Times(double? value) =>
        value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
}
