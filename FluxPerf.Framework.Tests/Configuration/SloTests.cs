using FluxPerf.Configuration;
using FluxPerf.Metrics;
using FluxPerf.Running;

namespace FluxPerf.Tests.Configuration;

[TestFixture]
public sealed class SloTests
{
    private string _path = "";

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"slo-{Guid.NewGuid():N}.yaml");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [Test]
    public void Load_OriginalConstraints_BecomeGoodputCriteria()
    {
        File.WriteAllText(_path, """
            constraints: {ttft_ms: {max: 500}, itl_ms: {max: 50}, latency_ms: {max: 2000},
                          output_token_throughput: {min: 20}}
            """);

        var slo = SloLoader.Load(_path);

        Assert.That(slo.Criteria, Is.EqualTo(new GoodputCriteria
        {
            MaxTtftMs = 500,
            MaxItlMs = 50,
            MaxE2eLatencyMs = 2000,
            MinOutputTokenThroughput = 20,
        }));
    }

    [Test]
    public void Load_UnknownMetricAndStat_AreErrorsWithSuggestions()
    {
        File.WriteAllText(_path, """
            gates:
              - {metric: ttft_msec, stat: p95, max: 300}
              - {metric: itl_ms, stat: p98, max: 60}
              - {metric: error_rate, round: three, max: 0.01}
            """);

        var error = Assert.Throws<ConfigurationException>(() => SloLoader.Load(_path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Problems,
                Has.Some.Contains("\"ttft_msec\"").And.Contains("did you mean \"ttft_ms\"?"));
            Assert.That(error.Problems, Has.Some.Contains("\"p98\"").And.Contains("p95"));
            Assert.That(error.Problems,
                Has.Some.Contains("\"three\"").And.Contains("1, 2 or both"));
        }
    }

    [Test]
    public void Evaluate_GatesOnBothRoundsAndLevelFigures_ReportActualAndThreshold()
    {
        File.WriteAllText(_path, """
            gates:
              - {metric: ttft_ms, stat: p50, round: both, max: 50}
              - {metric: ttft_speedup_p50, min: 3}
              - {metric: reset_verified, min: 1}
            """);
        var slo = SloLoader.Load(_path);
        var level = Level(ttftRound1: 100, ttftRound2: 20);

        var verdict = GateEvaluator.Evaluate(slo, level);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict.Gates.Select(g => g.Name), Is.EqualTo(new[]
            {
                "ttft_ms p50 (round 1)", "ttft_ms p50 (round 2)", "ttft_speedup_p50",
                "reset_verified",
            }));
            Assert.That(verdict.Gates.Select(g => g.Passed),
                Is.EqualTo(new[] { false, true, true, false }));
            Assert.That(verdict.Gates[0].Message,
                Is.EqualTo("ttft_ms p50 (round 1): 100 (required ≤ 50) BREACHED"));
            Assert.That(verdict.Gates[2].Actual, Is.EqualTo(5).Within(1e-9));
            Assert.That(verdict.Gates[2].Message, Does.Contain("5 (required ≥ 3)"));
            Assert.That(verdict.Gates[3].Message, Does.Contain("no value was measured"),
                "a level without resets cannot show a verified reset");
            Assert.That(verdict.Passed, Is.False);
        }
    }

    private static LevelResult Level(double ttftRound1, double ttftRound2)
    {
        var r1 = Records(1, ttftRound1);
        var r2 = Records(2, ttftRound2);
        var s1 = RoundAnalyzer.Analyze(r1, null);
        var s2 = RoundAnalyzer.Analyze(r2, null);
        return new LevelResult
        {
            Stage = "s",
            Concurrency = 1,
            Samples = 3,
            Load = "closed-loop c=1",
            Resets = [],
            Round1 = new RoundResult(1, s1, null),
            Round2 = new RoundResult(2, s2, null),
            Comparison = RoundComparer.Compare(s1, s2, r1, r2, seed: 1),
            Warnings = [],
        };
    }

    private static RequestRecord[] Records(int round, double ttft) => Enumerable.Range(0, 3)
        .Select(i => new RequestRecord
        {
            Stage = "s",
            Concurrency = 1,
            Round = round,
            RequestId = $"r{i}",
            SessionId = $"r{i}",
            Turn = 0,
            Status = "ok",
            TtftMs = ttft,
            E2eLatencyMs = ttft + 10,
            ScheduleLagMs = 0,
            ScheduledAtMs = i * 100,
            SentAtMs = i * 100,
            DoneAtMs = i * 100 + ttft + 10,
            OutputTokens = 2,
        }).ToArray();
}
