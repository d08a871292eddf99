using System.Diagnostics;

namespace FluxPerf.MockServer;

/// <summary>
/// When each event of one request is due, as absolute Stopwatch timestamps computed from the
/// request's anchor. Each due time adds the model's delay to the previous due time, never to
/// the moment the previous event actually went out, so timer lateness cannot accumulate.
/// </summary>
internal sealed class LatencySchedule
{
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    private readonly MockServerOptions _options;
    private readonly ulong _jitterSeed;
    private long _due;
    private int _delays;

    /// <param name="options">The latency model.</param>
    /// <param name="requestHash">A hash of the request id, the source of its jitter.</param>
    /// <param name="anchor">Arrival, or the moment the request left the queue.</param>
    /// <param name="uncachedTokens">Prompt tokens that need prefill.</param>
    public LatencySchedule(
        MockServerOptions options,
        ulong requestHash,
        long anchor,
        int uncachedTokens)
    {
        _options = options;
        _jitterSeed = requestHash;
        var prefillMs = options.BaseTtftMs + (options.PrefillMsPerToken * uncachedTokens);
        FirstTokenDue = anchor + Ticks(Jittered(prefillMs) + options.StallBeforeFirstTokenMs);
        _due = FirstTokenDue;
    }

    public long FirstTokenDue { get; }

    /// <summary>The due time of the next event after the previous one, carrying tokens.</summary>
    public long NextEventDue(int tokens)
    {
        _due += Ticks(Jittered(_options.ItlMs * tokens));
        return _due;
    }

    /// <summary>Waits until a due time; returns at once when it has passed.</summary>
    public static async Task WaitUntilAsync(long due, CancellationToken ct)
    {
        // .NET timers tick in whole milliseconds and may fire up to 1 ms before the requested
        // delay, so wait again until the due time has really passed: every event goes out at
        // or after its due time (typically 0-2 ms late on Linux), never early. The journal
        // records the real write times either way.
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        while (remaining > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)),
                ct);
            remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        }
    }

    private double Jittered(double ms)
    {
        var index = (ulong)_delays++;
        if (_options.JitterFraction == 0)
        {
            return ms;
        }

        var u = BlockHash.Uniform(_jitterSeed + index);
        return ms * (1 + (_options.JitterFraction * ((2 * u) - 1)));
    }

    private static long Ticks(double ms)
    {
        return (long)Math.Round(ms * TicksPerMs);
    }
}
