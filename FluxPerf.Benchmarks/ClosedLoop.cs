using FluxPerf.Client;

namespace FluxPerf.Benchmarks;

/// <summary>
/// A bounded closed loop: <c>concurrency</c> workers, each sending its next request as soon as
/// its previous one ends, until <c>count</c> requests have started or the deadline passes.
/// Requests in flight at the deadline run to their end, so no stream is cut short.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<ResponseMeasurement?[]> RunAsync(
        StreamingClient client,
        int concurrency,
        int count,
        TimeSpan deadline,
        Func<int, LlmRequest> requestAt)
    {
        var results = new ResponseMeasurement?[count];
        var next = -1;
        using var stop = new CancellationTokenSource(deadline);
        var workers = Enumerable.Range(0, Math.Min(concurrency, count))
            .Select(_ => Task.Run(WorkerAsync))
            .ToArray();
        await Task.WhenAll(workers);
        return results;

        async Task WorkerAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    return;
                }

                // As in ClosedLoopLoad: scheduled when the worker is free, before client work.
                var scheduled = Timestamps.Now();
                results[index] = await client.SendAsync(
                    requestAt(index), scheduled, CancellationToken.None);
            }
        }
    }

    /// <summary>Like <see cref="RunAsync"/> but keeps only counts, so a loop of a million
    /// requests holds no results: (sent, succeeded).</summary>
    public static async Task<(int Sent, int Succeeded)> CountAsync(
        StreamingClient client,
        int concurrency,
        TimeSpan duration,
        Func<int, LlmRequest> requestAt)
    {
        var next = -1;
        var succeeded = 0;
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)).ToArray();
        await Task.WhenAll(workers);
        return (next + 1, succeeded);

        async Task WorkerAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                var result = await client.SendAsync(
                    requestAt(index), Timestamps.Now(), CancellationToken.None);
                if (result.Succeeded)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        }
    }
}
