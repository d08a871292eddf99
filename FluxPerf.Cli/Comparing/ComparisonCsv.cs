using System.Globalization;
using CsvHelper;

namespace FluxPerf.Cli.Comparing;

/// <summary>
/// The comparison as CSV in long form, one value pair per row, so a spreadsheet or pandas can
/// filter by any column: <c>stage, concurrency, kind, name, stat, round, a, b, change_pct,
/// a_passed, b_passed</c>. Kinds: <c>metric</c>, <c>speedup</c> (round empty), <c>gate</c>
/// (a and b are the measured values; a_passed and b_passed the verdicts).
/// </summary>
internal static class ComparisonCsv
{
    private static readonly string[] Header =
    [
        "stage", "concurrency", "kind", "name", "stat", "round", "a", "b", "change_pct",
        "a_passed", "b_passed",
    ];

    /// <summary>Writes the CSV to <paramref name="path"/>, replacing it.</summary>
    public static void Write(RunComparison comparison, string path)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var level in comparison.Levels)
        {
            WriteLevel(csv, level);
        }
    }

    private static void WriteLevel(CsvWriter csv, LevelComparison level)
    {
        var (stage, concurrency) = (level.A.Stage, level.A.Concurrency);
        foreach (var row in level.Rows)
        {
            Row(csv, stage, concurrency, "metric", row.Metric, row.Stat, "1",
                row.A?.Round1, row.B?.Round1);
            Row(csv, stage, concurrency, "metric", row.Metric, row.Stat, "2",
                row.A?.Round2, row.B?.Round2);
        }

        var (a, b) = (level.A.Speedups, level.B.Speedups);
        Row(csv, stage, concurrency, "speedup", "ttft_speedup", "p50", "", a.P50, b.P50);
        Row(csv, stage, concurrency, "speedup", "ttft_speedup", "mean", "", a.Mean, b.Mean);
        Row(csv, stage, concurrency, "speedup", "paired_ttft_speedup", "median", "",
            a.PairedMedian, b.PairedMedian);
        foreach (var gate in level.Gates)
        {
            Row(csv, stage, concurrency, "gate", gate.Name, "", "", gate.A?.Actual, gate.B?.Actual,
                gate.A?.Passed, gate.B?.Passed);
        }
    }

    private static void Row(
        CsvWriter csv,
        string stage,
        int concurrency,
        string kind,
        string name,
        string stat,
        string round,
        double? a,
        double? b,
        bool? aPassed = null,
        bool? bPassed = null)
    {
        csv.WriteField(stage);
        csv.WriteField(concurrency);
        csv.WriteField(kind);
        csv.WriteField(name);
        csv.WriteField(stat);
        csv.WriteField(round);
        csv.WriteField(Invariant(a));
        csv.WriteField(Invariant(b));
        csv.WriteField(Invariant(RowComparison.Change(a, b)));
        csv.WriteField(Flag(aPassed));
        csv.WriteField(Flag(bPassed));
        csv.NextRecord();
    }

    // "R" keeps every digit, so a value read back from the CSV equals the one in results.json.
    private static string Invariant(double? value) =>
        value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "",
    };
}
