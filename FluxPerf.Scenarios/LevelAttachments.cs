using System.Text.Json;
using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Scenarios;

/// <summary>Writes a case's own files into the run folder and attaches them to the test.</summary>
internal static class LevelAttachments
{
    public static async Task AttachAsync(
        BenchmarkRun run,
        LevelResult level,
        string table,
        CancellationToken cancellationToken)
    {
        var prefix = Path.Combine(
            run.Folder, $"{FileNames.Slug(level.Stage)}-c{level.Concurrency}");
        var tablePath = prefix + "-summary.txt";
        var recordsPath = prefix + "-requests.json";
        await File.WriteAllTextAsync(tablePath, table, cancellationToken);
        await AtomicFile.WriteAsync(recordsPath, stream => JsonSerializer.SerializeAsync(
            stream, level.Records, ReportJson.Indented, cancellationToken));

        TestContext.AddTestAttachment(tablePath, "comparison table");
        TestContext.AddTestAttachment(recordsPath, "request records of both rounds");
        TestContext.AddTestAttachment(Path.Combine(run.Folder, ResultsJsonReporter.FileName),
            "results.json of the run so far");
        TestContext.AddTestAttachment(Path.Combine(run.Folder, SummaryCsvReporter.FileName),
            "summary.csv of the run so far");
    }
}
