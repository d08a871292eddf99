using System.Text.Json;
using FluxPerf.Configuration;
using FluxPerf.Metrics;
using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Tests.Running;

[TestFixture]
[CancelAfter(120_000)]
public sealed class BenchmarkRunTests : TempFolderTests
{
    [Test]
    public async Task RunStage_DualRoundAgainstMock_Round2IsWarmAndFaster()
    {
        await using var mock = await EngineFixture.StartMockAsync();
        var config = EngineFixture.Config(mock, EngineFixture.WriteDataset(Folder, 12), Folder);

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        var levels = await run.RunStageAsync(config);

        Assert.That(levels, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            foreach (var level in levels)
            {
                var r1 = level.Round1.Statistics;
                var r2 = level.Round2.Statistics;
                Assert.That(r1.Failed + r2.Failed, Is.Zero, "no request fails");
                Assert.That(r1.Requests, Is.EqualTo(level.Samples));
                Assert.That(r2.CachedTokenFraction, Is.GreaterThan(0.8),
                    "round 2 reuses the prompts");
                Assert.That(r1.CachedTokenFraction ?? 0,
                    Is.LessThan(r2.CachedTokenFraction!.Value));
                Assert.That(level.Comparison.TtftSpeedupP50, Is.GreaterThan(1.5));
                Assert.That(level.Comparison.PairedTtftSpeedup!.Pairs, Is.EqualTo(level.Samples));
                Assert.That(level.Resets.Single().Verified, Is.True,
                    level.Resets.Single().Verification);
            }
        }
    }

    [Test]
    public async Task RunStage_ResetBetweenRounds_IsVerifiedAndRound2StaysCold()
    {
        await using var mock = await EngineFixture.StartMockAsync();
        var config = EngineFixture.Config(
            mock, EngineFixture.WriteDataset(Folder, 6), Folder) with
        {
            ConcurrencyLevels = [3],
            NumSamples = [6],
            ResetCacheBetweenRounds = true,
            ResetVerification = ResetVerificationPolicy.Strict,
        };

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        var level = (await run.RunStageAsync(config)).Single();

        var betweenRounds = level.Resets.Single(r => r.Moment == "between_rounds");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(betweenRounds.Verified, Is.True, betweenRounds.Verification);
            Assert.That(betweenRounds.Success, Is.True);
            Assert.That(level.Warnings, Is.Empty);

            // Round 1 warmed the shared prefix, but the verified reset cleared it: round 2 can
            // only reuse what its own earlier requests put back, never round 1's blocks.
            Assert.That(level.Round2.Statistics.CachedTokenFraction,
                Is.LessThan(0.9 * level.Round1.Statistics.CachedTokenFraction!.Value + 0.1));
        }
    }

    [Test]
    public async Task RunStage_MultiTurn_Round2RequestsAreIdenticalToRound1()
    {
        await using var mock = await EngineFixture.StartMockAsync();
        var config = EngineFixture.Config(
            mock, EngineFixture.WriteDataset(Folder, 4, turns: 3), Folder) with
        {
            Mode = BenchmarkMode.MultiTurn,
            ConcurrencyLevels = [2],
            NumSamples = [4],
            SaveRequests = true,
        };

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        var level = (await run.RunStageAsync(config)).Single();

        var byId = level.Records.GroupBy(r => r.RequestId).ToArray();
        Assert.That(byId, Has.Length.EqualTo(12), "4 sessions × 3 turns, paired across rounds");
        using (Assert.EnterMultipleScope())
        {
            foreach (var pair in byId)
            {
                var r1 = pair.Single(r => r.Round == 1);
                var r2 = pair.Single(r => r.Round == 2);
                Assert.That(JsonSerializer.Serialize(r2.Messages),
                    Is.EqualTo(JsonSerializer.Serialize(r1.Messages)),
                    $"{pair.Key}: round 2 sends what round 1 sent");
                Assert.That(r2.PromptTokens, Is.EqualTo(r1.PromptTokens));
            }

            var lastTurn = level.Records.Where(r => r.Turn == 2).ToArray();
            Assert.That(lastTurn.All(r => r.Messages!.Count == 6), Is.True,
                "system + two earlier turns with replies + the current user turn");
        }
    }

    [Test]
    public async Task Analysis_RecomputedFromRequestsJsonl_EqualsResultsJson()
    {
        await using var mock = await EngineFixture.StartMockAsync();
        var config = EngineFixture.Config(mock, EngineFixture.WriteDataset(Folder, 8), Folder);
        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        await run.RunStageAsync(config);

        var records = File.ReadAllLines(Path.Combine(run.Folder, "requests.jsonl"))
            .Select(l => JsonSerializer.Deserialize<RequestRecord>(l, ReportJson.Lines)!)
            .ToArray();
        using var results = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(run.Folder, "results.json")));

        var levels = results.RootElement.GetProperty("stages")[0].GetProperty("levels");
        Assert.That(levels.GetArrayLength(), Is.EqualTo(2));
        foreach (var level in levels.EnumerateArray())
        {
            var concurrency = level.GetProperty("concurrency").GetInt32();
            var round = records.Where(r => r.Concurrency == concurrency && r.Round == 2).ToArray();
            var recomputed = RoundAnalyzer.Analyze(round, null);
            var written = level.GetProperty("round2").GetProperty("statistics");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(written.GetProperty("requests").GetInt32(),
                    Is.EqualTo(recomputed.Requests));
                Assert.That(written.GetProperty("ttft_ms").GetProperty("p99").GetDouble(),
                    Is.EqualTo(recomputed.TtftMs!.P99).Within(1e-9));
                Assert.That(written.GetProperty("itl_ms").GetProperty("avg").GetDouble(),
                    Is.EqualTo(recomputed.ItlMs!.Avg).Within(1e-9));
                Assert.That(written.GetProperty("output_token_throughput").GetDouble(),
                    Is.EqualTo(recomputed.OutputTokenThroughput).Within(1e-6));
                Assert.That(written.GetProperty("cached_token_fraction").GetDouble(),
                    Is.EqualTo(recomputed.CachedTokenFraction!.Value).Within(1e-12));
            }
        }

        Assert.That(File.Exists(Path.Combine(run.Folder, "summary.csv")), Is.True);
    }

    [Test]
    public async Task RunStage_CancelledMidRound_KeepsEveryFinishedRecordOnDisk()
    {
        await using var mock = await EngineFixture.StartMockAsync(o => o.ItlMs = 20);
        var config = EngineFixture.Config(
            mock, EngineFixture.WriteDataset(Folder, 40), Folder) with
        {
            ConcurrencyLevels = [2],
            NumSamples = [40],
            MaxOutputTokens = 10,
        };
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done >= 5)
            {
                cts.Cancel();
            }
        });

        using var run = BenchmarkRun.Create(new RunOptions
        {
            OutputDirectory = Folder,
            CancelGracePeriod = TimeSpan.FromSeconds(5),
        });

        Assert.That(async () => await run.RunStageAsync(config, null, progress, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
        var lines = File.ReadAllLines(Path.Combine(run.Folder, "requests.jsonl"));
        var records = lines
            .Select(l => JsonSerializer.Deserialize<RequestRecord>(l, ReportJson.Lines)!)
            .ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Length.InRange(5, 39), "stopped early, kept what finished");
            Assert.That(records.All(r => r.Status == "ok"), Is.True,
                "requests in flight finished within the grace period");
        }
    }

    [Test]
    public async Task RunLevel_UnreachableEndpoint_FailsWithClearMessage()
    {
        var dataset = EngineFixture.WriteDataset(Folder, 4);
        var config = new BenchmarkConfig
        {
            DatasetPath = dataset,
            Endpoint = new Uri("http://127.0.0.1:9/v1/chat/completions"),
            ConcurrencyLevels = [2],
            NumSamples = [2],
            OutputDirectory = Folder,
        };
        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });

        var error = Assert.ThrowsAsync<BenchmarkException>(() => run.RunLevelAsync(config, 0));

        Assert.That(error!.Message,
            Does.Contain("127.0.0.1:9").And.Contain("could not be reached"));
    }

    [Test]
    public void RunLevel_TooManySamples_SaysHowManyEntriesThereAre()
    {
        var dataset = EngineFixture.WriteDataset(Folder, 3);
        var config = new BenchmarkConfig
        {
            DatasetPath = dataset,
            Endpoint = new Uri("http://127.0.0.1:9/v1/chat/completions"),
            ConcurrencyLevels = [2],
            NumSamples = [10],
            OutputDirectory = Folder,
        };
        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });

        var error = Assert.ThrowsAsync<ConfigurationException>(() => run.RunLevelAsync(config, 0));

        Assert.That(error!.Message,
            Does.Contain("10 samples").And.Contain("only 3 usable entries"));
    }

    private sealed class SynchronousProgress(Action<RoundProgress> onReport)
        : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => onReport(value);
    }
}
