using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using FluxPerf.Monitoring;

namespace FluxPerf.Reporting;

/// <summary>
/// Appends every kept Prometheus sample to <c>prometheus.csv</c> in the run folder as each round
/// ends: timestamp, offset into the round, stage, concurrency, round, instance, metric, labels,
/// value.
/// </summary>
public sealed class PrometheusCsvWriter
{
    /// <summary>The file name in the run folder.</summary>
    public const string FileName = "prometheus.csv";

    private readonly string _path;
    private readonly Lock _gate = new();

    /// <summary>Writes to <c>prometheus.csv</c> in <paramref name="runFolder"/>.</summary>
    public PrometheusCsvWriter(string runFolder)
    {
        _path = Path.Combine(runFolder, FileName);
    }

    /// <summary>Appends one round's samples (the header first, when the file is new).</summary>
    public void Append(
        string stage,
        int concurrency,
        int round,
        IReadOnlyList<ServerSample> samples)
    {
        lock (_gate)
        {
            var exists = File.Exists(_path);
            using var writer = new StreamWriter(_path, append: true);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            if (!exists)
            {
                csv.WriteHeader<PrometheusRow>();
                csv.NextRecord();
            }

            csv.WriteRecords(samples.Select(s => new PrometheusRow(
                s.TimestampUtc.ToString("O", CultureInfo.InvariantCulture), s.OffsetMs, stage,
                concurrency, round, s.Instance, s.Metric, s.Labels, s.Value)));
        }
    }
}

/// <summary>One row of prometheus.csv.</summary>
public sealed record PrometheusRow(
    [property: Name("timestamp")] string Timestamp,
    [property: Name("offset_ms")] double OffsetMs,
    [property: Name("stage")] string Stage,
    [property: Name("concurrency")] int Concurrency,
    [property: Name("round")] int Round,
    [property: Name("instance")] string Instance,
    [property: Name("metric")] string Metric,
    [property: Name("labels")] string Labels,
    [property: Name("value")] double Value);
