using System.Diagnostics;
using System.Text.Json;
using FluxPerf.Metrics;
using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Benchmarks;

/// <summary>
/// The cost of turning a large level into results: analysis of both rounds, their comparison,
/// results.json and summary.csv, and, timed apart because a run writes it line by line as
/// requests finish, requests.jsonl. Runs in a child process of its own so the peak working set
/// (VmHWM, which cannot be reset) is this step's alone.
/// </summary>
internal static class AnalysisBenchmark
{
    public const string ChildFlag = "--analysis-child";

    /// <summary>Runs the benchmark in a fresh copy of this program and reads its figures.
    /// </summary>
    public static async Task<AnalysisFigures> RunInChildAsync(int records)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) // set for a running process
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(info.FileName) == "dotnet")
        {
            info.ArgumentList.Add(typeof(AnalysisBenchmark).Assembly.Location);
        }

        info.ArgumentList.Add(ChildFlag);
        info.ArgumentList.Add($"{records}");
        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"the analysis child exited with code {process.ExitCode}: {output}");
        }

        return JsonSerializer.Deserialize<AnalysisFigures>(output, ReportJson.Lines)
            ?? throw new InvalidOperationException($"the analysis child printed \"{output}\"");
    }

    /// <summary>The child's work: prints the figures as one JSON line.</summary>
    public static async Task<int> ChildMainAsync(int records)
    {
        var figures = await RunAsync(records);
        Console.WriteLine(JsonSerializer.Serialize(figures, ReportJson.Lines));
        return 0;
    }

    private static async Task<AnalysisFigures> RunAsync(int count)
    {
        var load = ResourceProbe.LoadAverage();
        var clock = Stopwatch.StartNew();
        var (round1, round2) = SyntheticRecords.Generate(count);
        var generate = Lap(clock);
        ResourceProbe.Settle();
        var heap = GC.GetTotalMemory(forceFullCollection: false);

        clock.Restart();
        var statistics1 = RoundAnalyzer.Analyze(round1, null);
        var statistics2 = RoundAnalyzer.Analyze(round2, null);
        var analyze = Lap(clock);
        var comparison = RoundComparer.Compare(statistics1, statistics2, round1, round2, seed: 1);
        var compare = Lap(clock);

        var folder = Directory.CreateTempSubdirectory("fluxperf-analysis-").FullName;
        try
        {
            var result = Result(statistics1, statistics2, comparison, count);
            await new ResultsJsonReporter().ReportAsync(result, folder, CancellationToken.None);
            await new SummaryCsvReporter().ReportAsync(result, folder, CancellationToken.None);
            var write = Lap(clock);
            WriteJsonl(Path.Combine(folder, "requests.jsonl"), round1, round2);
            var jsonl = Lap(clock);

            using var self = Process.GetCurrentProcess();
            return new AnalysisFigures
            {
                Records = count,
                ItlGapsPerRecord = SyntheticRecords.ItlGaps,
                GenerateS = generate,
                AnalyzeS = analyze,
                CompareS = compare,
                WriteResultsS = write,
                WriteJsonlS = jsonl,
                JsonlUsPerRecord = jsonl * 1e6 / count,
                AnalysedS = analyze + compare + write,
                TotalS = analyze + compare + write + jsonl,
                PeakWorkingSetMb = self.PeakWorkingSet64 / 1048576.0,
                HeapAfterGenerateMb = heap / 1048576.0,
                LoadAverage = load,
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteJsonl(
        string path,
        List<RequestRecord> round1,
        List<RequestRecord> round2)
    {
        // The run's own writer, flushing every line, as requests.jsonl is written during a run.
        using var writer = new JsonlWriter(path, ReportJson.Lines);
        foreach (var record in round1.Concat(round2))
        {
            writer.Append(record);
        }
    }

    private static BenchmarkResult Result(
        RoundStatistics round1,
        RoundStatistics round2,
        RoundComparison comparison,
        int count)
    {
        var level = new LevelResult
        {
            Stage = "analysis",
            Concurrency = 64,
            Samples = count / 2,
            Load = "closed-loop c=64",
            Resets = [],
            Round1 = new RoundResult(1, round1, null),
            Round2 = new RoundResult(2, round2, null),
            Comparison = comparison,
            Warnings = [],
        };
        var now = DateTimeOffset.UtcNow;
        return new BenchmarkResult
        {
            RunId = "analysis-benchmark",
            FluxPerfVersion = "benchmark",
            StartedAt = now,
            UpdatedAt = now,
            Stages = [new StageResult
            {
                Name = "analysis",
                Config = new Dictionary<string, object?>(),
                Notes = [],
                Levels = [level],
            }],
        };
    }

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }
}
