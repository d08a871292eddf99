using Microsoft.Extensions.Logging;

namespace FluxPerf.Running;

/// <summary>The run's log messages: lifecycle at Information, trouble at Warning.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information,
        "Stage {Stage}: c={Concurrency}, round {Round}: {Requests} requests ({Load})")]
    public static partial void RoundStarting(
        ILogger logger, string stage, int concurrency, int round, int requests, string load);

    [LoggerMessage(2, LogLevel.Information,
        "Stage {Stage}: c={Concurrency}, round {Round} done: "
        + "{Succeeded} ok, {Failed} failed in {DurationS:0.00} s")]
    public static partial void RoundFinished(
        ILogger logger, string stage, int concurrency, int round, int succeeded, int failed,
        double durationS);

    [LoggerMessage(3, LogLevel.Information, "Cache reset ({Moment}): {Verification}")]
    public static partial void ResetDone(ILogger logger, string moment, string verification);

    [LoggerMessage(4, LogLevel.Warning, "{Warning}")]
    public static partial void RunWarning(ILogger logger, string warning);

    [LoggerMessage(5, LogLevel.Information, "Run folder: {Folder}")]
    public static partial void RunFolder(ILogger logger, string folder);
}
