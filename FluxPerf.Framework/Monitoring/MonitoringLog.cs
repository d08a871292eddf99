using Microsoft.Extensions.Logging;

namespace FluxPerf.Monitoring;

/// <summary>The log messages of server monitoring.</summary>
internal static partial class MonitoringLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Scrape of {Endpoint} failed: {Reason}")]
    public static partial void ScrapeFailed(ILogger logger, Uri endpoint, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Scrape of {Endpoint} skipped {BadLines} unparsable line(s); first: {First}")]
    public static partial void BadLines(ILogger logger, Uri endpoint, int badLines, string first);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug,
        Message = "Round {Label}: server monitoring started on {Endpoints} endpoint(s), "
            + "every {IntervalMs} ms")]
    public static partial void RoundBegun(
        ILogger logger, string label, int endpoints, double intervalMs);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information,
        Message = "Round {Label}: {Scrapes} scrape(s), {FailedScrapes} failed, "
            + "prefix-cache hit rate {HitRate}")]
    public static partial void RoundEnded(
        ILogger logger, string label, int scrapes, int failedScrapes, string hitRate);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "Round {Label}: {Message}")]
    public static partial void RoundWarning(ILogger logger, string label, string message);
}
