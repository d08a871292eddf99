using System.Diagnostics;

namespace FluxPerf.MockServer;

/// <summary>
/// The counters, gauges and histograms the mock exposes under vLLM's names. Counters are
/// cumulative since start and survive a cache reset, exactly like vLLM's.
/// </summary>
internal sealed class MockMetrics
{
    // Bucket bounds as vLLM declares them, so histograms from the mock and a real server can be
    // compared bucket by bucket.
    private static readonly double[] TtftBuckets =
    [
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
        10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0,
    ];

    private static readonly double[] ItlBuckets =
    [
        0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
        10.0, 20.0, 40.0, 80.0,
    ];

    private static readonly double[] RequestBuckets =
    [
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0,
        120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0,
    ];

    private long _prefixQueries;
    private long _prefixHits;
    private long _promptTokens;
    private long _generationTokens;
    private long _successLength;

    public MockMetrics()
    {
        CreatedUnixSeconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
    }

    public double CreatedUnixSeconds { get; }

    public long PrefixQueries => Interlocked.Read(ref _prefixQueries);

    public long PrefixHits => Interlocked.Read(ref _prefixHits);

    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    public long GenerationTokens => Interlocked.Read(ref _generationTokens);

    public long SuccessLength => Interlocked.Read(ref _successLength);

    public PrometheusHistogram TimeToFirstToken { get; } = new(TtftBuckets);

    public PrometheusHistogram InterTokenLatency { get; } = new(ItlBuckets);

    public PrometheusHistogram EndToEnd { get; } = new(RequestBuckets);

    public PrometheusHistogram QueueTime { get; } = new(RequestBuckets);

    public void AddPrefill(int promptTokens, int cachedTokens, bool cacheQueried)
    {
        Interlocked.Add(ref _promptTokens, promptTokens);
        if (cacheQueried)
        {
            Interlocked.Add(ref _prefixQueries, promptTokens);
            Interlocked.Add(ref _prefixHits, cachedTokens);
        }
    }

    public void AddGenerated(int tokens)
    {
        Interlocked.Add(ref _generationTokens, tokens);
    }

    public void AddSuccess()
    {
        Interlocked.Increment(ref _successLength);
    }

    public static double Seconds(long fromTimestamp, long toTimestamp)
    {
        return Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).TotalSeconds;
    }
}
