using System.CommandLine;

namespace FluxPerf.Cli.Commands;

/// <summary>
/// <c>fluxperf convert</c>: turns public datasets into benchmark JSONL. The handlers only map
/// options onto the framework's converters; all rules live in FluxPerf.Datasets.Conversion.
/// </summary>
internal static partial class ConvertCommand
{
    /// <summary>Builds the <c>convert</c> command with its <c>longbench</c> and <c>sharegpt</c>
    /// subcommands.</summary>
    public static Command Create()
    {
        var command = new Command(
            "convert",
            "Convert a public dataset (LongBench, ShareGPT) into benchmark JSONL for "
            + "'fluxperf run'.");
        command.Subcommands.Add(CreateLongBench());
        command.Subcommands.Add(CreateShareGpt());
        return command;
    }

    private static Option<string> InputOption(string description) =>
        new("--input", "-i") { Description = description, Required = true };

    private static Option<string> OutputOption() =>
        new("--output", "-o")
        {
            Description = "The benchmark JSONL file to write (replaced if it exists).",
            Required = true,
        };

    private static Option<int?> MaxPromptTokensOption(string description) =>
        new("--max-prompt-tokens") { Description = description };
}
