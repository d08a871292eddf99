using System.Text.Json;
using FluxPerf.Reporting.Allure;

namespace FluxPerf.Tests.Reporting.Allure;

[TestFixture]
internal sealed class AllureResultsWriterTests
{
    // SHA-256 of "fluxperf.r.warm", first 16 bytes in lower-case hex.
    private const string PinnedTestCaseId = "61209a33adfaa71a02282b61ecb827ef";

    private ResultsFolder _folder = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _folder = new ResultsFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task WriteAsync_FullCase_WritesEveryRequiredField()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var test = writer.StartTestCase("warm at concurrency 8", "fluxperf.recipe.warm");
        test.AddLabel(AllureLabel.Suite, "warm").AddTag("qwen").AddTag("multi_turn")
            .AddParameter("concurrency", "8").AddParameter("run_id", "r1", excluded: true);
        using (var step = test.StartStep("round 1"))
        {
            using var inner = test.StartStep("reset");
            await test.AttachCsvAsync("table", "a,b\n1,2\n", CancellationToken.None);
        }

        test.Finish(AllureStatus.Failed, "SLO breached: ttft p95 612 ms > 500 ms", "gate ttft");
        await test.WriteAsync(CancellationToken.None);

        var result = _folder.SingleResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.GetProperty("uuid").GetString(), Is.EqualTo(test.Uuid));
            Assert.That(result.GetProperty("historyId").GetString(), Has.Length.EqualTo(32));
            Assert.That(result.GetProperty("testCaseId").GetString(), Has.Length.EqualTo(32));
            Assert.That(result.GetProperty("fullName").GetString(),
                Is.EqualTo("fluxperf.recipe.warm"));
            Assert.That(result.GetProperty("name").GetString(),
                Is.EqualTo("warm at concurrency 8"));
            Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(result.GetProperty("stage").GetString(), Is.EqualTo("finished"));
            Assert.That(result.GetProperty("statusDetails").GetProperty("message").GetString(),
                Does.Contain("SLO"));
            Assert.That(result.GetProperty("stop").GetInt64(),
                Is.GreaterThanOrEqualTo(result.GetProperty("start").GetInt64()));
            Assert.That(LabelValues(result, "tag"),
                Is.EquivalentTo(new[] { "qwen", "multi_turn" }));
            Assert.That(LabelValues(result, "host"), Has.Exactly(1).Items);
            Assert.That(LabelValues(result, "language"), Is.EqualTo(new[] { "csharp" }));
            var runId = result.GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "run_id");
            Assert.That(runId.GetProperty("excluded").GetBoolean(), Is.True);
            var outer = result.GetProperty("steps")[0];
            Assert.That(outer.GetProperty("name").GetString(), Is.EqualTo("round 1"));
            Assert.That(outer.GetProperty("status").GetString(), Is.EqualTo("passed"));
            var inner = outer.GetProperty("steps")[0];
            Assert.That(inner.GetProperty("attachments")[0].GetProperty("type").GetString(),
                Is.EqualTo("text/csv"));
            Assert.That(
                inner.TryGetProperty("start", out _) && inner.TryGetProperty("stop", out _));
        }
    }

    [Test]
    public async Task WriteAsync_Attachments_EverySourceFileExists()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var test = writer.StartTestCase("t", "suite.t");
        await test.AttachTextAsync("text", "hello", CancellationToken.None);
        await test.AttachJsonAsync("json", "{\"a\":1}", CancellationToken.None);
        using (test.StartStep("step"))
        {
            await test.AttachPngAsync("png", new byte[] { 0x89, 0x50 }, CancellationToken.None);
        }

        await test.WriteAsync(CancellationToken.None);

        var sources = Sources(_folder.SingleResult()).ToList();
        Assert.That(sources, Has.Count.EqualTo(3));
        Assert.That(sources.Select(s => File.Exists(Path.Combine(_folder.Path, s))),
            Is.All.True);
        Assert.That(sources, Is.All.Match(@"^[0-9a-f-]{36}-attachment\.(txt|json|png)$"));
    }

    [Test]
    public async Task WriteAsync_StepLeftOpen_IsWrittenBroken()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var test = writer.StartTestCase("t", "suite.t");
        test.StartStep("never stopped");

        await test.WriteAsync(CancellationToken.None);

        var step = _folder.SingleResult().GetProperty("steps")[0];
        Assert.That(step.GetProperty("status").GetString(), Is.EqualTo("broken"));
    }

    [Test]
    public void StopStep_NoOpenStep_ThrowsNamingTheTest()
    {
        var test = new AllureResultsWriter(_folder.Path).StartTestCase("t", "suite.t");

        Assert.That(() => test.StopStep(), Throws.InvalidOperationException
            .With.Message.Contains("suite.t"));
    }

    [Test]
    public void HistoryId_SameCaseAndParametersInAnyOrder_IsStable()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var a = writer.StartTestCase("t", "r.warm").AddParameter("stage", "warm")
            .AddParameter("concurrency", "8");
        var b = writer.StartTestCase("t", "r.warm").AddParameter("concurrency", "8")
            .AddParameter("stage", "warm");

        Assert.That(a.HistoryId, Is.EqualTo(b.HistoryId));
        Assert.That(a.Uuid, Is.Not.EqualTo(b.Uuid));
    }

    [Test]
    public void HistoryId_NonExcludedParameterChanges_Differs()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var c8 = writer.StartTestCase("t", "r.warm").AddParameter("concurrency", "8");
        var c16 = writer.StartTestCase("t", "r.warm").AddParameter("concurrency", "16");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(c8.HistoryId, Is.Not.EqualTo(c16.HistoryId));
            Assert.That(c8.TestCaseId, Is.EqualTo(c16.TestCaseId), "same test, other parameters");
        }
    }

    [Test]
    public void HistoryId_ExcludedParameterChanges_IsUnchanged()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var run1 = writer.StartTestCase("t", "r.warm").AddParameter("concurrency", "8")
            .AddParameter("run_id", "2025-01-01", excluded: true).AddParameter("seed", "1", true);
        var run2 = writer.StartTestCase("t", "r.warm").AddParameter("concurrency", "8")
            .AddParameter("run_id", "2025-01-02", excluded: true).AddParameter("seed", "2", true);
        var bare = writer.StartTestCase("t", "r.warm").AddParameter("concurrency", "8");

        Assert.That(new[] { run2.HistoryId, bare.HistoryId }, Is.All.EqualTo(run1.HistoryId));
    }

    [Test]
    public void HistoryId_KnownInput_IsTheDocumentedHash()
    {
        var test = new AllureResultsWriter(_folder.Path).StartTestCase("t", "fluxperf.r.warm");

        // Pinned so that a refactoring cannot silently break every user's history line.
        Assert.That(test.TestCaseId, Is.EqualTo(PinnedTestCaseId));
    }

    [TestCase("api_key")]
    [TestCase("apiKey")]
    [TestCase("X-Api-Key")]
    [TestCase("OPENAI_API_KEY")]
    [TestCase("access_token")]
    [TestCase("client_secret")]
    [TestCase("password")]
    public void AddParameter_CredentialName_IsRefused(string name)
    {
        var test = new AllureResultsWriter(_folder.Path).StartTestCase("t", "suite.t");

        Assert.That(() => test.AddParameter(name, "sk-live-123"),
            Throws.ArgumentException.With.Message.Contains(name)
                .And.Message.Not.Contains("sk-live-123"));
        Assert.That(test.Parameters, Is.Empty);
    }

    [TestCase("prompt_tokens")]
    [TestCase("cached_tokens")]
    [TestCase("monkey")]
    [TestCase("max_tokens")]
    public void AddParameter_MeasurementNameContainingTokens_IsAccepted(string name)
    {
        var test = new AllureResultsWriter(_folder.Path).StartTestCase("t", "suite.t");

        test.AddParameter(name, "5");

        Assert.That(test.Parameters.Single().Name, Is.EqualTo(name));
    }

    [Test]
    public void ParallelWriters_FiftyCases_UniqueFilesAllValidNoTemporaries()
    {
        var writer = new AllureResultsWriter(_folder.Path);

        Parallel.For(0, 50, i =>
        {
            var test = writer.StartTestCase($"case {i}", $"suite.case{i}");
            test.AddParameter("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            test.AttachTextAsync("log", $"case {i}", CancellationToken.None)
                .GetAwaiter().GetResult();
            writer.WriteCategoriesAsync(CancellationToken.None).GetAwaiter().GetResult();
            test.WriteAsync(CancellationToken.None).GetAwaiter().GetResult();
        });

        var results = _folder.Files("*-result.json");
        var uuids = results.Select(f => _folder.Json(f).GetProperty("uuid").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Has.Length.EqualTo(50));
            Assert.That(uuids, Is.Unique);
            Assert.That(_folder.Files("*-attachment.txt"), Has.Length.EqualTo(50));
            Assert.That(_folder.Files("*.tmp"), Is.Empty);
            Assert.That(_folder.Json("categories.json").GetArrayLength(), Is.EqualTo(3));
        }
    }

    internal static IEnumerable<string> Sources(JsonElement item)
    {
        if (item.TryGetProperty("attachments", out var attachments))
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                yield return attachment.GetProperty("source").GetString()!;
            }
        }

        if (item.TryGetProperty("steps", out var steps))
        {
            foreach (var source in steps.EnumerateArray().SelectMany(Sources))
            {
                yield return source;
            }
        }
    }

    private static string?[] LabelValues(JsonElement result, string name) =>
        result.GetProperty("labels").EnumerateArray()
            .Where(l => l.GetProperty("name").GetString() == name)
            .Select(l => l.GetProperty("value").GetString())
            .ToArray();
}
