using System.Globalization;
using FluxPerf.Running;

namespace FluxPerf.Cli.Running;

/// <summary>Why a run fails: breached SLO gates and rounds in which every request failed.</summary>
internal static class RunVerdict
{
    /// <summary>
    /// One line per breached gate and per fully failed round; empty when the run passed.
    /// </summary>
    public static IReadOnlyList<string> Failures(IEnumerable<LevelResult> levels)
    {
        var lines = new List<string>();
        foreach (var level in levels)
        {
            var where = string.Create(CultureInfo.InvariantCulture,
                $"{level.Stage} c={level.Concurrency}");
            foreach (var round in new[] { level.Round1, level.Round2 })
            {
                var s = round.Statistics;

                // A round with no success has no latency figures at all, so gates on them
                // cannot judge it; it fails the run even without an SLO file.
                if (s.Requests > 0 && s.Succeeded == 0)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"FAILED {where} round {round.Round}: all {s.Requests} requests failed "
                        + $"({Kinds(s.FailedByKind)})"));
                }
            }

            foreach (var gate in level.Slo?.Breaches ?? [])
            {
                lines.Add($"SLO BREACH {where}: {gate.Message}");
            }
        }

        return lines;
    }

    private static string Kinds(IReadOnlyDictionary<string, int> byKind) =>
        byKind.Count == 0
            ? "no error kind recorded"
            : string.Join(", ", byKind.Select(p => $"{p.Key}: {p.Value}"));
}
