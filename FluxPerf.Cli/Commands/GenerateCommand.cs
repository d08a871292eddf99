using System.CommandLine;
using FluxPerf.Datasets.Generation;

namespace FluxPerf.Cli.Commands;

/// <summary>
/// <c>fluxperf generate</c>: writes synthetic cache workloads with a sidecar of the prefix reuse
/// a perfect cache could get. The rules live in FluxPerf.Datasets.Generation.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>Builds the <c>generate</c> command with its <c>shared-prefix</c> and
    /// <c>multi-round</c> subcommands.</summary>
    public static Command Create()
    {
        var command = new Command(
            "generate",
            "Generate a synthetic prefix-cache workload (JSONL plus <output>.expected.json).");
        command.Subcommands.Add(CreateSharedPrefix());
        command.Subcommands.Add(CreateMultiRound());
        return command;
    }

    private static Command CreateSharedPrefix()
    {
        var groups = Required("--groups", "Number of prefix groups (G).");
        var perGroup = Required("--prompts-per-group", "Prompts per group (N).");
        var prefix = Required(
            "--prefix-tokens",
            "Tokens of each group's shared prefix (P), exact in cl100k_base.");
        var suffix = Required("--suffix-tokens", "Tokens of each prompt's own suffix (S), exact.");
        var system = Optional(
            "--system-tokens",
            "Tokens of a system prompt shared by all prompts (T).",
            0);
        var shuffle = new Option<bool>("--shuffle")
        {
            Description = "Write the prompts in a seeded random order instead of group by group.",
        };
        var (output, seed, maxTokens) = Common();

        var command = new Command(
            "shared-prefix",
            "G groups x N prompts: a shared prefix of exactly P tokens per group and a unique "
            + "suffix of exactly S tokens, after an optional shared system prompt of T tokens.\n\n"
            + "Example:\n  fluxperf generate shared-prefix --groups 8 --prompts-per-group 16 "
            + "--prefix-tokens 2000 --suffix-tokens 200 --system-tokens 500 --shuffle "
            + "--output shared.jsonl --seed 1");
        Add(command, groups, perGroup, prefix, suffix, system, shuffle, output, seed, maxTokens);
        command.SetAction(pr => ConvertCommand.Execute(
            pr,
            () => SharedPrefixGenerator.Generate(new()
            {
                Groups = pr.GetValue(groups),
                PromptsPerGroup = pr.GetValue(perGroup),
                PrefixTokens = pr.GetValue(prefix),
                SuffixTokens = pr.GetValue(suffix),
                SystemTokens = pr.GetValue(system),
                Shuffle = pr.GetValue(shuffle),
                OutputPath = pr.GetValue(output)!, // not null: the option is required
                Seed = pr.GetValue(seed),
                MaxTokens = pr.GetValue(maxTokens),
            }).Format()));
        return command;
    }

    private static Command CreateMultiRound()
    {
        var users = Required("--users", "Number of users, one session each (U).");
        var rounds = Required("--rounds", "Questions per user (R).");
        var system = Required(
            "--system-tokens", "Tokens of the system prompt all users share (T).");
        var context = Optional(
            "--context-tokens",
            "Tokens of each user's own context, sent with the first question (C).",
            1000);
        var question = Optional("--question-tokens", "Tokens of each question (Q).", 20);
        var (output, seed, maxTokens) = Common();

        var command = new Command(
            "multi-round",
            "U users x R rounds like LMCache's multi-round QA benchmark: a shared system prompt, "
            + "a per-user context, then one question per round with the conversation as "
            + "history.\n\n"
            + "Example:\n  fluxperf generate multi-round --users 10 --rounds 5 "
            + "--system-tokens 1000 --context-tokens 2000 --question-tokens 50 "
            + "--output rounds.jsonl --seed 1");
        Add(command, users, rounds, system, context, question, output, seed, maxTokens);
        command.SetAction(pr => ConvertCommand.Execute(pr, () => MultiRoundGenerator.Generate(new()
        {
            Users = pr.GetValue(users),
            Rounds = pr.GetValue(rounds),
            SystemTokens = pr.GetValue(system),
            ContextTokens = pr.GetValue(context),
            QuestionTokens = pr.GetValue(question),
            OutputPath = pr.GetValue(output)!, // not null: the option is required
            Seed = pr.GetValue(seed),
            MaxTokens = pr.GetValue(maxTokens),
        }).Format()));
        return command;
    }

    private static (Option<string> Output, Option<int> Seed, Option<int?> MaxTokens) Common() =>
    (
        new Option<string>("--output", "-o")
        {
            Description =
                "The benchmark JSONL to write; <output>.expected.json is written beside it.",
            Required = true,
        },
        Optional(
            "--seed",
            "Seed of the words and the order; the same seed writes the same files.",
            0),
        new Option<int?>("--max-tokens")
        {
            Description = "max_tokens to write on every entry. Default: left to the run.",
        });

    private static Option<int> Required(string name, string description) =>
        new(name) { Description = description, Required = true };

    private static Option<int> Optional(string name, string description, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    private static void Add(Command command, params Option[] options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }
}
