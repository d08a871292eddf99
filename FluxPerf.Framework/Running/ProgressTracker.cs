using FluxPerf.Client;

namespace FluxPerf.Running;

/// <summary>
/// Counts a round's requests and reports snapshots at most every 250 ms (and once at the end), so
/// a live display costs the hot path one lock per request, never a render.
/// </summary>
internal sealed class ProgressTracker
{
    private static readonly long ReportEveryTicks =
        (long)(System.Diagnostics.Stopwatch.Frequency * 0.25);

    private readonly RoundPlan _plan;
    private readonly int _total;
    private readonly IProgress<RoundProgress>? _progress;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, int> _inFlightSince = [];
    private readonly List<double> _ttfts = [];
    private int _done;
    private int _errors;
    private int _inFlight;
    private long _lastReport;

    public ProgressTracker(RoundPlan plan, int total, IProgress<RoundProgress>? progress)
    {
        _plan = plan;
        _total = total;
        _progress = progress;
    }

    public void Started(long scheduled)
    {
        lock (_gate)
        {
            _inFlight++;
            _inFlightSince[scheduled] = _inFlightSince.GetValueOrDefault(scheduled) + 1;
        }
    }

    public void Finished(long scheduled, RequestRecord record)
    {
        RoundProgress? snapshot = null;
        lock (_gate)
        {
            _inFlight--;
            _done++;
            Release(scheduled);
            if (!record.Succeeded)
            {
                _errors++;
            }
            else if (record.TtftMs is { } ttft)
            {
                _ttfts.Add(ttft);
            }

            var now = Timestamps.Now();
            if (_progress is not null && now - _lastReport >= ReportEveryTicks)
            {
                _lastReport = now;
                snapshot = Snapshot(now, finished: false);
            }
        }

        if (snapshot is not null)
        {
            _progress!.Report(snapshot);
        }
    }

    public void Finish()
    {
        RoundProgress snapshot;
        lock (_gate)
        {
            snapshot = Snapshot(Timestamps.Now(), finished: true);
        }

        _progress?.Report(snapshot);
    }

    private void Release(long scheduled)
    {
        var count = _inFlightSince.GetValueOrDefault(scheduled);
        if (count <= 1)
        {
            _inFlightSince.Remove(scheduled);
        }
        else
        {
            _inFlightSince[scheduled] = count - 1;
        }
    }

    private RoundProgress Snapshot(long now, bool finished)
    {
        var oldest = _inFlightSince.Count == 0
            ? 0
            : Timestamps.ElapsedMs(_inFlightSince.Keys.Min(), now);
        double? median = null;
        if (_ttfts.Count > 0)
        {
            var sorted = _ttfts.ToArray();
            Array.Sort(sorted);
            median = Metrics.Percentile.Linear(sorted, 0.5);
        }

        return new RoundProgress(_plan.Stage, _plan.Concurrency, _plan.Round, _done, _total,
            _errors, _inFlight, oldest, median, finished);
    }
}
