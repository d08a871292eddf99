namespace FluxPerf.MockServer;

/// <summary>
/// Admits at most MaxNumSeqs requests at once, like vLLM's scheduler with
/// <c>--max-num-seqs</c>; later requests wait in arrival order.
/// </summary>
internal sealed class RequestScheduler : IDisposable
{
    // SemaphoreSlim hands a released slot straight to its oldest async waiter, so a newcomer
    // cannot overtake the queue: FIFO admission, as in vLLM.
    private readonly SemaphoreSlim _slots;
    private int _running;
    private int _waiting;
    private long _heldBlocks;

    public RequestScheduler(int maxNumSeqs)
    {
        _slots = new SemaphoreSlim(maxNumSeqs, maxNumSeqs);
    }

    public int Running => Volatile.Read(ref _running);

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>KV blocks reserved by running requests (for kv_cache_usage_perc).</summary>
    public long HeldBlocks => Interlocked.Read(ref _heldBlocks);

    /// <summary>Waits for a slot; true when the request had to queue.</summary>
    public async Task<bool> EnterAsync(CancellationToken ct)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            Interlocked.Increment(ref _running);
            return false;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        Interlocked.Increment(ref _running);
        return true;
    }

    public void Hold(long blocks)
    {
        Interlocked.Add(ref _heldBlocks, blocks);
    }

    public void Exit(long heldBlocks)
    {
        Interlocked.Add(ref _heldBlocks, -heldBlocks);
        Interlocked.Decrement(ref _running);
        _slots.Release();
    }

    public void Dispose()
    {
        _slots.Dispose();
    }
}
