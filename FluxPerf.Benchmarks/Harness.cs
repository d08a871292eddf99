using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FluxPerf.Client;
using FluxPerf.Reporting;

namespace FluxPerf.Benchmarks;

/// <summary>Runs every part of the benchmark in order and writes the results.</summary>
internal static class Harness
{
    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var date = DateTimeOffset.UtcNow;
        var loadAtStart = ResourceProbe.LoadAverage();
        var machine = MachineInfo.Read(options.RepositoryRoot);
        Say($"{machine.Cpu}, {machine.LogicalCores} cores, {machine.Runtime}; load "
            + string.Join(' ', loadAtStart));

        var levels = await RunLevelsAsync(options);
        var overhead = await RunOverheadAsync(options);
        Say($"analysis of {options.AnalysisRecords} records (child process)");
        var analysis = await AnalysisBenchmark.RunInChildAsync(options.AnalysisRecords);
        Say(Json(analysis));

        var report = new BenchmarkReport
        {
            Date = date,
            Command = options.CommandLine,
            Machine = machine,
            TokensPerRequest = options.Tokens,
            MockBaseTtftMs = StreamingLevelBenchmark.BaseTtftMs,
            MockItlMs = StreamingLevelBenchmark.DefaultItlMs,
            IdleCpuPerSecond = levels.Idle,
            Levels = levels.Figures,
            SocketFloor = levels.Floor,
            Overhead = overhead,
            Analysis = analysis,
            LoadAverageAtStart = loadAtStart,
            LoadAverageAtEnd = ResourceProbe.LoadAverage(),
            DurationS = Stopwatch.GetElapsedTime(started).TotalSeconds,
        };
        Write(options, report);
        return 0;
    }

    private static async Task<LevelRun> RunLevelsAsync(
        HarnessOptions options)
    {
        var maxLevel = options.Levels.Max();
        await using var mock = await MockProcess.StartAsync(
            StreamingLevelBenchmark.MockFlags(maxLevel, options.Tokens,
                StreamingLevelBenchmark.DefaultItlMs), options.MockBelowNormal);
        using var client = new StreamingClient(new ClientOptions
        {
            Endpoint = mock.ChatCompletionsUri,
            MaxConnections = maxLevel + 4,
            RequestTimeout = TimeSpan.FromMinutes(2),
        });
        Say($"mock pid {mock.ProcessId} at {mock.BaseAddress}; warming up");
        var warmUp = new StreamingLevelBenchmark(mock, client, options, 0);
        await warmUp.WarmUpAsync();

        var idle = await MeasureSettledIdleAsync(options);
        var benchmark = new StreamingLevelBenchmark(mock, client, options, idle);

        var levels = new List<LevelFigures>();
        foreach (var concurrency in options.Levels)
        {
            var level = await benchmark.RunAsync(concurrency);
            Say(Json(level));
            levels.Add(level);
        }

        var floor = await RunSocketFloorAsync(mock, client, options);
        if (await RunPacedLevelAsync(options, idle) is { } paced)
        {
            levels.Add(paced);
        }

        return new LevelRun(levels, idle, floor);
    }

    private static async Task<LevelFigures?> RunPacedLevelAsync(HarnessOptions options, double idle)
    {
        if (options.PacedItlMs <= 0)
        {
            return null;
        }

        // Its own mock, since the event gap is the mock's setting; the client code is warm.
        const int concurrency = 512;
        await using var mock = await MockProcess.StartAsync(
            StreamingLevelBenchmark.MockFlags(concurrency, options.Tokens, options.PacedItlMs),
            options.MockBelowNormal);
        using var client = new StreamingClient(new ClientOptions
        {
            Endpoint = mock.ChatCompletionsUri,
            MaxConnections = concurrency + 4,
            RequestTimeout = TimeSpan.FromMinutes(2),
        });
        var benchmark = new StreamingLevelBenchmark(mock, client, options, idle,
            options.PacedItlMs);
        await benchmark.OpenConnectionsAsync(concurrency);
        var level = await benchmark.RunAsync(concurrency);
        Say(Json(level));
        return level;
    }

    private static async Task<List<FloorFigures>> RunSocketFloorAsync(
        MockProcess mock,
        StreamingClient client,
        HarnessOptions options)
    {
        // Same mock, same bytes, the levels the CPU target names and any above them.
        var floor = new SocketFloorBenchmark(mock, client, options.Tokens);
        var figures = new List<FloorFigures>();
        foreach (var concurrency in options.Levels.Where(c => c >= 64))
        {
            var level = await floor.RunAsync(concurrency,
                TimeSpan.FromSeconds(options.Quick ? 4 : 6));
            Say("socket floor " + Json(level));
            figures.Add(level);
        }

        return figures;
    }

    private static async Task<OverheadFigures> RunOverheadAsync(HarnessOptions options)
    {
        await using var mock = await MockProcess.StartAsync(EngineOverheadBenchmark.MockFlags,
            options.MockBelowNormal);
        var overhead = await EngineOverheadBenchmark.RunAsync(mock,
            TimeSpan.FromSeconds(options.Quick ? 3 : 8));
        Say(Json(overhead));
        return overhead;
    }

    private static async Task<double> MeasureSettledIdleAsync(HarnessOptions options)
    {
        // Measured with the connections open and idle, after the warm-up has settled: right
        // after it, tiered JIT and the GC still work in the background (a first reading was
        // above what a whole c=1 level costs), and that would be subtracted from every level.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var duration = TimeSpan.FromSeconds(options.Quick ? 2 : 3);
        var first = await MeasureIdleAsync(duration);
        var second = await MeasureIdleAsync(duration);
        var idle = Math.Min(first, second);
        Say($"idle CPU of this process: {first * 1000:0.0} and {second * 1000:0.0} ms/s; "
            + "the lower is subtracted");
        return idle;
    }

    private static async Task<double> MeasureIdleAsync(TimeSpan duration)
    {
        // The sampler runs during every level, so it runs here too: its CPU is part of the
        // baseline, not of the client's cost.
        ResourceProbe.Settle();
        await using var sampler = new WorkingSetSampler();
        var cpu = ResourceProbe.CpuTime;
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(duration);
        return (ResourceProbe.CpuTime - cpu).TotalSeconds
            / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void Write(HarnessOptions options, BenchmarkReport report)
    {
        if (!options.WriteFiles)
        {
            Console.WriteLine(PerformanceMarkdown.Render(report));
            return;
        }

        var folder = Path.Combine(options.RepositoryRoot, "benchmarks", "results");
        Directory.CreateDirectory(folder);
        var name = report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + (options.Quick ? "-quick" : "") + ".json";
        var json = Path.Combine(folder, name);
        File.WriteAllText(json, JsonSerializer.Serialize(report, ReportJson.Indented) + "\n");
        Say($"wrote {json}");

        if (options.Quick)
        {
            // A smoke run's figures are not the documented ones.
            Console.WriteLine(PerformanceMarkdown.Render(report));
            return;
        }

        var markdown = Path.Combine(options.RepositoryRoot, "docs", "performance.md");
        PerformanceMarkdown.Update(markdown, report);
        Say($"updated {markdown}");
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ReportJson.Lines);

    private static void Say(string line) =>
        Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    private sealed record LevelRun(
        List<LevelFigures> Figures,
        double Idle,
        List<FloorFigures> Floor);
}
