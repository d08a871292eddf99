using System.Diagnostics.CodeAnalysis;

namespace FluxPerf.Monitoring;

/// <summary>
/// An open round as the collector sees it: the scrape taken before the round, then periodic
/// scrapes in the background until <see cref="PrometheusCollector.EndRoundAsync"/> closes it.
/// </summary>
[SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The loop's token source is disposed when the round ends (StopLoopAsync); "
        + "a window is a handle the engine passes back, not a resource it should dispose.")]
public sealed class RoundWindow
{
    private readonly List<ScrapeRecord> _records = [];
    private readonly CancellationTokenSource _stopLoop = new();
    private Task _loop = Task.CompletedTask;
    private int _ended;

    internal RoundWindow(
        PrometheusCollector owner,
        string label,
        long startTimestamp,
        DateTimeOffset startedAtUtc)
    {
        Owner = owner;
        Label = label;
        StartTimestamp = startTimestamp;
        StartedAtUtc = startedAtUtc;
    }

    /// <summary>The round's label, for example <c>c8/round1</c>.</summary>
    public string Label { get; }

    /// <summary>Monotonic stamp (<see cref="Client.Timestamps"/>) when the window opened, before
    /// the first scrape; sample offsets are measured from here.</summary>
    public long StartTimestamp { get; }

    /// <summary>Wall-clock time when the window opened.</summary>
    public DateTimeOffset StartedAtUtc { get; }

    internal PrometheusCollector Owner { get; }

    internal CancellationToken LoopToken => _stopLoop.Token;

    internal void Add(ScrapeRecord record)
    {
        lock (_records)
        {
            _records.Add(record);
        }
    }

    internal IReadOnlyList<ScrapeRecord> Snapshot()
    {
        lock (_records)
        {
            return [.. _records];
        }
    }

    internal void StartLoop(Func<CancellationToken, Task> loop) =>
        _loop = Task.Run(() => loop(_stopLoop.Token), CancellationToken.None);

    /// <summary>Marks the window ended; false when it already was.</summary>
    internal bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>Stops the periodic scrapes; waits for the one in flight to be abandoned.</summary>
    internal async Task StopLoopAsync()
    {
        await _stopLoop.CancelAsync();
        await _loop;
        _stopLoop.Dispose();
    }
}
