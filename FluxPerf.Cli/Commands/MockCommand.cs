using System.CommandLine;
using FluxPerf.MockServer;
using MockHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Cli.Commands;

/// <summary>
/// <c>fluxperf mock</c>: runs the vLLM-like mock server until Ctrl+C. Its flags are the mock's
/// own (<see cref="MockServerCommandLine"/>), so they are passed through rather than declared
/// twice and left to drift.
/// </summary>
internal static class MockCommand
{
    /// <summary>Builds the <c>mock</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("mock", Description())
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((pr, ct) => RunAsync(pr, ct));
        return command;
    }

    /// <summary>The mock's own flags, printed after <c>fluxperf mock --help</c>.</summary>
    public static string FlagsHelp => "Mock flags (after 'fluxperf mock'; each also read from the "
        + "environment variable shown, flags win):\n"
        + string.Join('\n', MockServerCommandLine.HelpText.Split('\n').Skip(3)).TrimEnd();

    private static string Description() =>
        "Start the vLLM-like mock server (prefix cache, /metrics, /reset_prefix_cache) on "
        + "127.0.0.1 until Ctrl+C.\n\n"
        + "Example:\n  fluxperf mock --port 18080 --prefill-ms-per-token 0.2 --itl-ms 2";

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken ct)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (!TryGetOptions(parseResult, out var options, out var problems))
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            await error.WriteLineAsync("Run 'fluxperf mock --help' to list the mock's flags.");
            return ExitCodes.UsageError;
        }

        await using var server = await MockHost.StartAsync(options, ct);
        await output.WriteLineAsync(
            $"FluxPerf mock listening on {server.BaseAddress.ToString().TrimEnd('/')}");
        await output.WriteLineAsync($"Model \"{options.ModelName}\"; press Ctrl+C to stop.");
        await output.FlushAsync(ct);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is how the mock is meant to stop.
        }

        return ExitCodes.Ok;
    }

    private static bool TryGetOptions(
        ParseResult parseResult,
        out MockServerOptions options,
        out IReadOnlyList<string> problems)
    {
        options = new MockServerOptions();
        try
        {
            var baseline = MockServerOptions.FromEnvironment();
            var args = parseResult.UnmatchedTokens.ToArray();
            if (!MockServerCommandLine.TryParse(args, baseline, out options, out problems))
            {
                return false;
            }
        }
        catch (ArgumentException e)
        {
            problems = [e.Message];
            return false;
        }

        problems = options.Validate();
        return problems.Count == 0;
    }
}
