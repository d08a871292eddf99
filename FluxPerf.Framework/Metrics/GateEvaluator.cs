using System.Globalization;
using FluxPerf.Running;

namespace FluxPerf.Metrics;

/// <summary>Holds every gate of an SLO file against one level's results.</summary>
public static class GateEvaluator
{
    /// <summary>Evaluates every gate; a value that could not be measured fails its gate.</summary>
    public static SloEvaluation Evaluate(SloSpec slo, LevelResult level)
    {
        var results = new List<GateResult>();
        foreach (var gate in slo.Gates)
        {
            if (GateCatalog.IsLevelFigure(gate.Metric))
            {
                results.Add(Judge(gate, null, LevelValue(gate.Metric, level)));
                continue;
            }

            if (gate.Round is GateRound.Round1 or GateRound.Both)
            {
                results.Add(Judge(gate, 1, RoundValue(gate, level.Round1)));
            }

            if (gate.Round is GateRound.Round2 or GateRound.Both)
            {
                results.Add(Judge(gate, 2, RoundValue(gate, level.Round2)));
            }
        }

        return new SloEvaluation(slo.Path, results.All(r => r.Passed), results);
    }

    private static double? RoundValue(Gate gate, RoundResult round)
    {
        var s = round.Statistics;
        var metric = GateCatalog.Canonical(gate.Metric);
        if (Monitoring.ServerFigures.Names.Contains(metric))
        {
            return Monitoring.ServerFigures.Of(round.Server).First(f => f.Metric == metric).Value;
        }

        if (GateCatalog.IsDistribution(metric))
        {
            var distribution = RoundComparer.Distributions(s).First(d => d.Metric == metric).Value;
            return RoundComparer.Stat(distribution, gate.Stat ?? "p50");
        }

        return RoundComparer.Figures(s).First(f => f.Metric == metric).Value;
    }

    private static double? LevelValue(string metric, LevelResult level) => metric switch
    {
        "ttft_speedup_p50" => level.Comparison.TtftSpeedupP50,
        "ttft_speedup_mean" => level.Comparison.TtftSpeedupMean,
        "paired_ttft_speedup" => level.Comparison.PairedTtftSpeedup?.Median,
        "paired_ttft_speedup_ci_low" => level.Comparison.PairedTtftSpeedup?.CiLow,

        // Without any reset there is nothing verified: a gate that asks for verified resets
        // must not pass on a run that never reset.
        "reset_verified" => level.Resets.Count == 0 ? null
            : level.Resets.All(r => r.Verified) ? 1
            : 0,
        _ => null,
    };

    private static GateResult Judge(Gate gate, int? round, double? actual)
    {
        var name = gate.Describe(round);
        var limit = Limit(gate);
        if (actual is not { } value || double.IsNaN(value))
        {
            return new GateResult(name, gate.Metric, gate.Stat, round, null, gate.Max, gate.Min,
                false, $"{name}: no value was measured (required {limit})");
        }

        var passed = (gate.Max is not { } max || value <= max)
            && (gate.Min is not { } min || value >= min);
        var verdict = passed ? "ok" : "BREACHED";
        return new GateResult(name, gate.Metric, gate.Stat, round, value, gate.Max, gate.Min,
            passed, $"{name}: {Format(value)} (required {limit}) {verdict}");
    }

    private static string Limit(Gate gate) => (gate.Max, gate.Min) switch
    {
        ({ } max, { } min) => $"{Format(min)} ≤ x ≤ {Format(max)}",
        ({ } max, null) => $"≤ {Format(max)}",
        (null, { } min) => $"≥ {Format(min)}",
        _ => "no threshold",
    };

    private static string Format(double value) =>
        value.ToString("0.###", CultureInfo.InvariantCulture);
}
