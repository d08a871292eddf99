using System.Diagnostics;
using FluxPerf.Client;

namespace FluxPerf.Benchmarks;

/// <summary>
/// The client's fixed cost per request: a mock that answers at once with one token, driven by
/// 64 workers for a fixed time. Every microsecond then is request work (body, headers, SSE,
/// parsing, the measurement record), so the request rate is the engine's ceiling.
/// </summary>
internal static class EngineOverheadBenchmark
{
    public const int Concurrency = 64;

    public static IReadOnlyList<string> MockFlags { get; } =
    [
        "--base-ttft-ms", "0", "--itl-ms", "0", "--prefill-ms-per-token", "0",
        "--default-max-tokens", "1", "--max-num-seqs", "256", "--enable-prefix-caching", "false",
    ];

    public static async Task<OverheadFigures> RunAsync(MockProcess mock, TimeSpan duration)
    {
        using var client = new StreamingClient(new ClientOptions
        {
            Endpoint = mock.ChatCompletionsUri,
            MaxConnections = Concurrency + 4,
        });

        // The first second compiles the path and opens the connections; it is not measured.
        await ClosedLoop.CountAsync(client, Concurrency, TimeSpan.FromSeconds(1),
            i => Request($"warm-{i}"));

        ResourceProbe.Settle();
        var load = ResourceProbe.LoadAverage();
        var mockCpu = mock.CpuTime;
        var allocated = ResourceProbe.AllocatedBytes;
        var cpu = ResourceProbe.CpuTime;
        var started = Stopwatch.GetTimestamp();

        var (sent, succeeded) = await ClosedLoop.CountAsync(client, Concurrency, duration,
            i => Request($"rate-{i}"));

        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var perRequest = 1.0 / Math.Max(sent, 1);
        return new OverheadFigures(
            Concurrency,
            sent,
            succeeded,
            wall,
            succeeded / wall,
            (ResourceProbe.CpuTime - cpu).TotalSeconds * 1e6 * perRequest,
            (ResourceProbe.AllocatedBytes - allocated) * perRequest,
            (mock.CpuTime - mockCpu).TotalSeconds * 1e6 * perRequest,
            load);
    }

    private static LlmRequest Request(string id) =>
        new(id, [ChatMessage.User("One token, please.")], 1);
}
