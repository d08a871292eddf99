using System.Diagnostics;

namespace FluxPerf.Client;

/// <summary>
/// Conversions for the one monotonic clock every measurement uses,
/// <see cref="Stopwatch.GetTimestamp"/>. The wall clock is never used for intervals: it can jump
/// (NTP slews, manual changes) and has coarser resolution on some systems.
/// </summary>
public static class Timestamps
{
    private static readonly double MsPerTick = 1000.0 / Stopwatch.Frequency;

    /// <summary>The current monotonic timestamp.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Milliseconds between two monotonic timestamps (<paramref name="to"/> minus
    /// <paramref name="from"/>).</summary>
    public static double ElapsedMs(long from, long to) => (to - from) * MsPerTick;

    /// <summary>Converts a tick count of <see cref="Stopwatch"/> into milliseconds.</summary>
    public static double TicksToMs(long ticks) => ticks * MsPerTick;
}
