using Microsoft.Extensions.Logging;

namespace FluxPerf.Client;

/// <summary>The client's log messages (event ids 1100-1199).</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "The server rejected stream_options with HTTP {Status} ({ErrorMessage}); "
            + "retrying with stream options {NextMode} (remembered now: {Certain})")]
    public static partial void StreamOptionsRejected(
        ILogger logger,
        int status,
        string errorMessage,
        StreamOptionsMode nextMode,
        bool certain);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Request failed: {ErrorKind}, HTTP {Status}: {ErrorMessage}")]
    public static partial void RequestFailed(
        ILogger logger,
        RequestErrorKind errorKind,
        int? status,
        string errorMessage);
}
