using FluxPerf.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FluxPerf.Monitoring;

/// <summary>
/// Scrapes server <c>/metrics</c> endpoints around and during each round and turns the scrapes
/// into per-round figures. Scrape failures are counted and reported, never thrown.
/// </summary>
public sealed partial class PrometheusCollector : IAsyncDisposable
{
    /// <summary>The default time between periodic scrapes: 0.5 s.</summary>
    public static readonly TimeSpan DefaultScrapeInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The default limit on one scrape: 2 s.</summary>
    public static readonly TimeSpan DefaultScrapeTimeout = TimeSpan.FromSeconds(2);

    private readonly Uri[] _endpoints;
    private readonly MetricSelector _selector;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HashSet<RoundWindow> _open = [];
    private bool _disposed;

    /// <summary>Creates a collector for one or more <c>/metrics</c> URLs.</summary>
    /// <param name="endpoints">Absolute http(s) URLs of <c>/metrics</c>, one per server.</param>
    /// <param name="selector">Which series to keep, e.g. <see cref="MetricSelector.Defaults"/>.
    /// </param>
    /// <param name="scrapeInterval">Time between periodic scrapes during a round; default 0.5 s.
    /// Shorter catches brief load peaks in gauges, at the cost of load on the server.</param>
    /// <param name="httpClient">The client to scrape with; null creates (and disposes) one.</param>
    /// <param name="logger">Where scrape trouble is logged; null logs nothing.</param>
    /// <param name="timeProvider">Source of the wall-clock stamps in reports; default system.
    /// Intervals and ordering always use the monotonic clock.</param>
    /// <param name="scrapeTimeout">Limit on one scrape; default 2 s. A scrape past it counts as
    /// failed, so a hung server cannot stall the end of a round.</param>
    public PrometheusCollector(
        IEnumerable<Uri> endpoints,
        MetricSelector selector,
        TimeSpan? scrapeInterval = null,
        HttpClient? httpClient = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null,
        TimeSpan? scrapeTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(selector);
        _endpoints = ValidateEndpoints(endpoints);
        _interval = ValidatePositive(
            scrapeInterval ?? DefaultScrapeInterval, nameof(scrapeInterval));
        _timeout = ValidatePositive(scrapeTimeout ?? DefaultScrapeTimeout, nameof(scrapeTimeout));
        _selector = selector;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The scraped URLs.</summary>
    public IReadOnlyList<Uri> Endpoints => _endpoints;

    /// <summary>
    /// Opens a round: scrapes every endpoint once (awaited, so the reading precedes the round's
    /// first request), then keeps scraping every interval in the background.
    /// </summary>
    /// <param name="label">The round's label, carried into the result.</param>
    /// <param name="cancellationToken">Cancels the opening scrape.</param>
    public async Task<RoundWindow> BeginRoundAsync(
        string label,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var window = new RoundWindow(this, label, Timestamps.Now(), _time.GetUtcNow());

        await ScrapeAllAsync(window, ScrapeKind.Before, cancellationToken);

        lock (_open)
        {
            _open.Add(window);
        }

        window.StartLoop(stop => RunPeriodicAsync(window, stop));
        MonitoringLog.RoundBegun(_logger, label, _endpoints.Length, _interval.TotalMilliseconds);
        return window;
    }

    /// <summary>
    /// Closes a round once its last request is really done: stops the periodic scrapes, scrapes
    /// every endpoint once more and computes the figures from the scrapes inside the window.
    /// </summary>
    /// <param name="window">The window from <see cref="BeginRoundAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the closing scrape.</param>
    public async Task<RoundServerMetrics> EndRoundAsync(
        RoundWindow window,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Owner != this)
        {
            throw new ArgumentException(
                $"Round \"{window.Label}\" was opened by another collector.", nameof(window));
        }

        if (!window.TryEnd())
        {
            throw new InvalidOperationException($"Round \"{window.Label}\" was already ended.");
        }

        await CloseAsync(window);
        await ScrapeAllAsync(window, ScrapeKind.After, cancellationToken);

        var metrics = RoundFigures.Compute(new RoundFigures.Input(
            window.Label, window.StartTimestamp, window.StartedAtUtc,
            Timestamps.Now(), _time.GetUtcNow(), window.Snapshot()));
        LogRound(metrics);
        return metrics;
    }

    /// <summary>
    /// Scrapes one endpoint once, outside any round, keeping every series (for example to check
    /// that counters grew after a cache reset). Returns null when the scrape failed.
    /// </summary>
    /// <param name="endpoint">The URL; null scrapes the first of <see cref="Endpoints"/>.</param>
    /// <param name="cancellationToken">Cancels the scrape.</param>
    public async Task<ScrapeResult?> ScrapeOnceAsync(
        Uri? endpoint,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = endpoint ?? _endpoints[0];
        var record = await ScrapeAsync(target, ScrapeKind.Periodic, null, cancellationToken);
        return record.Result;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        RoundWindow[] open;
        lock (_open)
        {
            open = [.. _open];
        }

        foreach (var window in open)
        {
            await CloseAsync(window);
        }

        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task CloseAsync(RoundWindow window)
    {
        lock (_open)
        {
            if (!_open.Remove(window))
            {
                return;
            }
        }

        await window.StopLoopAsync();
    }

    private void LogRound(RoundServerMetrics metrics)
    {
        var rate = metrics.Derived.PrefixCacheHitRate is { } r
            ? r.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)
            : "n/a";
        MonitoringLog.RoundEnded(
            _logger, metrics.Label, metrics.Scrapes, metrics.FailedScrapes, rate);
        foreach (var message in metrics.RestartMessages.Concat(metrics.Warnings))
        {
            MonitoringLog.RoundWarning(_logger, metrics.Label, message);
        }
    }

    private static Uri[] ValidateEndpoints(IEnumerable<Uri> endpoints)
    {
        var list = endpoints.ToList();
        var bad = list.Where(u => u is null || !u.IsAbsoluteUri
            || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps)).ToList();
        if (list.Count == 0 || bad.Count > 0)
        {
            throw new ArgumentException(
                $"Metrics endpoints must be one or more absolute http(s) URLs; got "
                + $"[{string.Join(", ", list.Select(u => $"\"{u}\""))}].", nameof(endpoints));
        }

        return [.. list];
    }

    private static TimeSpan ValidatePositive(TimeSpan value, string name) =>
        value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(
                name, value, "Give a positive time span, for example 00:00:00.5.");
}
