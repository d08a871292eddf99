using System.Text;
using FluxPerf.Client;
using NUnit.Framework;

namespace FluxPerf.Tests.Client;

/// <summary>The recorded vLLM streams in Fixtures/ and helpers to read them through the
/// client's parser.</summary>
internal static class SseFixtures
{
    public const string Chat = "sse_chat_vllm.txt";
    public const string ChatRoundOne = "sse_chat_vllm_round1_no_cache.txt";
    public const string Completions = "sse_completions_vllm.txt";

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name));

    /// <summary>The fixture with its LF line ends replaced by <paramref name="lineEnd"/>.</summary>
    public static byte[] Bytes(string name, string lineEnd = "\n") =>
        Encoding.UTF8.GetBytes(Text(name).Replace("\n", lineEnd, StringComparison.Ordinal));

    /// <summary>Every event's data, read with the given read sizes and buffer size.</summary>
    public static async Task<(List<string> Events, bool EndedMidEvent)> ReadAllAsync(
        byte[] body,
        int[] readSizes,
        int initialBufferSize = SseReader.DefaultInitialBufferSize)
    {
        var stream = new OddSizedReadStream(body, readSizes);
        using var reader = new SseReader(stream, initialBufferSize);
        var events = new List<string>();
        while (await reader.ReadEventAsync(CancellationToken.None))
        {
            events.Add(Encoding.UTF8.GetString(reader.Data.Span));
        }

        return (events, reader.EndedMidEvent);
    }

    /// <summary>
    /// Feeds a body through the reader and an accumulator, stamping event i with i × 10 ms
    /// (1 ms = Stopwatch.Frequency / 1000 ticks) instead of the real read time, so timing
    /// assertions are exact.
    /// </summary>
    public static async Task<ResponseMeasurement> MeasureAsync(byte[] body, params int[] readSizes)
    {
        using var reader = new SseReader(new OddSizedReadStream(body, readSizes));
        using var accumulator = new ResponseAccumulator(captureText: true);
        var index = 0;
        long last = 0;
        while (await reader.ReadEventAsync(CancellationToken.None))
        {
            last = Ms(10 * index++);
            var kind = accumulator.Accept(reader.Data, last);
            if (kind is StreamChunkKind.Done or StreamChunkKind.Error)
            {
                break;
            }
        }

        var error = reader.EndedMidEvent
            ? RequestErrorKind.ConnectionDropped
            : RequestErrorKind.None;
        return accumulator.Finish(new RequestTiming(0, 0, last), 200, error, null);
    }

    /// <summary>Milliseconds as Stopwatch ticks.</summary>
    public static long Ms(double milliseconds) =>
        (long)Math.Round(milliseconds * System.Diagnostics.Stopwatch.Frequency / 1000.0);
}
