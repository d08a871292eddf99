using System.CommandLine;
using System.CommandLine.Invocation;
using FluxPerf.Cli.Commands;

namespace FluxPerf.Cli;

/// <summary>The <c>fluxperf</c> root command: wires the subcommands, parses and invokes.</summary>
internal static class CliApp
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "FluxPerf: two-round prefix-cache benchmarks of OpenAI-compatible LLM servers "
            + "(vLLM, SGLang, LMCache).\n\n"
            + "Examples:\n"
            + "  fluxperf run --recipe examples/recipe_quickstart.yaml\n"
            + "  fluxperf run --mock-server --dataset examples/datasets/quickstart.jsonl "
            + "--concurrency 2 4\n"
            + "  fluxperf mock --port 18080\n"
            + "  fluxperf compare benchmark_results/run-a benchmark_results/run-b");
        var mock = MockCommand.Create();
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(mock);
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.SetAction(pr => ShowHelp(root, pr));
        CommandExamples.Install(root, new Dictionary<Command, string>
        {
            [mock] = MockCommand.FlagsHelp,
        });
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = CreateRootCommand();
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction errorAction)
        {
            // The full help after an error buries the error; the typo suggestions stay.
            errorAction.ShowHelp = false;
            await parseResult.InvokeAsync();
            await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                "Run 'fluxperf <command> --help' to see the arguments each command takes.");
            return ExitCodes.UsageError;
        }

        using var cancel = new CancelKeyHandler();

        // fluxperf cancels through its own Ctrl+C handler: System.CommandLine's would end the
        // process after a fixed timeout, before in-flight requests are recorded.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await parseResult.InvokeAsync(configuration, cancel.Token);
    }

    private static int ShowHelp(RootCommand root, ParseResult parseResult)
    {
        var help = root.Options.OfType<System.CommandLine.Help.HelpOption>().First();
        return help.Action is SynchronousCommandLineAction action
            ? action.Invoke(parseResult)
            : ExitCodes.Ok;
    }
}
