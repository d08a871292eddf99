using System.CommandLine;
using FluxPerf.Datasets;

namespace FluxPerf.Cli.Commands;

/// <summary>How convert and generate handlers report results and failures.</summary>
internal static partial class ConvertCommand
{
    /// <summary>Exit code for bad input or options.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Runs <paramref name="action"/> and prints its summary to stdout (exit 0), or prints the
    /// problem to stderr (exit 2) without a stack trace: every failure it catches is about the
    /// user's input, options or output path, so the message alone says what to fix.
    /// </summary>
    public static int Execute(ParseResult parseResult, Func<string> action)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            output.Write(action());
            return 0;
        }
        catch (DatasetException e)
        {
            error.WriteLine($"error: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read or write a file: {e.Message}");
        }

        return UsageError;
    }
}
