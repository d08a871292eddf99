namespace FluxPerf.Benchmarks;

/// <summary>
/// Samples this process's working set every 20 ms and keeps the highest: the process-wide
/// peak (<c>VmHWM</c>) cannot be reset between levels, so it would report the largest level for
/// every level after it.
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public WorkingSetSampler()
    {
        _peak = Current();
        _loop = Task.Run(LoopAsync);
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    /// <summary>The resident set now: /proc/self/statm where it exists, because
    /// Environment.WorkingSet builds a Process object per call, which would be sampler cost
    /// charged to the client.</summary>
    public static long Current()
    {
        const string statm = "/proc/self/statm";
        if (!File.Exists(statm))
        {
            return Environment.WorkingSet;
        }

        var fields = File.ReadAllText(statm).Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture)
            * Environment.SystemPageSize;
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = Current();
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisposeAsync.
        }
    }
}
