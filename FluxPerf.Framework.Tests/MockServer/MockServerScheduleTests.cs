using System.Diagnostics;
using System.Globalization;
using FluxPerf.MockServer;
using NUnit.Framework;

namespace FluxPerf.Tests.MockServer;

[TestFixture]
public sealed class MockServerScheduleTests
{
    [Explicit("A load measurement (seconds, needs idle cores); run it by name to check the "
        + "mock keeps its schedule on this machine.")]
    [TestCase(50)]
    [TestCase(400)]
    public async Task Schedule_ConcurrentStreams_KeepsTheInterTokenLatency(int streams)
    {
        const int Tokens = 100;
        const double ItlMs = 5;
        await using var server = await MockHttpServers.StartAsync(o =>
        {
            o.ItlMs = ItlMs;
            o.BaseTtftMs = 5;
            o.MaxNumSeqs = 1000;
        });
        using var client = MockHttp.Client(server);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, streams).Select(i => MockHttp.PostAsync(client,
            "v1/completions", MockHttp.CompletionTokens(64, Tokens, firstId: i * 100),
            $"load-{i}")));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var traces = server.Journal.All;
        var gaps = traces.SelectMany(t => t.TokenEventTimestamps.Zip(
            t.TokenEventTimestamps.Skip(1),
            (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds)).Order().ToList();
        var lastEventLate = traces.Select(t => Stopwatch.GetElapsedTime(
            t.FirstTokenWrittenTimestamp!.Value, t.TokenEventTimestamps[^1]).TotalMilliseconds
            - ((Tokens - 1) * ItlMs)).Order().ToList();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{streams} streams: ITL mean {gaps.Average():F3} ms, p50 {gaps[gaps.Count / 2]:F3}, "
            + $"p99 {gaps[(int)(gaps.Count * 0.99)]:F3}; last event late by mean "
            + $"{lastEventLate.Average():F3} ms, max {lastEventLate[^1]:F3}; "
            + $"CPU (mock + client) {cpu.TotalMicroseconds / (streams * Tokens):F1} "
            + $"µs per event"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(traces.Select(t => t.Outcome), Has.All.EqualTo(MockOutcomes.Completed));
            Assert.That(gaps.Average(), Is.EqualTo(ItlMs).Within(10).Percent);
        }
    }
}
