using System.Text.RegularExpressions;
using FluxPerf.Reporting.Allure;

namespace FluxPerf.Tests.Reporting.Allure;

[TestFixture]
internal sealed class AllureRunFilesTests
{
    private ResultsFolder _folder = null!; // set in SetUp before every test

    [SetUp]
    public void SetUp() => _folder = new ResultsFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task WriteCategoriesAsync_Defaults_WritesAllure2AndAllure3Forms()
    {
        var writer = new AllureResultsWriter(_folder.Path);

        await writer.WriteCategoriesAsync(CancellationToken.None);

        var allure2 = _folder.Json("categories.json");
        var allure3 = _folder.Json(AllureResultsWriter.Allure3ConfigFileName);
        var rules = allure3.GetProperty("categories").GetProperty("rules");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(allure2[0].GetProperty("name").GetString(), Is.EqualTo("SLO breaches"));
            Assert.That(allure2[0].GetProperty("matchedStatuses")[0].GetString(),
                Is.EqualTo("failed"));
            Assert.That(allure2[0].GetProperty("messageRegex").GetString(), Does.Contain("SLO"));
            Assert.That(rules.GetArrayLength(), Is.EqualTo(allure2.GetArrayLength()));
            Assert.That(rules[1].GetProperty("matchers").GetProperty("statuses")[0].GetString(),
                Is.EqualTo("broken"));
            Assert.That(allure3.GetProperty("name").GetString(), Is.EqualTo("FluxPerf"));
        }
    }

    [TestCase("failed", "SLO breached: ttft_p95_ms 612 > 500", "SLO breaches")]
    [TestCase("failed", "gate failed\nSLO ttft_p95_ms over limit", "SLO breaches")]
    [TestCase("broken", "HTTP 503 Service Unavailable", "Server errors")]
    [TestCase("broken", "the server closed the stream", "Server errors")]
    [TestCase("broken", "NullReferenceException in FluxPerf.Running", "FluxPerf errors")]
    [TestCase("broken", null, "FluxPerf errors")]
    [TestCase("failed", "assertion did not hold", null)]
    public void DefaultCategories_FirstFullMatch_PicksExpectedCategory(string status,
        string? message, string? expected)
    {
        // Allure 2 matches the whole message (Java's Matcher.matches); anchoring emulates that.
        var match = AllureCategory.Defaults.FirstOrDefault(c =>
            c.Statuses.Any(s => s.ToString().Equals(status, StringComparison.OrdinalIgnoreCase))
            && (c.MessagePattern is null
                || Regex.IsMatch(message ?? "", $"^(?:{c.MessagePattern})$")));

        Assert.That(match?.Name, Is.EqualTo(expected));
    }

    [Test]
    public void FromEnvironment_GitHubActions_MapsBuild()
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKFLOW"] = "perf",
            ["GITHUB_RUN_NUMBER"] = "42",
            ["GITHUB_RUN_ID"] = "9001",
            ["GITHUB_SERVER_URL"] = "https://github.example",
            ["GITHUB_REPOSITORY"] = "org/fluxperf",
        };

        var executor = AllureExecutor.FromEnvironment(variables.GetValueOrDefault);

        Assert.That(executor, Is.EqualTo(new AllureExecutor("GitHub Actions", "github",
            "perf #42", "https://github.example/org/fluxperf/actions/runs/9001", 42)));
    }

    [Test]
    public void FromEnvironment_Jenkins_MapsBuild()
    {
        var variables = new Dictionary<string, string>
        {
            ["JENKINS_URL"] = "http://ci/",
            ["JOB_NAME"] = "nightly",
            ["BUILD_NUMBER"] = "7",
            ["BUILD_URL"] = "http://ci/job/nightly/7/",
        };

        var executor = AllureExecutor.FromEnvironment(variables.GetValueOrDefault);

        Assert.That(executor, Is.EqualTo(new AllureExecutor("Jenkins", "jenkins", "nightly #7",
            "http://ci/job/nightly/7/", 7)));
    }

    [Test]
    public void FromEnvironment_NoCiVariables_IsNull()
    {
        var executor = AllureExecutor.FromEnvironment(_ => null);

        Assert.That(executor, Is.Null);
    }

    [Test]
    public async Task WriteExecutorAsync_GivenExecutor_WritesExecutorJson()
    {
        var writer = new AllureResultsWriter(_folder.Path);

        var written = await writer.WriteExecutorAsync(
            new AllureExecutor("GitLab CI", "gitlab", "bench #3", "https://gl/3", 3),
            CancellationToken.None);

        var json = _folder.Json("executor.json");
        Assert.That(written, Is.True);
        Assert.That(json.GetProperty("type").GetString(), Is.EqualTo("gitlab"));
        Assert.That(json.GetProperty("buildOrder").GetInt64(), Is.EqualTo(3));
    }

    [Test]
    public async Task WriteEnvironmentAsync_SpecialCharacters_AreEscaped()
    {
        var writer = new AllureResultsWriter(_folder.Path);

        await writer.WriteEnvironmentAsync(new Dictionary<string, string>
        {
            ["endpoint"] = "http://127.0.0.1:8000/v1",
            ["model name"] = "Qwen3 ≤ 8B",
        }, CancellationToken.None);

        Assert.That(_folder.Text("environment.properties"), Is.EqualTo(
            "endpoint=http\\://127.0.0.1\\:8000/v1\nmodel\\ name=Qwen3 \\u2264 8B\n"));
    }

    [Test]
    public void WriteEnvironmentAsync_CredentialKey_IsRefused()
    {
        var writer = new AllureResultsWriter(_folder.Path);

        Assert.That(() => writer.WriteEnvironmentAsync(
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-1" }, CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("OPENAI_API_KEY"));
        Assert.That(_folder.Files("environment.properties"), Is.Empty);
    }

    [Test]
    public async Task WriteMetricsAsync_Samples_WritesPerfJsonWithoutNonFinite()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        AllureMetric[] metrics =
        [
            new("warm.c8.round2.ttft_p95_ms", 123.5, 1000, 2000, "ms", "lower"),
            new("warm.c8.round2.cached_token_fraction", double.NaN, 1000, 2000),
        ];

        var file = await writer.WriteMetricsAsync(metrics, CancellationToken.None);

        var json = _folder.Json(file!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file, Does.EndWith("-perf.json"));
            Assert.That(json.GetArrayLength(), Is.EqualTo(1));
            Assert.That(json[0].GetProperty("key").GetString(),
                Is.EqualTo("warm.c8.round2.ttft_p95_ms"));
            Assert.That(json[0].GetProperty("value").GetDouble(), Is.EqualTo(123.5));
            Assert.That(json[0].GetProperty("id").GetString(), Is.Not.Empty);
            Assert.That(json[0].GetProperty("start").GetInt64(), Is.EqualTo(1000));
            Assert.That(json[0].GetProperty("stop").GetInt64(), Is.EqualTo(2000));
        }
    }

    [Test]
    public async Task WriteMetricsAsync_NothingFinite_WritesNoFile()
    {
        var writer = new AllureResultsWriter(_folder.Path);

        var file = await writer.WriteMetricsAsync([new("k", double.NaN, 1, 2)],
            CancellationToken.None);

        Assert.That(file, Is.Null);
        Assert.That(_folder.Files("*-perf.json"), Is.Empty);
    }

    [Test]
    public async Task WriteContainerAsync_FixtureAndChild_WritesContainerJson()
    {
        var writer = new AllureResultsWriter(_folder.Path);
        var test = writer.StartTestCase("t", "suite.t");
        var container = writer.StartContainer("warm").AddChild(test);
        using (container.StartBefore("reset caches"))
        {
        }

        await writer.WriteContainerAsync(container, CancellationToken.None);

        var json = _folder.Json(_folder.Files("*-container.json").Single());
        Assert.That(json.GetProperty("children")[0].GetString(), Is.EqualTo(test.Uuid));
        Assert.That(json.GetProperty("befores")[0].GetProperty("name").GetString(),
            Is.EqualTo("reset caches"));
        Assert.That(json.GetProperty("befores")[0].TryGetProperty("stop", out _), Is.True);
    }
}
