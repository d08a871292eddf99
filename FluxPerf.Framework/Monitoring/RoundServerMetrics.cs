namespace FluxPerf.Monitoring;

/// <summary>
/// Everything the server's <c>/metrics</c> said about one round, computed from the scrapes
/// inside the round's window (the scrape just before it, the periodic ones, the one just after).
/// </summary>
public sealed record RoundServerMetrics
{
    /// <summary>The round's label, as given to <c>BeginRoundAsync</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Wall-clock time when the window opened (before the first scrape).</summary>
    public required DateTimeOffset StartedAtUtc { get; init; }

    /// <summary>Wall-clock time when the window closed (after the last scrape).</summary>
    public required DateTimeOffset EndedAtUtc { get; init; }

    /// <summary>Length of the window on the monotonic clock, in milliseconds.</summary>
    public required double DurationMs { get; init; }

    /// <summary>Scrapes that succeeded, over all endpoints.</summary>
    public required int Scrapes { get; init; }

    /// <summary>Scrapes that failed (refused, timed out, HTTP error, unparsable).</summary>
    public required int FailedScrapes { get; init; }

    /// <summary>Why each failed scrape failed.</summary>
    public required IReadOnlyList<ScrapeFailure> Failures { get; init; }

    /// <summary>Lines skipped as unparsable in otherwise good scrapes.</summary>
    public required int BadLines { get; init; }

    /// <summary>Whether any counter went down: the server restarted during the round.</summary>
    public required bool ServerRestarted { get; init; }

    /// <summary>One message per counter or histogram that went down.</summary>
    public required IReadOnlyList<string> RestartMessages { get; init; }

    /// <summary>Things that make the figures less trustworthy (missing before/after scrape,
    /// bad lines, no scrape at all).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Every kept sample of every successful scrape, in time order (written to
    /// <c>prometheus.csv</c>, not to results.json, where they would dwarf the figures).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ServerSample> Samples { get; init; } = [];

    /// <summary>Statistics per gauge series.</summary>
    public required IReadOnlyList<GaugeSummary> Gauges { get; init; }

    /// <summary>Growth per counter series.</summary>
    public required IReadOnlyList<CounterDelta> Counters { get; init; }

    /// <summary>What each histogram series recorded during the round.</summary>
    public required IReadOnlyList<HistogramDelta> Histograms { get; init; }

    /// <summary>Hit rates, token deltas and the server's latency percentiles.</summary>
    public required DerivedServerFigures Derived { get; init; }
}
