using System.Globalization;

namespace FluxPerf.Benchmarks;

/// <summary>Readings of this process's CPU, allocations and memory, and of the machine's load.
/// </summary>
internal static class ResourceProbe
{
    /// <summary>User plus system CPU of this process (getrusage: microsecond resolution).
    /// </summary>
    public static TimeSpan CpuTime => Environment.CpuUsage.TotalTime;

    /// <summary>Bytes allocated by every thread so far; precise, so it is exact per level.
    /// </summary>
    public static long AllocatedBytes => GC.GetTotalAllocatedBytes(precise: true);

    /// <summary>The 1, 5 and 15 minute load averages, or empty where /proc is missing.</summary>
    public static double[] LoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. File.ReadAllText(path).Split(' ').Take(3)
            .Select(value => double.Parse(value, CultureInfo.InvariantCulture))];
    }

    /// <summary>Collects everything the previous step left, so its garbage is not charged to
    /// the next step's CPU or memory.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
