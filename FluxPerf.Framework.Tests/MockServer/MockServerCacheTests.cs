using System.Diagnostics;
using System.Net;
using FluxPerf.MockServer;
using NUnit.Framework;
using MockServerHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerCacheTests
{
    private const string Prompt = "Summarise the history of the Roman Empire in one paragraph, "
        + "mentioning Augustus, the Pax Romana, the crisis of the third century and the fall "
        + "of the western half.";

    [TestCase(45, 32)]
    [TestCase(32, 16)]
    [TestCase(33, 32)]
    [TestCase(16, 0)]
    public async Task Repeat_TokenPrompt_CachesWholeBlocksButNeverTheLastToken(
        int promptTokens,
        int expectedCached)
    {
        await using var server = await MockHttpServers.StartAsync();
        using var client = MockHttp.Client(server);
        var body = MockHttp.CompletionTokens(promptTokens, maxTokens: 2);

        var first = MockHttp.UsageOf(await MockHttp.PostAsync(client, "v1/completions", body));
        var second = MockHttp.UsageOf(await MockHttp.PostAsync(client, "v1/completions", body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.GetProperty("prompt_tokens").GetInt32(), Is.EqualTo(promptTokens));
            Assert.That(MockHttp.CachedTokensOf(first), Is.Null, "a cold request has no key");
            Assert.That(MockHttp.CachedTokensOf(second),
                expectedCached == 0 ? Is.Null : Is.EqualTo(expectedCached));
        }
    }

    [Test]
    public async Task Repeat_ChatPrompt_SecondReportsBlockAlignedCachedTokens()
    {
        await using var server = await MockHttpServers.StartAsync();
        using var client = MockHttp.Client(server);
        var body = MockHttp.Chat(Prompt, maxTokens: 2);

        var first = MockHttp.UsageOf(await MockHttp.PostAsync(client, "v1/chat/completions", body));
        var second = MockHttp.UsageOf(
            await MockHttp.PostAsync(client, "v1/chat/completions", body));

        var promptTokens = second.GetProperty("prompt_tokens").GetInt32();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(promptTokens, Is.InRange(35, 60));
            Assert.That(MockHttp.CachedTokensOf(first), Is.Null);
            Assert.That(MockHttp.CachedTokensOf(second), Is.EqualTo((promptTokens - 1) / 16 * 16));
        }
    }

    [Test]
    public async Task Reset_AfterWarmRequest_MakesTheNextRequestCold()
    {
        await using var server = await MockHttpServers.StartAsync();
        using var client = MockHttp.Client(server);
        var body = MockHttp.CompletionTokens(64, maxTokens: 1);
        await MockHttp.PostAsync(client, "v1/completions", body);

        var reset = await MockHttp.PostAsync(client, "reset_prefix_cache", "");
        var after = MockHttp.UsageOf(await MockHttp.PostAsync(client, "v1/completions", body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reset.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reset.Json.GetProperty("success").GetBoolean(), Is.True);
            Assert.That(MockHttp.CachedTokensOf(after), Is.Null);
        }
    }

    [Test]
    public async Task Reset_WhileRequestRuns_IsRefusedUnlessForced()
    {
        await using var server = await MockHttpServers.StartAsync(o => o.ItlMs = 50);
        using var client = MockHttp.Client(server);
        var body = MockHttp.CompletionTokens(64, maxTokens: 20);
        var running = MockHttp.PostAsync(client, "v1/completions", body, "long-running");
        await WaitUntilAsync(() => server.Journal.TryGet("long-running", out var t)
            && t.TokenEventTimestamps.Count > 0);

        var refused = await MockHttp.PostAsync(client, "reset_prefix_cache", "");
        var forced = await MockHttp.PostAsync(client,
            "reset_prefix_cache?reset_running_requests=true", "");
        await running;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.Json.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(forced.Json.GetProperty("success").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task Repeat_WithPrefillCost_JournalShowsShorterTtftPerTheModel()
    {
        const double BaseMs = 2;
        const double PrefillMs = 0.5;
        await using var server = await MockHttpServers.StartAsync(o =>
        {
            o.BaseTtftMs = BaseMs;
            o.PrefillMsPerToken = PrefillMs;
        });
        using var client = MockHttp.Client(server);
        var body = MockHttp.CompletionTokens(200, maxTokens: 2);

        await MockHttp.PostAsync(client, "v1/completions", body, "cold");
        await MockHttp.PostAsync(client, "v1/completions", body, "warm");

        server.Journal.TryGet("cold", out var cold);
        server.Journal.TryGet("warm", out var warm);
        var coldMs = TtftMs(cold!);
        var warmMs = TtftMs(warm!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warm!.CachedTokens, Is.EqualTo(192));
            Assert.That(coldMs, Is.GreaterThanOrEqualTo(BaseMs + (PrefillMs * 200)),
                "never earlier than the model");
            Assert.That(warmMs, Is.GreaterThanOrEqualTo(BaseMs + (PrefillMs * 8)));
            Assert.That(warmMs, Is.LessThan(coldMs));
        }
    }

    [Test]
    public async Task DisabledPrefixCaching_Repeat_ReportsNoCachedTokens()
    {
        await using var server =
            await MockHttpServers.StartAsync(o => o.EnablePrefixCaching = false);
        using var client = MockHttp.Client(server);
        var body = MockHttp.CompletionTokens(64, maxTokens: 1);

        await MockHttp.PostAsync(client, "v1/completions", body);
        var second = MockHttp.UsageOf(await MockHttp.PostAsync(client, "v1/completions", body));

        Assert.That(MockHttp.CachedTokensOf(second), Is.Null);
    }

    internal static double TtftMs(MockRequestTrace trace)
    {
        var first = trace.FirstTokenWrittenTimestamp ?? throw new AssertionException(
            $"request {trace.RequestId} wrote no token");
        return Stopwatch.GetElapsedTime(trace.ReceivedTimestamp, first).TotalMilliseconds;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 10);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("the condition did not hold within 10 s");
            }

            await Task.Delay(5);
        }
    }
}
