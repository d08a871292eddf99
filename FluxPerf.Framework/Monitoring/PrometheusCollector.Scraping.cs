using System.Net.Http.Headers;
using FluxPerf.Client;

namespace FluxPerf.Monitoring;

/// <summary>One scrape of one endpoint, and the periodic loop.</summary>
public sealed partial class PrometheusCollector
{
    private async Task RunPeriodicAsync(RoundWindow window, CancellationToken stop)
    {
        // PeriodicTimer keeps the cadence from drifting by the scrape's own duration; a tick
        // missed while a slow scrape runs is skipped rather than queued.
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await ScrapeAllAsync(window, ScrapeKind.Periodic, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The round ended; a scrape cut off here is abandoned, not counted as failed.
        }
    }

    private async Task ScrapeAllAsync(
        RoundWindow window,
        ScrapeKind kind,
        CancellationToken cancellationToken)
    {
        var scrapes = _endpoints.Select(e => ScrapeAsync(e, kind, _selector, cancellationToken));
        foreach (var record in await Task.WhenAll(scrapes))
        {
            window.Add(record);
        }
    }

    private async Task<ScrapeRecord> ScrapeAsync(
        Uri endpoint,
        ScrapeKind kind,
        MetricSelector? selector,
        CancellationToken cancellationToken)
    {
        var sent = Timestamps.Now();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var (text, format) = await FetchAsync(endpoint, timeout.Token);
            return Parsed(endpoint, kind, sent, PrometheusTextParser.Parse(text, format), selector);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(endpoint, kind, sent, $"timed out after {_timeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException ex)
        {
            return Failed(endpoint, kind, sent, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken response (bad charset, reset mid-body) must not end the round.
            return Failed(endpoint, kind, sent, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<(string Text, ExpositionFormat Format)> FetchAsync(
        Uri endpoint,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        request.Headers.Accept.Add(
            new MediaTypeWithQualityHeaderValue("application/openmetrics-text", 0.5));
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null,
                response.StatusCode);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);

        // Scrapes run during rounds: parsing a page of thousands of series on the socket
        // thread would delay the timestamps of the streams it shares that thread with.
        await SocketCompletions.LeaveSocketThread();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var format = mediaType == "application/openmetrics-text"
            ? ExpositionFormat.OpenMetrics
            : ExpositionFormat.Auto;
        return (text, format);
    }

    private ScrapeRecord Parsed(
        Uri endpoint,
        ScrapeKind kind,
        long sent,
        ScrapeResult result,
        MetricSelector? selector)
    {
        if (result.SampleCount == 0 && result.BadLineCount > 0)
        {
            return Failed(endpoint, kind, sent,
                $"unparsable: {result.BadLineCount} bad line(s), first {result.Warnings[0]}");
        }

        if (result.BadLineCount > 0)
        {
            MonitoringLog.BadLines(
                _logger, endpoint, result.BadLineCount, result.Warnings[0].ToString());
        }

        // The server composed its reply somewhere between request and reply; the mid-point is
        // the unbiased guess, and both ends lie outside the round for the before/after scrapes.
        var received = Timestamps.Now();
        var middle = sent + ((received - sent) / 2);
        var wallClock = _time.GetUtcNow()
            - TimeSpan.FromMilliseconds(Timestamps.ElapsedMs(middle, received));
        var kept = selector is null ? result : selector.Filter(result);
        return new ScrapeRecord(endpoint, Instance(endpoint), kind, middle, wallClock, kept, null);
    }

    private ScrapeRecord Failed(Uri endpoint, ScrapeKind kind, long sent, string reason)
    {
        MonitoringLog.ScrapeFailed(_logger, endpoint, reason);
        return new ScrapeRecord(
            endpoint, Instance(endpoint), kind, sent, _time.GetUtcNow(), null, reason);
    }

    private static string Instance(Uri endpoint) => $"{endpoint.Host}:{endpoint.Port}";
}
