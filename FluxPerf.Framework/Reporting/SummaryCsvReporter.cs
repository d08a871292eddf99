using System.Globalization;
using CsvHelper;
using FluxPerf.Running;

namespace FluxPerf.Reporting;

/// <summary>
/// Writes <c>summary.csv</c>: one row per stage, concurrency, metric and statistic with round 1,
/// round 2 and the change, in invariant culture so every locale reads the same numbers.
/// </summary>
public sealed class SummaryCsvReporter : IReporter
{
    /// <summary>The file name in the run folder.</summary>
    public const string FileName = "summary.csv";

    /// <inheritdoc />
    public Task ReportAsync(
        BenchmarkResult result,
        string runFolder,
        CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Path.Combine(runFolder, FileName), async stream =>
        {
            await using var writer = new StreamWriter(stream);
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteRecords(Rows(result));
            await writer.FlushAsync(cancellationToken);
        });

    /// <summary>The rows of the comparison table.</summary>
    public static IEnumerable<SummaryRow> Rows(BenchmarkResult result) =>
        from stage in result.Stages
        from level in stage.Levels
        from row in level.Comparison.Rows
        select new SummaryRow(stage.Name, level.Concurrency, row.Metric, row.Stat, row.Round1,
            row.Round2, row.ChangePercent);
}

/// <summary>One row of summary.csv.</summary>
public sealed record SummaryRow(
    [property: CsvHelper.Configuration.Attributes.Name("stage")] string Stage,
    [property: CsvHelper.Configuration.Attributes.Name("concurrency")] int Concurrency,
    [property: CsvHelper.Configuration.Attributes.Name("metric")] string Metric,
    [property: CsvHelper.Configuration.Attributes.Name("stat")] string Stat,
    [property: CsvHelper.Configuration.Attributes.Name("round1")] double? Round1,
    [property: CsvHelper.Configuration.Attributes.Name("round2")] double? Round2,
    [property: CsvHelper.Configuration.Attributes.Name("change_pct")] double? ChangePercent);
