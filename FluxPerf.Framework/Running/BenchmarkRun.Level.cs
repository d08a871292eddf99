using FluxPerf.Configuration;
using FluxPerf.Datasets;
using FluxPerf.Metrics;
using FluxPerf.Monitoring;

namespace FluxPerf.Running;

public sealed partial class BenchmarkRun
{
    private async Task<LevelResult> RunLevelCoreAsync(
        StageState stage,
        int concurrency,
        IReadOnlyList<PlannedSession> sessions,
        IProgress<RoundProgress>? progress,
        CancellationToken ct)
    {
        var config = stage.Config;
        var warnings = new List<string>();
        var resets = new List<ResetOutcome>();
        var load = LoadFor(concurrency);
        var runner = new RoundRunner(stage.Client, _context,
            new TurnComposer(config.MaxContextTokens, countTokens: config.Debug));
        _context.SaveRequests = config.SaveRequests;
        if (config.Debug)
        {
            _context.EnableDebug(config.DebugLogDirectory ?? Folder);
        }

        if (config.ResetCacheBetweenConcurrency)
        {
            resets.Add(await ResetAsync(stage, "before_level", warnings, ct));
        }

        var plan1 = new RoundPlan(config.StageName, concurrency, 1, sessions, Replay: null);
        var round1 = await RunRoundAsync(stage, runner, plan1, load, progress, ct);
        ThrowIfUnreachable(config, round1);

        if (config.ResetCacheBetweenRounds)
        {
            resets.Add(await ResetAsync(stage, "between_rounds", warnings, ct));
        }

        var order = config.ShuffleRound2 ? Sampler.Shuffle(sessions, config.Seed + 1) : sessions;
        var replay = config.Mode == BenchmarkMode.MultiTurn && config.ReplayRecordedReplies
            ? round1.Replies
            : null;
        var plan2 = new RoundPlan(config.StageName, concurrency, 2, order, replay);
        var round2 = await RunRoundAsync(stage, runner, plan2, load, progress, ct);

        AddSkippedWarnings(warnings, round1, round2);
        return Analyze(stage, concurrency, sessions.Count, load, resets, warnings, round1, round2);
    }

    private async Task<RoundOutcome> RunRoundAsync(
        StageState stage,
        RoundRunner runner,
        RoundPlan plan,
        ILoadModel load,
        IProgress<RoundProgress>? progress,
        CancellationToken ct)
    {
        Log.RoundStarting(_logger, plan.Stage, plan.Concurrency, plan.Round, plan.Sessions.Count,
            load.Describe());
        var window = stage.Monitor is null ? null : await stage.Monitor.BeginAsync(plan, ct);
        var outcome = await runner.RunAsync(plan, load, progress, ct);

        // The closing scrape happens here, after the round's last request is really done, so
        // the counters' deltas hold all of the round's work and nothing of the next step.
        if (stage.Monitor is not null && window is not null)
        {
            outcome = outcome with
            {
                Server = await stage.Monitor.EndAsync(window, plan, CancellationToken.None),
            };
        }

        var ok = outcome.Records.Count(r => r.Succeeded);
        var duration = RoundAnalyzer.DurationSeconds(outcome.Records);
        Log.RoundFinished(_logger, plan.Stage, plan.Concurrency, plan.Round, ok,
            outcome.Records.Count - ok, duration);

        // Records already on disk stay there; the caller learns of the cancellation after them.
        ct.ThrowIfCancellationRequested();
        return outcome;
    }

    private async Task<ResetOutcome> ResetAsync(
        StageState stage,
        string moment,
        List<string> warnings,
        CancellationToken ct)
    {
        var outcome = await stage.Controller!.ResetAsync(moment, ct); // validated: reset URL set
        Log.ResetDone(_logger, moment, outcome.Verification);
        var policy = stage.Config.ResetVerification;
        var bad = outcome.Failed || (policy != ResetVerificationPolicy.None && !outcome.Verified);
        if (!bad)
        {
            return outcome;
        }

        var message = $"cache reset ({moment}) at {stage.Config.ResetCacheUrl}: "
            + (outcome.Error ?? outcome.Verification);
        if (policy == ResetVerificationPolicy.Strict)
        {
            throw new BenchmarkException(message
                + "; reset_verification is strict, so the level stops here");
        }

        warnings.Add(message);
        Log.RunWarning(_logger, message);
        return outcome;
    }

    private static void ThrowIfUnreachable(BenchmarkConfig config, RoundOutcome round)
    {
        var records = round.Records;
        if (records.Count > 0 && records.All(r => r.ErrorKind == "connection_failed"))
        {
            throw new BenchmarkException($"endpoint {config.Endpoint} could not be reached: "
                + $"{records[0].Error}. Check that the server is running and the URL is right.");
        }
    }

    private static void AddSkippedWarnings(List<string> warnings, RoundOutcome r1, RoundOutcome r2)
    {
        foreach (var (round, skipped) in new[] { (1, r1.SkippedTurns), (2, r2.SkippedTurns) })
        {
            if (skipped > 0)
            {
                warnings.Add($"round {round}: {skipped} turns were not sent because an earlier "
                    + "turn of their session failed");
            }
        }
    }

    private static LevelResult Analyze(
        StageState stage,
        int concurrency,
        int samples,
        ILoadModel load,
        List<ResetOutcome> resets,
        List<string> warnings,
        RoundOutcome round1,
        RoundOutcome round2)
    {
        var s1 = RoundAnalyzer.Analyze(round1.Records, stage.Slo?.Criteria);
        var s2 = RoundAnalyzer.Analyze(round2.Records, stage.Slo?.Criteria);
        if (stage.Config.Mode == BenchmarkMode.MultiTurn)
        {
            var note = stage.Config.ReplayRecordedReplies
                ? "multi-turn round 2 replays round 1's replies as history, so each request is "
                    + "byte-identical to its round-1 twin"
                : "multi-turn round 2 uses its own live replies as history; requests after the "
                    + "first turn may differ from their round-1 twins";
            if (!stage.Notes.Contains(note))
            {
                stage.Notes.Add(note);
            }
        }

        var level = new LevelResult
        {
            Stage = stage.Config.StageName,
            Concurrency = concurrency,
            Samples = samples,
            Load = load.Describe(),
            Resets = resets,
            Round1 = Round(1, s1, round1.Server, expectedReusable: null),
            Round2 = Round(2, s2, round2.Server, ReusableInRound2(stage.Config, s2)),
            Comparison = WithServerRows(RoundComparer.Compare(s1, s2, round1.Records,
                round2.Records, stage.Config.Seed), round1.Server, round2.Server),
            Warnings = warnings,
            Records = [.. round1.Records, .. round2.Records],
        };
        return stage.Slo is { } slo
            ? level with { Slo = GateEvaluator.Evaluate(slo, level) }
            : level;
    }

    private static RoundComparison WithServerRows(
        RoundComparison comparison,
        RoundServerMetrics? server1,
        RoundServerMetrics? server2)
    {
        if (server1 is null && server2 is null)
        {
            return comparison;
        }

        var rows = ServerFigures.Of(server1).Zip(ServerFigures.Of(server2),
            (a, b) => RoundComparer.Row(a.Metric, "value", a.Value, b.Value));
        return comparison with { Rows = [.. comparison.Rows, .. rows] };
    }

    private static RoundResult Round(
        int number,
        RoundStatistics statistics,
        RoundServerMetrics? server,
        long? expectedReusable)
    {
        var account = server is null ? null : CacheAccount.Settle(expectedReusable,
            statistics.CachedTokensTotal, statistics.PromptTokensTotal, statistics.Succeeded,
            server.Derived);
        return new RoundResult(number, statistics, server, account);
    }

    // Round 2 repeats round 1's requests byte for byte (dual-round, or multi-turn replaying the
    // recorded replies), so a cache that kept everything serves all its prompt tokens but each
    // request's last partial block, which the account's allowance covers; a shortfall is then
    // eviction, and the account says so. After a reset between rounds only other tiers (LMCache)
    // can serve it, and how much they kept is what the round measures, so nothing is expected.
    // Round 1's reuse depends on which requests share prefixes and on their order in flight;
    // it is left unknown, and the account compares the client with the server only.
    private static long? ReusableInRound2(BenchmarkConfig config, RoundStatistics round2) =>
        !config.ResetCacheBetweenRounds
        && (config.Mode == BenchmarkMode.DualRound || config.ReplayRecordedReplies)
            ? round2.PromptTokensTotal
            : null;

    // The load model is chosen here so that an open-loop schedule (a request rate with Poisson
    // or gamma gaps) can replace the closed loop without touching the rounds.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859",
        Justification = "The interface is the seam for open-loop load models.")]
    private static ILoadModel LoadFor(int concurrency) => new ClosedLoopLoad(concurrency);

    private StageState GetStage(BenchmarkConfig config, SloSpec? slo)
    {
        if (_stages.TryGetValue(config.StageName, out var existing))
        {
            return existing;
        }

        config.ValidateOrThrow();
        var stage = new StageState(config, slo, _prometheusCsv);
        _stages[config.StageName] = stage;
        _stageOrder.Add(config.StageName);
        return stage;
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        var result = Result;
        foreach (var reporter in _reporters)
        {
            await reporter.ReportAsync(result, Folder, ct);
        }
    }
}
