using System.Globalization;
using FluxPerf.Client;
using FluxPerf.MockServer;
using NUnit.Framework;
using MockHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.Client;

/// <summary>The client's measurements held against the mock server's journal, which records
/// when each event was flushed on the same Stopwatch clock.</summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed class StreamingClientMockTests
{
    // Client read time minus mock flush time. The lower bound is not 0: the mock stamps after
    // its flush returns, so a client continuation can legitimately read the bytes a few
    // microseconds before the mock's stamp. The upper bound covers loopback delivery plus
    // thread-pool scheduling of two continuations on a loaded 2-core CI machine (other builds
    // share it); a client that stamped the role event, or after parsing a batch, or behind a
    // buffering reader, is off by whole events (ItlMs and more), and so still fails.
    private const double MinLagMs = -2;
    private const double MaxLagMs = 50;

    [Test]
    public async Task SendAsync_PlainStream_FirstAndLastTokenAgreeWithJournal()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { BaseTtftMs = 30, ItlMs = 4, Seed = 3 });
        using var client = new StreamingClient(ClientTestRequests.Options(mock.ChatCompletionsUri));
        var lags = new List<double>();

        for (var i = 0; i < 5; i++)
        {
            var request = ClientTestRequests.Prompt($"timing-{i}", 50, 24, seed: i);
            var measurement = await client.SendAsync(
                request, Timestamps.Now(), CancellationToken.None);
            Assert.That(mock.Journal.TryGet(request.RequestId, out var trace), Is.True);
            lags.Add(AssertAgrees(measurement, trace!));
        }

        var shown = lags.Select(lag => lag.ToString("0.000", CultureInfo.InvariantCulture));
        TestContext.Out.WriteLine($"first-token lag client - mock, ms: {string.Join(", ", shown)}");
    }

    [Test]
    public async Task SendAsync_FourTokensPerEventWithContinuousUsage_SplitsEachGapInFour()
    {
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { TokensPerEvent = 4, ItlMs = 2, Seed = 5 });
        using var client = new StreamingClient(ClientTestRequests.Options(mock.ChatCompletionsUri));
        var request = ClientTestRequests.Prompt("per-event-4", 40, 32);

        var measurement = await client.SendAsync(request, Timestamps.Now(), CancellationToken.None);

        Assert.That(mock.Journal.TryGet(request.RequestId, out var trace), Is.True);
        var itl = measurement.InterTokenLatenciesMs;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Succeeded, Is.True, measurement.ErrorMessage);
            Assert.That(measurement.TokenEvents, Is.EqualTo(8));
            Assert.That(trace!.TokensPerEvent, Is.All.EqualTo(4));
            Assert.That(itl, Has.Count.EqualTo(4 * 7), "4 samples per event after the first");
            for (var e = 0; e < 7; e++)
            {
                Assert.That(itl.Skip(4 * e).Take(4), Is.All.EqualTo(itl[4 * e]), $"event {e + 1}");
            }

            Assert.That(measurement.OutputTokens, Is.EqualTo(32));
            Assert.That(measurement.OutputTokensEstimated, Is.False);
        }
    }

    [Test]
    public async Task SendAsync_IdenticalRequestSecondRound_ReportsCachedTokensAndLowerTtft()
    {
        // 0.3 ms per uncached token makes round 1's prefill of ~1000 tokens about 300 ms, and
        // round 2 (all but the last partial block cached) about 5 ms: a ratio, not a clock
        // reading, is asserted.
        await using var mock = await MockHost.StartAsync(
            new MockServerOptions { BaseTtftMs = 5, PrefillMsPerToken = 0.3, ItlMs = 1 });
        using var client = new StreamingClient(ClientTestRequests.Options(mock.ChatCompletionsUri));
        var request = ClientTestRequests.Prompt("cache", 1000, 8, seed: 11);

        var cold = await client.SendAsync(request, Timestamps.Now(), CancellationToken.None);
        var warm = await client.SendAsync(request, Timestamps.Now(), CancellationToken.None);

        Assert.That(mock.Journal.TryGet(request.RequestId, out var warmTrace), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cold.CachedTokens, Is.Zero);
            Assert.That(warm.CachedTokens,
                Is.EqualTo(warmTrace!.CachedTokens).And.GreaterThan(900));
            Assert.That(warm.PromptTokens, Is.EqualTo(cold.PromptTokens));
            Assert.That(warm.TtftMs!.Value / cold.TtftMs!.Value, Is.LessThan(0.5),
                $"TTFT cold {cold.TtftMs:0.0} ms, warm {warm.TtftMs:0.0} ms");
        }
    }

    [Test]
    public async Task SendAsync_HundredThousandTokenPromptAndTenThousandTokenStream_Succeeds()
    {
        await using var mock = await MockHost.StartAsync(new MockServerOptions
        {
            BaseTtftMs = 1,
            PrefillMsPerToken = 0.00001,
            ItlMs = 0.01,
            TokensPerEvent = 1,
        });
        var options = ClientTestRequests.Options(mock.ChatCompletionsUri) with
        {
            CaptureResponseText = false,
        };
        using var client = new StreamingClient(options);
        var request = ClientTestRequests.Prompt("large", 100_000, 10_000, seed: 2);

        var measurement = await client.SendAsync(request, Timestamps.Now(), CancellationToken.None);

        Assert.That(mock.Journal.TryGet(request.RequestId, out var trace), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Succeeded, Is.True, measurement.ErrorMessage);
            Assert.That(measurement.PromptTokens,
                Is.EqualTo(trace!.PromptTokens).And.GreaterThan(99_000));
            Assert.That(measurement.OutputTokens, Is.EqualTo(10_000));
            Assert.That(measurement.TokenEvents, Is.EqualTo(10_000));
            Assert.That(measurement.InterTokenLatenciesMs, Has.Count.EqualTo(9_999));
            Assert.That(measurement.ResponseText, Is.Empty);
        }
    }

    private static double AssertAgrees(ResponseMeasurement measurement, MockRequestTrace trace)
    {
        var firstLag = Timestamps.ElapsedMs(trace.FirstTokenWrittenTimestamp!.Value,
            measurement.FirstTokenTimestamp!.Value);
        var lastLag = Timestamps.ElapsedMs(trace.TokenEventTimestamps[^1],
            measurement.LastTokenTimestamp!.Value);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Succeeded, Is.True, measurement.ErrorMessage);
            Assert.That(firstLag, Is.InRange(MinLagMs, MaxLagMs), "first token, client - mock");
            Assert.That(lastLag, Is.InRange(MinLagMs, MaxLagMs), "last token, client - mock");
            Assert.That(measurement.TokenEvents, Is.EqualTo(trace.TokenEventTimestamps.Count));
            Assert.That(measurement.InterTokenLatenciesMs,
                Has.Count.EqualTo(trace.CompletionTokens - 1));
            Assert.That(measurement.OutputTokens, Is.EqualTo(trace.CompletionTokens));
            Assert.That(measurement.PromptTokens, Is.EqualTo(trace.PromptTokens));
            Assert.That(measurement.TtftMs, Is.GreaterThanOrEqualTo(30));
        }

        return firstLag;
    }
}
