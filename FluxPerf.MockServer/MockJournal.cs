using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace FluxPerf.MockServer;

/// <summary>
/// The mock's record of every completion request, keyed by the <c>x-request-id</c> header:
/// the ground truth for checking a client's measurements. Holds the newest
/// <see cref="Capacity"/> requests; a request id sent twice keeps only the later request.
/// </summary>
public sealed class MockJournal
{
    private readonly ConcurrentDictionary<string, MockTraceRecorder> _traces =
        new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<MockTraceRecorder> _order = new();

    internal MockJournal(int capacity = 100_000)
    {
        Capacity = capacity;
    }

    /// <summary>How many requests the journal keeps before dropping the oldest.</summary>
    public int Capacity { get; }

    /// <summary>Snapshots of every request kept, in no particular order.</summary>
    public IReadOnlyCollection<MockRequestTrace> All =>
        [.. _traces.Values.Select(r => r.Snapshot())];

    /// <summary>
    /// The trace of a request (a snapshot; a running request shows its progress).
    /// </summary>
    /// <param name="requestId">The <c>x-request-id</c> of the request.</param>
    /// <param name="trace">The trace, when found.</param>
    public bool TryGet(string requestId, [MaybeNullWhen(false)] out MockRequestTrace trace)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        if (_traces.TryGetValue(requestId, out var recorder))
        {
            trace = recorder.Snapshot();
            return true;
        }

        trace = null;
        return false;
    }

    /// <summary>Forgets every request.</summary>
    public void Clear()
    {
        _traces.Clear();
        _order.Clear();
    }

    internal void Add(MockTraceRecorder recorder)
    {
        _traces[recorder.RequestId] = recorder;
        _order.Enqueue(recorder);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            // Only remove the entry if it still is this recorder: a reused id may map to a
            // newer request that must stay.
            _traces.TryRemove(new KeyValuePair<string, MockTraceRecorder>(
                oldest.RequestId, oldest));
        }
    }
}
