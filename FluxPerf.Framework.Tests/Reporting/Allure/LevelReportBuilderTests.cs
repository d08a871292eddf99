using System.Text.Json;
using FluxPerf.Reporting.Allure;
using FluxPerf.Tests.Reporting.Charts;

namespace FluxPerf.Tests.Reporting.Allure;

[TestFixture]
internal sealed class LevelReportBuilderTests
{
    private static readonly LevelReportContext _context = new()
    {
        Recipe = "lmcache-multi-turn",
        Mode = "multi_turn",
        Endpoint = "http://user:pw@127.0.0.1:8000/v1?api_key=sk-9",
        Model = "qwen3-8b",
        RunId = "20250102-030405",
        Seed = 42,
    };

    private ResultsFolder _folder = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _folder = new ResultsFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task Level_WrittenCase_HasParametersLabelsAndExcludedRunIdAndSeed()
    {
        await WriteLevelAsync();

        var result = _folder.SingleResult();
        var parameters = result.GetProperty("parameters").EnumerateArray().ToDictionary(
            p => p.GetProperty("name").GetString()!, p => p);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameters.Keys, Is.EquivalentTo(new[]
            {
                "stage", "mode", "concurrency", "samples", "endpoint", "model", "run_id", "seed",
            }));
            Assert.That(parameters["endpoint"].GetProperty("value").GetString(),
                Is.EqualTo("http://127.0.0.1:8000/v1"), "no user info, no query");
            Assert.That(parameters["run_id"].GetProperty("excluded").GetBoolean(), Is.True);
            Assert.That(parameters["seed"].GetProperty("excluded").GetBoolean(), Is.True);
            Assert.That(parameters["concurrency"].TryGetProperty("excluded", out _), Is.False);
            Assert.That(Label(result, "parentSuite"), Is.EqualTo("lmcache-multi-turn"));
            Assert.That(Label(result, "suite"), Is.EqualTo("warm"));
            Assert.That(Label(result, "subSuite"), Is.EqualTo("c=4"));
            Assert.That(File.ReadAllText(_folder.Files("*-result.json").Select(f =>
                Path.Combine(_folder.Path, f)).Single()), Does.Not.Contain("sk-9"));
        }
    }

    [Test]
    public async Task Level_Attachments_TablesRecordsAndChartsExist()
    {
        await WriteLevelAsync();

        var result = _folder.SingleResult();
        var attachments = AllAttachments(result).ToList();
        var byName = attachments.ToDictionary(a => a.GetProperty("name").GetString()!,
            a => a.GetProperty("source").GetString()!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byName.Keys, Is.SupersetOf(new[]
            {
                "Round 2 vs round 1", "Statistics per round", "Request records",
                "TTFT distribution", "Paired TTFT (round 1 vs round 2)",
                "Inter-token latency distribution", "TTFT and cached fraction by turn", "Warnings",
            }));
            Assert.That(byName.Values.Select(s => File.Exists(Path.Combine(_folder.Path, s))),
                Is.All.True);
            Assert.That(_folder.Text(byName["Round 2 vs round 1"]),
                Does.StartWith("metric,stat,round1,round2,change_pct\n"));
            Assert.That(_folder.Text(byName["Statistics per round"]),
                Does.StartWith("round,metric,count,avg,p50,p90,p95,p99,min,max,stddev\n"));
            Assert.That(byName["TTFT distribution"], Does.EndWith(".png"));
        }
    }

    [Test]
    public async Task Level_RequestRecords_AreValidJsonWithBothRoundsAndNoCredentialFields()
    {
        await WriteLevelAsync();

        var source = AllAttachments(_folder.SingleResult())
            .Single(a => a.GetProperty("name").GetString() == "Request records")
            .GetProperty("source").GetString()!;
        using var records = JsonDocument.Parse(_folder.Text(source));
        var names = records.RootElement.EnumerateArray()
            .SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.RootElement.GetArrayLength(), Is.EqualTo(2 * 20 * 3));
            Assert.That(names, Does.Contain("prompt_tokens").And.Contain("cached_tokens"));
            Assert.That(names, Has.None.Contains("key").And.None.Contains("secret"));
        }
    }

    [Test]
    public async Task Level_ResetSteps_CarryTimesAndFailedResetIsBroken()
    {
        await WriteLevelAsync();

        var steps = _folder.SingleResult().GetProperty("steps").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Select(s => s.GetProperty("name").GetString()), Is.EqualTo(new[]
            {
                "cache reset (before_level)", "cache reset (between_rounds)",
            }));
            Assert.That(steps[0].GetProperty("start").GetInt64(),
                Is.EqualTo(SyntheticLevels.StartedAt.ToUnixTimeMilliseconds()));
            Assert.That(steps[1].GetProperty("status").GetString(), Is.EqualTo("broken"));
            Assert.That(steps[1].GetProperty("statusDetails").GetProperty("message").GetString(),
                Does.Contain("HTTP 503"));
        }
    }

    [Test]
    public void Metrics_Level_KeysFollowStageConcurrencyRoundMetric()
    {
        var level = SyntheticLevels.Level(stage: "warm up", concurrency: 8);

        var metrics = LevelReportBuilder.Metrics(level, 1000, 2000);

        var byKey = metrics.ToDictionary(m => m.Key);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byKey["warm_up.c8.round2.ttft_p95_ms"].Value,
                Is.EqualTo(level.Round2.Statistics.TtftMs!.P95));
            Assert.That(byKey["warm_up.c8.round2.ttft_p95_ms"].Unit, Is.EqualTo("ms"));
            Assert.That(byKey["warm_up.c8.round1.output_token_throughput"].Better,
                Is.EqualTo("higher"));
            Assert.That(byKey, Does.ContainKey("warm_up.c8.ttft_speedup_p50"));
            Assert.That(metrics.Select(m => (m.Start, m.Stop)), Is.All.EqualTo((1000L, 2000L)));
        }
    }

    [Test]
    public async Task AttachChartAsync_RendererThrows_AttachesTextNote()
    {
        var test = new AllureResultsWriter(_folder.Path).StartTestCase("t", "suite.t");

        await LevelReportBuilder.AttachChartAsync(test, "TTFT",
            () => throw new DllNotFoundException("libSkiaSharp"), CancellationToken.None);

        var attachment = test.Attachments.Single();
        Assert.That(attachment.Type, Is.EqualTo("text/plain"));
        Assert.That(_folder.Text(attachment.Source), Does.Contain("libSkiaSharp"));
    }

    private async Task WriteLevelAsync()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var level = SyntheticLevels.Level();
        var test = LevelReportBuilder.StartTestCase(writer, level, _context);
        await LevelReportBuilder.AttachAsync(test, level, CancellationToken.None);
        test.Finish(AllureStatus.Passed);
        await test.WriteAsync(CancellationToken.None);
    }

    private static IEnumerable<JsonElement> AllAttachments(JsonElement item)
    {
        var own = item.TryGetProperty("attachments", out var a) ? a.EnumerateArray() : default;
        var nested = item.TryGetProperty("steps", out var s)
            ? s.EnumerateArray().SelectMany(AllAttachments)
            : [];
        return own.Concat(nested);
    }

    private static string? Label(JsonElement result, string name) =>
        result.GetProperty("labels").EnumerateArray()
            .Single(l => l.GetProperty("name").GetString() == name)
            .GetProperty("value").GetString();
}
