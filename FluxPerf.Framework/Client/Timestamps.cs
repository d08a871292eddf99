using System.Diagnostics;

namespace FluxPerf.Client;

/// <summary>
/// Conversions for the one monotonic clock every measurement uses,
/// <see cref="Stopwatch.GetTimestamp"/>. The wall clock is never used for intervals: it can jump
/// (NTP slews, manual changes) and has coarser resolution on some systems.
/// </summary>
public static class Timestamps
{
    // Dividing by ticks per millisecond, not multiplying by milliseconds per tick: on Linux a
    // tick is a nanosecond, so the divisor is exactly 1e6 and one correctly rounded division
    // gives the double nearest the exact figure (9523123 ticks -> 9.523123). The reciprocal,
    // 1e-6, is not representable, and multiplying by it adds a rounding that writes
    // 9.523123000000001 into every result file and makes each value slower to format.
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    /// <summary>The current monotonic timestamp.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Milliseconds between two monotonic timestamps (<paramref name="to"/> minus
    /// <paramref name="from"/>).</summary>
    public static double ElapsedMs(long from, long to) => (to - from) / TicksPerMs;

    /// <summary>Converts a tick count of <see cref="Stopwatch"/> into milliseconds.</summary>
    public static double TicksToMs(long ticks) => ticks / TicksPerMs;
}
