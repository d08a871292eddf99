using System.Globalization;
using System.Reflection;
using FluxPerf.Client;
using FluxPerf.Configuration;
using FluxPerf.Metrics;
using FluxPerf.Reporting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FluxPerf.Running;

/// <summary>
/// One benchmark run: a run folder, and the stages and concurrency levels run into it. Each level
/// runs round 1 (cold), the configured resets, and round 2 (the same requests, warm); records
/// stream to <c>requests.jsonl</c> as they finish and every reporter is refreshed after each level.
/// </summary>
public sealed partial class BenchmarkRun : IDisposable
{
    private readonly RunOptions _options;
    private readonly ILogger _logger;
    private readonly RunContext _context;
    private readonly Dictionary<string, StageState> _stages = new(StringComparer.Ordinal);
    private readonly List<string> _stageOrder = [];
    private readonly IReadOnlyList<IReporter> _reporters;
    private readonly DateTimeOffset _startedAt;
    private readonly PrometheusCsvWriter _prometheusCsv;

    private BenchmarkRun(RunOptions options, string folder, string runId)
    {
        _options = options;
        _logger = options.Logger ?? NullLogger.Instance;
        _startedAt = options.Time.GetUtcNow();
        Folder = folder;
        RunId = runId;
        _prometheusCsv = new PrometheusCsvWriter(folder);
        _reporters = options.Reporters
            ?? [new ResultsJsonReporter(), new SummaryCsvReporter(), new ChartFilesReporter()];
        _context = new RunContext(Timestamps.Now(),
            new JsonlWriter(Path.Combine(folder, "requests.jsonl"), ReportJson.Lines),
            debug: null, saveRequests: false, options.CancelGracePeriod);
    }

    /// <summary>The run folder, <c>&lt;output_dir&gt;/&lt;run_id&gt;</c>.</summary>
    public string Folder { get; }

    /// <summary>
    /// When the run started (UTC); record times (<c>sent_at_ms</c>, …) count from here.
    /// </summary>
    public DateTimeOffset StartedAt => _startedAt;

    /// <summary>The run's id (the run folder's name).</summary>
    public string RunId { get; }

    /// <summary>FluxPerf's version, as reported in results.</summary>
    public static string Version { get; } = typeof(BenchmarkRun).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        .Split('+')[0] ?? "0.0.0";

    /// <summary>Creates the run folder and opens <c>requests.jsonl</c>.</summary>
    public static BenchmarkRun Create(RunOptions options)
    {
        var runId = options.RunId ?? options.Time.GetUtcNow()
            .ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(Path.Combine(options.OutputDirectory, runId));
        Directory.CreateDirectory(folder);
        var run = new BenchmarkRun(options, folder, runId);
        Log.RunFolder(run._logger, folder);
        return run;
    }

    /// <summary>The results so far.</summary>
    public BenchmarkResult Result => new()
    {
        RunId = RunId,
        FluxPerfVersion = Version,
        StartedAt = _startedAt,
        UpdatedAt = _options.Time.GetUtcNow(),
        Stages = _stageOrder.Select(name => _stages[name]).Select(s => new StageResult
        {
            Name = s.Config.StageName,
            Config = ConfigSnapshot.Of(s.Config),
            Notes = s.Notes,
            Levels = s.Levels,
        }).ToArray(),
    };

    /// <summary>Runs every concurrency level of a stage, then the end reset if configured;
    /// <paramref name="slo"/> supplies goodput criteria and the gates judged per level.</summary>
    public async Task<IReadOnlyList<LevelResult>> RunStageAsync(
        BenchmarkConfig config,
        SloSpec? slo = null,
        IProgress<RoundProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var results = new List<LevelResult>();
        for (var i = 0; i < config.ConcurrencyLevels.Count; i++)
        {
            results.Add(await RunLevelAsync(config, i, slo, progress, cancellationToken));
        }

        await FinishStageAsync(config, cancellationToken);
        return results;
    }

    /// <summary>
    /// Runs one concurrency level (by its index in the configuration) of a stage.
    /// </summary>
    public async Task<LevelResult> RunLevelAsync(
        BenchmarkConfig config,
        int levelIndex,
        SloSpec? slo = null,
        IProgress<RoundProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var stage = GetStage(config, slo);
        var concurrency = config.ConcurrencyLevels[levelIndex];
        var sessions = stage.Plan(levelIndex, concurrency);
        var level = await RunLevelCoreAsync(
            stage, concurrency, sessions, progress, cancellationToken);
        stage.Levels.Add(level);
        await ReportAsync(cancellationToken);
        return level;
    }

    /// <summary>Does the stage's end-of-stage reset, if configured.</summary>
    public async Task FinishStageAsync(BenchmarkConfig config, CancellationToken cancellationToken)
    {
        if (config.ResetCacheAtEnd && _stages.TryGetValue(config.StageName, out var stage)
            && stage.Controller is not null)
        {
            var outcome = await stage.Controller.ResetAsync("end", cancellationToken);
            stage.Notes.Add($"end reset: {outcome.Verification}");
            await ReportAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var stage in _stages.Values)
        {
            stage.Dispose();
        }

        _context.Dispose();
    }
}
