using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>
/// Closed-loop load: at most <c>concurrency</c> items in flight; a worker takes the next item as
/// soon as its previous one finishes.
/// </summary>
public sealed class ClosedLoopLoad : ILoadModel
{
    private readonly int _concurrency;

    /// <summary>Creates a closed loop with the given number of workers.</summary>
    public ClosedLoopLoad(int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _concurrency = concurrency;
    }

    /// <inheritdoc />
    public string Describe() => $"closed-loop c={_concurrency}";

    /// <inheritdoc />
    public async Task RunAsync<T>(
        IReadOnlyList<T> items,
        Func<T, long, Task> execute,
        CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = new Task[Math.Min(_concurrency, Math.Max(items.Count, 1))];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(WorkerAsync, CancellationToken.None);
        }

        await Task.WhenAll(workers);

        async Task WorkerAsync()
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= items.Count)
                {
                    return;
                }

                // The item is scheduled the moment a worker becomes free for it: in a closed loop
                // that is when the load wants it to start. Taking the stamp here, before any
                // client-side work, keeps client delays visible as schedule lag.
                await execute(items[index], Timestamps.Now());
            }
        }
    }
}
