namespace FluxPerf.Monitoring;

/// <summary>When in the round a scrape was taken.</summary>
internal enum ScrapeKind
{
    Before,
    Periodic,
    After,
}

/// <summary>One scrape attempt of one endpoint: its stamps and a result or a failure.</summary>
/// <param name="Endpoint">The URL scraped.</param>
/// <param name="Instance"><c>host:port</c> of the endpoint.</param>
/// <param name="Kind">Before, during or after the round.</param>
/// <param name="Timestamp">Monotonic stamp (mid-point of request and reply on success).</param>
/// <param name="WallClockUtc">Wall-clock stamp for the same moment.</param>
/// <param name="Result">The kept samples, or null on failure.</param>
/// <param name="Failure">Why the scrape failed, or null on success.</param>
internal sealed record ScrapeRecord(
    Uri Endpoint,
    string Instance,
    ScrapeKind Kind,
    long Timestamp,
    DateTimeOffset WallClockUtc,
    ScrapeResult? Result,
    string? Failure);
