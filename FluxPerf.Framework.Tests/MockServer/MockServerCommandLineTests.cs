using FluxPerf.MockServer;
using NUnit.Framework;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerCommandLineTests
{
    [Test]
    public void TryParse_FlagsWithSpaceAndEquals_SetTheOptions()
    {
        string[] args = ["--port", "18080", "--itl-ms=2.5", "--enable-prefix-caching", "false",
            "--tokens-per-event", "4", "--jitter-fraction", "0.1"];

        var ok = MockServerCommandLine.TryParse(args, out var options, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True, string.Join("; ", errors));
            Assert.That(options.Port, Is.EqualTo(18080));
            Assert.That(options.ItlMs, Is.EqualTo(2.5));
            Assert.That(options.EnablePrefixCaching, Is.False);
            Assert.That(options.TokensPerEvent, Is.EqualTo(4));
            Assert.That(options.JitterFraction, Is.EqualTo(0.1));
        }
    }

    [Test]
    public void TryParse_BadArguments_ReportsEachWithTheValue()
    {
        string[] args = ["--itl", "3", "--port", "x", "--seed"];

        var ok = MockServerCommandLine.TryParse(args, out _, out var errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(errors, Has.Count.EqualTo(4));
            Assert.That(errors[0], Does.Contain("unknown argument \"--itl\""));
            Assert.That(errors[0], Does.Contain("did you mean --itl-ms?"));
            Assert.That(errors, Has.One.Contains("--port: \"x\" is not a whole number"));
            Assert.That(errors, Has.One.Contains("--seed needs a value"));
        }
    }

    [Test]
    public void TryParse_Baseline_FlagsWinOverIt()
    {
        var baseline = new MockServerOptions { ItlMs = 9, Seed = 3 };

        MockServerCommandLine.TryParse(["--itl-ms", "1"], baseline, out var options, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.ItlMs, Is.EqualTo(1));
            Assert.That(options.Seed, Is.EqualTo(3));
            Assert.That(baseline.ItlMs, Is.EqualTo(9), "the baseline is not modified");
        }
    }

    [Test]
    public void HelpText_ListsEveryFlagWithItsVariable()
    {
        var help = MockServerCommandLine.HelpText;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(help, Does.Contain("--prefill-ms-per-token <number>"));
            Assert.That(help, Does.Contain("FLUXPERF_MOCK_PREFILL_MS_PER_TOKEN"));
            Assert.That(help, Does.Contain("--drop-connection-rate"));
            Assert.That(help, Does.Contain("--api-key <text>"));
            Assert.That(MockServerCommandLine.IsHelpRequested(["--port", "1", "-h"]), Is.True);
        }
    }
}
