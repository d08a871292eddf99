namespace FluxPerf.MockServer;

/// <summary>
/// Everything the endpoints share: options, cache, scheduler, metrics and journal.
/// </summary>
internal sealed class MockServerState : IDisposable
{
    public MockServerState(MockServerOptions options)
    {
        Options = options;
        Cache = new PrefixCache(options.BlockSize, options.CacheCapacityBlocks);
        Scheduler = new RequestScheduler(options.MaxNumSeqs);
    }

    public MockServerOptions Options { get; }

    public PrefixCache Cache { get; }

    public RequestScheduler Scheduler { get; }

    public MockMetrics Metrics { get; private set; } = new();

    /// <summary>
    /// True while the server sends itself warm-up requests, which skip all delays.
    /// </summary>
    public bool WarmingUp { get; set; }

    public MockJournal Journal { get; } = new();

    /// <summary>
    /// Blocks reserved by running requests over the capacity, as vLLM reports it.
    /// </summary>
    public double KvCacheUsage =>
        Math.Min(1.0, (double)Scheduler.HeldBlocks / Options.CacheCapacityBlocks);

    /// <summary>Forgets everything the warm-up requests left behind.</summary>
    public void ResetAfterWarmUp()
    {
        WarmingUp = false;
        Cache.Clear();
        Journal.Clear();
        Metrics = new MockMetrics();
    }

    public void Dispose()
    {
        Scheduler.Dispose();
    }
}
