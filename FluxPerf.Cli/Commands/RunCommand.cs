using System.CommandLine;
using FluxPerf.Cli.Running;
using FluxPerf.Configuration;
using FluxPerf.Datasets;
using FluxPerf.Running;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace FluxPerf.Cli.Commands;

/// <summary><c>fluxperf run</c>: a recipe, or one stage from flags, against a server or the
/// embedded mock.</summary>
internal static class RunCommand
{
    /// <summary>Builds the <c>run</c> command.</summary>
    public static Command Create()
    {
        var flags = new RunFlags();
        var command = new Command("run", Description());
        foreach (var option in flags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((pr, ct) => ExecuteAsync(pr, flags, ct));
        return command;
    }

    private static string Description() =>
        "Run a two-round cache benchmark from a recipe or from flags (flags override a "
        + "recipe's global values). Each level sends its requests cold (round 1), resets as "
        + "configured, and sends them again (round 2).\n\n"
        + "Examples:\n"
        + "  fluxperf run --recipe examples/recipe_quickstart.yaml\n"
        + "  fluxperf run --mock-server --dataset examples/datasets/quickstart.jsonl "
        + "--concurrency 2 4 --num-samples 8 16 --reset-cache-between-rounds\n"
        + "  fluxperf run --endpoint http://localhost:8000/v1/chat/completions --model m "
        + "--dataset data.jsonl --concurrency 4 8 --reset-cache-url "
        + "http://localhost:8000/reset_prefix_cache --reset-cache-between-rounds "
        + "--slo-file slo.yaml";

    private static async Task<int> ExecuteAsync(
        ParseResult pr,
        RunFlags flags,
        CancellationToken ct)
    {
        var output = pr.InvocationConfiguration.Output;
        var error = pr.InvocationConfiguration.Error;
        var interactive = IsInteractive();
        using var loggers = CreateLoggers(pr.GetValue(flags.Verbose), interactive);
        IProgressDisplay display = interactive
            ? new LiveProgressDisplay(AnsiConsole.Console)
            : new PlainProgressDisplay(output);
        try
        {
            var plan = RunPlanner.Create(pr, flags);
            return await new RunExecutor(loggers, display).RunAsync(plan, ct);
        }
        catch (Exception e) when (e is ConfigurationException or DatasetException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (BenchmarkException e)
        {
            await error.WriteLineAsync($"run failed: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot read or write a file: {e.Message}");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>A live display only for a person at a terminal: redrawn bars would fill a CI log
    /// or a redirected file with control codes.</summary>
    private static bool IsInteractive() =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>On a terminal the bars already show each round's start and end, and log lines
    /// written under a live display tear it, so only warnings are logged there unless
    /// --verbose asks for everything.</summary>
    private static ILoggerFactory CreateLoggers(bool verbose, bool interactive)
    {
        var level = verbose ? LogLevel.Debug
            : interactive ? LogLevel.Warning
            : LogLevel.Information;
        var colour = interactive
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.ColorBehavior = colour
                    ? LoggerColorBehavior.Enabled
                    : LoggerColorBehavior.Disabled;
            }));
    }
}
