using FluxPerf.Client;
using MockHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.Client;

/// <summary>Inline socket completions: per-event work stays on the socket thread, per-request
/// work does not.</summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed class SocketCompletionsTests
{
    [Test]
    public async Task SendAsync_InlineCompletions_ReturnsToCallerOnThreadPool()
    {
        // Without the switch every continuation is on the pool already and this test would
        // prove nothing; .runsettings sets it for the test host as the fluxperf command does.
        Assume.That(SocketCompletions.Mode, Is.EqualTo("inline"),
            $"needs Linux or macOS and {SocketCompletions.Variable}=1, which --settings "
            + ".runsettings sets");
        await using var mock = await MockHost.StartAsync(
            new FluxPerf.MockServer.MockServerOptions { BaseTtftMs = 2, ItlMs = 1, Seed = 7 });
        using var client = new StreamingClient(ClientTestRequests.Options(mock.ChatCompletionsUri));

        // The caller's code after the await is where the engine writes its record and builds
        // the next request; on the socket thread it would delay every other stream's stamps.
        // Task.Run leaves NUnit's synchronization context, as the engine's workers have none.
        var onPool = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var request = ClientTestRequests.Prompt($"inline-{i}", 20, 16, seed: i);
            var measurement = await client.SendAsync(
                request, Timestamps.Now(), CancellationToken.None);
            return (measurement.Succeeded, Thread.CurrentThread.IsThreadPoolThread);
        })));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onPool.Select(r => r.Succeeded), Is.All.True);
            Assert.That(onPool.Select(r => r.IsThreadPoolThread), Is.All.True);
        }
    }

    [Test]
    [NonParallelizable]
    public void EnableForProcess_UserChoseThreadPool_KeepsTheirChoice()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False,
            "the switch belongs to the Unix socket engine; Windows reports windows_iocp");
        var original = Environment.GetEnvironmentVariable(SocketCompletions.Variable);
        try
        {
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, "0");
            SocketCompletions.EnableForProcess();
            var chosen = SocketCompletions.Mode;

            Environment.SetEnvironmentVariable(SocketCompletions.Variable, null);
            SocketCompletions.EnableForProcess();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(chosen, Is.EqualTo("thread_pool"), "an explicit 0 wins");
                Assert.That(SocketCompletions.Mode, Is.EqualTo("inline"), "unset means inline");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, original);
        }
    }
}
