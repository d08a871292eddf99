using System.Diagnostics;
using System.Text.Json;
using FluxPerf.Client;

namespace FluxPerf.Benchmarks;

/// <summary>
/// The client's timestamps held against the mock's journal. On Linux both processes read
/// CLOCK_MONOTONIC through <see cref="Stopwatch"/>, so a client timestamp minus a mock
/// timestamp is a real interval: the time from the mock's flush to the client's read, which is
/// loopback delivery plus the client's scheduling delay, i.e. the error of the measurement.
/// </summary>
internal sealed class TraceComparison
{
    // Traces are fetched after the level, so fetching costs nothing measured; the cap keeps the
    // fetch short at 2048 streams of a few hundred events.
    private const int MaxTraces = 512;

    private readonly double _nominalTtftMs;
    private readonly double _nominalItlMs;

    private TraceComparison(double nominalTtftMs, double nominalItlMs)
    {
        _nominalTtftMs = nominalTtftMs;
        _nominalItlMs = nominalItlMs;
    }

    public int Compared { get; private set; }

    public int Mismatched { get; private set; }

    public List<double> TtftErrorsMs { get; } = [];

    public List<double> ItlErrorsMs { get; } = [];

    public List<double> MockGapsMs { get; } = [];

    /// <summary>TTFT errors of requests whose first token the mock wrote within 1 ms of its due
    /// time: the machine was not starving the mock at that moment.</summary>
    public List<double> OnScheduleTtftErrorsMs { get; } = [];

    /// <summary>ITL errors of events the mock wrote within 1 ms of the configured gap.</summary>
    public List<double> OnScheduleItlErrorsMs { get; } = [];

    public double OnScheduleFraction { get; private set; }

    public static async Task<TraceComparison> CompareAsync(
        Uri mock,
        IReadOnlyList<ResponseMeasurement?> results,
        Func<int, string> requestIdAt,
        double nominalTtftMs,
        double nominalItlMs)
    {
        var ok = Enumerable.Range(0, results.Count)
            .Where(i => results[i] is { Succeeded: true })
            .ToArray();
        var step = Math.Max(1, ok.Length / MaxTraces);
        var sample = ok.Where((_, i) => i % step == 0).Take(MaxTraces);

        using var http = new HttpClient { BaseAddress = mock, Timeout = TimeSpan.FromSeconds(30) };
        var comparison = new TraceComparison(nominalTtftMs, nominalItlMs);
        foreach (var index in sample)
        {
            var trace = await FetchAsync(http, requestIdAt(index));
            comparison.Add(results[index]!, trace); // sampled from the successful ones
        }

        comparison.OnScheduleFraction = comparison.MockGapsMs.Count == 0 ? 0
            : comparison.MockGapsMs.Count(g => IsOnSchedule(g, nominalItlMs))
                / (double)comparison.MockGapsMs.Count;
        return comparison;
    }

    private static async Task<MockTrace> FetchAsync(HttpClient http, string id)
    {
        using var response = await http.GetAsync(new Uri($"debug/requests/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var json = await JsonDocument.ParseAsync(body);
        var root = json.RootElement;
        var frequency = root.GetProperty("stopwatchFrequency").GetInt64();
        if (frequency != Stopwatch.Frequency)
        {
            throw new InvalidOperationException(
                $"the mock's Stopwatch runs at {frequency} Hz and the client's at "
                + $"{Stopwatch.Frequency} Hz; their timestamps cannot be compared");
        }

        return new MockTrace(
            root.GetProperty("receivedTimestamp").GetInt64(),
            root.GetProperty("firstTokenWrittenTimestamp").GetInt64(),
            [.. root.GetProperty("tokenEventTimestamps").EnumerateArray()
                .Select(e => e.GetInt64())]);
    }

    private void Add(ResponseMeasurement measurement, MockTrace trace)
    {
        var events = trace.EventTimestamps;
        var itl = measurement.InterTokenLatenciesMs;

        // With one token per event the client's ITL i is the gap before event i + 1.
        if (measurement.TokenEvents != events.Length || itl.Count != events.Length - 1)
        {
            Mismatched++;
            return;
        }

        Compared++;
        var ttftError = Timestamps.ElapsedMs(trace.FirstTokenWritten,
            measurement.FirstTokenTimestamp!.Value); // succeeded, so a first token arrived
        TtftErrorsMs.Add(ttftError);
        if (IsOnSchedule(Timestamps.ElapsedMs(trace.Received, trace.FirstTokenWritten),
            _nominalTtftMs))
        {
            OnScheduleTtftErrorsMs.Add(ttftError);
        }

        for (var i = 1; i < events.Length; i++)
        {
            var mockGap = Timestamps.ElapsedMs(events[i - 1], events[i]);
            var error = itl[i - 1] - mockGap;
            MockGapsMs.Add(mockGap);
            ItlErrorsMs.Add(error);
            if (IsOnSchedule(mockGap, _nominalItlMs))
            {
                OnScheduleItlErrorsMs.Add(error);
            }
        }
    }

    // The mock never writes early, so a gap at most 1 ms over its due length means the mock
    // (and the machine) kept pace at that moment.
    private static bool IsOnSchedule(double actualMs, double nominalMs) =>
        actualMs >= nominalMs - 1 && actualMs <= nominalMs + 1;

    private sealed record MockTrace(long Received, long FirstTokenWritten, long[] EventTimestamps);
}
