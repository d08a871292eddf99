using System.CommandLine;
using FluxPerf.Datasets.Conversion;

namespace FluxPerf.Cli.Commands;

/// <summary><c>fluxperf convert sharegpt</c>.</summary>
internal static partial class ConvertCommand
{
    private static Command CreateShareGpt()
    {
        var input = InputOption("A ShareGPT .json file (an array, or one object) or .jsonl file.");
        var output = OutputOption();
        var singleTurn = new Option<bool>("--single-turn")
        {
            Description = "Write one single-turn prompt per conversation (its first user turn) "
                + "instead of a multi-turn session.",
        };
        var minTurns = new Option<int>("--min-turns")
        {
            Description = "Drop conversations with fewer user turns (after cleaning).",
            DefaultValueFactory = _ => 1,
        };
        var maxTurns = new Option<int?>("--max-turns")
        {
            Description = "Drop conversations with more user turns (after cleaning). "
                + "Default: no limit.",
        };
        var maxPromptTokens = MaxPromptTokensOption(
            "Drop entries whose longest prompt (system + history up to the last user turn; the "
            + "first user turn with --single-turn) has more cl100k_base tokens. "
            + "Default: no limit.");

        var command = new Command(
            "sharegpt",
            "Convert ShareGPT conversations into benchmark JSONL: cleaned multi-turn sessions "
            + "with the dataset's replies kept, or single-turn prompts. Tool calls join the "
            + "assistant side, tool results the user side.\n\n"
            + "Example:\n  fluxperf convert sharegpt --input ShareGPT_V3.json "
            + "--output sharegpt.jsonl --min-turns 2 --max-turns 8 --max-prompt-tokens 4000");
        var options = new Option[]
        {
            input, output, singleTurn, minTurns, maxTurns, maxPromptTokens,
        };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(pr => Execute(pr, () => ShareGptConverter.Convert(new ShareGptOptions
        {
            InputPath = pr.GetValue(input)!, // not null: the option is required
            OutputPath = pr.GetValue(output)!, // not null: the option is required
            SingleTurn = pr.GetValue(singleTurn),
            MinTurns = pr.GetValue(minTurns),
            MaxTurns = pr.GetValue(maxTurns),
            MaxPromptTokens = pr.GetValue(maxPromptTokens),
        }).Format()));
        return command;
    }
}
