using System.Collections;
using FluxPerf.MockServer;
using NUnit.Framework;
using MockServerHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerOptionsTests
{
    [Test]
    public void Validate_Defaults_HasNoProblems()
    {
        Assert.That(new MockServerOptions().Validate(), Is.Empty);
    }

    [Test]
    public void Validate_SeveralBadValues_ReportsEachQuotingValueAndRange()
    {
        var options = new MockServerOptions
        {
            Port = 70000,
            BlockSize = 0,
            ItlMs = -1,
            JitterFraction = 1.5,
            ErrorRate = 2,
            ErrorStatus = 200,
        };

        var problems = options.Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Has.Count.EqualTo(6));
            Assert.That(problems, Has.One.Contains("Port 70000 is outside [0, 65535]"));
            Assert.That(problems, Has.One.Contains("BlockSize 0 is outside [1, 4096]"));
            Assert.That(problems, Has.One.Contains("ItlMs -1 is outside [0, 3600000]"));
            Assert.That(problems, Has.One.Contains("JitterFraction 1.5 is outside [0, 1)"));
            Assert.That(problems, Has.One.Contains("ErrorRate 2 is outside [0, 1]"));
            Assert.That(problems, Has.One.Contains("ErrorStatus 200 is outside [400, 599]"));
        }
    }

    [Test]
    public void Validate_BlankApiKey_ComplainsWithoutEchoingIt()
    {
        var problems = new MockServerOptions { ApiKey = "   " }.Validate();

        Assert.That(problems, Has.One.StartsWith("ApiKey is set but blank"));
    }

    [Test]
    public void StartAsync_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new MockServerOptions { MaxNumSeqs = 0, Host = "not a host" };

        var thrown = Assert.ThrowsAsync<ArgumentException>(
            async () => await MockServerHost.StartAsync(options));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown.Message, Does.Contain("MaxNumSeqs 0"));
            Assert.That(thrown.Message, Does.Contain("Host \"not a host\""));
        }
    }

    [Test]
    public void FromEnvironment_Variables_OverrideTheBaseline()
    {
        var env = new Hashtable
        {
            ["FLUXPERF_MOCK_PREFILL_MS_PER_TOKEN"] = "0.25",
            ["FLUXPERF_MOCK_ITL_MS"] = "2.5",
            ["FLUXPERF_MOCK_BASE_TTFT_MS"] = "7",
            ["FLUXPERF_MOCK_ENABLE_PREFIX_CACHING"] = "false",
            ["FLUXPERF_MOCK_MODEL_NAME"] = "my-model",
            ["FLUXPERF_MOCK_API_KEY"] = "",
        };

        var options = MockServerOptions.FromEnvironment(new MockServerOptions { Seed = 7 }, env);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.PrefillMsPerToken, Is.EqualTo(0.25));
            Assert.That(options.ItlMs, Is.EqualTo(2.5));
            Assert.That(options.BaseTtftMs, Is.EqualTo(7));
            Assert.That(options.EnablePrefixCaching, Is.False);
            Assert.That(options.ModelName, Is.EqualTo("my-model"));
            Assert.That(options.ApiKey, Is.Null, "an empty variable keeps the baseline");
            Assert.That(options.Seed, Is.EqualTo(7));
        }
    }

    [Test]
    public void FromEnvironment_BadValues_ThrowsNamingEveryVariable()
    {
        var env = new Hashtable
        {
            ["FLUXPERF_MOCK_ITL_MS"] = "5ms",
            ["FLUXPERF_MOCK_PORT"] = "eighty",
        };

        var thrown = Assert.Throws<ArgumentException>(
            () => MockServerOptions.FromEnvironment(env: env));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown.Message,
                Does.Contain("FLUXPERF_MOCK_ITL_MS: \"5ms\" is not a number"));
            Assert.That(thrown.Message, Does.Contain("FLUXPERF_MOCK_PORT: \"eighty\""));
        }
    }
}
