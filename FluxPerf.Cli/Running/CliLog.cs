using Microsoft.Extensions.Logging;

namespace FluxPerf.Cli.Running;

/// <summary>The log messages of the <c>fluxperf</c> command itself.</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void RecipeWarning(ILogger logger, string warning);
}
