using System.Globalization;
using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Tests.Running;

[TestFixture]
[CancelAfter(120_000)]
public sealed class ServerMetricsRunTests : TempFolderTests
{
    [Test]
    public async Task RunStage_ScrapingTheMock_ServerHitRateMatchesClientCachedFraction()
    {
        await using var mock = await EngineFixture.StartMockAsync();
        var config = EngineFixture.Config(
            mock, EngineFixture.WriteDataset(Folder, 8), Folder) with
        {
            ConcurrencyLevels = [4],
            NumSamples = [8],
            PrometheusUrls = [new Uri(mock.BaseAddress, "metrics")],
            ScrapeInterval = TimeSpan.FromMilliseconds(50),
        };

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        var level = (await run.RunStageAsync(config)).Single();

        using (Assert.EnterMultipleScope())
        {
            foreach (var round in new[] { level.Round1, level.Round2 })
            {
                var server = round.Server!;
                var client = round.Statistics;

                // The mock counts queries and hits in tokens over exactly the round's requests,
                // as the client's usage does, so the two agree; the probe requests of the reset
                // happen before the round's first scrape and stay out of the delta.
                Assert.That(server.FailedScrapes, Is.Zero);
                Assert.That(server.Derived.PrefixCacheQueries,
                    Is.EqualTo(client.PromptTokensTotal));
                Assert.That(server.Derived.PrefixCacheHitRate,
                    Is.EqualTo(client.CachedTokenFraction!.Value).Within(1e-9));
                Assert.That(round.CacheAccount!.Warnings, Is.Empty);
            }

            Assert.That(level.Round1.CacheAccount!.ExpectedReusableTokens, Is.Null);
            Assert.That(level.Round2.CacheAccount!.ExpectedReusableTokens,
                Is.EqualTo(level.Round2.Statistics.PromptTokensTotal),
                "round 2 repeats round 1, so all of it was reusable");
            Assert.That(level.Round2.Server!.Derived.PrefixCacheHitRate, Is.GreaterThan(0.8));
            Assert.That(level.Resets.Single().Verified, Is.True);
            Assert.That(level.Resets.Single().Verification,
                Does.Contain("the server's hit counter did not grow"),
                "with metrics scraped, the counters witness the reset too");
        }
    }

    [Test]
    public async Task RunStage_CacheTooSmallForTheWorkload_Round2AccountNamesEviction()
    {
        // 8 blocks of 16 tokens hold less than one of the dataset's prompts, so round 1's
        // prefixes are evicted before round 2 asks for them again.
        await using var mock = await EngineFixture.StartMockAsync(o => o.CacheCapacityBlocks = 8);
        var config = EngineFixture.Config(
            mock, EngineFixture.WriteDataset(Folder, 8), Folder) with
        {
            ConcurrencyLevels = [2],
            NumSamples = [8],
            PrometheusUrls = [new Uri(mock.BaseAddress, "metrics")],
            ScrapeInterval = TimeSpan.FromMilliseconds(50),
        };

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        var level = (await run.RunStageAsync(config)).Single();

        var account = level.Round2.CacheAccount!;
        var expected = level.Round2.Statistics.PromptTokensTotal;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(account.ExpectedReusableTokens, Is.EqualTo(expected));
            Assert.That(account.ClientCachedTokens, Is.LessThan(expected / 2));
            Assert.That(account.Warnings, Has.One.Contains(
                expected.ToString(CultureInfo.InvariantCulture)).And.Contains("evict"));
        }
    }

    [Test]
    public async Task RunStage_ScrapingTheMock_WritesPrometheusCsvInsideEachRound()
    {
        await using var mock = await EngineFixture.StartMockAsync();
        var config = EngineFixture.Config(
            mock, EngineFixture.WriteDataset(Folder, 6), Folder) with
        {
            ConcurrencyLevels = [2],
            NumSamples = [6],
            PrometheusUrls = [new Uri(mock.BaseAddress, "metrics")],
            ScrapeInterval = TimeSpan.FromMilliseconds(50),
        };

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        var level = (await run.RunStageAsync(config)).Single();

        var lines = File.ReadAllLines(Path.Combine(run.Folder, PrometheusCsvWriter.FileName));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.That(lines[0],
            Is.EqualTo("timestamp,offset_ms,stage,concurrency,round,instance,metric,labels,value"));
        using (Assert.EnterMultipleScope())
        {
            foreach (var round in new[] { level.Round1, level.Round2 })
            {
                var server = round.Server!;
                var inRound = rows
                    .Where(r => r[4] == round.Round.ToString(CultureInfo.InvariantCulture))
                    .ToArray();
                Assert.That(inRound, Is.Not.Empty);
                Assert.That(
                    inRound.Select(r => DateTimeOffset.Parse(r[0], CultureInfo.InvariantCulture)),
                    Has.All.InRange(server.StartedAtUtc, server.EndedAtUtc));
                Assert.That(inRound.Select(r => r[6]),
                    Has.Some.EqualTo("vllm:prefix_cache_hits_total"));
            }

            var charts = Directory.GetFiles(Path.Combine(run.Folder, "charts"))
                .Select(Path.GetFileName);
            Assert.That(charts, Is.SupersetOf(new[]
            {
                "e2e-c2-ttft.png", "e2e-c2-paired-ttft.png", "e2e-c2-itl.png",
                "e2e-c2-server-load.png",
                "e2e-c2-server-cache.png",
            }));
        }
    }
}
