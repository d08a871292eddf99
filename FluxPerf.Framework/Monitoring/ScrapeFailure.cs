namespace FluxPerf.Monitoring;

/// <summary>A scrape that yielded nothing usable.</summary>
/// <param name="Endpoint">The <c>/metrics</c> URL.</param>
/// <param name="OffsetMs">When it was attempted, in milliseconds since the window opened.</param>
/// <param name="Reason">What went wrong: refused, timed out, HTTP status, unparsable.</param>
public sealed record ScrapeFailure(string Endpoint, double OffsetMs, string Reason);
