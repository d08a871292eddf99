using FluxPerf.Metrics;
using FluxPerf.Running;

namespace FluxPerf.Tests.Reporting.Charts;

/// <summary>Builds seeded, plausible levels (cold round 1, warm round 2) from synthetic
/// request records, analysed by the engine's own analyzer and comparer.</summary>
internal static class SyntheticLevels
{
    public static readonly DateTimeOffset StartedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A level of <paramref name="sessions"/> sessions of <paramref name="turns"/>
    /// turns each; with <paramref name="round2Fails"/> every round-2 request failed.</summary>
    public static LevelResult Level(
        string stage = "warm",
        int concurrency = 4,
        int sessions = 20,
        int turns = 3,
        int seed = 7,
        bool round2Fails = false)
    {
        var random = new Random(seed);
        var round1 = Records(random, stage, concurrency, 1, sessions, turns, fail: false);
        var round2 = Records(random, stage, concurrency, 2, sessions, turns, round2Fails);
        return Analyse(stage, concurrency, sessions, round1, round2);
    }

    /// <summary>A level in which no request was made at all.</summary>
    public static LevelResult Empty(string stage = "empty", int concurrency = 1) =>
        Analyse(stage, concurrency, 0, [], []);

    private static LevelResult Analyse(string stage, int concurrency, int samples,
        List<RequestRecord> round1, List<RequestRecord> round2)
    {
        var stats1 = RoundAnalyzer.Analyze(round1, null);
        var stats2 = RoundAnalyzer.Analyze(round2, null);
        return new LevelResult
        {
            Stage = stage,
            Concurrency = concurrency,
            Samples = samples,
            Load = $"closed-loop c={concurrency}",
            Resets =
            [
                Reset("before_level", verified: true, error: null),
                Reset("between_rounds", verified: false, error: "HTTP 503 from server"),
            ],
            Round1 = new RoundResult(1, stats1, null),
            Round2 = new RoundResult(2, stats2, null),
            Comparison = RoundComparer.Compare(stats1, stats2, round1, round2, seed: 1),
            Warnings = ["round 2: 1 turn skipped"],
            Records = [.. round1, .. round2],
        };
    }

    private static ResetOutcome Reset(string moment, bool verified, string? error) => new()
    {
        Moment = moment,
        At = StartedAt.AddSeconds(moment == "before_level" ? 0 : 30),
        HttpStatus = error is null ? 200 : 503,
        ElapsedMs = 12.5,
        Verified = verified,
        Verification = verified ? "probe showed 0 cached tokens" : "not verified",
        Error = error,
    };

    private static List<RequestRecord> Records(Random random, string stage, int concurrency,
        int round, int sessions, int turns, bool fail)
    {
        var records = new List<RequestRecord>();
        var clock = round == 1 ? 0.0 : 60_000.0;
        for (var s = 0; s < sessions; s++)
        {
            for (var t = 0; t < turns; t++)
            {
                clock += random.NextDouble() * 50;
                records.Add(fail
                    ? Failed(stage, concurrency, round, s, t, clock)
                    : Succeeded(random, stage, concurrency, round, s, t, clock));
            }
        }

        return records;
    }

    private static RequestRecord Succeeded(Random random, string stage, int concurrency,
        int round, int session, int turn, double sentAt)
    {
        var prompt = 400 + (turn * 350);
        var cached = round == 2 ? prompt - 20 : turn * 330;
        var ttft = 5 + (0.25 * (prompt - cached)) + (random.NextDouble() * 20);
        var itl = Enumerable.Range(0, 15).Select(_ => 8 + (random.NextDouble() * 6)).ToArray();
        var e2e = ttft + itl.Sum();
        return Base(stage, concurrency, round, session, turn, sentAt, e2e) with
        {
            Status = "ok",
            TtftMs = ttft,
            ItlMs = itl,
            TpotMs = itl.Average(),
            PromptTokens = prompt,
            CompletionTokens = 16,
            CachedTokens = cached,
            OutputTokens = 16,
            TokenEvents = 16,
            FinishReason = "length",
        };
    }

    private static RequestRecord Failed(string stage, int concurrency, int round, int session,
        int turn, double sentAt) =>
        Base(stage, concurrency, round, session, turn, sentAt, 3) with
        {
            Status = "error",
            ErrorKind = "http_error",
            Error = "HTTP 500: internal server error",
            HttpStatus = 500,
        };

    private static RequestRecord Base(string stage, int concurrency, int round, int session,
        int turn, double sentAt, double e2e) => new()
        {
            Stage = stage,
            Concurrency = concurrency,
            Round = round,
            RequestId = $"s{session}-t{turn}",
            SessionId = $"s{session}",
            Turn = turn,
            Status = "ok",
            E2eLatencyMs = e2e,
            ScheduleLagMs = 0.1,
            ScheduledAtMs = sentAt - 0.1,
            SentAtMs = sentAt,
            DoneAtMs = sentAt + e2e,
        };
}
