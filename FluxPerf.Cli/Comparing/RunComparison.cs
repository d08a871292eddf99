namespace FluxPerf.Cli.Comparing;

/// <summary>Run B against run A, level by level, matched by (stage name, concurrency).</summary>
/// <param name="A">The baseline run.</param>
/// <param name="B">The run compared with it.</param>
/// <param name="Levels">The levels found in both runs, in A's order.</param>
/// <param name="OnlyInA">Levels of A that B does not have.</param>
/// <param name="OnlyInB">Levels of B that A does not have.</param>
internal sealed record RunComparison(
    RunResults A,
    RunResults B,
    IReadOnlyList<LevelComparison> Levels,
    IReadOnlyList<LevelResults> OnlyInA,
    IReadOnlyList<LevelResults> OnlyInB)
{
    /// <summary>Matches the levels of two runs and compares each pair.</summary>
    public static RunComparison Of(RunResults a, RunResults b)
    {
        var bLevels = b.Levels.ToDictionary(Key);
        var aKeys = a.Levels.Select(Key).ToHashSet();
        var matched = a.Levels.Where(l => bLevels.ContainsKey(Key(l)))
            .Select(l => LevelComparison.Of(l, bLevels[Key(l)]))
            .ToArray();
        return new RunComparison(
            a,
            b,
            matched,
            a.Levels.Where(l => !bLevels.ContainsKey(Key(l))).ToArray(),
            b.Levels.Where(l => !aKeys.Contains(Key(l))).ToArray());
    }

    private static (string, int) Key(LevelResults level) => (level.Stage, level.Concurrency);
}

/// <summary>One level of both runs.</summary>
/// <param name="A">The level in run A.</param>
/// <param name="B">The level in run B.</param>
/// <param name="Rows">Every statistic of either run, A's order first.</param>
/// <param name="Gates">Every SLO gate of either run, matched by name.</param>
internal sealed record LevelComparison(
    LevelResults A,
    LevelResults B,
    IReadOnlyList<RowComparison> Rows,
    IReadOnlyList<GateComparison> Gates)
{
    /// <summary>Compares one level of two runs.</summary>
    public static LevelComparison Of(LevelResults a, LevelResults b)
    {
        var aRows = a.Rows.ToDictionary(r => (r.Metric, r.Stat));
        var bRows = b.Rows.ToDictionary(r => (r.Metric, r.Stat));
        var rows = a.Rows.Concat(b.Rows.Where(r => !aRows.ContainsKey((r.Metric, r.Stat))))
            .Select(r => new RowComparison(
                r.Metric,
                r.Stat,
                aRows.GetValueOrDefault((r.Metric, r.Stat)),
                bRows.GetValueOrDefault((r.Metric, r.Stat))))
            .ToArray();
        var aGates = a.Gates.ToDictionary(g => g.Name);
        var bGates = b.Gates.ToDictionary(g => g.Name);
        var gates = a.Gates.Concat(b.Gates.Where(g => !aGates.ContainsKey(g.Name)))
            .Select(g => new GateComparison(
                g.Name, aGates.GetValueOrDefault(g.Name), bGates.GetValueOrDefault(g.Name)))
            .ToArray();
        return new LevelComparison(a, b, rows, gates);
    }
}

/// <summary>One statistic in both runs.</summary>
internal sealed record RowComparison(string Metric, string Stat, MetricRow? A, MetricRow? B)
{
    /// <summary>(B − A) / A × 100 of round 2; null when either is missing or A is 0.</summary>
    public double? Round2ChangePercent => Change(A?.Round2, B?.Round2);

    /// <summary>(B − A) / A × 100 of round 1.</summary>
    public double? Round1ChangePercent => Change(A?.Round1, B?.Round1);

    /// <summary>
    /// The relative change from <paramref name="a"/> to <paramref name="b"/>, in %.
    /// </summary>
    public static double? Change(double? a, double? b) =>
        a is { } x && b is { } y && x != 0 ? (y - x) / Math.Abs(x) * 100 : null;
}

/// <summary>One SLO gate in both runs; either side is null when that run lacks the gate.</summary>
internal sealed record GateComparison(string Name, GateVerdict? A, GateVerdict? B)
{
    /// <summary>True when the gate passed in one run and failed in the other.</summary>
    public bool Flipped => A is not null && B is not null && A.Passed != B.Passed;
}
