using FluxPerf.Reporting.Charts;
using FluxPerf.Running;

namespace FluxPerf.Reporting;

/// <summary>
/// Saves each level's charts (and each stage's concurrency sweep) as PNG files in the run
/// folder's <c>charts/</c>, once per level, so the pictures exist without any report viewer.
/// </summary>
public sealed class ChartFilesReporter : IReporter
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task ReportAsync(
        BenchmarkResult result,
        string runFolder,
        CancellationToken cancellationToken)
    {
        var folder = Path.Combine(runFolder, "charts");
        Directory.CreateDirectory(folder);
        foreach (var stage in result.Stages)
        {
            var slug = FileNames.Slug(stage.Name);
            foreach (var level in stage.Levels
                .Where(l => _written.Add($"{stage.Name}/{l.Concurrency}")))
            {
                foreach (var (_, suffix, render) in LevelChartSet.For(level))
                {
                    await WriteAsync(
                        Path.Combine(folder, $"{slug}-c{level.Concurrency}-{suffix}.png"),
                        render,
                        cancellationToken);
                }
            }

            if (stage.Levels.Count > 1)
            {
                await WriteAsync(Path.Combine(folder, $"{slug}-concurrency.png"),
                    () => LevelCharts.ConcurrencySweep(stage.Levels), cancellationToken);
            }
        }
    }

    private static Task WriteAsync(string path, Func<byte[]> render, CancellationToken ct)
    {
        byte[] png;
        try
        {
            png = render();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A chart is a convenience; a drawing failure (a missing native library) must not
            // lose the run's figures, which the other reporters have already written.
            return File.WriteAllTextAsync(Path.ChangeExtension(path, ".txt"),
                $"the chart could not be drawn: {e.GetType().Name}: {e.Message}", ct);
        }

        return AtomicFile.WriteAsync(path, stream => stream.WriteAsync(png, ct).AsTask());
    }
}
