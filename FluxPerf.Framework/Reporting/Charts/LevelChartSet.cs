using FluxPerf.Monitoring;
using FluxPerf.Running;

namespace FluxPerf.Reporting.Charts;

/// <summary>
/// The charts of one level, by name and file suffix, so the run folder and the Allure report
/// show the same pictures.
/// </summary>
public static class LevelChartSet
{
    /// <summary>The charts that apply to <paramref name="level"/>.</summary>
    public static IReadOnlyList<(string Name, string Suffix, Func<byte[]> Render)> For(
        LevelResult level)
    {
        var charts = new List<(string, string, Func<byte[]>)>
        {
            ("TTFT distribution", "ttft", () => LevelCharts.TtftDistribution(level)),
            ("Paired TTFT (round 1 vs round 2)", "paired-ttft",
                () => LevelCharts.PairedTtft(level)),
            ("Inter-token latency distribution", "itl", () => LevelCharts.ItlDistribution(level)),
        };
        if (level.Records.Any(r => r.Turn > 0))
        {
            charts.Add(("TTFT and cached fraction by turn", "turns",
                () => LevelCharts.TurnProfile(level)));
        }

        if (level.Round1.Server is not null || level.Round2.Server is not null)
        {
            charts.Add(("Server load over time", "server-load", () => ServerLoad(level)));
            charts.Add(("Server prefix-cache hit rate over time", "server-cache",
                () => ServerCache(level)));
        }

        return charts;
    }

    private static byte[] ServerLoad(LevelResult level)
    {
        var (origin, samples) = Samples(level);
        var points = samples
            .Where(s => s.Metric is "vllm:num_requests_running" or "vllm:num_requests_waiting"
                or "sglang:num_running_reqs" or "sglang:num_queue_reqs")
            .Select(s => new SeriesPoint(Seconds(origin, s.TimestampUtc), Short(s.Metric), s.Value))
            .ToArray();
        return ServerSeriesChart.Render($"{level.Stage} c={level.Concurrency}: server load",
            "requests", points, Boundaries(level, origin), Resets(level, origin));
    }

    private static byte[] ServerCache(LevelResult level)
    {
        var (origin, samples) = Samples(level);
        var points = new List<SeriesPoint>();
        foreach (var round in Rounds(level))
        {
            // The hit rate since the round's first scrape: counters are cumulative, so each
            // point is Δhits / Δqueries from the round's start to that scrape.
            var hits = Series(round.Server!, "vllm:prefix_cache_hits_total");
            var queries = Series(round.Server!, "vllm:prefix_cache_queries_total");
            var pairs = hits.Zip(queries)
                .Where(p => p.First.TimestampUtc == p.Second.TimestampUtc)
                .ToArray();
            if (pairs.Length == 0)
            {
                continue;
            }

            var (h0, q0) = (pairs[0].First.Value, pairs[0].Second.Value);
            points.AddRange(pairs.Skip(1).Where(p => p.Second.Value > q0)
                .Select(p => new SeriesPoint(
                    Seconds(origin, p.First.TimestampUtc), $"round {round.Round}",
                    (p.First.Value - h0) / (p.Second.Value - q0))));
        }

        return ServerSeriesChart.Render(
            $"{level.Stage} c={level.Concurrency}: prefix-cache hit rate",
            "hit rate (hits / queried tokens)",
            points,
            Boundaries(level, origin),
            Resets(level, origin));
    }

    private static IEnumerable<RoundResult> Rounds(LevelResult level) =>
        new[] { level.Round1, level.Round2 }.Where(r => r.Server is not null);

    private static (DateTimeOffset Origin, ServerSample[] Samples) Samples(LevelResult level)
    {
        var samples = Rounds(level).SelectMany(r => r.Server!.Samples).ToArray();
        var origin = Rounds(level).Select(r => r.Server!.StartedAtUtc).DefaultIfEmpty().Min();
        return (origin, samples);
    }

    private static ServerSample[] Series(RoundServerMetrics server, string metric) =>
        [.. server.Samples.Where(s => s.Metric == metric).OrderBy(s => s.TimestampUtc)];

    private static List<TimeMarker> Boundaries(LevelResult level, DateTimeOffset origin) =>
        Rounds(level).SelectMany(r => new[]
        {
            new TimeMarker(Seconds(origin, r.Server!.StartedAtUtc), $"round {r.Round} starts"),
            new TimeMarker(Seconds(origin, r.Server!.EndedAtUtc), $"round {r.Round} ends"),
        }).ToList();

    private static List<TimeMarker> Resets(LevelResult level, DateTimeOffset origin) =>
        level.Resets.Where(r => r.At >= origin)
            .Select(r => new TimeMarker(Seconds(origin, r.At), $"reset ({r.Moment})")).ToList();

    private static double Seconds(DateTimeOffset origin, DateTimeOffset at) =>
        (at - origin).TotalSeconds;

    private static string Short(string metric) =>
        metric[(metric.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
