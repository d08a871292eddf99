namespace FluxPerf.Datasets.Generation;

/// <summary>What <see cref="SharedPrefixGenerator"/> writes.</summary>
public sealed record SharedPrefixOptions
{
    /// <summary>Number of prefix groups (at least 1). Required.</summary>
    public required int Groups { get; init; }

    /// <summary>Prompts per group (at least 1). Required.</summary>
    public required int PromptsPerGroup { get; init; }

    /// <summary>
    /// Tokens of the prefix every prompt of a group starts with (0 or more). Required.
    /// </summary>
    public required int PrefixTokens { get; init; }

    /// <summary>Tokens of each prompt's own suffix (at least 1). Required.</summary>
    public required int SuffixTokens { get; init; }

    /// <summary>Tokens of a system prompt shared by all prompts; 0 writes single-turn entries
    /// without a system prompt. Default: 0.</summary>
    public int SystemTokens { get; init; }

    /// <summary>Write the requests in a seeded random order instead of group by group.
    /// Default: <c>false</c>.</summary>
    public bool Shuffle { get; init; }

    /// <summary><c>max_tokens</c> to write on every entry, or <c>null</c> to leave it to the run.
    /// Default: <c>null</c>.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The seed of the words and the order. Default: 0.</summary>
    public int Seed { get; init; }

    /// <summary>The benchmark JSONL file to write; the sidecar goes beside it. Required.</summary>
    public required string OutputPath { get; init; }
}
