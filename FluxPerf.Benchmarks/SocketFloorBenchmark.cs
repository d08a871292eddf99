using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using FluxPerf.Client;

namespace FluxPerf.Benchmarks;

/// <summary>
/// What the same streams cost with nothing but .NET's sockets: the client's request bytes sent
/// by hand, the response read into one buffer until the final chunk, no HTTP stack, no parsing,
/// no timestamps. The client cannot cost less than this on the machine, so the difference is
/// what FluxPerf and HttpClient add per token.
/// </summary>
internal sealed class SocketFloorBenchmark
{
    // The chunked body's last chunk and the empty trailer that ends every mock response.
    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();

    private readonly MockProcess _mock;
    private readonly byte[] _request;
    private readonly int _tokens;

    public SocketFloorBenchmark(MockProcess mock, StreamingClient client, int tokens)
    {
        _mock = mock;
        _tokens = tokens;

        // The client's own body, so every event has the size the client's events have.
        var body = client.BuildBody(new LlmRequest("floor",
            [ChatMessage.User("Request floor: write about latency measurement.")], tokens));
        var uri = mock.ChatCompletionsUri;
        var head = Encoding.ASCII.GetBytes($"POST {uri.PathAndQuery} HTTP/1.1\r\n"
            + $"Host: {uri.Authority}\r\nAccept: text/event-stream\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        _request = [.. head, .. body];
    }

    public async Task<FloorFigures> RunAsync(int concurrency, TimeSpan duration)
    {
        var sockets = await ConnectAsync(concurrency);
        try
        {
            // One stream per socket first, so connection set-up and JIT are not measured.
            await RunLoopAsync(sockets, TimeSpan.Zero);

            ResourceProbe.Settle();
            var load = ResourceProbe.LoadAverage();
            var before = Environment.CpuUsage;
            var mockCpu = _mock.CpuTime;
            var started = Stopwatch.GetTimestamp();

            var streams = await RunLoopAsync(sockets, duration);

            var after = Environment.CpuUsage;
            var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var perToken = 1e6 / Math.Max((long)streams * _tokens, 1);
            return new FloorFigures
            {
                Concurrency = concurrency,
                Streams = streams,
                TokensPerSecond = (double)streams * _tokens / wall,
                CpuUsPerToken = (after.TotalTime - before.TotalTime).TotalSeconds * perToken,
                KernelCpuUsPerToken =
                    (after.PrivilegedTime - before.PrivilegedTime).TotalSeconds * perToken,
                MockCpuUsPerToken = (_mock.CpuTime - mockCpu).TotalSeconds * perToken,
                LoadAverage = load,
            };
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private async Task<Socket[]> ConnectAsync(int concurrency)
    {
        var uri = _mock.ChatCompletionsUri;
        var sockets = new Socket[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            sockets[i] = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await sockets[i].ConnectAsync(uri.Host, uri.Port);
        }

        return sockets;
    }

    private async Task<int> RunLoopAsync(Socket[] sockets, TimeSpan duration)
    {
        // Each socket streams one response after another until the duration has passed; a
        // zero duration streams exactly one per socket.
        var streams = 0;
        var deadline = Stopwatch.GetTimestamp()
            + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(sockets.Select(socket => Task.Run(async () =>
        {
            var buffer = new byte[16 * 1024];
            do
            {
                await socket.SendAsync(_request, SocketFlags.None);
                await ReadResponseAsync(socket, buffer);
                Interlocked.Increment(ref streams);
            }
            while (Stopwatch.GetTimestamp() < deadline);
        })));
        return streams;
    }

    private static async Task ReadResponseAsync(Socket socket, byte[] buffer)
    {
        // The last chunk may be split across reads: keep the final bytes of the previous read
        // in front of the next one's so the end is recognised either way.
        var kept = 0;
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(kept), SocketFlags.None);
            if (read == 0)
            {
                throw new InvalidOperationException("the mock closed a connection mid-stream");
            }

            var filled = kept + read;
            if (buffer.AsSpan(0, filled).EndsWith(LastChunk))
            {
                return;
            }

            kept = Math.Min(LastChunk.Length - 1, filled);
            buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
        }
    }
}
