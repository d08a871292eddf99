namespace FluxPerf.MockServer;

/// <summary>
/// The growing trace of one request. Written by the request's own handler and read by
/// journal readers from other threads, hence the lock; contention is one reader at most.
/// </summary>
internal sealed class MockTraceRecorder
{
    private readonly Lock _gate = new();
    private readonly List<long> _eventTimestamps = [];
    private readonly List<int> _eventTokens = [];
    private long? _firstTokenTimestamp;
    private int _promptTokens;
    private int _cachedTokens;
    private int _completionTokens;
    private string _outcome = MockOutcomes.Running;

    public MockTraceRecorder(string requestId, long receivedTimestamp)
    {
        RequestId = requestId;
        ReceivedTimestamp = receivedTimestamp;
    }

    public string RequestId { get; }

    public long ReceivedTimestamp { get; }

    public void SetPrompt(int promptTokens, int cachedTokens)
    {
        lock (_gate)
        {
            _promptTokens = promptTokens;
            _cachedTokens = cachedTokens;
        }
    }

    public void AddTokenEvent(long timestamp, int tokens)
    {
        lock (_gate)
        {
            _firstTokenTimestamp ??= timestamp;
            _eventTimestamps.Add(timestamp);
            _eventTokens.Add(tokens);
            _completionTokens += tokens;
        }
    }

    public void SetOutcome(string outcome)
    {
        lock (_gate)
        {
            _outcome = outcome;
        }
    }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _outcome == MockOutcomes.Running;
            }
        }
    }

    public MockRequestTrace Snapshot()
    {
        lock (_gate)
        {
            return new MockRequestTrace(RequestId, ReceivedTimestamp, _firstTokenTimestamp,
                [.. _eventTimestamps], [.. _eventTokens], _promptTokens, _cachedTokens,
                _completionTokens, _outcome);
        }
    }
}
