using System.CommandLine;
using FluxPerf.Datasets.Conversion;

namespace FluxPerf.Cli.Commands;

/// <summary><c>fluxperf convert longbench</c>.</summary>
internal static partial class ConvertCommand
{
    private static Command CreateLongBench()
    {
        var input = InputOption(
            "A LongBench v1 .jsonl file, a folder of them, LongBench's data.zip, or a "
            + "LongBench v2 .json file.");
        var output = OutputOption();
        var datasets = new Option<string?>("--datasets")
        {
            Description = "Comma-separated sub-datasets to keep (v1 'dataset', v2 'domain' or "
                + "'sub_domain'), e.g. hotpotqa,qasper. Default: all.",
        };
        var language = new Option<string?>("--language")
        {
            Description = "Keep only records in this language (v1 only). Default: both.",
        };
        language.AcceptOnlyFromAmong("en", "zh");
        var sample = new Option<int?>("--sample")
        {
            Description = "Records to keep per sub-dataset, drawn with --seed (context groups "
                + "with --group-by-context). Default: all.",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for --sample.",
            DefaultValueFactory = _ => 0,
        };
        var maxPromptTokens = MaxPromptTokensOption(
            "Token budget (cl100k_base) per prompt; longer prompts keep the first and last half "
            + "of the budget, as LongBench does. Default: no budget.");
        var group = new Option<bool>("--group-by-context")
        {
            Description = "Write records that share a context together (see --group-as), so a "
                + "prefix cache can reuse the context.",
        };
        var groupAs = new Option<string>("--group-as")
        {
            Description = "With --group-by-context: 'session' = one multi-turn session per context "
                + "(first turn context + question, later turns only the question); 'requests' = "
                + "consecutive single-turn requests with the full context each.",
            DefaultValueFactory = _ => "session",
        };
        groupAs.AcceptOnlyFromAmong("session", "requests");
        var templates = new Option<string?>("--prompt-templates")
        {
            Description = "A JSON object of v1 templates (sub-dataset -> template with {context} "
                + "and {input}) to use instead of LongBench's dataset2prompt.json.",
        };
        var download = new Option<bool>("--download")
        {
            Description = "Download the data first. Not possible: FluxPerf works offline; the "
                + "error explains how to fetch data.zip by hand.",
        };

        var command = new Command(
            "longbench",
            "Convert LongBench v1/v2 records into benchmark JSONL, each prompt built from its "
            + "sub-dataset's LongBench template and max_tokens from LongBench's answer budget.\n\n"
            + "Example:\n  fluxperf convert longbench --input data.zip --output longbench.jsonl "
            + "--datasets hotpotqa,qasper --language en --sample 20 --seed 1 "
            + "--max-prompt-tokens 8000 --group-by-context");
        foreach (var option in new Option[]
        {
            input, output, datasets, language, sample, seed, maxPromptTokens, group, groupAs,
            templates, download,
        })
        {
            command.Options.Add(option);
        }

        command.SetAction(pr => Execute(pr, () => LongBenchConverter.Convert(new LongBenchOptions
        {
            InputPath = pr.GetValue(input)!, // not null: the option is required
            OutputPath = pr.GetValue(output)!, // not null: the option is required
            Datasets = SplitList(pr.GetValue(datasets)),
            Language = pr.GetValue(language),
            SamplePerDataset = pr.GetValue(sample),
            Seed = pr.GetValue(seed),
            MaxPromptTokens = pr.GetValue(maxPromptTokens),
            Grouping = !pr.GetValue(group) ? LongBenchGrouping.None
                : pr.GetValue(groupAs) == "requests" ? LongBenchGrouping.Consecutive
                : LongBenchGrouping.Session,
            PromptTemplatesPath = pr.GetValue(templates),
            Download = pr.GetValue(download),
        }).Format()));
        return command;
    }

    private static string[] SplitList(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? [];
}
