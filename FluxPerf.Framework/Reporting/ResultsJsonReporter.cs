using System.Text.Json;
using FluxPerf.Running;

namespace FluxPerf.Reporting;

/// <summary>
/// Writes <c>results.json</c>: configuration, every level's rounds, resets and verdicts.
/// </summary>
public sealed class ResultsJsonReporter : IReporter
{
    /// <summary>The file name in the run folder.</summary>
    public const string FileName = "results.json";

    /// <inheritdoc />
    public Task ReportAsync(
        BenchmarkResult result,
        string runFolder,
        CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Path.Combine(runFolder, FileName),
            stream => JsonSerializer.SerializeAsync(stream, result, ReportJson.Indented,
                cancellationToken));
}
