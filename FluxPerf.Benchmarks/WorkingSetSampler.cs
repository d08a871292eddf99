using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace FluxPerf.Benchmarks;

/// <summary>
/// Samples this process's working set every 20 ms and keeps the highest: the process-wide
/// peak (<c>VmHWM</c>) cannot be reset between levels, so it would report the largest level for
/// every level after it.
/// </summary>
/// <remarks>
/// The sampler runs on a thread of its own that sleeps between samples, and reads
/// <c>/proc/self/statm</c> through one open handle. A timer on the thread pool instead woke a
/// pool worker 50 times a second, and each wake-up let the pool spin: 50-160 ms of CPU per
/// second in an otherwise idle process, which the harness then had to subtract from every
/// level as "idle" although a busy process does not pay it the same way.
/// </remarks>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private const string Statm = "/proc/self/statm";
    private const int IntervalMs = 20;

    private readonly ManualResetEventSlim _stop = new(initialState: false, spinCount: 0);
    private readonly Thread _thread;
    private long _peak;

    public WorkingSetSampler()
    {
        _peak = Current();
        _thread = new Thread(Loop) { IsBackground = true, Name = "working-set sampler" };
        _thread.Start();
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    public ValueTask DisposeAsync()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The resident set now: /proc/self/statm where it exists, because
    /// Environment.WorkingSet builds a Process object per call, which would be sampler cost
    /// charged to the client.</summary>
    public static long Current()
    {
        if (!File.Exists(Statm))
        {
            return Environment.WorkingSet;
        }

        using var handle = File.OpenHandle(Statm);
        return Read(handle, new byte[128]);
    }

    private static long Read(SafeFileHandle handle, byte[] buffer)
    {
        // statm is "size resident shared text lib data dt" in pages; the kernel renders it
        // afresh at every read from offset 0.
        var length = RandomAccess.Read(handle, buffer, fileOffset: 0);
        var fields = Encoding.ASCII.GetString(buffer, 0, length).Split(' ');
        return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }

    private void Loop()
    {
        if (!File.Exists(Statm))
        {
            return;
        }

        using var handle = File.OpenHandle(Statm);
        var buffer = new byte[128];
        while (!_stop.Wait(IntervalMs))
        {
            var now = Read(handle, buffer);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }
        }
    }
}
