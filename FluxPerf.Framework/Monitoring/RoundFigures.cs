using System.Globalization;
using FluxPerf.Client;

namespace FluxPerf.Monitoring;

/// <summary>Turns a round's scrape records into <see cref="RoundServerMetrics"/>.</summary>
internal static partial class RoundFigures
{
    /// <summary>The window of a round and its scrapes.</summary>
    public sealed record Input(
        string Label,
        long StartTimestamp,
        DateTimeOffset StartedAtUtc,
        long EndTimestamp,
        DateTimeOffset EndedAtUtc,
        IReadOnlyList<ScrapeRecord> Records);

    public static RoundServerMetrics Compute(Input input)
    {
        var ordered = input.Records.OrderBy(r => r.Timestamp).ToList();
        var good = ordered.Where(r => r.Result is not null).ToList();
        var table = SeriesTable.Build(good);
        var firstGood = FirstGoodRecordPerInstance(good);

        var restarts = new List<string>();
        var counters = CounterDeltas(table, firstGood, good, input.StartTimestamp, restarts);
        var histograms = HistogramWindows(table, firstGood, restarts);

        return new RoundServerMetrics
        {
            Label = input.Label,
            StartedAtUtc = input.StartedAtUtc,
            EndedAtUtc = input.EndedAtUtc,
            DurationMs = Timestamps.ElapsedMs(input.StartTimestamp, input.EndTimestamp),
            Scrapes = good.Count,
            FailedScrapes = ordered.Count - good.Count,
            Failures = Failures(ordered, input.StartTimestamp),
            BadLines = good.Sum(r => r.Result!.BadLineCount),
            ServerRestarted = restarts.Count > 0,
            RestartMessages = restarts,
            Warnings = WindowWarnings(ordered, input),
            Samples = Samples(good, input.StartTimestamp),
            Gauges = [.. table.Gauges.Select(g => SampleStatistics.Summarize(g.Key, g.Value))],
            Counters = counters,
            Histograms = [.. histograms.Select(h => h.ToDelta())],
            Derived = Derive(counters, histograms, good),
        };
    }

    private static Dictionary<string, int> FirstGoodRecordPerInstance(List<ScrapeRecord> good)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < good.Count; i++)
        {
            first.TryAdd(good[i].Instance, i);
        }

        return first;
    }

    private static List<ScrapeFailure> Failures(List<ScrapeRecord> ordered, long start) =>
        [.. ordered.Where(r => r.Failure is not null).Select(r => new ScrapeFailure(
            r.Endpoint.ToString(), Timestamps.ElapsedMs(start, r.Timestamp), r.Failure!))];

    private static List<ServerSample> Samples(List<ScrapeRecord> good, long start)
    {
        var samples = new List<ServerSample>();
        foreach (var record in good)
        {
            var offset = Timestamps.ElapsedMs(start, record.Timestamp);
            foreach (var sample in record.Result!.Families.SelectMany(f => f.Samples))
            {
                samples.Add(new ServerSample(
                    record.WallClockUtc, offset, record.Instance, sample.Name,
                    sample.FormatLabels(), sample.Value));
            }
        }

        return samples;
    }

    private static List<CounterDelta> CounterDeltas(
        SeriesTable table,
        Dictionary<string, int> firstGood,
        List<ScrapeRecord> good,
        long start,
        List<string> restarts)
    {
        var deltas = new List<CounterDelta>();
        foreach (var (key, points) in table.Counters)
        {
            // A series absent from the endpoint's first scrape was created during the round;
            // client libraries create labelled series on first increment, so it started at 0.
            var before = points[0].Record == firstGood[key.Instance] ? points[0].Value : 0;
            var drop = FindDrop(before, points);
            if (drop is { } d)
            {
                restarts.Add(RestartMessage(key, d.From, d.To, good, points, d.Index, start));
            }

            var after = points[^1].Value;
            deltas.Add(new CounterDelta(
                key.Instance, key.Metric, key.Labels, before, after,
                drop is null ? after - before : null, drop is not null));
        }

        return deltas;
    }

    private static (double From, double To, int Index)? FindDrop(
        double before,
        List<CounterPoint> points)
    {
        var previous = before;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value < previous)
            {
                return (previous, points[i].Value, i);
            }

            previous = points[i].Value;
        }

        return null;
    }

    private static string RestartMessage(
        SeriesKey key,
        double from,
        double to,
        List<ScrapeRecord> good,
        List<CounterPoint> points,
        int index,
        long start)
    {
        var at = Timestamps.ElapsedMs(start, good[points[index].Record].Timestamp);
        return string.Create(CultureInfo.InvariantCulture,
            $"counter {key} went down from {from} to {to} at +{at:F0} ms: the server restarted; "
            + $"its growth over this round is unknown (delta left empty)");
    }
}
