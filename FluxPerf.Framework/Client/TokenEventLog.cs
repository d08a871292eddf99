namespace FluxPerf.Client;

/// <summary>
/// The raw arrival timestamps of one response's token events and the tokens each carried, in
/// pooled arrays. Recording is two array stores per event; inter-token latencies are computed
/// once the stream has ended, so neither list growth nor the garbage collector runs inside the
/// gaps being measured.
/// </summary>
internal sealed class TokenEventLog : IDisposable
{
    // Covers most responses without growing; 10k-token streams double a handful of times.
    private const int InitialCapacity = 512;

    private readonly ResponseBufferPools _pools;
    private long[] _timestamps;
    private int[] _tokens;

    /// <summary>Creates an empty log over arrays from <paramref name="pools"/>.</summary>
    public TokenEventLog(ResponseBufferPools pools)
    {
        _pools = pools;
        _timestamps = pools.Longs.Rent(InitialCapacity);
        _tokens = pools.Ints.Rent(InitialCapacity);
    }

    /// <summary>Token events recorded so far.</summary>
    public int Count { get; private set; }

    /// <summary>The arrival of the first recorded event.</summary>
    public long FirstTimestamp => _timestamps[0];

    /// <summary>The arrival of the last recorded event.</summary>
    public long LastTimestamp => _timestamps[Count - 1];

    /// <summary>Sum of the tokens of all recorded events.</summary>
    public int TotalTokens { get; private set; }

    /// <summary>Records a token event that arrived at <paramref name="timestamp"/> carrying
    /// <paramref name="tokens"/> tokens.</summary>
    public void Add(long timestamp, int tokens)
    {
        if (Count == _timestamps.Length || Count == _tokens.Length)
        {
            Grow();
        }

        _timestamps[Count] = timestamp;
        _tokens[Count] = tokens;
        Count++;
        TotalTokens += tokens;
    }

    /// <summary>
    /// The inter-token latencies in ms: the gap before each event after the first, split into
    /// k equal samples for an event of k tokens (REFERENCE §2). The first event's extra tokens
    /// add no samples: no gap was observed for them, and zeros would flatter the percentiles.
    /// </summary>
    public double[] InterTokenLatenciesMs()
    {
        var samples = 0;
        for (var i = 1; i < Count; i++)
        {
            samples += _tokens[i];
        }

        var latencies = new double[samples];
        var next = 0;
        for (var i = 1; i < Count; i++)
        {
            var share = Timestamps.ElapsedMs(_timestamps[i - 1], _timestamps[i]) / _tokens[i];
            latencies.AsSpan(next, _tokens[i]).Fill(share);
            next += _tokens[i];
        }

        return latencies;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _pools.Longs.Return(_timestamps);
        _pools.Ints.Return(_tokens);
        _timestamps = [];
        _tokens = [];
        Count = 0;
    }

    private void Grow()
    {
        var timestamps = _pools.Longs.Rent(_timestamps.Length * 2);
        var tokens = _pools.Ints.Rent(_tokens.Length * 2);
        _timestamps.AsSpan(0, Count).CopyTo(timestamps);
        _tokens.AsSpan(0, Count).CopyTo(tokens);
        _pools.Longs.Return(_timestamps);
        _pools.Ints.Return(_tokens);
        _timestamps = timestamps;
        _tokens = tokens;
    }
}
