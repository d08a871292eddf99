using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using FluxPerf.Metrics;
using FluxPerf.Running;

namespace FluxPerf.Reporting.Allure;

/// <summary>
/// A level's figures as attachment text: CSV tables and the request records' JSON.
/// </summary>
internal static class LevelTables
{
    /// <summary>
    /// metric, stat, round1, round2, change_pct: the comparison as in summary.csv.
    /// </summary>
    public static string ComparisonCsv(LevelResult level) => Csv(csv =>
    {
        WriteRow(csv, "metric", "stat", "round1", "round2", "change_pct");
        foreach (var row in level.Comparison.Rows)
        {
            WriteRow(csv, row.Metric, row.Stat, Number(row.Round1), Number(row.Round2),
                Number(row.ChangePercent));
        }
    });

    /// <summary>One row per round and distribution metric, with every statistic.</summary>
    public static string StatisticsCsv(LevelResult level) => Csv(csv =>
    {
        WriteRow(csv, "round", "metric", "count", "avg", "p50", "p90", "p95", "p99", "min",
            "max", "stddev");
        foreach (var round in new[] { level.Round1, level.Round2 })
        {
            foreach (var (metric, d) in RoundComparer.Distributions(round.Statistics))
            {
                var r = round.Round.ToString(CultureInfo.InvariantCulture);
                WriteRow(csv, r, metric, d?.Count.ToString(CultureInfo.InvariantCulture) ?? "0",
                    Number(d?.Avg), Number(d?.P50), Number(d?.P90), Number(d?.P95),
                    Number(d?.P99), Number(d?.Min), Number(d?.Max), Number(d?.Stddev));
            }
        }
    });

    /// <summary>The records of both rounds as an indented JSON array, with any property named
    /// like a credential removed at every depth.</summary>
    public static string RecordsJson(LevelResult level)
    {
        var node = JsonSerializer.SerializeToNode(level.Records, ReportJson.Indented)
            ?? new JsonArray();
        StripSecrets(node);
        return node.ToJsonString(ReportJson.Indented);
    }

    private static void StripSecrets(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(SecretNames.IsSecret).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, child) in obj)
                {
                    StripSecrets(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    StripSecrets(child);
                }

                break;
        }
    }

    // Four decimals are finer than any clock FluxPerf reads, and keep the table readable;
    // tiny non-zero values (error rates) keep four significant digits instead of becoming 0.
    // An empty cell, not 0, where a figure is missing.
    private static string Number(double? value) => value switch
    {
        null => "",
        var v when v != 0 && Math.Abs(v.Value) < 0.001 =>
            v.Value.ToString("G4", CultureInfo.InvariantCulture),
        var v => v.Value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static void WriteRow(CsvWriter csv, params string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }

    private static string Csv(Action<CsvWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, configuration))
        {
            write(csv);
        }

        return text.ToString();
    }
}
